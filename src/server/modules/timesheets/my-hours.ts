import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import { frenchTime, parisDate, parisToday } from '../calendar/paris-time.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { missions, shifts } from '../planning/queries.js';
import { ownWorkerId } from '../planning/worker-page.js';
import { correctEntry, type EntryCorrection } from './correct-entry.js';
import { monthRange } from './month.js';
import { timesheetCorrections, timesheetEntries, timesheets } from './schema.js';
import { syncTimesheets } from './sync-timesheets.js';

const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The worker's own hours: the shifts they worked since the first day of last month — ended ones, as a timesheet holds
 * them (sync-timesheets.ts): a shift under way has no hours to count or correct yet — with the hours as they stand in
 * the timesheet (actual times, break), whether the client validated them, and the last correction.
 */
export async function myHours({ db, actor, now = new Date() }: { db: Db; actor: OrgActor; now?: Date }) {
  const workerId = ownWorkerId(actor);
  const { from } = monthRange(previousMonth(parisToday(now).slice(0, 7)));
  const rows = await db
    .select({
      shiftId: shifts.id,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
      clientName: clients.name,
      siteName: sites.name,
      rome: missions.rome,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(
      and(
        eq(shifts.organisationId, actor.organisationId),
        eq(shifts.workerId, workerId),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, from),
        lte(shifts.endAt, now),
      ),
    )
    .orderBy(desc(shifts.startAt))
    .limit(80);
  const entries = rows.length
    ? await db
        .select({ entry: timesheetEntries, status: timesheets.status, closedAt: timesheets.closedAt })
        .from(timesheetEntries)
        .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
        .where(
          and(
            eq(timesheetEntries.organisationId, actor.organisationId),
            eq(timesheetEntries.workerId, workerId),
            inArray(
              timesheetEntries.shiftId,
              rows.map((r) => r.shiftId),
            ),
          ),
        )
    : [];
  const byShift = new Map(entries.map((e) => [e.entry.shiftId, e]));
  const corrections = entries.length
    ? await db
        .select()
        .from(timesheetCorrections)
        .where(
          inArray(
            timesheetCorrections.entryId,
            entries.map((e) => e.entry.id),
          ),
        )
        .orderBy(desc(timesheetCorrections.at))
    : [];
  return {
    items: rows.map((r) => {
      const found = byShift.get(r.shiftId);
      const e = found?.entry;
      const last = e ? corrections.find((c) => c.entryId === e.id) : undefined;
      const actualStart = e?.actualStart ?? r.startAt;
      const actualEnd = e?.actualEnd ?? r.endAt;
      const breakMinutes = e?.breakMinutes ?? 0;
      return {
        shiftId: r.shiftId,
        day: parisDate(r.startAt),
        plannedStart: r.startAt.toISOString(),
        plannedEnd: r.endAt.toISOString(),
        place: r.siteName === 'Domicile' ? r.clientName : r.siteName,
        job: romeLabel(r.rome),
        entryId: e?.id ?? null,
        actualStart: actualStart.toISOString(),
        actualEnd: actualEnd.toISOString(),
        breakMinutes,
        minutes: Math.max(0, Math.round((actualEnd.getTime() - actualStart.getTime()) / 60000) - breakMinutes),
        /** none: not yet in a timesheet; open: the association or the client may still change it. */
        state: !found
          ? ('none' as const)
          : found.closedAt
            ? ('invoiced' as const)
            : found.status === 'validated'
              ? ('validated' as const)
              : ('open' as const),
        lastCorrection: last
          ? {
              at: last.at.toISOString(),
              reason: last.reason,
              byMe: last.userId === actor.userId,
            }
          : null,
      };
    }),
  };
}

/**
 * The worker corrects the hours of one of their own ended shifts (actual start, end, break) with a reason. The
 * shift's timesheet is prepared first if it was not yet; the correction then follows the timesheet rules
 * (history kept, 409 once the client validated it).
 */
export async function correctMyHours({
  db,
  actor,
  shiftId,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: OrgActor;
  shiftId: string;
  input: EntryCorrection;
  now?: Date;
}) {
  const workerId = ownWorkerId(actor);
  const [shift] = await db
    .select({ id: shifts.id, startAt: shifts.startAt, endAt: shifts.endAt })
    .from(shifts)
    .where(
      and(
        eq(shifts.id, shiftId),
        eq(shifts.organisationId, actor.organisationId),
        eq(shifts.workerId, workerId),
        eq(shifts.status, 'assigned'),
      ),
    );
  if (!shift || shift.startAt >= now) throw notFound('Ce travail');
  // Its hours enter the timesheet when it ends: before, there is nothing to correct yet.
  if (shift.endAt > now)
    throw conflict(
      'shift_not_ended',
      `Ce travail n’est pas fini : vous pourrez corriger vos heures après ${frenchTime(shift.endAt)}.`,
    );
  const entryOf = async () =>
    (
      await db
        .select({ id: timesheetEntries.id })
        .from(timesheetEntries)
        .where(and(eq(timesheetEntries.shiftId, shiftId), eq(timesheetEntries.workerId, workerId)))
    )[0];
  let entry = await entryOf();
  if (!entry) {
    await db.transaction((tx) =>
      syncTimesheets({
        db: tx,
        organisationId: actor.organisationId,
        month: parisDate(shift.startAt).slice(0, 7),
      }),
    );
    entry = await entryOf();
  }
  if (!entry) throw notFound('Ce travail');
  return correctEntry({ db, actor, entryId: entry.id, input });
}
