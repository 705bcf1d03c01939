import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { loadWorkerFacts } from './assignment-facts.js';
import { findShift, slotOf } from './find-shift.js';
import { checkAssignment, type Slot } from './rules/assignment.js';
import { scoreCandidate } from './rules/ranking.js';

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
  });
  const skip = new Set(o.excludeWorkerIds ?? []);
  const items: Candidate[] = [];
  for (const w of facts.values()) {
    if (skip.has(w.id)) continue;
    const verdict = checkAssignment(o.slot, w);
    if (!verdict.ok) continue;
    const r = scoreCandidate(o.slot, w);
    items.push({ workerId: w.id, name: w.name, ...r, warnings: verdict.warnings });
  }
  items.sort(
    (a, b) => b.score - a.score || (a.distanceKm ?? 999) - (b.distanceKm ?? 999) || a.name.localeCompare(b.name),
  );
  return { items: items.slice(0, o.limit), considered: facts.size };
}

/** GET /shifts/:id/candidates: who may replace, best first, with the reasons in words. */
export async function rankReplacements({
  db,
  actor,
  shiftId,
  limit = 10,
}: {
  db: Db;
  actor: Pick<OrgActor, 'organisationId'>;
  shiftId: string;
  limit?: number;
}) {
  const shift = await findShift(db, actor.organisationId, shiftId);
  if (shift.status === 'cancelled') throw conflict('shift_cancelled', 'Ce créneau a été annulé.');
  return rankForSlot({
    db,
    organisationIds: [actor.organisationId],
    slot: slotOf(shift),
    limit,
    excludeWorkerIds: shift.workerId ? [shift.workerId] : [],
  });
}
