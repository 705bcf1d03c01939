import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { missions, shifts } from '../planning/schema.js';
import { timesheetEntries } from '../timesheets/schema.js';

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
    .leftJoin(timesheetEntries, eq(timesheetEntries.shiftId, shifts.id))
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
