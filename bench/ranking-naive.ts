import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/connect.js';
import { rowsOf } from '../src/server/db/rows.js';
import { addDays, mondayOf } from '../src/server/modules/calendar/paris-time.js';
import { uuidArray } from '../src/server/modules/planning/assignment-facts.js';
import { limitsOf } from '../src/server/modules/planning/information-visit.js';
import { rankForSlot } from '../src/server/modules/planning/rank-replacements.js';
import { checkAssignment, type Slot, type WorkerFacts } from '../src/server/modules/planning/rules/assignment.js';
import { parisDay } from '../src/server/modules/planning/rules/paris-clock.js';
import { scoreCandidate } from '../src/server/modules/planning/rules/ranking.js';
import type { WorkerFactsCache } from '../src/server/modules/planning/worker-facts-cache.js';
import { withDefaults } from '../src/server/modules/settings/organisation-settings.js';

type Db = Database['db'];

/**
 * The floor of the candidate ranking: the statements it sends to the database, captured once and replayed
 * as they are (same parameters, same connections in parallel), without building or scoring anything.
 */
export async function captureRankingSql(db: Db, organisationIds: string[], slot: Slot, steady?: WorkerFactsCache) {
  const captured: (() => Promise<unknown>)[] = [];
  // PGlite's client too: statements planned once per session go to it directly (db/prepared.ts), and are replayed
  // as sent (EXECUTE of the prepared statement).
  const client = (db as unknown as { $client?: { exec?: (text: string) => Promise<unknown> } }).$client;
  const clientSpy =
    client?.exec &&
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === 'exec')
          return (text: string) => {
            if (!text.startsWith('PREPARE ')) captured.push(() => target.exec!(text));
            return target.exec!(text);
          };
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  const spy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (q: SQL) => {
          captured.push(() => target.execute(q));
          return target.execute(q);
        };
      if (prop === '$client' && clientSpy) return clientSpy;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  await rankForSlot({ db: spy, organisationIds, slot, limit: 10, steady });
  return () => Promise.all(captured.map((replay) => replay()));
}

/**
 * The naive ranking the benchmark compares with: load every row of the AIs' workers, their jobs, PASS,
 * contracts, unavailabilities, absences and all their shifts with plain SELECTs, then filter and count in
 * JavaScript before the same rules score them.
 */
export async function naiveRank(db: Db, organisationIds: string[], slot: Slot, limit = 10) {
  const orgs = uuidArray(organisationIds);
  const all = <T>(table: string) =>
    rowsOf<T>(db, sql`SELECT * FROM ${sql.identifier(table)} WHERE organisation_id = ANY(${orgs})`);
  const [workers, jobs, passes, contracts, unav, absences, shifts, clients, excluded, windows, settings] =
    await Promise.all([
      all<any>('workers'),
      all<any>('worker_jobs'),
      all<any>('passes'),
      all<any>('employment_contracts'),
      all<any>('worker_unavailabilities'),
      all<any>('absences'),
      all<any>('shifts'),
      all<any>('clients'),
      rowsOf<any>(db, sql`SELECT * FROM client_excluded_workers`),
      all<any>('hours_cap_windows'),
      rowsOf<any>(db, sql`SELECT id, settings FROM organisations WHERE id = ANY(${orgs})`),
    ]);
  const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
  const ms = (d: unknown) => new Date(d as string).getTime();
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const limits = new Map(settings.map((g) => [g.id, limitsOf(withDefaults(g.settings))]));
  const fromDay = parisDay(slot.startMs);
  const facts = new Map<string, WorkerFacts>();
  for (const w of workers) {
    if (w.anonymised_at) continue;
    facts.set(w.id, {
      id: w.id,
      organisationId: w.organisation_id,
      name: `${w.first_name} ${w.last_name}`,
      firstName: w.first_name,
      lat: w.lat,
      lon: w.lon,
      maxMinutesPerWeek: w.max_minutes_per_week,
      weeklyAvailability: w.weekly_availability ?? {},
      derogationFrom: w.cap_derogation_from ? day(w.cap_derogation_from) : null,
      derogationTo: w.cap_derogation_to ? day(w.cap_derogation_to) : null,
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
      birthDate: w.birth_date ? day(w.birth_date) : null,
      informationVisitDoneOn: null,
      limits: limits.get(w.organisation_id),
    });
  }
  for (const j of jobs) facts.get(j.worker_id)?.jobs.set(j.rome, j.level);
  for (const p of passes)
    facts.get(p.worker_id)?.passes.push({ startDate: day(p.start_date), endDate: day(p.end_date), suspensions: [] });
  for (const c of contracts)
    facts.get(c.worker_id)?.contracts.push({
      startDate: day(c.start_date),
      endDate: c.end_date ? day(c.end_date) : null,
      weeklyMinutes: c.weekly_minutes,
    });
  for (const u of [...unav, ...absences])
    facts.get(u.worker_id)?.unavailable.push({ startMs: ms(u.start_at), endMs: ms(u.end_at), reason: u.reason ?? '' });
  for (const s of shifts) {
    if (s.status !== 'assigned' || !s.worker_id) continue;
    const f = facts.get(s.worker_id);
    if (!f) continue;
    const a = ms(s.start_at);
    const b = ms(s.end_at);
    const d = parisDay(a);
    if (Math.abs(a - slot.startMs) < 10 * 86_400_000)
      f.shifts.push({ id: s.id, startMs: a, endMs: b, startDate: d, clientName: clientName.get(s.client_id) ?? '' });
    const minutes = Math.round((b - a) / 60_000);
    const week = mondayOf(d);
    if (Math.abs(ms(`${week}T12:00:00Z`) - slot.startMs) < 100 * 86_400_000)
      f.weekMinutes.set(week, (f.weekMinutes.get(week) ?? 0) + minutes);
    f.monthMinutes.set(d.slice(0, 7), (f.monthMinutes.get(d.slice(0, 7)) ?? 0) + minutes);
    if (s.client_id === slot.clientId && a < slot.startMs && a >= slot.startMs - 365 * 86_400_000)
      f.continuity.set(s.client_id, (f.continuity.get(s.client_id) ?? 0) + 1);
  }
  for (const x of excluded) facts.get(x.worker_id)?.excludedBy.add(x.client_id);
  for (const x of windows) {
    const f = facts.get(x.worker_id);
    if (f && day(x.window_start) <= fromDay && day(x.window_end) >= fromDay)
      f.cap = {
        windowStart: day(x.window_start),
        windowEnd: day(x.window_end),
        countedMinutes: x.counted_minutes,
        exact: true,
      };
  }
  const items = [];
  for (const w of facts.values()) {
    if (!w.jobs.has(slot.rome)) continue;
    const verdict = checkAssignment(slot, w);
    if (!verdict.ok) continue;
    items.push({ workerId: w.id, ...scoreCandidate(slot, w) });
  }
  items.sort((a, b) => b.score - a.score);
  void addDays;
  return items.slice(0, limit);
}
