import { and, eq, gte, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connect.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { missions, shifts } from '../planning/queries.js';
import { isLiveEntry } from '../timesheets/live-entries.js';
import { timesheetEntries, timesheets } from '../timesheets/queries.js';
import { stateWorkedMinutes } from './rules/state-worked.js';

/**
 * The interventions of a period as worked: the timesheet's actual times and breaks when there is one,
 * otherwise the planned shift. Period = Paris dates [from, to].
 */
export async function workedInterventions({
  db,
  organisationId,
  from,
  to,
}: {
  db: Db;
  organisationId: string;
  from: string;
  to: string;
}) {
  const rows = await db
    .select({
      shiftId: shifts.id,
      workerId: shifts.workerId,
      clientId: shifts.clientId,
      missionId: shifts.missionId,
      rome: missions.rome,
      start: sql<Date>`coalesce(${timesheetEntries.actualStart}, ${shifts.startAt})`.mapWith((v) => new Date(v)),
      end: sql<Date>`coalesce(${timesheetEntries.actualEnd}, ${shifts.endAt})`.mapWith((v) => new Date(v)),
      breakMinutes: sql<number>`coalesce(${timesheetEntries.breakMinutes}, 0)`.mapWith(Number),
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    // The shift's live entry only: a reversed entry (slot not worked as validated) and its reversal never count.
    .leftJoin(timesheetEntries, and(eq(timesheetEntries.shiftId, shifts.id), isLiveEntry))
    .where(
      and(
        eq(shifts.organisationId, organisationId),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, parisInstant(from)),
        lt(shifts.startAt, parisInstant(addDays(to, 1))),
      ),
    );
  return rows.map((r) => ({
    ...r,
    workerId: r.workerId!,
    minutes: Math.max(0, Math.round((r.end.getTime() - r.start.getTime()) / 60000) - r.breakMinutes),
  }));
}

/**
 * The interventions of a period as the State counts them (ASP monthly figures, aide au poste): hours worked —
 * validated timesheets, or past shifts not disputed — never shifts merely planned (rules/state-worked.ts).
 */
export async function stateWorkedInterventions({
  db,
  organisationId,
  from,
  to,
  now = new Date(),
}: {
  db: Db;
  organisationId: string;
  from: string;
  to: string;
  now?: Date;
}) {
  const rows = await db
    .select({
      shiftId: shifts.id,
      workerId: shifts.workerId,
      clientId: shifts.clientId,
      missionId: shifts.missionId,
      rome: missions.rome,
      start: shifts.startAt,
      end: shifts.endAt,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .where(
      and(
        eq(shifts.organisationId, organisationId),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, parisInstant(from)),
        lt(shifts.startAt, parisInstant(addDays(to, 1))),
        lt(shifts.startAt, now),
      ),
    );
  if (rows.length === 0) return [];
  const entry = alias(timesheetEntries, 'entry');
  const later = alias(timesheetEntries, 'later');
  // The shift's current entry: neither a reversal nor reversed since.
  const entryRows = await db
    .select({
      shiftId: entry.shiftId,
      start: entry.actualStart,
      end: entry.actualEnd,
      breakMinutes: entry.breakMinutes,
      status: timesheets.status,
    })
    .from(entry)
    .innerJoin(timesheets, eq(timesheets.id, entry.timesheetId))
    .where(
      and(
        eq(entry.organisationId, organisationId),
        inArray(
          entry.shiftId,
          rows.map((r) => r.shiftId),
        ),
        isNull(entry.reversesEntryId),
        notExists(db.select({ id: later.id }).from(later).where(eq(later.reversesEntryId, entry.id))),
      ),
    );
  const entryOf = new Map(entryRows.map((e) => [e.shiftId, e]));
  return rows.map((r) => {
    const e = entryOf.get(r.shiftId);
    return {
      ...r,
      workerId: r.workerId!,
      minutes: stateWorkedMinutes(
        { startMs: r.start.getTime(), endMs: r.end.getTime() },
        e
          ? {
              startMs: e.start.getTime(),
              endMs: e.end.getTime(),
              breakMinutes: e.breakMinutes,
              timesheetStatus: e.status,
            }
          : null,
        now.getTime(),
      ),
    };
  });
}
