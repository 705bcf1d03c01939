import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { invoiceFrozenTimesheets } from '../billing/close-month.js';
import { parisDate, parisToday } from '../calendar/paris-time.js';
import { shifts } from '../planning/queries.js';
import { refreshAggregatedMonths } from '../reporting/aggregate-month.js';
import { timesheetEntries, timesheets } from './schema.js';
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
  // Months the shifts are in now, and months where they were entered before (a shift may have moved).
  const [now_, before] = await Promise.all([
    db
      .select({ startAt: shifts.startAt })
      .from(shifts)
      .where(and(eq(shifts.organisationId, organisationId), inArray(shifts.id, shiftIds))),
    db
      .selectDistinct({ month: timesheets.month })
      .from(timesheetEntries)
      .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
      .where(and(eq(timesheetEntries.organisationId, organisationId), inArray(timesheetEntries.shiftId, shiftIds))),
  ]);
  const months = new Set([...now_.map((s) => parisDate(s.startAt).slice(0, 7)), ...before.map((b) => b.month)]);
  for (const month of months) {
    // Only months that already have timesheets: the others are prepared when their time comes.
    const [any] = await db
      .select({ id: timesheets.id })
      .from(timesheets)
      .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)))
      .limit(1);
    if (!any) continue;
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
  await refreshAggregatedMonths({ db, organisationId, months, now });
}
