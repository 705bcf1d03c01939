import loadHighs from 'highs';
import { addDays, parisInstant } from '../src/server/modules/calendar/paris-time.js';
import {
  checkAssignment,
  makeSlot,
  type Slot,
  type WorkerFacts,
} from '../src/server/modules/planning/rules/assignment.js';
import { autoplan } from '../src/server/modules/planning/rules/autoplan.js';
import { scoreCandidate } from '../src/server/modules/planning/rules/ranking.js';
import { type BenchResult, sized } from './measure.js';

const ROMES = ['K2204', 'J1301', 'G1605', 'K1304', 'K2201', 'A1203'];

/** A deterministic instance: `shifts` slots over a week (5 days), `workers` workers holding one or two jobs. */
export function instance(nShifts: number, nWorkers: number, seed: number) {
  let s = seed;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const romes = Math.max(3, Math.min(ROMES.length, Math.round(nWorkers / 15)));
  const workers = (): WorkerFacts[] =>
    Array.from({ length: nWorkers }, (_, i) => ({
      id: `w${i}`,
      organisationId: 'o',
      name: `W ${i}`,
      firstName: 'W',
      lat: 48.7 + ((i * 37) % 10) / 50,
      lon: 2.4 + ((i * 53) % 10) / 40,
      maxMinutesPerWeek: [12, 16, 20, 24][i % 4] * 60,
      weeklyAvailability: {},
      derogationFrom: null,
      derogationTo: null,
      targetJobs: i % 4 === 0 ? [ROMES[i % romes]] : [],
      jobs: new Map(
        [ROMES[i % romes], ROMES[(i * 7 + 3) % romes]].map((r, k) => [r, 1 + ((i + k) % 3)] as [string, number]),
      ),
      passes: [{ startDate: '2026-01-01', endDate: '2027-12-31' }],
      contracts: [{ startDate: '2026-01-01', endDate: null, weeklyMinutes: 1200 }],
      unavailable: [],
      shifts: [],
      weekMinutes: new Map(),
      monthMinutes: new Map(),
      excludedBy: new Set(),
      continuity: new Map(i % 3 === 0 ? [[`c${i % 5}`, 5]] : []),
      cap: { windowStart: null, windowEnd: null, countedMinutes: 0, exact: true },
    }));
  const slots: Slot[] = Array.from({ length: nShifts }, (_, k) => {
    const day = addDays('2026-12-07', Math.floor(rand() * 5));
    const h = 6 + Math.floor(rand() * 10);
    return makeSlot({
      id: `s${k}`,
      start: parisInstant(day, `${String(h).padStart(2, '0')}:00`),
      end: parisInstant(day, `${String(h + 3 + Math.floor(rand() * 3)).padStart(2, '0')}:00`),
      clientId: `c${k % 5}`,
      clientName: `Client ${k % 5}`,
      clientCounts: false,
      rome: ROMES[Math.floor(rand() * romes)],
      siteLat: 48.75,
      siteLon: 2.45,
    });
  });
  return { slots, workers };
}

/**
 * The MILP HiGHS solves: x[s][w] for every feasible pair, each shift at most once, and for each worker the
 * conflicts the rules imply for sure: overlapping shifts (one clique per start time), at most the daily maximum
 * (L3121-18) a day and the worker's weekly maximum. The rest-period pairs (L3131-1) are left out at these sizes:
 * HiGHS solves a relaxation, so its optimum and bound can only be above the true optimum (the ratio is a floor).
 */
export function model(slots: Slot[], base: WorkerFacts[]) {
  const vars: { s: number; w: number; coef: number; name: string }[] = [];
  slots.forEach((slot, si) => {
    base.forEach((w, wi) => {
      if (checkAssignment(slot, w).ok)
        vars.push({ s: si, w: wi, coef: 1000 + scoreCandidate(slot, w).score, name: `x${si}_${wi}` });
    });
  });
  const rows: string[] = [];
  const bySlot = new Map<number, string[]>();
  const byWorker = new Map<number, typeof vars>();
  for (const v of vars) {
    bySlot.set(v.s, [...(bySlot.get(v.s) ?? []), v.name]);
    const list = byWorker.get(v.w) ?? [];
    list.push(v);
    byWorker.set(v.w, list);
  }
  for (const [si, names] of bySlot) rows.push(`s${si}: ${names.join(' + ')} <= 1`);
  for (const [wi, vs] of byWorker) {
    const starts = [...new Set(vs.map((v) => slots[v.s].startMs))];
    for (const t of starts) {
      const clique = vs.filter((v) => slots[v.s].startMs <= t && t < slots[v.s].endMs);
      if (clique.length > 1) rows.push(`o${wi}_${t}: ${clique.map((v) => v.name).join(' + ')} <= 1`);
    }
    const days = new Map<string, typeof vs>();
    for (const v of vs) days.set(slots[v.s].startDate, [...(days.get(slots[v.s].startDate) ?? []), v]);
    for (const [d, dv] of days)
      if (dv.length > 1)
        rows.push(
          `d${wi}_${d.replaceAll('-', '')}: ${dv.map((v) => `${slots[v.s].minutes} ${v.name}`).join(' + ')} <= 600`,
        );
    rows.push(
      `h${wi}: ${vs.map((v) => `${slots[v.s].minutes} ${v.name}`).join(' + ')} <= ${base[wi].maxMinutesPerWeek}`,
    );
  }
  const obj = vars.map((v) => `${v.coef} ${v.name}`).join(' + ');
  // A bound proven without a solver: each shift covered at most once, by its best-scoring feasible worker. HiGHS's
  // bound is tighter once it has solved the root relaxation, but on a slow machine a time-limited HiGHS may stop
  // before that, and its "bound" is then the sum of every coefficient — a comparison that says nothing.
  const bestBySlot = new Map<number, number>();
  for (const v of vars) bestBySlot.set(v.s, Math.max(bestBySlot.get(v.s) ?? 0, v.coef));
  const slotBound = [...bestBySlot.values()].reduce((a, b) => a + b, 0);
  return {
    vars: vars.length,
    rows: rows.length,
    slotBound,
    lp: `Maximize\n obj: ${obj}\nSubject To\n ${rows.join('\n ')}\nBinary\n ${vars.map((v) => v.name).join('\n ')}\nEnd\n`,
  };
}

/**
 * Issue 19 item 4: the auto-planner against HiGHS at real sizes (shifts × workers), with a time limit for HiGHS:
 * both objectives (1000 × shifts covered + total score), HiGHS's proven bound, both times. Target: ≥ 99 % of the
 * bound at ≥ 10 × HiGHS's speed.
 */
export default async function autoplanBench(): Promise<BenchResult[]> {
  const highs = await loadHighs();
  const sizes: [number, number, number][] = sized(
    [
      [100, 40, 30],
      [300, 100, 60],
      [2000, 600, 120],
    ],
    [[100, 40, 5]],
  );
  const out: BenchResult[] = [];
  for (const [nShifts, nWorkers, limitS] of sizes) {
    const inst = instance(nShifts, nWorkers, 11 + nShifts);
    const t0 = performance.now();
    const plan = autoplan({ slots: inst.slots, workers: inst.workers() });
    const oursMs = performance.now() - t0;
    const ours = plan.assignments.length * 1000 + plan.totalScore;
    const m = model(inst.slots, inst.workers());
    const t1 = performance.now();
    const solved = highs.withModel({ format: 'lp', data: m.lp }, (h) => {
      h.options.set('output_flag', false);
      h.options.set('time_limit', limitS);
      h.options.set('mip_rel_gap', 1e-6);
      h.run();
      let bound = Number.NaN;
      let value = Number.NaN;
      try {
        bound = Number(h.info.get('mip_dual_bound'));
        value = h.getObjectiveValue();
      } catch {}
      return { status: h.getModelStatus() as unknown, bound, value };
    });
    const highsMs = performance.now() - t1;
    // The tighter of the two proven bounds (HiGHS's dual bound, each shift at its best worker); HiGHS's incumbent
    // only when neither is finite.
    const highsBound = Number.isFinite(solved.bound) && Math.abs(solved.bound) < 1e12 ? solved.bound : Number.NaN;
    const bounds = [highsBound, m.slotBound].filter((b) => Number.isFinite(b) && b > 0);
    const reference = bounds.length ? Math.min(...bounds) : solved.value;
    const boundBy =
      reference === m.slotBound && !(highsBound <= m.slotBound) ? 'each shift at its best worker' : 'HiGHS';
    const share = reference > 0 ? ours / reference : 1;
    const speed = highsMs / oursMs;
    const pct = Math.round(share * 10_000) / 100;
    // Within its limit HiGHS may find neither a solution nor a bound (it then reports them as infinite).
    const highsFound = Number.isFinite(solved.value) ? String(Math.round(solved.value)) : `no solution in ${limitS} s`;
    const highsBoundCell = Number.isFinite(highsBound) ? String(Math.round(highsBound)) : 'none';
    out.push({
      area: 'Planning',
      name: `auto-planner vs HiGHS, ${nShifts} shifts × ${nWorkers} workers`,
      value: pct,
      unit: boundBy === 'HiGHS' ? '% of HiGHS bound' : '% of the per-shift bound',
      reference: `HiGHS ${highsFound} (bound ${highsBoundCell}) in ${Math.round(highsMs)} ms; per-shift bound ${m.slotBound}`,
      ratio: `${pct} % of the bound (${boundBy}) at ${Math.round(speed * 10) / 10} × HiGHS's speed`,
      target: '≥ 99 % of optimum/bound at ≥ 10 × speed',
      pass: share >= 0.99 && speed >= 10,
      notes: `auto-planner ${ours} (${plan.assignments.length}/${nShifts} covered) in ${Math.round(oursMs)} ms; HiGHS ${solved.status === 7 ? 'proved optimal' : solved.status === 13 ? 'stopped by the time limit' : `status ${String(solved.status)}`} with a ${limitS} s limit on ${m.vars} binaries and ${m.rows} rows (overlaps, daily 10 h and weekly maxima: a relaxation of the rules, its bound is above the true optimum)`,
    });
  }
  return out;
}
