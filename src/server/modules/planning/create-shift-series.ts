import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError, ruleBroken, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, daysBetween, parisInstant, weekdayOf } from '../calendar/paris-time.js';
import { isPublicHoliday, publicHolidays } from '../calendar/public-holidays.js';
import { createShift } from './create-shift.js';
import { findMission } from './find-mission.js';
import { shiftSeries } from './schema.js';

export type SeriesPattern = {
  /** 0 = Sunday … 6 = Saturday */
  weekdays: number[];
  startTime: string;
  endTime: string;
  startDate: string;
  endDate: string;
  exceptDates?: string[];
  skipPublicHolidays?: boolean;
};

export type CreateShiftSeriesOptions = {
  db: Db;
  actor: OrgActor;
  input: SeriesPattern & {
    missionId: string;
    workerId?: string | null;
    /**
     * What to do with an occurrence the worker may not take: by default it is created open (to be filled),
     * with the reason; with skipRefused it is not created at all (the officer chose to create only the rest).
     */
    skipRefused?: boolean;
    /** Checks every occurrence and answers the same verdicts, writing nothing (the preview). */
    dryRun?: boolean;
  };
};

export type Occurrence = { date: string; start: Date; end: Date; publicHoliday: string | null };

/** What happened to one occurrence of a series: created (assigned/open), refused (not created) or skipped. */
export type OccurrenceResult = {
  id: string | null;
  date: string;
  start: string;
  end: string;
  status: 'assigned' | 'open' | 'refused';
  publicHoliday: string | null;
  /** The rule the worker's assignment broke, in French (the shift is then open, or not created). */
  problem: { code: string; message: string } | null;
  warnings: string[];
};

/** The days of a weekly pattern, skipping exceptions (and public holidays if asked; otherwise they are flagged). */
export function occurrencesOf(p: SeriesPattern): {
  occurrences: Occurrence[];
  skipped: { date: string; reason: string }[];
} {
  const except = new Set(p.exceptDates ?? []);
  const overnight = p.endTime <= p.startTime;
  const occurrences: Occurrence[] = [];
  const skipped: { date: string; reason: string }[] = [];
  for (let d = p.startDate; d <= p.endDate; d = addDays(d, 1)) {
    if (!p.weekdays.includes(weekdayOf(d))) continue;
    if (except.has(d)) {
      skipped.push({ date: d, reason: 'exception' });
      continue;
    }
    const holiday = isPublicHoliday(d) ? (publicHolidays(Number(d.slice(0, 4))).get(d) ?? 'jour férié') : null;
    if (holiday && p.skipPublicHolidays) {
      skipped.push({ date: d, reason: holiday });
      continue;
    }
    occurrences.push({
      date: d,
      start: parisInstant(d, p.startTime),
      end: parisInstant(overnight ? addDays(d, 1) : d, p.endTime),
      publicHoliday: holiday,
    });
  }
  return { occurrences, skipped };
}

/** The checks every pattern passes before any occurrence is generated (dates, one year at most, 12 h at most). */
export function assertPattern(p: SeriesPattern, mission: { startDate: string; endDate: string }) {
  if (p.endDate < p.startDate) {
    throw validationFailed([{ path: 'endDate', message: 'La fin de la série doit suivre son début.' }]);
  }
  if (daysBetween(p.startDate, p.endDate) > 366) {
    throw validationFailed([{ path: 'endDate', message: 'Une série couvre au plus un an.' }]);
  }
  if (p.startDate < mission.startDate || p.endDate > mission.endDate) {
    throw ruleBroken(
      'shift_outside_mission',
      `La série doit rester dans les dates de la mission (du ${fr(mission.startDate)} au ${fr(mission.endDate)}).`,
    );
  }
  const overnight = p.endTime <= p.startTime;
  const probe = {
    start: parisInstant('2026-01-05', p.startTime),
    end: parisInstant(overnight ? '2026-01-06' : '2026-01-05', p.endTime),
  };
  if (probe.end.getTime() - probe.start.getTime() > 12 * 3_600_000) {
    throw validationFailed([{ path: 'endTime', message: 'Un créneau dure au plus 12 heures.' }]);
  }
}

/**
 * Creates one occurrence: given to the worker after every check, or, when a rule refuses it, created open with
 * the reason (or not created with skipRefused). Runs inside the caller's transaction (a savepoint per try).
 */
export async function placeOccurrence(
  tx: Db,
  actor: OrgActor,
  o: { missionId: string; workerId: string | null; seriesId: string; occurrence: Occurrence; skipRefused: boolean },
): Promise<OccurrenceResult> {
  const { occurrence: occ } = o;
  const base = {
    date: occ.date,
    start: occ.start.toISOString(),
    end: occ.end.toISOString(),
    publicHoliday: occ.publicHoliday,
  };
  try {
    const { shift, warnings } = await createShift({
      db: tx,
      actor,
      input: { missionId: o.missionId, workerId: o.workerId, start: occ.start, end: occ.end },
      seriesId: o.seriesId,
    });
    return { ...base, id: shift.id, status: shift.status as 'assigned' | 'open', problem: null, warnings };
  } catch (err) {
    if (!(err instanceof AppError) || !o.workerId || (err.status !== 409 && err.status !== 422)) throw err;
    const problem = { code: err.code, message: err.message };
    if (o.skipRefused) return { ...base, id: null, status: 'refused', problem, warnings: [] };
    const { shift } = await createShift({
      db: tx,
      actor,
      input: { missionId: o.missionId, start: occ.start, end: occ.end },
      seriesId: o.seriesId,
    });
    return { ...base, id: shift.id, status: 'open', problem, warnings: [] };
  }
}

/** Thrown to roll a dry run back: the caller gets the verdicts, the database keeps nothing. */
export class DryRun<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/** Runs `work` in a transaction that is committed, or rolled back when `dryRun` (same checks, nothing kept). */
export async function maybeDryRun<T>(db: Db, dryRun: boolean, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx as unknown as Db);
      if (dryRun) throw new DryRun(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.result as T;
    throw err;
  }
}

/** Sums the occurrences of a series by what happened to them. */
export function seriesSummary(id: string, results: OccurrenceResult[], skipped: { date: string; reason: string }[]) {
  return {
    id,
    created: results.filter((c) => c.status !== 'refused').length,
    assigned: results.filter((c) => c.status === 'assigned').length,
    open: results.filter((c) => c.status === 'open').length,
    refused: results.filter((c) => c.problem !== null).length,
    shifts: results,
    skipped,
  };
}

/**
 * A weekly pattern (e.g. Mon–Fri 07:00–14:00 for three months) turned into one shift per day, skipping the
 * exceptions (and public holidays if asked; otherwise they are flagged). With a worker, each occurrence is
 * checked like any assignment: an occurrence the worker may not take is created open with the reason, or not
 * created at all when the officer chose skipRefused. A dry run answers the same verdicts and writes nothing.
 */
export async function createShiftSeries({ db, actor, input }: CreateShiftSeriesOptions) {
  const mission = await findMission(db, actor.organisationId, input.missionId);
  assertPattern(input, mission);
  const { occurrences, skipped } = occurrencesOf(input);
  return maybeDryRun(db, input.dryRun ?? false, async (tx) => {
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
        exceptDates: [...new Set(input.exceptDates ?? [])],
        skipPublicHolidays: input.skipPublicHolidays ?? false,
        createdBy: actor.userId,
      })
      .returning();
    const results: OccurrenceResult[] = [];
    for (const occurrence of occurrences) {
      results.push(
        await placeOccurrence(tx, actor, {
          missionId: mission.id,
          workerId: input.workerId ?? null,
          seriesId: series.id,
          occurrence,
          skipRefused: input.skipRefused ?? false,
        }),
      );
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'shift_series.create',
      recordType: 'shift_series',
      recordId: series.id,
      details: { count: results.filter((r) => r.id).length },
    });
    return seriesSummary(series.id, results, skipped);
  });
}

const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
