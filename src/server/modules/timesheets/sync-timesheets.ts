import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { missions, shifts } from '../planning/schema.js';
import { monthRange } from './month.js';
import { timesheetCorrections, timesheetEntries, timesheets } from './schema.js';

export type SyncResult = { added: number; updated: number; removed: number; supplementaryCreated: number };

const isOpen = (t: { status: string; closedAt: Date | null }) => t.status !== 'validated' && !t.closedAt;

/**
 * Brings the month's timesheets in line with the shifts: one entry per assigned shift (planned times copied as
 * actual times), in the client's open timesheet. Idempotent; call it inside a transaction.
 *
 * Not called on reads: the explicit "prepare" action, sending a timesheet and the month close run it.
 *
 * - A validated or invoiced timesheet is never touched (the database refuses it too). A shift of that client and
 *   month found later goes into a **supplementary** timesheet (sequence 2, 3…), which needs its own validation.
 * - In an open timesheet, an entry whose shift was cancelled, left open or moved away goes, and one whose shift
 *   changed worker or times follows it, unless the entry was corrected (a corrected entry stays, with its
 *   history, for the officer to settle).
 * - An open supplementary timesheet left empty is removed.
 */
export async function syncTimesheets({
  db,
  organisationId,
  month,
}: {
  db: Db;
  organisationId: string;
  month: string;
}): Promise<SyncResult> {
  const result: SyncResult = { added: 0, updated: 0, removed: 0, supplementaryCreated: 0 };
  const { from, to } = monthRange(month);
  const rows = await db
    .select({
      id: shifts.id,
      clientId: shifts.clientId,
      workerId: shifts.workerId,
      missionId: shifts.missionId,
      rome: missions.rome,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .where(
      and(
        eq(shifts.organisationId, organisationId),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, from),
        lt(shifts.startAt, to),
      ),
    );
  const live = new Map(rows.map((r) => [r.id, r]));
  const sheets = await db
    .select({
      id: timesheets.id,
      clientId: timesheets.clientId,
      sequence: timesheets.sequence,
      status: timesheets.status,
      closedAt: timesheets.closedAt,
    })
    .from(timesheets)
    .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)));
  const sheetById = new Map(sheets.map((t) => [t.id, t]));
  const entries = sheets.length
    ? await db
        .select({
          id: timesheetEntries.id,
          shiftId: timesheetEntries.shiftId,
          timesheetId: timesheetEntries.timesheetId,
          workerId: timesheetEntries.workerId,
          plannedStart: timesheetEntries.plannedStart,
          plannedEnd: timesheetEntries.plannedEnd,
        })
        .from(timesheetEntries)
        .where(
          inArray(
            timesheetEntries.timesheetId,
            sheets.map((t) => t.id),
          ),
        )
    : [];

  // 1. Entries of open timesheets that no longer match their shift.
  const openEntries = entries.filter((e) => isOpen(sheetById.get(e.timesheetId)!));
  const stale = openEntries.filter((e) => {
    const s = live.get(e.shiftId);
    return (
      !s ||
      s.clientId !== sheetById.get(e.timesheetId)!.clientId ||
      s.workerId !== e.workerId ||
      s.startAt.getTime() !== e.plannedStart.getTime() ||
      s.endAt.getTime() !== e.plannedEnd.getTime()
    );
  });
  const corrected = new Set(
    stale.length
      ? (
          await db
            .select({ entryId: timesheetCorrections.entryId })
            .from(timesheetCorrections)
            .where(
              inArray(
                timesheetCorrections.entryId,
                stale.map((e) => e.id),
              ),
            )
        ).map((c) => c.entryId)
      : [],
  );
  const gone: string[] = [];
  for (const e of stale) {
    if (corrected.has(e.id)) continue;
    const s = live.get(e.shiftId);
    if (!s || s.clientId !== sheetById.get(e.timesheetId)!.clientId) {
      gone.push(e.id);
      continue;
    }
    await db
      .update(timesheetEntries)
      .set({
        workerId: s.workerId!,
        plannedStart: s.startAt,
        plannedEnd: s.endAt,
        actualStart: s.startAt,
        actualEnd: s.endAt,
      })
      .where(eq(timesheetEntries.id, e.id));
    result.updated++;
  }
  if (gone.length) {
    await db.delete(timesheetEntries).where(inArray(timesheetEntries.id, gone));
    result.removed = gone.length;
  }
  const goneSet = new Set(gone);
  const have = new Set(entries.filter((e) => !goneSet.has(e.id)).map((e) => e.shiftId));

  // 2. Shifts without an entry go to their client's open timesheet, created (as a supplement if needed).
  const toAdd = rows.filter((r) => !have.has(r.id));
  const openByClient = new Map(sheets.filter(isOpen).map((t) => [t.clientId, t.id]));
  for (const clientId of new Set(toAdd.map((r) => r.clientId))) {
    if (openByClient.has(clientId)) continue;
    const sequence = Math.max(0, ...sheets.filter((t) => t.clientId === clientId).map((t) => t.sequence)) + 1;
    const [created] = await db
      .insert(timesheets)
      .values({ organisationId, clientId, month, sequence })
      .onConflictDoNothing()
      .returning({ id: timesheets.id });
    if (created) {
      openByClient.set(clientId, created.id);
      if (sequence > 1) result.supplementaryCreated++;
      continue;
    }
    // Created meanwhile by a concurrent synchronisation: use it.
    const others = await db
      .select({ id: timesheets.id, status: timesheets.status, closedAt: timesheets.closedAt })
      .from(timesheets)
      .where(
        and(
          eq(timesheets.organisationId, organisationId),
          eq(timesheets.clientId, clientId),
          eq(timesheets.month, month),
        ),
      );
    const other = others.find(isOpen);
    if (other) openByClient.set(clientId, other.id);
  }
  const insertable = toAdd.filter((r) => openByClient.has(r.clientId));
  for (let i = 0; i < insertable.length; i += 500) {
    const added = await db
      .insert(timesheetEntries)
      .values(
        insertable.slice(i, i + 500).map((r) => ({
          organisationId,
          timesheetId: openByClient.get(r.clientId)!,
          shiftId: r.id,
          workerId: r.workerId!,
          missionId: r.missionId,
          rome: r.rome,
          plannedStart: r.startAt,
          plannedEnd: r.endAt,
          actualStart: r.startAt,
          actualEnd: r.endAt,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: timesheetEntries.id });
    result.added += added.length;
  }

  // 3. An open supplementary timesheet whose shifts all went is not a timesheet any more.
  const emptied = sheets.filter((t) => isOpen(t) && t.sequence > 1);
  if (emptied.length) {
    const stillUsed = new Set(
      (
        await db
          .selectDistinct({ id: timesheetEntries.timesheetId })
          .from(timesheetEntries)
          .where(
            inArray(
              timesheetEntries.timesheetId,
              emptied.map((t) => t.id),
            ),
          )
      ).map((r) => r.id),
    );
    const drop = emptied.filter((t) => !stillUsed.has(t.id)).map((t) => t.id);
    if (drop.length) await db.delete(timesheets).where(inArray(timesheets.id, drop));
  }
  return result;
}
