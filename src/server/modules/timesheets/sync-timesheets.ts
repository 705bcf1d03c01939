import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { missions, shifts } from '../planning/schema.js';
import { monthRange } from './month.js';
import { timesheetCorrections, timesheetEntries, timesheets } from './schema.js';

/**
 * Builds the month's timesheets from the shifts: one per client having assigned shifts that month, one entry
 * per shift (planned times copied as actual times). Idempotent. Timesheets already validated or closed are
 * never touched; open ones get the shifts planned since and lose the shifts cancelled or reassigned since
 * (unless corrected: a corrected entry stays, with its history).
 */
export async function syncTimesheets({ db, organisationId, month }: { db: Db; organisationId: string; month: string }) {
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
  const existing = await db
    .select()
    .from(timesheets)
    .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)));
  const byClient = new Map(existing.map((t) => [t.clientId, t]));
  const clientIds = [...new Set(rows.map((r) => r.clientId))].filter((c) => !byClient.has(c));
  if (clientIds.length) {
    const created = await db
      .insert(timesheets)
      .values(clientIds.map((clientId) => ({ organisationId, clientId, month })))
      .onConflictDoNothing()
      .returning();
    for (const t of created) byClient.set(t.clientId, t);
    if (created.length < clientIds.length) {
      const again = await db
        .select()
        .from(timesheets)
        .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)));
      for (const t of again) byClient.set(t.clientId, t);
    }
  }
  const open = [...byClient.values()].filter((t) => !t.closedAt && t.status !== 'validated');
  if (open.length === 0) return;
  const openIds = new Set(open.map((t) => t.id));
  const entries = await db
    .select({ id: timesheetEntries.id, shiftId: timesheetEntries.shiftId, timesheetId: timesheetEntries.timesheetId })
    .from(timesheetEntries)
    .where(inArray(timesheetEntries.timesheetId, [...openIds]));
  const have = new Set(entries.map((e) => e.shiftId));
  const live = new Map(rows.map((r) => [r.id, r]));
  const toAdd = rows.filter((r) => !have.has(r.id) && openIds.has(byClient.get(r.clientId)!.id));
  for (let i = 0; i < toAdd.length; i += 500) {
    await db
      .insert(timesheetEntries)
      .values(
        toAdd.slice(i, i + 500).map((r) => ({
          organisationId,
          timesheetId: byClient.get(r.clientId)!.id,
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
      .onConflictDoNothing();
  }
  // Shifts cancelled or left open since: their uncorrected entries go.
  const gone = entries.filter((e) => !live.has(e.shiftId)).map((e) => e.id);
  if (gone.length) {
    const corrected = new Set(
      (
        await db
          .select({ entryId: timesheetCorrections.entryId })
          .from(timesheetCorrections)
          .where(inArray(timesheetCorrections.entryId, gone))
      ).map((c) => c.entryId),
    );
    const del = gone.filter((g) => !corrected.has(g));
    if (del.length) await db.delete(timesheetEntries).where(inArray(timesheetEntries.id, del));
  }
}
