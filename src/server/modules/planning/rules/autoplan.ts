import { checkAssignment, commitAssignment, type Slot, uncommitAssignment, type WorkerFacts } from './assignment.js';
import { scoreCandidate } from './ranking.js';

export type PlanInput = {
  slots: Slot[];
  workers: WorkerFacts[];
  /** Randomised restarts kept while time remains (the best plan wins). */
  timeBudgetMs?: number;
  maxRounds?: number;
};
export type PlanResult = {
  assignments: { slotId: string; workerId: string; score: number }[];
  unfilled: string[];
  totalScore: number;
};

/**
 * Fills open shifts: first as many as possible, then the best total score, never breaking a hard constraint
 * (every choice goes through checkAssignment against the running state).
 *
 * 1. Feasible pairs and their scores against the state before planning (cheap filters first: job held,
 *    do-not-send list).
 * 2. Most-constrained shift first, best-scoring feasible worker.
 * 3. Augmenting repairs for shifts left open: free a worker by moving one of their new shifts to someone else.
 * 4. Score swaps: give a shift to a better-scoring worker when that worker is still free.
 * Mutates the facts (the running state); pass copies if they are needed afterwards.
 */
export function autoplan({ slots, workers, timeBudgetMs = 1500, maxRounds = 400 }: PlanInput): PlanResult {
  const t0 = performance.now();
  const bySlot = feasiblePairs(slots, workers);
  const saved = new Map(workers.map((w) => [w, snapshot(w)]));
  let best: PlanResult | null = null;
  let seed = 1;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let round = 0; round < maxRounds; round++) {
    const result = planOnce(slots, bySlot, round === 0 ? null : rand);
    const value = (r: PlanResult) => r.assignments.length * 1_000_000 + r.totalScore;
    if (!best || value(result) > value(best)) best = result;
    for (const [w, snap] of saved) restore(w, snap);
    // Once every shift is covered, later restarts only move the score by hundredths of a percent (the first,
    // plain greedy with repairs is already within 0.2 % of HiGHS's optimum: bench/autoplan.bench.ts), so a sixth
    // of the budget is enough for them: a third made every small week wait 500 ms for nothing.
    if (best.unfilled.length === 0 && round >= 2 && performance.now() - t0 > timeBudgetMs / 6) break;
    if (performance.now() - t0 > timeBudgetMs) break;
  }
  // Leave the running state as the chosen plan says.
  const byId = new Map(slots.map((s) => [s.id, s]));
  const wById = new Map(workers.map((w) => [w.id, w]));
  for (const a of best!.assignments) commitAssignment(byId.get(a.slotId)!, wById.get(a.workerId)!);
  return best!;
}

type Pair = { w: WorkerFacts; score: number };

function snapshot(w: WorkerFacts) {
  return { shifts: w.shifts.slice(), week: new Map(w.weekMinutes), month: new Map(w.monthMinutes), cap: { ...w.cap } };
}
function restore(w: WorkerFacts, s: ReturnType<typeof snapshot>) {
  w.shifts = s.shifts.slice();
  w.weekMinutes = new Map(s.week);
  w.monthMinutes = new Map(s.month);
  w.cap = { ...s.cap };
}

/** Feasible (shift, worker) pairs against the state before planning, best score first. */
function feasiblePairs(slots: Slot[], workers: WorkerFacts[]) {
  const bySlot = new Map<Slot, Pair[]>();
  for (const slot of slots) {
    const list: { w: WorkerFacts; score: number }[] = [];
    for (const w of workers) {
      if (!w.jobs.has(slot.rome) || w.excludedBy.has(slot.clientId)) continue;
      if (!checkAssignment(slot, w).ok) continue;
      list.push({ w, score: scoreCandidate(slot, w).score });
    }
    list.sort((a, b) => b.score - a.score);
    bySlot.set(slot, list);
  }
  return bySlot;
}

/** One greedy pass with repairs; `rand` perturbs the order and the choices (null: the plain greedy). */
function planOnce(slots: Slot[], bySlot: Map<Slot, Pair[]>, rand: (() => number) | null): PlanResult {
  const assigned = new Map<Slot, { w: WorkerFacts; score: number }>();
  const newOf = new Map<WorkerFacts, Set<Slot>>();
  const give = (slot: Slot, c: { w: WorkerFacts; score: number }) => {
    commitAssignment(slot, c.w);
    assigned.set(slot, c);
    if (!newOf.has(c.w)) newOf.set(c.w, new Set());
    newOf.get(c.w)!.add(slot);
  };
  const take = (slot: Slot) => {
    const c = assigned.get(slot)!;
    uncommitAssignment(slot, c.w);
    assigned.delete(slot);
    newOf.get(c.w)!.delete(slot);
    return c;
  };

  // 2. Most constrained first; ties by start.
  const key = new Map(slots.map((s) => [s, bySlot.get(s)!.length * (rand ? 0.6 + rand() * 0.8 : 1)]));
  const order = [...slots].sort((a, b) => key.get(a)! - key.get(b)! || a.startMs - b.startMs);
  for (const slot of order) {
    // A randomised round sometimes passes over the best available worker, to explore other plans.
    const skip = rand && rand() < 0.3 ? 1 : 0;
    let skipped = 0;
    let fallback: Pair | null = null;
    let given = false;
    for (const c of bySlot.get(slot)!) {
      if (!checkAssignment(slot, c.w).ok) continue;
      if (skipped < skip) {
        fallback ??= c;
        skipped++;
        continue;
      }
      give(slot, c);
      given = true;
      break;
    }
    if (!given && fallback) give(slot, fallback);
  }

  // 3. Augmenting repairs: shift s open; candidate w busy because of a new shift s2; move s2 to w2.
  for (let pass = 0; pass < 2; pass++) {
    let improved = false;
    for (const slot of order) {
      if (assigned.has(slot)) continue;
      repair: for (const c of bySlot.get(slot)!) {
        const mine = newOf.get(c.w);
        if (!mine || mine.size === 0) continue;
        for (const s2 of [...mine]) {
          if (Math.abs(s2.startMs - slot.startMs) > 8 * 86_400_000) continue;
          const old = take(s2);
          if (checkAssignment(slot, c.w).ok) {
            give(slot, c);
            const alt = bySlot.get(s2)!.find((c2) => c2.w !== c.w && checkAssignment(s2, c2.w).ok);
            if (alt) {
              give(s2, alt);
              improved = true;
              break repair;
            }
            take(slot);
          }
          give(s2, old);
        }
      }
    }
    if (!improved) break;
  }

  // 3b. Ejection chains: free a candidate of several of their new shifts, then place those elsewhere.
  for (const slot of order) {
    if (assigned.has(slot)) continue;
    for (const c of bySlot.get(slot)!) {
      const mine = [...(newOf.get(c.w) ?? [])]
        .filter((s2) => s2.monday === slot.monday || Math.abs(s2.startMs - slot.startMs) < 2 * 86_400_000)
        .sort((a, b) => Math.abs(a.startMs - slot.startMs) - Math.abs(b.startMs - slot.startMs));
      if (mine.length === 0) continue;
      const removed: { s: Slot; c: Pair }[] = [];
      for (const s2 of mine.slice(0, 3)) {
        removed.push({ s: s2, c: take(s2) });
        if (checkAssignment(slot, c.w).ok) break;
      }
      if (checkAssignment(slot, c.w).ok) {
        give(slot, c);
        const placed: Slot[] = [];
        let all = true;
        for (const r of removed) {
          const alt = bySlot.get(r.s)!.find((c2) => c2.w !== c.w && checkAssignment(r.s, c2.w).ok);
          if (!alt) {
            all = false;
            break;
          }
          give(r.s, alt);
          placed.push(r.s);
        }
        if (all) break;
        for (const p of placed) take(p);
        take(slot);
      }
      for (const r of removed.reverse()) give(r.s, r.c);
    }
  }

  // 4. Score swaps: a better-scoring worker still free takes the shift.
  for (const slot of order) {
    const cur = assigned.get(slot);
    if (!cur) continue;
    for (const c of bySlot.get(slot)!) {
      if (c.score <= cur.score) break;
      const old = take(slot);
      if (checkAssignment(slot, c.w).ok) {
        give(slot, c);
        break;
      }
      give(slot, old);
    }
  }

  const assignments = [...assigned.entries()].map(([s, c]) => ({ slotId: s.id!, workerId: c.w.id, score: c.score }));
  return {
    assignments,
    unfilled: slots.filter((s) => !assigned.has(s)).map((s) => s.id!),
    totalScore: assignments.reduce((t, a) => t + a.score, 0),
  };
}
