import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError, ruleBroken, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, daysBetween, parisInstant, weekdayOf } from '../calendar/paris-time.js';
import { isPublicHoliday, publicHolidays } from '../calendar/public-holidays.js';
import { createShift } from './create-shift.js';
import { shiftSeries } from './schema.js';
import { findMission } from './shift-context.js';

export type CreateShiftSeriesOptions = {
  db: Db;
  actor: OrgActor;
  input: {
    missionId: string;
    workerId?: string | null;
    /** 0 = Sunday … 6 = Saturday */
    weekdays: number[];
    startTime: string;
    endTime: string;
    startDate: string;
    endDate: string;
    exceptDates?: string[];
    skipPublicHolidays?: boolean;
  };
};

/**
 * A weekly pattern (e.g. Mon–Fri 07:00–14:00 for three months) turned into one shift per day, skipping the
 * exceptions (and public holidays if asked; otherwise they are flagged). With a worker, each occurrence is
 * checked like any assignment: an occurrence the worker may not take is created open, with the reason.
 */
export async function createShiftSeries({ db, actor, input }: CreateShiftSeriesOptions) {
  if (input.endDate < input.startDate) {
    throw validationFailed([{ path: 'endDate', message: 'La fin de la série doit suivre son début.' }]);
  }
  if (daysBetween(input.startDate, input.endDate) > 366) {
    throw validationFailed([{ path: 'endDate', message: 'Une série couvre au plus un an.' }]);
  }
  const mission = await findMission(db, actor.organisationId, input.missionId);
  if (input.startDate < mission.startDate || input.endDate > mission.endDate) {
    throw ruleBroken('shift_outside_mission', 'La série doit rester dans les dates de la mission.');
  }
  const overnight = input.endTime <= input.startTime;
  const probe = {
    start: parisInstant('2026-01-05', input.startTime),
    end: parisInstant(overnight ? '2026-01-06' : '2026-01-05', input.endTime),
  };
  if (probe.end.getTime() - probe.start.getTime() > 12 * 3_600_000) {
    throw validationFailed([{ path: 'endTime', message: 'Un créneau dure au plus 12 heures.' }]);
  }
  const except = new Set(input.exceptDates ?? []);
  return db.transaction(async (tx) => {
    const [series] = await tx
      .insert(shiftSeries)
      .values({
        organisationId: actor.organisationId,
        missionId: mission.id,
        workerId: input.workerId ?? null,
        weekdays: input.weekdays,
        startTime: input.startTime,
        endTime: input.endTime,
        startDate: input.startDate,
        endDate: input.endDate,
        exceptDates: [...except],
        skipPublicHolidays: input.skipPublicHolidays ?? false,
        createdBy: actor.userId,
      })
      .returning();
    const created: {
      id: string;
      date: string;
      start: string;
      end: string;
      status: 'assigned' | 'open';
      publicHoliday: string | null;
      problem: { code: string; message: string } | null;
    }[] = [];
    const skipped: { date: string; reason: string }[] = [];
    for (let d = input.startDate; d <= input.endDate; d = addDays(d, 1)) {
      if (!input.weekdays.includes(weekdayOf(d))) continue;
      if (except.has(d)) {
        skipped.push({ date: d, reason: 'exception' });
        continue;
      }
      const holiday = isPublicHoliday(d) ? (publicHolidays(Number(d.slice(0, 4))).get(d) ?? 'jour férié') : null;
      if (holiday && input.skipPublicHolidays) {
        skipped.push({ date: d, reason: holiday });
        continue;
      }
      const start = parisInstant(d, input.startTime);
      const end = parisInstant(overnight ? addDays(d, 1) : d, input.endTime);
      let problem: { code: string; message: string } | null = null;
      let shift: { id: string; status: string };
      try {
        shift = (
          await createShift({
            db: tx,
            actor,
            input: { missionId: mission.id, workerId: input.workerId, start, end },
            seriesId: series.id,
          })
        ).shift;
      } catch (err) {
        if (!(err instanceof AppError) || !input.workerId || (err.status !== 409 && err.status !== 422)) throw err;
        problem = { code: err.code, message: err.message };
        shift = (
          await createShift({ db: tx, actor, input: { missionId: mission.id, start, end }, seriesId: series.id })
        ).shift;
      }
      created.push({
        id: shift.id,
        date: d,
        start: start.toISOString(),
        end: end.toISOString(),
        status: shift.status as 'assigned' | 'open',
        publicHoliday: holiday,
        problem,
      });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'shift_series.create',
      recordType: 'shift_series',
      recordId: series.id,
      details: { count: created.length },
    });
    return {
      id: series.id,
      created: created.length,
      assigned: created.filter((c) => c.status === 'assigned').length,
      open: created.filter((c) => c.status === 'open').length,
      shifts: created,
      skipped,
    };
  });
}
