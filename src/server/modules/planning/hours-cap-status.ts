import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { parisDate, parisInstant } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { workers } from '../workers/queries.js';
import { derogationRuns, HOURS_CAP_MINUTES, HOURS_CAP_WARNING_RATIO, hoursCapWindow } from './rules/hours-cap.js';
import { shifts } from './schema.js';

export type HoursCapStatusOptions = {
  db: Db;
  organisationId: string;
  workerId: string;
  /** The instant at which the window is read (default now). */
  at?: Date;
};

export type HoursCapStatus = {
  /** Minutes placed (worked or planned) with counted users in the window running at `at`. */
  countedMinutes: number;
  capMinutes: number;
  /** First and last day of the 24-month window; null when no counted placement has opened one yet. */
  windowStart: string | null;
  windowEnd: string | null;
  /** A prefect's derogation runs at `at`: the cap does not apply. */
  derogation: boolean;
  /** countedMinutes / capMinutes. */
  ratio: number;
  /** ok, warning (≥ 80 %), reached (≥ 100 %). */
  level: 'ok' | 'warning' | 'reached';
};

/**
 * The 480 h counter of one worker (L5132-9, R5132-18): what the worker record shows and what every
 * assignment checks. Reads the worker's assigned shifts with clients that count for the cap.
 */
export async function hoursCapStatus({
  db,
  organisationId,
  workerId,
  at = new Date(),
}: HoursCapStatusOptions): Promise<HoursCapStatus> {
  const [worker] = await db
    .select({ from: workers.capDerogationFrom, to: workers.capDerogationTo })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.organisationId, organisationId)));
  // A worker of another AI, or none: 404 like every foreign id, never a counter of zeros that hints at nothing.
  if (!worker) throw notFound('Ce·tte salarié·e');
  const placements = await countedPlacements(db, organisationId, workerId);
  const date = parisDate(at);
  const window = hoursCapWindow(placements, date);
  const ratio = window.countedMinutes / HOURS_CAP_MINUTES;
  return {
    countedMinutes: window.countedMinutes,
    capMinutes: HOURS_CAP_MINUTES,
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    derogation: derogationRuns(worker.from, worker.to, date),
    ratio,
    level: ratio >= 1 ? 'reached' : ratio >= HOURS_CAP_WARNING_RATIO ? 'warning' : 'ok',
  };
}

/**
 * Every counted placement of one worker (Paris date of the shift, minutes); with `from`, only those on or after
 * that Paris day.
 */
export async function countedPlacements(db: Db, organisationId: string, workerId: string, from?: string) {
  const rows = await db
    .select({ startAt: shifts.startAt, endAt: shifts.endAt })
    .from(shifts)
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .where(
      and(
        eq(shifts.organisationId, organisationId),
        eq(shifts.workerId, workerId),
        eq(shifts.status, 'assigned'),
        // The database's own counted-client rule (migration 0020), the one its 480 h windows use.
        sql`hours_cap_counts(${clients})`,
        from === undefined ? undefined : gte(shifts.startAt, parisInstant(from)),
      ),
    );
  return rows.map((r) => ({
    date: parisDate(r.startAt),
    minutes: Math.round((r.endAt.getTime() - r.startAt.getTime()) / 60_000),
  }));
}
