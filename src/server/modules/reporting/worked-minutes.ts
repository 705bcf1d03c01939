import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { rowsOf } from '../../db/rows.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { monthsOf, type Period } from './period.js';

/** Clients of the medico-social sector (care homes and other medico-social establishments): the regional call. */
export const MEDICO_SOCIAL_KINDS = ['care_home', 'medico_social'] as const;

export type WorkedMonth = { month: string; minutes: number; medicoSocialMinutes: number; workers: number };
export type WorkedTotals = { minutes: number; medicoSocialMinutes: number; workers: number; clients: number };

const orgList = (organisationIds: string[]) =>
  sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The shifts' worked rows of a set of AIs over [start, end): the minutes worked as payroll/worked-minutes.ts
 * counts them (timesheet times minus breaks when there is an entry, else the planned shift; assigned shifts
 * starting in the range; every shift has a mission), and the planned length in seconds (the network's "hours
 * delivered"). The direct computation, which the monthly aggregates (aggregate-month.ts) store per month.
 */
export const workedRows = (organisationIds: string[], start: Date, end: Date) => sql`
    SELECT s.worker_id, s.client_id, s.organisation_id,
      to_char(s.start_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month,
      greatest(0, round(extract(epoch FROM (coalesce(te.actual_end, s.end_at) - coalesce(te.actual_start, s.start_at))) / 60)
        - coalesce(te.break_minutes, 0))::int AS minutes,
      extract(epoch FROM (s.end_at - s.start_at)) AS planned_seconds,
      s.end_at
    FROM shifts s
    JOIN clients c ON c.id = s.client_id
    LEFT JOIN timesheet_entries te ON te.shift_id = s.id
    WHERE s.organisation_id IN (${orgList(organisationIds)})
      AND s.status = 'assigned' AND s.start_at >= ${start.toISOString()}::timestamptz AND s.start_at < ${end.toISOString()}::timestamptz`;

const nextMonth = (month: string) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const monthStart = (month: string) => parisInstant(`${month}-01`);

/**
 * Where a period's figures come from, per AI: the months wholly inside the period that are aggregated
 * (reporting_months) are read from the aggregates, the rest of the period from the shifts (usually the current
 * month and the months not closed yet). AIs with the same aggregated months share one range query.
 */
async function sourcesOf(db: Db, organisationIds: string[], period: Period) {
  const whole = monthsOf(period).filter(
    (m) => period.from <= `${m}-01` && addDays(`${nextMonth(m)}-01`, -1) <= period.to,
  );
  const aggregated = new Map<string, string[]>(organisationIds.map((id) => [id, []]));
  if (whole.length > 0) {
    const rows = await rowsOf<{ organisation_id: string; month: string }>(
      db,
      sql`SELECT organisation_id, month FROM reporting_months
          WHERE organisation_id IN (${orgList(organisationIds)}) AND month >= ${whole[0]} AND month <= ${whole.at(-1)}
          ORDER BY month`,
    );
    for (const r of rows) aggregated.get(r.organisation_id)?.push(r.month);
  }
  // Live ranges: the period's instants minus the aggregated months, grouped by identical month sets.
  const groups = new Map<string, { organisationIds: string[]; ranges: [Date, Date][] }>();
  const periodStart = parisInstant(period.from);
  const periodEnd = parisInstant(addDays(period.to, 1));
  for (const [organisationId, months] of aggregated) {
    const key = months.join(',');
    const group = groups.get(key);
    if (group) {
      group.organisationIds.push(organisationId);
      continue;
    }
    const ranges: [Date, Date][] = [];
    let cursor = periodStart;
    for (const m of months) {
      const a = monthStart(m);
      if (a > cursor) ranges.push([cursor, a]);
      cursor = monthStart(nextMonth(m));
    }
    if (periodEnd > cursor) ranges.push([cursor, periodEnd]);
    groups.set(key, { organisationIds: [organisationId], ranges });
  }
  const live = [...groups.values()].flatMap((g) => g.ranges.map(([a, b]) => workedRows(g.organisationIds, a, b)));
  const hasAggregates = [...aggregated.values()].some((m) => m.length > 0);
  return {
    live: live.length > 0,
    /** The live rows, read once per statement (the statement starts with it). */
    withLive: live.length ? sql`WITH live AS MATERIALIZED (${sql.join(live, sql` UNION ALL `)}) ` : sql``,
    aggregatedFilter: hasAggregates
      ? sql`organisation_id IN (${orgList(organisationIds)}) AND month >= ${whole[0]} AND month <= ${whole.at(-1)}`
      : null,
  };
}

/** Rows (organisation_id, month, worker_id) of every worker with worked shifts in the period. */
function workerRows(sources: Awaited<ReturnType<typeof sourcesOf>>): SQL {
  const parts: SQL[] = [];
  if (sources.aggregatedFilter)
    parts.push(
      sql`SELECT organisation_id, month, worker_id FROM reporting_worker_months WHERE ${sources.aggregatedFilter}`,
    );
  if (sources.live) parts.push(sql`SELECT organisation_id, month, worker_id FROM live`);
  return parts.length ? sql.join(parts, sql` UNION ALL `) : sql`SELECT NULL::uuid, NULL::text, NULL::uuid WHERE false`;
}

/**
 * Rows (organisation_id, month, client_id, minutes, planned_seconds, ended_seconds) per client and month;
 * ended_seconds counts the planned length of the shifts already over at `now` (aggregated months are over).
 */
function clientRows(sources: Awaited<ReturnType<typeof sourcesOf>>, now: Date): SQL {
  const parts: SQL[] = [];
  if (sources.aggregatedFilter)
    parts.push(
      sql`SELECT organisation_id, month, client_id, minutes::bigint AS minutes, planned_seconds::numeric AS planned_seconds,
            planned_seconds::numeric AS ended_seconds
          FROM reporting_client_months WHERE ${sources.aggregatedFilter}`,
    );
  if (sources.live)
    parts.push(
      sql`SELECT organisation_id, month, client_id, sum(minutes)::bigint AS minutes,
            coalesce(sum(planned_seconds), 0)::numeric AS planned_seconds,
            coalesce(sum(planned_seconds) FILTER (WHERE end_at <= ${now.toISOString()}::timestamptz), 0)::numeric AS ended_seconds
          FROM live GROUP BY organisation_id, month, client_id`,
    );
  return parts.length
    ? sql.join(parts, sql` UNION ALL `)
    : sql`SELECT NULL::uuid, NULL::text, NULL::uuid, 0::bigint, 0::numeric, 0::numeric WHERE false`;
}

export type WorkedFigures = { months: WorkedMonth[]; totals: WorkedTotals };

/**
 * Months and totals of a period for one AI: the monthly aggregates where they exist, the shifts elsewhere; equal
 * to the direct computation over the shifts (aggregates.test.ts proves it on random worlds).
 */
export async function workedFigures(db: Db, organisationId: string, period: Period): Promise<WorkedFigures> {
  const sources = await sourcesOf(db, [organisationId], period);
  // One statement: the live rows are read once for both parts.
  const rows = await rowsOf<{
    part: 'w' | 'c';
    month: string | null;
    workers: number;
    minutes: number;
    medico: number;
    clients: number;
  }>(
    db,
    sql`${sources.withLive}
        SELECT 'w' AS part, month, count(DISTINCT worker_id)::int AS workers, 0 AS minutes, 0 AS medico, 0 AS clients
        FROM (${workerRows(sources)}) w (organisation_id, month, worker_id)
        GROUP BY GROUPING SETS ((month), ())
        UNION ALL
        SELECT 'c', r.month, 0, coalesce(sum(r.minutes), 0)::int,
          coalesce(sum(r.minutes) FILTER (WHERE c.kind IN ('care_home', 'medico_social')), 0)::int,
          count(DISTINCT r.client_id)::int
        FROM (${clientRows(sources, new Date())}) r (organisation_id, month, client_id, minutes, planned_seconds, ended_seconds)
        JOIN clients c ON c.id = r.client_id
        GROUP BY GROUPING SETS ((r.month), ())`,
  );
  const workerCounts = rows.filter((r) => r.part === 'w');
  const clientSums = rows.filter((r) => r.part === 'c');
  const workersOf = new Map(workerCounts.map((r) => [r.month, Number(r.workers)]));
  const total = clientSums.find((r) => r.month === null);
  return {
    months: clientSums
      .filter((r) => r.month !== null)
      .sort((a, b) => a.month!.localeCompare(b.month!))
      .map((r) => ({
        month: r.month!,
        minutes: Number(r.minutes),
        medicoSocialMinutes: Number(r.medico),
        workers: workersOf.get(r.month) ?? 0,
      })),
    totals: {
      minutes: Number(total?.minutes ?? 0),
      medicoSocialMinutes: Number(total?.medico ?? 0),
      workers: workersOf.get(null) ?? 0,
      clients: Number(total?.clients ?? 0),
    },
  };
}

export async function workedTotals(db: Db, organisationId: string, period: Period): Promise<WorkedTotals> {
  return (await workedFigures(db, organisationId, period)).totals;
}

/**
 * Seconds delivered to medico-social clients by several AIs per AI and month: the planned length of their
 * assigned shifts already over at `now` (the network's dashboard and API.md's network stats round them).
 */
export async function deliveredSecondsByOrganisationMonth(
  db: Db,
  organisationIds: string[],
  period: Period,
  now: Date,
) {
  if (organisationIds.length === 0) return [];
  const sources = await sourcesOf(db, organisationIds, period);
  const rows = await rowsOf<{ organisation_id: string; month: string; seconds: string }>(
    db,
    sql`${sources.withLive} SELECT r.organisation_id, r.month, sum(r.ended_seconds)::text AS seconds
        FROM (${clientRows(sources, now)}) r (organisation_id, month, client_id, minutes, planned_seconds, ended_seconds)
        JOIN clients c ON c.id = r.client_id
        WHERE c.kind IN ('care_home', 'medico_social')
        GROUP BY r.organisation_id, r.month`,
  );
  return rows.map((r) => ({ organisationId: r.organisation_id, month: r.month, seconds: Number(r.seconds) }));
}
