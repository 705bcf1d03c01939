import { type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connect.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { countedPlacements } from './hours-cap-status.js';
import type { WorkerFacts } from './rules/assignment.js';
import { addMonths, countsForHoursCapSql, hoursCapWindow } from './rules/hours-cap.js';
import { parisDay } from './rules/paris-clock.js';

/** Raw rows of a query, the same on PGlite and node-postgres. */
export async function rowsOf<T = Record<string, any>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const isTransaction = (db: Db): boolean => (db as unknown) instanceof PgTransaction;

/**
 * Runs independent reads at once on a pool (several connections), one after the other inside a transaction
 * (one connection: node-postgres must not be sent a query while another runs).
 */
async function inParallel<T extends unknown[]>(db: Db, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (isTransaction(db)) {
    const out: unknown[] = [];
    for (const read of reads) out.push(await read());
    return out as T;
  }
  return Promise.all(reads.map((r) => r())) as Promise<T>;
}

/** A PostgreSQL array literal passed as one parameter (works the same on both engines). */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (values: readonly string[]) => sql`${`{${values.map((v) => `"${v}"`).join(',')}}`}::text[]`;
const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

export type LoadFactsOptions = {
  db: Db;
  organisationIds: string[];
  /** Only these workers (assignment); all active workers of the organisations otherwise (ranking, planning). */
  workerIds?: string[];
  /** The span of the slots to check. */
  fromMs: number;
  toMs: number;
  /** Clients of the slots (do-not-send lists, continuity). */
  clientIds: string[];
  /** Load the 480 h window (only needed when a slot's client counts). */
  withCap: boolean;
  /** Exact 480 h windows from every counted placement (single assignments); aggregated otherwise. */
  exactCap?: boolean;
  /** Only workers holding one of these jobs (the others could not take the slots anyway). */
  romes?: string[];
  /** Skip the continuity counts (assignment checks do not score). */
  withContinuity?: boolean;
};

/**
 * Loads, in a fixed number of set-based queries, every fact the assignment rules and the ranking need about
 * the workers of one or several AIs around a period. Evaluation then happens in memory.
 */
export async function loadWorkerFacts(o: LoadFactsOptions): Promise<Map<string, WorkerFacts>> {
  const { db } = o;
  const orgs = uuidArray(o.organisationIds);
  const only = o.workerIds
    ? sql`AND w.id = ANY(${uuidArray(o.workerIds)})`
    : o.romes
      ? sql`AND EXISTS (SELECT 1 FROM worker_jobs j WHERE j.worker_id = w.id AND j.rome = ANY(${textArray(o.romes)}))`
      : sql``;
  const fromDate = parisDay(o.fromMs);
  const toDate = parisDay(o.toMs);
  // Weeks and months touched by the period, for the hours already given.
  const firstMonday = mondayOf(addDays(fromDate, -1));
  const weekBounds: string[] = [];
  for (let m = firstMonday; m <= addDays(toDate, 7); m = addDays(m, 7)) weekBounds.push(m);
  const monthBounds: string[] = [];
  for (let m = `${fromDate.slice(0, 7)}-01`; m <= addMonths(`${toDate.slice(0, 7)}-01`, 1); m = addMonths(m, 1)) {
    monthBounds.push(m);
  }
  const weekEdges = weekBounds.map((x) => parisInstant(x).getTime() / 1000);
  const monthEdges = monthBounds.map((x) => parisInstant(x).getTime() / 1000);
  const spanFrom = Math.min(weekEdges[0], monthEdges[0]) * 1000;
  const spanTo = Math.max(weekEdges[weekEdges.length - 1], monthEdges[monthEdges.length - 1]) * 1000;

  const workerRows = await rowsOf(
    db,
    sql`SELECT w.id, w.organisation_id, w.first_name, w.last_name, w.lat, w.lon, w.max_minutes_per_week,
          w.weekly_availability, w.cap_derogation_from::text AS der_from, w.cap_derogation_to::text AS der_to,
          w.target_jobs
        FROM workers w WHERE w.organisation_id = ANY(${orgs}) AND w.anonymised_at IS NULL ${only}`,
  );
  const facts = new Map<string, WorkerFacts>();
  for (const r of workerRows) {
    facts.set(r.id, {
      id: r.id,
      organisationId: r.organisation_id,
      name: `${r.first_name} ${r.last_name}`,
      firstName: r.first_name,
      lat: r.lat ?? null,
      lon: r.lon ?? null,
      maxMinutesPerWeek: r.max_minutes_per_week ?? null,
      weeklyAvailability: r.weekly_availability ?? {},
      derogationFrom: r.der_from ?? null,
      derogationTo: r.der_to ?? null,
      targetJobs: r.target_jobs ?? [],
      jobs: new Map(),
      passes: [],
      contracts: [],
      unavailable: [],
      shifts: [],
      weekMinutes: new Map(),
      monthMinutes: new Map(),
      excludedBy: new Set(),
      continuity: new Map(),
      cap: { windowStart: null, windowEnd: null, countedMinutes: 0, exact: false },
    });
  }
  if (facts.size === 0) return facts;
  const ids = o.workerIds ?? (o.romes ? [...facts.keys()] : null);
  const onlyW = ids ? sql`AND x.worker_id = ANY(${uuidArray(ids)})` : sql``;

  // The 480 h windows take the longest: on a pool they run alongside the other reads.
  const onPool = !isTransaction(db);
  let capRead: Promise<void> = Promise.resolve();
  if (o.withCap && onPool) {
    capRead = loadCap(o, facts, fromDate, onlyW);
    // Awaited below; this only keeps a failure elsewhere from leaving it unhandled.
    capRead.catch(() => undefined);
  }
  const clientList = uuidArray(o.clientIds.length ? o.clientIds : ['00000000-0000-0000-0000-000000000000']);
  const [jobs, passes, contracts, unavailable, nearby, totals, excluded, visits] = await inParallel(db, [
    () =>
      rowsOf(
        db,
        sql`SELECT x.worker_id, x.rome, x.level FROM worker_jobs x WHERE x.organisation_id = ANY(${orgs}) ${onlyW}`,
      ),
    () =>
      rowsOf(
        db,
        sql`SELECT x.worker_id, x.start_date::text AS s, x.end_date::text AS e FROM passes x
          WHERE x.organisation_id = ANY(${orgs}) ${onlyW} AND x.start_date <= ${addDays(toDate, 1)}::date
            AND x.end_date >= ${o.workerIds ? '1900-01-01' : addDays(fromDate, -1)}::date`,
      ),
    () =>
      rowsOf(
        db,
        sql`SELECT x.worker_id, x.start_date::text AS s, x.end_date::text AS e, x.weekly_minutes FROM employment_contracts x
          WHERE x.organisation_id = ANY(${orgs}) ${onlyW} AND x.start_date <= ${addDays(toDate, 1)}::date
            AND (x.end_date IS NULL OR x.end_date >= ${fromDate}::date)`,
      ),
    () =>
      rowsOf(
        db,
        sql`SELECT x.worker_id, extract(epoch FROM x.start_at)::float8 * 1000 AS s, extract(epoch FROM x.end_at)::float8 * 1000 AS e,
            coalesce(x.reason, 'indisponibilité déclarée') AS reason
          FROM worker_unavailabilities x WHERE x.organisation_id = ANY(${orgs}) ${onlyW}
            AND x.start_at < ${ts(o.toMs)} AND x.end_at > ${ts(o.fromMs)}
          UNION ALL
          SELECT x.worker_id, extract(epoch FROM x.start_at)::float8 * 1000, extract(epoch FROM x.end_at)::float8 * 1000,
            'absence : ' || x.reason
          FROM absences x WHERE x.organisation_id = ANY(${orgs}) ${onlyW}
            AND x.start_at < ${ts(o.toMs)} AND x.end_at > ${ts(o.fromMs)}`,
      ),
    () =>
      rowsOf(
        db,
        sql`SELECT x.id, x.worker_id, extract(epoch FROM x.start_at)::float8 * 1000 AS s, extract(epoch FROM x.end_at)::float8 * 1000 AS e,
            c.name AS client_name
          FROM shifts x JOIN clients c ON c.id = x.client_id
          WHERE x.organisation_id = ANY(${orgs}) ${onlyW} AND x.status = 'assigned'
            AND x.start_at < ${ts(o.toMs + 36 * 3_600_000)} AND x.end_at > ${ts(o.fromMs - 36 * 3_600_000)}`,
      ),
    () =>
      rowsOf(
        db,
        sql`SELECT x.worker_id,
            width_bucket(extract(epoch FROM x.start_at)::float8, ${`{${weekEdges.join(',')}}`}::float8[]) AS wk,
            width_bucket(extract(epoch FROM x.start_at)::float8, ${`{${monthEdges.join(',')}}`}::float8[]) AS mo,
            (sum(extract(epoch FROM x.end_at - x.start_at)) / 60)::int AS minutes
          FROM shifts x
          WHERE x.organisation_id = ANY(${orgs}) ${onlyW} AND x.status = 'assigned'
            AND x.start_at >= ${ts(spanFrom)} AND x.start_at < ${ts(spanTo)}
          GROUP BY 1, 2, 3`,
      ),
    () =>
      rowsOf(
        db,
        sql`SELECT x.worker_id, x.client_id FROM client_excluded_workers x WHERE x.client_id = ANY(${clientList})`,
      ),
    () =>
      o.withContinuity && o.clientIds.length
        ? rowsOf(
            db,
            sql`SELECT x.worker_id, x.client_id, count(*)::int AS n FROM shifts x
                WHERE x.client_id = ANY(${clientList}) AND x.worker_id IS NOT NULL AND x.status = 'assigned'
                  AND x.start_at >= ${ts(o.fromMs - 365 * 86_400_000)} AND x.start_at < ${ts(o.fromMs)}
                GROUP BY 1, 2`,
          )
        : Promise.resolve([] as Record<string, any>[]),
  ]);
  for (const r of jobs) facts.get(r.worker_id)?.jobs.set(r.rome, r.level);
  for (const r of passes) facts.get(r.worker_id)?.passes.push({ startDate: r.s, endDate: r.e });
  for (const r of contracts)
    facts.get(r.worker_id)?.contracts.push({ startDate: r.s, endDate: r.e ?? null, weeklyMinutes: r.weekly_minutes });
  for (const r of unavailable)
    facts.get(r.worker_id)?.unavailable.push({ startMs: Number(r.s), endMs: Number(r.e), reason: r.reason });
  for (const r of nearby) {
    const s = Number(r.s);
    facts
      .get(r.worker_id)
      ?.shifts.push({ id: r.id, startMs: s, endMs: Number(r.e), startDate: parisDay(s), clientName: r.client_name });
  }
  for (const r of totals) {
    const f = facts.get(r.worker_id);
    if (!f) continue;
    const wk = Number(r.wk);
    const mo = Number(r.mo);
    if (wk >= 1 && wk < weekBounds.length) {
      const key = weekBounds[wk - 1];
      f.weekMinutes.set(key, (f.weekMinutes.get(key) ?? 0) + r.minutes);
    }
    if (mo >= 1 && mo < monthBounds.length) {
      const key = monthBounds[mo - 1].slice(0, 7);
      f.monthMinutes.set(key, (f.monthMinutes.get(key) ?? 0) + r.minutes);
    }
  }

  for (const r of excluded) facts.get(r.worker_id)?.excludedBy.add(r.client_id);
  for (const r of visits) facts.get(r.worker_id)?.continuity.set(r.client_id, r.n);
  if (o.withCap && !onPool) await loadCap(o, facts, fromDate, onlyW);
  await capRead;
  return facts;
}

function mondayOf(date: string) {
  const wd = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((wd + 6) % 7));
}

/** The 480 h windows: exact for a few workers, one aggregate query for many. */
async function loadCap(o: LoadFactsOptions, facts: Map<string, WorkerFacts>, fromDate: string, onlyW: SQL) {
  if (o.exactCap) {
    for (const f of facts.values()) {
      const placements = await countedPlacements(o.db, f.organisationId, f.id);
      const w = hoursCapWindow(placements, fromDate, { placingOn: true });
      f.cap = { windowStart: w.windowStart, windowEnd: w.windowEnd, countedMinutes: w.countedMinutes, exact: true };
    }
    return;
  }
  // One query for every worker: the first window, or the next one when it has run out (exact up to two
  // windows, i.e. four years of pathway; the assignment itself always re-checks exactly).
  const orgs = uuidArray(o.organisationIds);
  const target = ts(o.fromMs);
  const dayStart = sql`${parisInstant(fromDate).toISOString()}::timestamptz`;
  const dayEnd = sql`${parisInstant(addDays(fromDate, 1)).toISOString()}::timestamptz`;
  const rows = await rowsOf(
    o.db,
    sql`WITH cc AS (SELECT c.id FROM clients c WHERE c.organisation_id = ANY(${orgs}) AND ${sql.raw(countsForHoursCapSql('c'))}),
        counted AS MATERIALIZED (
          SELECT x.worker_id, x.start_at, x.end_at FROM shifts x
          WHERE x.client_id IN (SELECT id FROM cc) AND x.status = 'assigned' AND x.worker_id IS NOT NULL ${onlyW}
        ),
        b AS (
          SELECT worker_id, date_trunc('day', min(start_at) AT TIME ZONE 'Europe/Paris') AS w1 FROM counted GROUP BY worker_id
        ),
        f2 AS (
          SELECT c.worker_id, date_trunc('day', min(c.start_at) AT TIME ZONE 'Europe/Paris') AS w2
          FROM counted c JOIN b ON b.worker_id = c.worker_id
          WHERE c.start_at >= (b.w1 + interval '24 months') AT TIME ZONE 'Europe/Paris' AND c.start_at < ${dayEnd}
          GROUP BY c.worker_id
        ),
        win AS (
          SELECT b.worker_id,
            CASE WHEN ${target} < (b.w1 + interval '24 months') AT TIME ZONE 'Europe/Paris' AND ${target} >= b.w1 AT TIME ZONE 'Europe/Paris' THEN b.w1
                 WHEN ${target} < b.w1 AT TIME ZONE 'Europe/Paris' THEN ${dayStart} AT TIME ZONE 'Europe/Paris'
                 ELSE coalesce(f2.w2, ${dayStart} AT TIME ZONE 'Europe/Paris') END AS ws
          FROM b LEFT JOIN f2 ON f2.worker_id = b.worker_id
        )
        SELECT w.worker_id, w.ws::date::text AS window_start, ((w.ws + interval '24 months')::date - 1)::text AS window_end,
          coalesce(sum(extract(epoch FROM c.end_at - c.start_at)) FILTER (
            WHERE c.start_at >= w.ws AT TIME ZONE 'Europe/Paris' AND c.start_at < (w.ws + interval '24 months') AT TIME ZONE 'Europe/Paris'
          ) / 60, 0)::int AS minutes
        FROM win w JOIN counted c ON c.worker_id = w.worker_id
        GROUP BY w.worker_id, w.ws`,
  );
  for (const r of rows) {
    const f = facts.get(r.worker_id);
    if (f) f.cap = { windowStart: r.window_start, windowEnd: r.window_end, countedMinutes: r.minutes, exact: false };
  }
}
