import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { rowsOfPrepared } from '../../db/prepared.js';
import { invoiceFrozenTimesheets } from '../billing/close-month.js';
import { parisToday } from '../calendar/paris-time.js';
import { aggregateMonth } from '../reporting/aggregate-month.js';
import { timesheets } from './schema.js';
import { syncTimesheets } from './sync-timesheets.js';

/**
 * The hook planning calls, in its own transaction, after shifts changed (absence, cancellation, replacement,
 * move): the timesheets that already hold these shifts are corrected at once. An entry of a validated
 * timesheet is reversed; if it was invoiced, the credit note is issued now (the client's invoice is never
 * edited); the replacement's hours wait in the open timesheet for the client's validation.
 */
export async function reconcileShiftChanges({
  db,
  organisationId,
  userId,
  shiftIds,
  now = new Date(),
}: {
  db: Db;
  organisationId: string;
  userId: string | null;
  shiftIds: string[];
  now?: Date;
}) {
  if (shiftIds.length === 0) return;
  // Months the shifts are in now (Paris time), and months where they were entered before (a shift may have moved),
  // each with whether it already has timesheets and reporting aggregates: one round trip (this runs inside every
  // assignment, planned once per session: db/prepared.ts).
  const ids = sql`${`{${shiftIds.join(',')}}`}::uuid[]`;
  const months = await rowsOfPrepared<{ month: string; prepared: boolean; aggregated: boolean }>(
    db,
    sql`WITH m AS (
        SELECT to_char(s.start_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month FROM shifts s
        WHERE s.organisation_id = ${organisationId} AND s.id = ANY(${ids})
        UNION
        SELECT t.month FROM timesheet_entries e JOIN timesheets t ON t.id = e.timesheet_id
        WHERE e.organisation_id = ${organisationId} AND e.shift_id = ANY(${ids}))
      SELECT m.month, EXISTS (SELECT 1 FROM timesheets t
        WHERE t.organisation_id = ${organisationId} AND t.month = m.month) AS prepared,
        EXISTS (SELECT 1 FROM reporting_months r
          WHERE r.organisation_id = ${organisationId} AND r.month = m.month) AS aggregated
      FROM m ORDER BY m.month`,
  );
  for (const { month, prepared } of months) {
    // Only months that already have timesheets: the others are prepared when their time comes.
    if (!prepared) continue;
    const result = await syncTimesheets({ db, organisationId, month, now });
    for (const correction of result.corrections.filter((c) => c.invoiced)) {
      await db.update(timesheets).set({ closedAt: now }).where(eq(timesheets.id, correction.id));
      await invoiceFrozenTimesheets({
        db,
        actor: { organisationId, userId },
        month,
        clientId: correction.clientId,
        issuedOn: parisToday(now),
      });
    }
  }
  // The reporting aggregates of these months, when they are kept (closed months), follow the change.
  for (const { month } of months.filter((m) => m.aggregated)) await aggregateMonth({ db, organisationId, month, now });
}
