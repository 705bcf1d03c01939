import { and, eq, exists, gte, inArray, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { missions, shifts } from '../planning/queries.js';
import { monthRange } from './month.js';
import { shiftClockEvents, timesheetCorrections, timesheetEntries, timesheets } from './schema.js';

export type SyncResult = {
  added: number;
  updated: number;
  removed: number;
  supplementaryCreated: number;
  /** Entries of validated or invoiced timesheets cancelled by a reversal (their shift did not happen so). */
  reversed: number;
  /** Correction timesheets created, with whether the entries they reverse were already invoiced. */
  corrections: { id: string; clientId: string; invoiced: boolean }[];
};

const isOpen = (t: { status: string; closedAt: Date | null; kind: string }) =>
  t.kind === 'hours' && t.status !== 'validated' && !t.closedAt;

/**
 * Brings the month's timesheets in line with the shifts. Idempotent; call it inside a transaction.
 *
 * A timesheet holds only what happened: a shift enters it once it has **ended** (`now`), with its planned times
 * copied as actual times, in the client's open timesheet.
 *
 * - A validated or invoiced timesheet is never edited (the database refuses it too). When one of its shifts no
 *   longer happened as validated (absence, cancellation, replacement, move), its entry is cancelled by a
 *   **reversal** in a correction timesheet (validated at once: it only removes hours), and the shift, if it
 *   was worked by someone, gets a new entry (next revision) in the open timesheet, to be validated. At the
 *   close a reversal is netted against the hours of the same slot, or credited if they were invoiced; so a
 *   slot is billed at most once.
 * - A shift of that client and month found later goes into a **supplementary** timesheet (sequence 2, 3…).
 * - In an open timesheet, an entry whose shift was cancelled, left open or moved away goes, and one whose shift
 *   changed worker or times follows it, unless the entry was corrected (a corrected entry stays, with its
 *   history, for the officer to settle).
 * - An open supplementary timesheet left empty is removed.
 */
export async function syncTimesheets({
  db,
  organisationId,
  month,
  now = new Date(),
}: {
  db: Db;
  organisationId: string;
  month: string;
  now?: Date;
}): Promise<SyncResult> {
  const result: SyncResult = {
    added: 0,
    updated: 0,
    removed: 0,
    supplementaryCreated: 0,
    reversed: 0,
    corrections: [],
  };
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
        // Only what happened: a shift still to come (or under way) is not in any timesheet, unless its worker
        // already said « Je pars » on their phone (clock-shift.ts).
        or(
          lte(shifts.endAt, now),
          exists(
            db
              .select({ one: shiftClockEvents.id })
              .from(shiftClockEvents)
              .where(
                and(
                  eq(shiftClockEvents.shiftId, shifts.id),
                  eq(shiftClockEvents.workerId, shifts.workerId),
                  eq(shiftClockEvents.kind, 'leave'),
                ),
              ),
          ),
        ),
      ),
    );
  const live = new Map(rows.map((r) => [r.id, r]));
  const sheets = await db
    .select({
      id: timesheets.id,
      clientId: timesheets.clientId,
      sequence: timesheets.sequence,
      status: timesheets.status,
      kind: timesheets.kind,
      closedAt: timesheets.closedAt,
      invoiceId: timesheets.invoiceId,
    })
    .from(timesheets)
    .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)));
  const sheetById = new Map(sheets.map((t) => [t.id, t]));
  const entries = sheets.length
    ? await db
        .select()
        .from(timesheetEntries)
        .where(
          inArray(
            timesheetEntries.timesheetId,
            sheets.map((t) => t.id),
          ),
        )
    : [];
  const reversedIds = new Set(entries.map((e) => e.reversesEntryId).filter((id): id is string => Boolean(id)));
  const liveEntries = entries.filter((e) => !e.reversesEntryId && !reversedIds.has(e.id));

  // 1. Live entries that no longer match their shift.
  const stale = liveEntries.filter((e) => {
    const s = live.get(e.shiftId);
    return (
      !s ||
      s.clientId !== sheetById.get(e.timesheetId)!.clientId ||
      s.workerId !== e.workerId ||
      s.startAt.getTime() !== e.plannedStart.getTime() ||
      s.endAt.getTime() !== e.plannedEnd.getTime()
    );
  });
  const staleOpen = stale.filter((e) => isOpen(sheetById.get(e.timesheetId)!));
  const staleLocked = stale.filter((e) => !isOpen(sheetById.get(e.timesheetId)!));
  const corrected = new Set(
    staleOpen.length
      ? (
          await db
            .select({ entryId: timesheetCorrections.entryId })
            .from(timesheetCorrections)
            .where(
              inArray(
                timesheetCorrections.entryId,
                staleOpen.map((e) => e.id),
              ),
            )
        ).map((c) => c.entryId)
      : [],
  );
  const gone: string[] = [];
  for (const e of staleOpen) {
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

  // 1b. Entries of validated or invoiced timesheets: reversed in a correction timesheet per client.
  const nextSequence = new Map<string, number>();
  const sequenceFor = (clientId: string) => {
    const n =
      nextSequence.get(clientId) ??
      Math.max(0, ...sheets.filter((t) => t.clientId === clientId).map((t) => t.sequence)) + 1;
    nextSequence.set(clientId, n + 1);
    return n;
  };
  for (const clientId of new Set(staleLocked.map((e) => sheetById.get(e.timesheetId)!.clientId))) {
    const reversing = staleLocked.filter((e) => sheetById.get(e.timesheetId)!.clientId === clientId);
    const [sheet] = await db
      .insert(timesheets)
      .values({ organisationId, clientId, month, sequence: sequenceFor(clientId), kind: 'correction' })
      .returning({ id: timesheets.id });
    await db.insert(timesheetEntries).values(
      reversing.map((e) => ({
        organisationId,
        timesheetId: sheet.id,
        shiftId: e.shiftId,
        workerId: e.workerId,
        missionId: e.missionId,
        rome: e.rome,
        plannedStart: e.plannedStart,
        plannedEnd: e.plannedEnd,
        actualStart: e.actualStart,
        actualEnd: e.actualEnd,
        breakMinutes: e.breakMinutes,
        revision: e.revision,
        reversesEntryId: e.id,
      })),
    );
    // Validated as it is written: it only takes back hours that did not happen as the client validated them.
    await db
      .update(timesheets)
      .set({ status: 'validated', validatedAt: now, validatedBy: 'Correction : créneau non effectué comme validé' })
      .where(eq(timesheets.id, sheet.id));
    result.reversed += reversing.length;
    result.corrections.push({
      id: sheet.id,
      clientId,
      invoiced: reversing.some((e) => Boolean(sheetById.get(e.timesheetId)!.closedAt)),
    });
  }

  // 2. Ended shifts without a live entry (anywhere: a shift moved from another month keeps its history) go to
  // their client's open timesheet, created (as a supplement if needed), as the shift's next revision.
  const goneSet = new Set(gone);
  const reversedNow = new Set(staleLocked.map((e) => e.id));
  const history = rows.length
    ? await db
        .select({
          id: timesheetEntries.id,
          shiftId: timesheetEntries.shiftId,
          revision: timesheetEntries.revision,
          reversesEntryId: timesheetEntries.reversesEntryId,
        })
        .from(timesheetEntries)
        .where(
          and(
            eq(timesheetEntries.organisationId, organisationId),
            inArray(
              timesheetEntries.shiftId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const reversedAnywhere = new Set(history.map((h) => h.reversesEntryId).filter(Boolean));
  const maxRevision = new Map<string, number>();
  const have = new Set<string>();
  for (const h of history) {
    if (h.reversesEntryId || goneSet.has(h.id)) continue;
    maxRevision.set(h.shiftId, Math.max(maxRevision.get(h.shiftId) ?? 0, h.revision));
    if (!reversedAnywhere.has(h.id) && !reversedNow.has(h.id)) have.add(h.shiftId);
  }
  const toAdd = rows.filter((r) => !have.has(r.id));
  const openByClient = new Map(sheets.filter(isOpen).map((t) => [t.clientId, t.id]));
  for (const clientId of new Set(toAdd.map((r) => r.clientId))) {
    if (openByClient.has(clientId)) continue;
    const sequence = sequenceFor(clientId);
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
      .select({ id: timesheets.id, status: timesheets.status, closedAt: timesheets.closedAt, kind: timesheets.kind })
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
  // The times the worker clocked on their phone, when they did, are the actual times.
  const clocked = new Map<string, { arrive?: Date; leave?: Date }>();
  if (insertable.length) {
    const events = await db
      .select({
        shiftId: shiftClockEvents.shiftId,
        workerId: shiftClockEvents.workerId,
        kind: shiftClockEvents.kind,
        at: shiftClockEvents.at,
      })
      .from(shiftClockEvents)
      .where(
        inArray(
          shiftClockEvents.shiftId,
          insertable.map((r) => r.id),
        ),
      );
    for (const ev of events) {
      if (insertable.find((r) => r.id === ev.shiftId)?.workerId !== ev.workerId) continue;
      clocked.set(ev.shiftId, { ...clocked.get(ev.shiftId), [ev.kind]: ev.at });
    }
  }
  const actualOf = (r: { id: string; startAt: Date; endAt: Date }) => {
    const c = clocked.get(r.id);
    const start = c?.arrive ?? r.startAt;
    const end = c?.leave ?? r.endAt;
    return end > start ? { actualStart: start, actualEnd: end } : { actualStart: r.startAt, actualEnd: r.endAt };
  };
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
          ...actualOf(r),
          revision: (maxRevision.get(r.id) ?? 0) + 1,
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
