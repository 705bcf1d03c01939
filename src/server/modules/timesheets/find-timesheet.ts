import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import { timesheetScope } from '../../policies/scopes.js';
import { users } from '../accounts/queries.js';
import { clients } from '../clients/queries.js';
import { workers } from '../workers/queries.js';
import { timesheetCorrections, timesheetEntries, timesheets } from './schema.js';

export type Timesheet = typeof timesheets.$inferSelect;

/** The timesheet, scoped to the actor's organisation (and to its own client for a client_user); else 404. */
export async function findTimesheet(db: Db, actor: Pick<OrgActor, 'organisationId' | 'clientId' | 'role'>, id: string) {
  const [t] = await db
    .select()
    .from(timesheets)
    .where(and(eq(timesheets.id, id), timesheetScope(actor)));
  if (!t) throw notFound('Ce relevé d’heures');
  return t;
}

/** Locked once validated or invoiced: 409 for any change. */
export function assertOpen(t: Timesheet) {
  if (t.closedAt)
    throw conflict(
      'timesheet_locked',
      'Ce relevé est clos : le mois a été facturé. Une correction passe par un avoir.',
    );
  if (t.status === 'validated')
    throw conflict('timesheet_locked', 'Ce relevé a été validé par le client : il ne peut plus être modifié.');
}

const minutesOf = (e: { actualStart: Date; actualEnd: Date; breakMinutes: number }) =>
  Math.max(0, Math.round((e.actualEnd.getTime() - e.actualStart.getTime()) / 60000) - e.breakMinutes);

/** The timesheet with its entries and every correction, for the pages and the public link. */
export async function presentTimesheet(db: Db, t: Timesheet) {
  const [client] = await db.select({ name: clients.name }).from(clients).where(eq(clients.id, t.clientId));
  const entries = await db
    .select({
      id: timesheetEntries.id,
      shiftId: timesheetEntries.shiftId,
      workerId: timesheetEntries.workerId,
      firstName: workers.firstName,
      lastName: workers.lastName,
      rome: timesheetEntries.rome,
      plannedStart: timesheetEntries.plannedStart,
      plannedEnd: timesheetEntries.plannedEnd,
      actualStart: timesheetEntries.actualStart,
      actualEnd: timesheetEntries.actualEnd,
      breakMinutes: timesheetEntries.breakMinutes,
      reversesEntryId: timesheetEntries.reversesEntryId,
    })
    .from(timesheetEntries)
    .innerJoin(workers, eq(workers.id, timesheetEntries.workerId))
    .where(eq(timesheetEntries.timesheetId, t.id))
    .orderBy(asc(timesheetEntries.actualStart));
  const corrections = entries.length
    ? await db
        .select({
          entryId: timesheetCorrections.entryId,
          at: timesheetCorrections.at,
          role: timesheetCorrections.role,
          reason: timesheetCorrections.reason,
          before: timesheetCorrections.before,
          after: timesheetCorrections.after,
          by: users.name,
        })
        .from(timesheetCorrections)
        .leftJoin(users, eq(users.id, timesheetCorrections.userId))
        .where(
          inArray(
            timesheetCorrections.entryId,
            entries.map((e) => e.id),
          ),
        )
        .orderBy(asc(timesheetCorrections.at))
    : [];
  const items = entries.map((e) => ({
    id: e.id,
    shiftId: e.shiftId,
    workerId: e.workerId,
    workerName: `${e.firstName} ${e.lastName}`,
    rome: e.rome,
    plannedStart: e.plannedStart.toISOString(),
    plannedEnd: e.plannedEnd.toISOString(),
    actualStart: e.actualStart.toISOString(),
    actualEnd: e.actualEnd.toISOString(),
    breakMinutes: e.breakMinutes,
    /** A reversal takes back the hours of an entry validated earlier: its minutes count negatively. */
    reversal: Boolean(e.reversesEntryId),
    minutes: e.reversesEntryId ? -minutesOf(e) : minutesOf(e),
    corrections: corrections
      .filter((c) => c.entryId === e.id)
      .map((c) => ({
        at: c.at.toISOString(),
        by: c.by ?? null,
        role: c.role,
        reason: c.reason,
        before: c.before,
        after: c.after,
      })),
  }));
  return {
    id: t.id,
    clientId: t.clientId,
    clientName: client?.name ?? '',
    month: t.month,
    sequence: t.sequence,
    supplementary: t.sequence > 1 && t.kind === 'hours',
    kind: t.kind,
    status: t.status,
    locked: Boolean(t.closedAt) || t.status === 'validated',
    sentAt: t.sentAt?.toISOString() ?? null,
    validatedAt: t.validatedAt?.toISOString() ?? null,
    validatedBy: t.validatedBy,
    disputedAt: t.disputedAt?.toISOString() ?? null,
    disputeReason: t.disputeReason,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    resolution: t.resolution,
    closedAt: t.closedAt?.toISOString() ?? null,
    invoiceId: t.invoiceId,
    minutes: items.reduce((s, e) => s + e.minutes, 0),
    entries: items,
  };
}
