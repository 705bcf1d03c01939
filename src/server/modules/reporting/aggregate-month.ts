import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { rowsOf } from '../../db/rows.js';
import { addDays, parisDate, parisInstant } from '../calendar/paris-time.js';
import { workedRows } from './worked-minutes.js';

const nextMonth = (month: string) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * A month can be aggregated once it is over for a day (a night shift begun on its last evening has ended): its
 * figures no longer depend on the hour they are read at.
 */
export function monthIsOver(month: string, now: Date) {
  return parisInstant(addDays(`${nextMonth(month)}-01`, 1)) <= now;
}

/**
 * Computes one AI's month from its shifts and timesheet entries into the reporting aggregates (replacing what was
 * there), in one transaction. A month not over yet is left to the direct computation (returns false).
 */
export async function aggregateMonth({
  db,
  organisationId,
  month,
  now = new Date(),
}: {
  db: Db;
  organisationId: string;
  month: string;
  now?: Date;
}): Promise<boolean> {
  if (!monthIsOver(month, now)) return false;
  const rows = workedRows([organisationId], parisInstant(`${month}-01`), parisInstant(`${nextMonth(month)}-01`));
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO reporting_months (organisation_id, month, refreshed_at)
      VALUES (${organisationId}::uuid, ${month}, now())
      ON CONFLICT (organisation_id, month) DO UPDATE SET refreshed_at = now()`);
    await tx.execute(
      sql`DELETE FROM reporting_worker_months WHERE organisation_id = ${organisationId}::uuid AND month = ${month}`,
    );
    await tx.execute(
      sql`DELETE FROM reporting_client_months WHERE organisation_id = ${organisationId}::uuid AND month = ${month}`,
    );
    await tx.execute(sql`INSERT INTO reporting_worker_months (organisation_id, month, worker_id, minutes)
      SELECT ${organisationId}::uuid, ${month}, worker_id, sum(minutes)::int FROM (${rows}) r GROUP BY worker_id`);
    await tx.execute(sql`INSERT INTO reporting_client_months (organisation_id, month, client_id, minutes, planned_seconds)
      SELECT ${organisationId}::uuid, ${month}, client_id, sum(minutes)::int, round(coalesce(sum(planned_seconds), 0))::bigint
      FROM (${rows}) r GROUP BY client_id`);
  });
  return true;
}

/**
 * The hook the operations that change a past month's facts call (shift changes, timesheet corrections, month
 * close): the months of this AI that are already aggregated are computed again; the others are read from the
 * shifts anyway. Cheap when nothing is aggregated (one primary-key lookup).
 */
export async function refreshAggregatedMonths({
  db,
  organisationId,
  months,
  now = new Date(),
}: {
  db: Db;
  organisationId: string;
  months: Iterable<string>;
  now?: Date;
}) {
  const asked = [...new Set(months)];
  if (asked.length === 0) return;
  const kept = await rowsOf<{ month: string }>(
    db,
    sql`SELECT month FROM reporting_months WHERE organisation_id = ${organisationId}::uuid
        AND month IN (${sql.join(
          asked.map((m) => sql`${m}`),
          sql`, `,
        )})`,
  );
  for (const { month } of kept) await aggregateMonth({ db, organisationId, month, now });
}

/** The Paris months (YYYY-MM) of some instants: what a caller passes to refreshAggregatedMonths. */
export function monthsOfInstants(instants: Iterable<Date>) {
  const out = new Set<string>();
  for (const at of instants) out.add(parisDate(at).slice(0, 7));
  return out;
}

/**
 * Rebuilds the aggregates from existing data (`passerelle reporting-rebuild`, and after an upgrade): every closed
 * month (billing's month_closes, done) that is over, of one AI or of all. Returns the months aggregated.
 */
export async function rebuildAggregates({
  db,
  organisationId,
  now = new Date(),
}: {
  db: Db;
  organisationId?: string;
  now?: Date;
}): Promise<number> {
  const closed = await rowsOf<{ organisation_id: string; month: string }>(
    db,
    sql`SELECT organisation_id, month FROM month_closes WHERE status = 'done'
        ${organisationId ? sql`AND organisation_id = ${organisationId}::uuid` : sql``} ORDER BY organisation_id, month`,
  );
  let n = 0;
  for (const c of closed) if (await aggregateMonth({ db, organisationId: c.organisation_id, month: c.month, now })) n++;
  return n;
}
