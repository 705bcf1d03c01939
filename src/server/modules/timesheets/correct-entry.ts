import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { timesheetEntryScope } from '../../policies/scopes.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertOpen } from './find-timesheet.js';
import { timesheetCorrections, timesheetEntries, timesheets } from './schema.js';

export type EntryCorrection = { actualStart?: string; actualEnd?: string; breakMinutes?: number; reason: string };

/**
 * A correction of the actual times or break of one intervention, by the worker (own entries only) or an
 * officer, always with a reason; the previous values are kept in the history. Refused (409) once locked.
 */
export async function correctEntry({
  db,
  actor,
  entryId,
  input,
}: {
  db: Db;
  actor: OrgActor;
  entryId: string;
  input: EntryCorrection;
}) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ entry: timesheetEntries, sheet: timesheets })
      .from(timesheetEntries)
      .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
      .where(and(eq(timesheetEntries.id, entryId), timesheetEntryScope(actor)))
      .for('update');
    if (!row) throw notFound('Cette intervention');
    assertOpen(row.sheet);
    const e = row.entry;
    const actualStart = input.actualStart ? new Date(input.actualStart) : e.actualStart;
    const actualEnd = input.actualEnd ? new Date(input.actualEnd) : e.actualEnd;
    const breakMinutes = input.breakMinutes ?? e.breakMinutes;
    const span = (actualEnd.getTime() - actualStart.getTime()) / 60000;
    if (span <= 0) throw ruleBroken('end_before_start', 'L’heure de fin doit être après l’heure de début.');
    if (span > 16 * 60) throw ruleBroken('entry_too_long', 'Une intervention ne peut pas dépasser 16 heures.');
    if (breakMinutes >= span) throw ruleBroken('break_too_long', 'La pause doit être plus courte que l’intervention.');
    const before = {
      actualStart: e.actualStart.toISOString(),
      actualEnd: e.actualEnd.toISOString(),
      breakMinutes: e.breakMinutes,
    };
    const after = { actualStart: actualStart.toISOString(), actualEnd: actualEnd.toISOString(), breakMinutes };
    await tx
      .update(timesheetEntries)
      .set({ actualStart, actualEnd, breakMinutes })
      .where(eq(timesheetEntries.id, e.id));
    await tx.insert(timesheetCorrections).values({
      organisationId: actor.organisationId,
      entryId: e.id,
      userId: actor.userId,
      role: actor.role,
      reason: input.reason,
      before,
      after,
    });
    await recordAudit({
      db: tx,
      actor,
      action: 'timesheet.correct',
      recordType: 'timesheet_entry',
      recordId: e.id,
      details: { before, after, reason: input.reason },
    });
    return { id: e.id, ...after };
  });
}
