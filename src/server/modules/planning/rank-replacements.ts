import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { loadWorkerFacts } from './assignment-facts.js';
import { findShift, slotOf } from './find-shift.js';
import { checkAssignment, type Slot, type WorkerFacts } from './rules/assignment.js';
import { bestOf, scoreCandidate, scoreOnly } from './rules/ranking.js';
import type { WorkerFactsCache } from './worker-facts-cache.js';

export type Candidate = {
  workerId: string;
  name: string;
  score: number;
  distanceKm: number | null;
  minutesThisWeek: number;
  reasons: string[];
  warnings: string[];
};

/** Ranks every worker of the given AIs who passes every hard constraint for the slot, best first. */
export async function rankForSlot(o: {
  db: Db;
  organisationIds: string[];
  slot: Slot;
  limit: number;
  excludeWorkerIds?: string[];
  /** The process's copy of the workers' steady facts (worker-facts-cache.ts), when the caller keeps one. */
  steady?: WorkerFactsCache;
}): Promise<{ items: Candidate[]; considered: number }> {
  const facts = await loadWorkerFacts({
    db: o.db,
    organisationIds: o.organisationIds,
    fromMs: o.slot.startMs,
    toMs: o.slot.endMs,
    clientIds: [o.slot.clientId],
    withCap: o.slot.clientCounts,
    withContinuity: true,
    romes: [o.slot.rome],
    // One AI's pool: planned once per session (PGlite; db/prepared.ts). Not a region's, whose best plan differs.
    prepared: o.organisationIds.length === 1,
    steady: o.steady,
  });
  const skip = new Set(o.excludeWorkerIds ?? []);
  // Every worker is checked and scored; only the best `limit` are kept (bestOf: the order of a stable sort of
  // all of them), and the reasons in words are written for those only.
  const passed: Passed[] = [];
  for (const w of facts.values()) {
    if (skip.has(w.id)) continue;
    const verdict = checkAssignment(o.slot, w);
    if (!verdict.ok) continue;
    const r = scoreOnly(o.slot, w);
    passed.push({ w, score: r.score, distanceKm: r.distanceKm, warnings: verdict.warnings });
  }
  const best = bestOf(passed, o.limit, compare);
  const items: Candidate[] = best.map((p) => ({
    workerId: p.w.id,
    name: p.w.name,
    ...scoreCandidate(o.slot, p.w),
    warnings: p.warnings,
  }));
  return { items, considered: facts.size };
}

/** Same order as String#localeCompare without arguments, without building a collator per comparison. */
const byName = new Intl.Collator();

type Passed = { w: WorkerFacts; score: number; distanceKm: number | null; warnings: string[] };
/** Best first: score, then the shorter trip, then the name. */
const compare = (a: Passed, b: Passed) =>
  b.score - a.score || (a.distanceKm ?? 999) - (b.distanceKm ?? 999) || byName.compare(a.w.name, b.w.name);

/** GET /shifts/:id/candidates: who may replace, best first, with the reasons in words. */
export async function rankReplacements({
  db,
  actor,
  shiftId,
  limit = 10,
  steady,
}: {
  db: Db;
  actor: Pick<OrgActor, 'organisationId'>;
  shiftId: string;
  limit?: number;
  steady?: WorkerFactsCache;
}) {
  const shift = await findShift(db, actor.organisationId, shiftId);
  if (shift.status === 'cancelled') throw conflict('shift_cancelled', 'Ce créneau a été annulé.');
  return rankForSlot({
    db,
    organisationIds: [actor.organisationId],
    slot: slotOf(shift),
    limit,
    excludeWorkerIds: shift.workerId ? [shift.workerId] : [],
    steady,
  });
}
