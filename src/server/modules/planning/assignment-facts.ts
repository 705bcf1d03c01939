import { type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from '../../db/connect.js';
import { rowsOfPrepared } from '../../db/prepared.js';
import { rowsOf } from '../../db/rows.js';
import { addDays, mondayOf } from '../calendar/paris-time.js';
import { withDefaults } from '../settings/organisation-settings.js';
import { countedPlacements } from './hours-cap-status.js';
import { INFORMATION_VISIT_MATCH, limitsOf } from './information-visit.js';
import type { WorkerFacts } from './rules/assignment.js';
import { addMonths, HOURS_CAP_WINDOW_MONTHS, hoursCapWindow } from './rules/hours-cap.js';
import { parisDay, parisMidnightMs } from './rules/paris-clock.js';
import type { SteadyRows, WorkerFactsCache } from './worker-facts-cache.js';

const isTransaction = (db: Db): boolean => (db as unknown) instanceof PgTransaction;
/** PGlite, or a transaction: one connection, so the reads go as one statement (see packedReads). */
const oneStatement = (db: Db): boolean => {
  const client = (db as unknown as { $client?: unknown }).$client;
  return !(client instanceof pg.Pool) || isTransaction(db);
};

/**
 * Independent reads, sent the cheapest way for the engine. On PGlite, which runs one statement at a time, or
 * inside a transaction, which holds one connection, they all go as a single statement, each read packed by the
 * database into one JSON value and unpacked here: reading thousands of rows costs about a microsecond per value
 * on PGlite (each crosses the WebAssembly boundary on its own), and one JSON document is three to six times
 * faster there. On a node-postgres pool each read goes as its own statement, in parallel over the pool's
 * connections, as plain rows: PostgreSQL builds JSON about twice as slowly as node-postgres parses rows
 * (measured on the regional pool: 4 000 workers, 51 ms packed against 22 ms as rows), so packing only pays in
 * WebAssembly. Columns must read the same both ways (numbers, text, arrays, json/jsonb, booleans): dates and
 * timestamps are cast by the queries, and no column may be a bigint or a numeric (node-postgres reads those as
 * strings).
 */
export async function packedReads<K extends string>(
  db: Db,
  reads: Record<K, SQL>,
  prelude?: SQL,
  { prepared = false }: { prepared?: boolean } = {},
): Promise<Record<K, any[]>> {
  const keys = Object.keys(reads) as K[];
  const withClause = prelude ? sql`WITH ${prelude} ` : sql``;
  if (!oneStatement(db)) {
    const rows = await Promise.all(keys.map((k) => rowsOf<any>(db, sql`${withClause}${reads[k]}`)));
    return Object.fromEntries(keys.map((k, i) => [k, rows[i]])) as Record<K, any[]>;
  }
  const columns = sql.join(
    keys.map((k) => sql`(SELECT coalesce(json_agg(t), '[]')::text FROM (${reads[k]}) t) AS ${sql.identifier(k)}`),
    sql`, `,
  );
  const statement = sql`${withClause}SELECT ${columns}`;
  const [row] = await (prepared ? rowsOfPrepared : rowsOf)<Record<K, string>>(db, statement);
  return Object.fromEntries(keys.map((k) => [k, JSON.parse(row[k])])) as Record<K, any[]>;
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
  /**
   * One worker inside a transaction (an assignment's checks): the statement is planned once per session
   * (db/prepared.ts), its planning costing several times its execution. Not for many workers, whose best plan
   * depends on how many.
   */
  prepared?: boolean;
  /**
   * The ranking's copy of the steady facts (worker-facts-cache.ts): the workers' records, jobs, PASS and contracts
   * come from it, only the facts that move with the planning are read. Never for an assignment's checks.
   */
  steady?: WorkerFactsCache;
};

/**
 * The reads of the facts that change seldom, shared by the per-slot statement (`where` narrows them to its workers
 * and dates) and by the ranking's cache (worker-facts-cache.ts: every active worker of an organisation).
 */
const jobsRead = (orgs: SQL, where: SQL) =>
  sql`SELECT x.worker_id, x.rome, x.level FROM worker_jobs x WHERE x.organisation_id = ANY(${orgs}) ${where}`;
// Suspended days and a prolongation awaiting the prescriber decide the PASS's days (workers/rules/pass-dates.ts).
// Joined to their few rows rather than looked up once per PASS (thousands in a regional pool); at most one
// prolongation per PASS is pending (pass_extensions_one_pending), so the join adds no row.
const passesRead = (orgs: SQL, where: SQL) =>
  sql`SELECT x.worker_id, x.start_date::text AS s, x.end_date::text AS e, y.sus, z.pass_id IS NOT NULL AS pending
    FROM passes x
    LEFT JOIN (SELECT y.pass_id,
          json_agg(json_build_object('startDate', y.start_date::text, 'endDate', y.end_date::text)) AS sus
        FROM pass_suspensions y WHERE y.organisation_id = ANY(${orgs}) GROUP BY 1) y ON y.pass_id = x.id
    LEFT JOIN pass_extensions z ON z.pass_id = x.id AND z.organisation_id = ANY(${orgs}) AND z.status = 'pending'
    WHERE x.organisation_id = ANY(${orgs}) ${where}`;
const contractsRead = (orgs: SQL, where: SQL) =>
  sql`SELECT x.worker_id, x.start_date::text AS s, x.end_date::text AS e, x.weekly_minutes FROM employment_contracts x
    WHERE x.organisation_id = ANY(${orgs}) ${where}`;
const workersRead = (orgs: SQL, which: SQL, visitsOf: SQL) =>
  sql`SELECT w.id, w.organisation_id, w.first_name, w.last_name, w.lat, w.lon, w.max_minutes_per_week,
      w.weekly_availability, w.cap_derogation_from::text AS der_from, w.cap_derogation_to::text AS der_to,
      w.target_jobs, w.birth_date::text AS birth_date, v.visit_done
    FROM workers w
    -- One grouped read of the visits rather than a lookup per worker (thousands in a regional pool).
    LEFT JOIN (SELECT v.worker_id, max(v.done_on)::text AS visit_done FROM health_visits v
        WHERE v.organisation_id = ANY(${orgs}) ${visitsOf} AND v.done_on IS NOT NULL
          AND v.kind ILIKE ${INFORMATION_VISIT_MATCH}
        GROUP BY 1) v ON v.worker_id = w.id
    WHERE w.organisation_id = ANY(${orgs}) ${which}`;

/** Every active worker of some organisations with their jobs, PASS and contracts (the ranking's cache). */
export function steadyFactReads(organisationIds: string[]) {
  const orgs = uuidArray(organisationIds);
  const active = sql`AND x.worker_id IN (SELECT w.id FROM workers w
    WHERE w.organisation_id = ANY(${orgs}) AND w.anonymised_at IS NULL)`;
  return {
    jobs: jobsRead(orgs, active),
    passes: passesRead(orgs, active),
    contracts: contractsRead(orgs, active),
    workers: workersRead(orgs, sql`AND w.anonymised_at IS NULL`, sql``),
  };
}

/** The statements loadWorkerFacts sends, one per fact (exported so that each can be timed alone when profiling). */
export function workerFactReads(o: LoadFactsOptions) {
  const orgs = uuidArray(o.organisationIds);
  const only = o.workerIds
    ? sql`AND w.id = ANY(${uuidArray(o.workerIds)})`
    : o.romes
      ? sql`AND w.id IN (SELECT j.worker_id FROM worker_jobs j
          WHERE j.organisation_id = ANY(${orgs}) AND j.rome = ANY(${textArray(o.romes)}))`
      : sql``;
  const fromDate = parisDay(o.fromMs);
  const toDate = parisDay(o.toMs);
  // Weeks and months touched by the period, for the hours already given; 11 weeks on both sides for the
  // average over any 12 weeks (L3121-22).
  const firstMonday = mondayOf(addDays(fromDate, -1 - 77));
  const weekBounds: string[] = [];
  for (let m = firstMonday; m <= addDays(toDate, 7 + 77); m = addDays(m, 7)) weekBounds.push(m);
  const monthBounds: string[] = [];
  for (let m = `${fromDate.slice(0, 7)}-01`; m <= addMonths(`${toDate.slice(0, 7)}-01`, 1); m = addMonths(m, 1)) {
    monthBounds.push(m);
  }
  const weekEdges = weekBounds.map((x) => parisMidnightMs(x) / 1000);
  const monthEdges = monthBounds.map((x) => parisMidnightMs(x) / 1000);
  const spanFrom = Math.min(weekEdges[0], monthEdges[0]) * 1000;
  const spanTo = Math.max(weekEdges[weekEdges.length - 1], monthEdges[monthEdges.length - 1]) * 1000;

  // The workers concerned, computed once per statement: a literal array of thousands of ids would cost more
  // to parse and probe.
  const workerSet = sql`ws AS MATERIALIZED (SELECT w.id FROM workers w
    WHERE w.organisation_id = ANY(${orgs}) AND w.anonymised_at IS NULL ${only})`;
  const onlyW = sql`AND x.worker_id IN (SELECT ws.id FROM ws)`;
  const clientList = uuidArray(o.clientIds.length ? o.clientIds : ['00000000-0000-0000-0000-000000000000']);
  const capUntil = addDays(addMonths(fromDate, HOURS_CAP_WINDOW_MONTHS), -1);
  const none = sql`SELECT NULL::uuid AS worker_id WHERE false`;

  const reads = {
    // A slot's rules and score look at its own job only: the others need not travel.
    jobs: jobsRead(orgs, sql`${onlyW} ${o.romes ? sql`AND x.rome = ANY(${textArray(o.romes)})` : sql``}`),
    passes: passesRead(
      orgs,
      sql`${onlyW} AND x.start_date <= ${addDays(toDate, 1)}::date
        AND x.end_date >= ${o.workerIds ? '1900-01-01' : addDays(fromDate, -1)}::date`,
    ),
    contracts: contractsRead(
      orgs,
      sql`${onlyW} AND x.start_date <= ${addDays(toDate, 1)}::date AND (x.end_date IS NULL OR x.end_date >= ${fromDate}::date)`,
    ),
    workers: workersRead(orgs, sql`AND w.id IN (SELECT ws.id FROM ws)`, sql`AND v.worker_id IN (SELECT ws.id FROM ws)`),
    unavailable: sql`SELECT x.worker_id, extract(epoch FROM x.start_at)::float8 * 1000 AS s, extract(epoch FROM x.end_at)::float8 * 1000 AS e,
            coalesce(x.reason, 'indisponibilité déclarée') AS reason
          FROM worker_unavailabilities x WHERE x.organisation_id = ANY(${orgs}) ${onlyW}
            AND x.start_at < ${ts(o.toMs)} AND x.end_at > ${ts(o.fromMs)}
          UNION ALL
          SELECT x.worker_id, extract(epoch FROM x.start_at)::float8 * 1000, extract(epoch FROM x.end_at)::float8 * 1000,
            'absence : ' || x.reason
          FROM absences x WHERE x.organisation_id = ANY(${orgs}) ${onlyW}
            AND x.start_at < ${ts(o.toMs)} AND x.end_at > ${ts(o.fromMs)}`,
    // The weeks around the slots (days worked, weekly rest: L3132-1, -2). A shift lasts at most 12 h: the
    // lower bound on start_at lets the index narrow the range.
    nearby: sql`SELECT x.id, x.worker_id, extract(epoch FROM x.start_at)::float8 * 1000 AS s, extract(epoch FROM x.end_at)::float8 * 1000 AS e,
            c.name AS client_name
          FROM shifts x JOIN clients c ON c.id = x.client_id
          WHERE x.organisation_id = ANY(${orgs}) ${onlyW} AND x.status = 'assigned'
            AND x.start_at < ${ts(o.toMs + 9 * 86_400_000)} AND x.end_at > ${ts(o.fromMs - 9 * 86_400_000)}
            AND x.start_at > ${ts(o.fromMs - 9 * 86_400_000 - 12 * 3_600_000)}`,
    settings: sql`SELECT g.id, g.settings FROM organisations g WHERE g.id = ANY(${orgs})`,
    totals: sql`SELECT x.worker_id,
            width_bucket(extract(epoch FROM x.start_at)::float8, ${`{${weekEdges.join(',')}}`}::float8[]) AS wk,
            width_bucket(extract(epoch FROM x.start_at)::float8, ${`{${monthEdges.join(',')}}`}::float8[]) AS mo,
            (sum(extract(epoch FROM x.end_at - x.start_at)) / 60)::int AS minutes
          FROM shifts x
          WHERE x.organisation_id = ANY(${orgs}) ${onlyW} AND x.status = 'assigned'
            AND x.start_at >= ${ts(spanFrom)} AND x.start_at < ${ts(spanTo)}
          GROUP BY 1, 2, 3`,
    excluded: sql`SELECT x.worker_id, x.client_id FROM client_excluded_workers x
        WHERE x.organisation_id = ANY(${orgs}) AND x.client_id = ANY(${clientList}) ${onlyW}`,
    visits:
      o.withContinuity && o.clientIds.length
        ? // Index-only through shifts_assigned_client_cover (migration 0045): the client's year, not the workers'.
          sql`SELECT x.worker_id, x.client_id, count(*)::int AS n FROM shifts x
                WHERE x.client_id = ANY(${clientList}) AND x.status = 'assigned' AND x.organisation_id = ANY(${orgs}) ${onlyW}
                  AND x.start_at >= ${ts(o.fromMs - 365 * 86_400_000)} AND x.start_at < ${ts(o.fromMs)}
                GROUP BY 1, 2`
        : none,
    // The 480 h windows are kept by the database (hours_cap_windows): one row a worker, not years of shifts.
    windows: o.withCap
      ? sql`SELECT x.worker_id, x.window_start::text AS s, x.window_end::text AS e, x.counted_minutes AS m
          FROM hours_cap_windows x WHERE x.organisation_id = ANY(${orgs}) ${onlyW}
            AND x.window_end >= ${fromDate}::date AND x.window_start <= ${capUntil}::date`
      : none,
  };
  return { reads, prelude: workerSet, fromDate, toDate, capUntil, weekBounds, monthBounds };
}

/**
 * Loads, in a fixed number of set-based queries, every fact the assignment rules and the ranking need about
 * the workers of one or several AIs around a period. Evaluation then happens in memory.
 */
export async function loadWorkerFacts(o: LoadFactsOptions): Promise<Map<string, WorkerFacts>> {
  const { reads, prelude, fromDate, toDate, capUntil, weekBounds, monthBounds } = workerFactReads(o);
  let r: Record<keyof typeof reads, any[]>;
  if (o.steady && !o.workerIds) {
    const { jobs, passes, contracts, workers, ...moving } = reads;
    const [steady, read] = await Promise.all([
      o.steady.rowsOf(o.db, o.organisationIds),
      packedReads(o.db, moving, prelude, { prepared: o.prepared }),
    ]);
    r = { ...read, ...steadyRowsFor(steady, o.romes, fromDate, toDate) };
  } else {
    r = await packedReads(o.db, reads, prelude, { prepared: o.prepared });
  }
  const limitsByOrg = new Map(r.settings.map((g) => [g.id as string, limitsOf(withDefaults(g.settings))]));
  const facts = new Map<string, WorkerFacts>();
  for (const w of r.workers) {
    facts.set(w.id, {
      id: w.id,
      organisationId: w.organisation_id,
      name: `${w.first_name} ${w.last_name}`,
      firstName: w.first_name,
      lat: w.lat ?? null,
      lon: w.lon ?? null,
      maxMinutesPerWeek: w.max_minutes_per_week ?? null,
      weeklyAvailability: w.weekly_availability ?? {},
      derogationFrom: w.der_from ?? null,
      derogationTo: w.der_to ?? null,
      targetJobs: w.target_jobs ?? [],
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
      birthDate: w.birth_date ?? null,
      informationVisitDoneOn: w.visit_done ?? null,
      limits: limitsByOrg.get(w.organisation_id),
    });
  }
  for (const x of r.jobs) facts.get(x.worker_id)?.jobs.set(x.rome, x.level);
  for (const x of r.passes)
    facts
      .get(x.worker_id)
      ?.passes.push({ startDate: x.s, endDate: x.e, suspensions: x.sus ?? [], pendingExtension: Boolean(x.pending) });
  for (const x of r.contracts)
    facts.get(x.worker_id)?.contracts.push({ startDate: x.s, endDate: x.e ?? null, weeklyMinutes: x.weekly_minutes });
  for (const x of r.unavailable)
    facts.get(x.worker_id)?.unavailable.push({ startMs: Number(x.s), endMs: Number(x.e), reason: x.reason });
  for (const x of r.nearby) {
    const s = Number(x.s);
    facts
      .get(x.worker_id)
      ?.shifts.push({ id: x.id, startMs: s, endMs: Number(x.e), startDate: parisDay(s), clientName: x.client_name });
  }
  for (const x of r.totals) {
    const f = facts.get(x.worker_id);
    if (!f) continue;
    const wk = Number(x.wk);
    const mo = Number(x.mo);
    if (wk >= 1 && wk < weekBounds.length) {
      const key = weekBounds[wk - 1];
      f.weekMinutes.set(key, (f.weekMinutes.get(key) ?? 0) + x.minutes);
    }
    if (mo >= 1 && mo < monthBounds.length) {
      const key = monthBounds[mo - 1].slice(0, 7);
      f.monthMinutes.set(key, (f.monthMinutes.get(key) ?? 0) + x.minutes);
    }
  }
  for (const x of r.excluded) facts.get(x.worker_id)?.excludedBy.add(x.client_id);
  for (const x of r.visits) facts.get(x.worker_id)?.continuity.set(x.client_id, x.n);
  if (o.withCap) await applyCapWindows(o, facts, fromDate, capUntil, r.windows);
  return facts;
}

/**
 * The steady rows the per-slot statement would have read (same filters: workers holding one of `romes`, only those
 * jobs, PASS and contracts running around the period). The cached rows are shared: read, never changed.
 */
function steadyRowsFor(organisations: SteadyRows[], romes: string[] | undefined, fromDate: string, toDate: string) {
  const passFrom = addDays(fromDate, -1);
  const until = addDays(toDate, 1);
  const out = { workers: [] as any[], jobs: [] as any[], passes: [] as any[], contracts: [] as any[] };
  for (const g of organisations) {
    for (const w of g.workers) {
      const jobs = g.jobs.get(w.id) ?? [];
      const held = romes ? jobs.filter((j) => romes.includes(j.rome)) : jobs;
      if (romes && held.length === 0) continue;
      out.workers.push(w);
      out.jobs.push(...held);
      for (const x of g.passes.get(w.id) ?? []) if (x.s <= until && x.e >= passFrom) out.passes.push(x);
      for (const x of g.contracts.get(w.id) ?? []) {
        if (x.s <= until && (x.e === null || x.e >= fromDate)) out.contracts.push(x);
      }
    }
  }
  return out;
}

/**
 * The 480 h window running on the slot's day, from the windows the database keeps. When none runs, placing
 * would open one that also holds the windows planned after: counted whole for ranking (which can only
 * overstate); an assignment (`exactCap`) then recomputes the window from the worker's placements.
 */
async function applyCapWindows(
  o: LoadFactsOptions,
  facts: Map<string, WorkerFacts>,
  fromDate: string,
  until: string,
  windows: { worker_id: string; s: string; e: string; m: number }[],
) {
  const later = new Map<string, number>();
  for (const x of windows) {
    const f = facts.get(x.worker_id);
    if (!f) continue;
    if (x.s <= fromDate) f.cap = { windowStart: x.s, windowEnd: x.e, countedMinutes: x.m, exact: true };
    else later.set(x.worker_id, (later.get(x.worker_id) ?? 0) + x.m);
  }
  for (const [workerId, minutes] of later) {
    const f = facts.get(workerId)!;
    if (f.cap.windowStart !== null) continue;
    if (o.exactCap) {
      // No window runs on the day, so the one the placement opens starts on it: the placements before it cannot
      // change it (hoursCapWindow's `placingOn`), and only those from that day on are read.
      const placements = await countedPlacements(o.db, f.organisationId, f.id, fromDate);
      const w = hoursCapWindow(placements, fromDate, { placingOn: true });
      f.cap = { windowStart: w.windowStart, windowEnd: w.windowEnd, countedMinutes: w.countedMinutes, exact: true };
    } else {
      f.cap = { windowStart: fromDate, windowEnd: until, countedMinutes: minutes, exact: false };
    }
  }
}
