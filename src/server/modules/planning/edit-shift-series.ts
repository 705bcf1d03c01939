import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError, conflict, notFound, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, parisDate } from '../calendar/paris-time.js';
import { cancelShift } from './cancel-shift.js';
import {
  assertPattern,
  maybeDryRun,
  type OccurrenceResult,
  occurrencesOf,
  placeOccurrence,
  seriesSummary,
} from './create-shift-series.js';
import { findMission } from './find-mission.js';
import { moveShift } from './move-shift.js';
import { shiftSeries, shifts } from './schema.js';

type SeriesRow = typeof shiftSeries.$inferSelect;

/** One series of this organisation (404 otherwise), locked for the rest of the transaction. */
async function findSeries(db: Db, organisationId: string, seriesId: string): Promise<SeriesRow> {
  const [row] = await db
    .select()
    .from(shiftSeries)
    .where(and(eq(shiftSeries.id, seriesId), eq(shiftSeries.organisationId, organisationId)))
    .for('update');
  if (!row) throw notFound('Cette série de créneaux');
  return row;
}

function assertFromDate(series: SeriesRow, fromDate: string) {
  if (series.cancelledFrom && fromDate >= series.cancelledFrom) {
    throw conflict('series_cancelled', `Cette série est annulée depuis le ${fr(series.cancelledFrom)}.`);
  }
  if (fromDate < series.startDate || fromDate > series.endDate) {
    throw validationFailed([
      {
        path: 'fromDate',
        message: `Choisissez une date dans la série (du ${fr(series.startDate)} au ${fr(series.endDate)}).`,
      },
    ]);
  }
}

/**
 * The live shifts of a series from a date on that have not started yet: the ones an edit or a cancellation may
 * change. Shifts already started (or past) are history and stay as they are.
 */
async function upcomingShifts(tx: Db, organisationId: string, seriesId: string, fromDate: string, now: Date) {
  const rows = await tx
    .select({ id: shifts.id, workerId: shifts.workerId, startAt: shifts.startAt, status: shifts.status })
    .from(shifts)
    .where(
      and(eq(shifts.organisationId, organisationId), eq(shifts.seriesId, seriesId), ne(shifts.status, 'cancelled')),
    )
    .orderBy(asc(shifts.startAt));
  const later = rows.filter((r) => parisDate(r.startAt) >= fromDate);
  return {
    upcoming: later.filter((r) => r.startAt > now),
    started: later.filter((r) => r.startAt <= now),
  };
}

export type EditShiftSeriesOptions = {
  db: Db;
  actor: OrgActor;
  seriesId: string;
  input: {
    fromDate: string;
    weekdays: number[];
    startTime: string;
    endTime: string;
    endDate: string;
    /** A worker for every occurrence from the date; null leaves them open; absent keeps each shift's worker. */
    workerId?: string | null;
    skipPublicHolidays?: boolean;
    exceptDates?: string[];
    skipRefused?: boolean;
    dryRun?: boolean;
  };
  now?: Date;
};

/**
 * Changes a series from a date on (new days, times, end or worker). The series is split at that date: the
 * shifts before it stay untouched, the upcoming ones are moved in place (so their assignment and proposals
 * survive), the days no longer in the pattern are cancelled and the new days are created, each with every
 * check of an assignment. A refused occurrence stays open with its reason, or is dropped with skipRefused.
 */
export async function editShiftSeries({ db, actor, seriesId, input, now = new Date() }: EditShiftSeriesOptions) {
  return maybeDryRun(db, input.dryRun ?? false, async (tx) => {
    const old = await findSeries(tx, actor.organisationId, seriesId);
    assertFromDate(old, input.fromDate);
    const mission = await findMission(tx, actor.organisationId, old.missionId);
    const pattern = {
      weekdays: input.weekdays,
      startTime: input.startTime,
      endTime: input.endTime,
      startDate: input.fromDate,
      endDate: input.endDate,
      exceptDates: input.exceptDates ?? old.exceptDates.filter((d) => d >= input.fromDate),
      skipPublicHolidays: input.skipPublicHolidays ?? old.skipPublicHolidays,
    };
    assertPattern(pattern, mission);
    const { upcoming, started } = await upcomingShifts(tx, actor.organisationId, old.id, input.fromDate, now);
    const startedDays = new Set(started.map((s) => parisDate(s.startAt)));
    const { occurrences, skipped } = occurrencesOf(pattern);
    const workerId = input.workerId === undefined ? old.workerId : input.workerId;

    // Split the series at the date, so that each row tells the pattern of its own period.
    let seriesIdFrom = old.id;
    const values = {
      weekdays: pattern.weekdays,
      startTime: pattern.startTime,
      endTime: pattern.endTime,
      endDate: pattern.endDate,
      exceptDates: pattern.exceptDates,
      skipPublicHolidays: pattern.skipPublicHolidays,
      workerId,
    };
    if (input.fromDate > old.startDate) {
      await tx
        .update(shiftSeries)
        .set({ endDate: addDays(input.fromDate, -1) })
        .where(eq(shiftSeries.id, old.id));
      const [next] = await tx
        .insert(shiftSeries)
        .values({
          organisationId: actor.organisationId,
          missionId: old.missionId,
          startDate: input.fromDate,
          createdBy: actor.userId,
          ...values,
        })
        .returning({ id: shiftSeries.id });
      seriesIdFrom = next.id;
      if (upcoming.length + started.length > 0) {
        await tx
          .update(shifts)
          .set({ seriesId: next.id })
          .where(
            inArray(
              shifts.id,
              [...upcoming, ...started].map((s) => s.id),
            ),
          );
      }
    } else {
      await tx.update(shiftSeries).set(values).where(eq(shiftSeries.id, old.id));
    }

    const byDay = new Map(upcoming.map((s) => [parisDate(s.startAt), s]));
    const results: OccurrenceResult[] = [];
    for (const occ of occurrences) {
      if (startedDays.has(occ.date)) continue;
      const existing = byDay.get(occ.date);
      if (!existing) {
        results.push(
          await placeOccurrence(tx, actor, {
            missionId: mission.id,
            workerId,
            seriesId: seriesIdFrom,
            occurrence: occ,
            skipRefused: input.skipRefused ?? false,
          }),
        );
        continue;
      }
      byDay.delete(occ.date);
      const target = input.workerId === undefined ? existing.workerId : input.workerId;
      const base = {
        id: existing.id,
        date: occ.date,
        start: occ.start.toISOString(),
        end: occ.end.toISOString(),
        publicHoliday: occ.publicHoliday,
      };
      try {
        const r = await moveShift({
          db: tx,
          actor,
          shiftId: existing.id,
          start: occ.start,
          end: occ.end,
          workerId: target,
        });
        results.push({ ...base, status: r.status, problem: null, warnings: r.warnings });
      } catch (err) {
        if (!(err instanceof AppError) || !target || (err.status !== 409 && err.status !== 422)) throw err;
        const problem = { code: err.code, message: err.message };
        if (input.skipRefused) {
          await cancelShift({ db: tx, actor, shiftId: existing.id, reason: problem.message });
          results.push({ ...base, id: null, status: 'refused', problem, warnings: [] });
        } else {
          await moveShift({ db: tx, actor, shiftId: existing.id, start: occ.start, end: occ.end, workerId: null });
          results.push({ ...base, status: 'open', problem, warnings: [] });
        }
      }
    }
    // The days the new pattern no longer has.
    const dropped: { id: string; date: string }[] = [];
    for (const [date, s] of byDay) {
      await cancelShift({ db: tx, actor, shiftId: s.id, reason: `Série modifiée à partir du ${fr(input.fromDate)}` });
      dropped.push({ id: s.id, date });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'shift_series.edit',
      recordType: 'shift_series',
      recordId: old.id,
      details: { fromDate: input.fromDate, newSeriesId: seriesIdFrom, cancelled: dropped.length },
    });
    return { ...seriesSummary(seriesIdFrom, results, skipped), cancelled: dropped, kept: started.length };
  });
}

/**
 * Cancels a series from a date on: every upcoming shift of it from then is cancelled (kept for the record,
 * pending proposals withdrawn), and the series remembers the date. Shifts already started are not touched.
 */
export async function cancelShiftSeries({
  db,
  actor,
  seriesId,
  fromDate,
  reason,
  now = new Date(),
}: {
  db: Db;
  actor: OrgActor;
  seriesId: string;
  fromDate: string;
  reason?: string | null;
  now?: Date;
}) {
  return db.transaction(async (tx) => {
    const series = await findSeries(tx, actor.organisationId, seriesId);
    assertFromDate(series, fromDate);
    const { upcoming } = await upcomingShifts(tx, actor.organisationId, series.id, fromDate, now);
    for (const s of upcoming) {
      await cancelShift({
        db: tx,
        actor,
        shiftId: s.id,
        reason: reason ?? `Série annulée à partir du ${fr(fromDate)}`,
      });
    }
    await tx.update(shiftSeries).set({ cancelledFrom: fromDate }).where(eq(shiftSeries.id, series.id));
    await recordAudit({
      db: tx,
      actor,
      action: 'shift_series.cancel',
      recordType: 'shift_series',
      recordId: series.id,
      details: { fromDate, cancelled: upcoming.length },
    });
    return {
      id: series.id,
      cancelledFrom: fromDate,
      cancelled: upcoming.map((s) => ({ id: s.id, date: parisDate(s.startAt) })),
    };
  });
}

const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
