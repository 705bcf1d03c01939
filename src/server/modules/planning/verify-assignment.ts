import type { Db } from '../../db/connect.js';
import { AppError, conflict, ruleBroken } from '../../http/errors.js';
import { loadWorkerFacts } from './assignment-facts.js';
import { findWorkerName } from './find-worker-name.js';
import { checkAssignment, type Slot } from './rules/assignment.js';

export type VerifyAssignmentOptions = {
  db: Db;
  organisationId: string;
  workerId: string;
  slot: Slot;
  /** The worker's row, already read and locked by the caller in this transaction (lockShiftAndWorker). */
  locked?: { name: string; email: string | null };
};

/**
 * Checks every rule before a shift is given to (or moved for) a worker, inside the caller's transaction.
 * Locks the worker's row so that two officers assigning the same worker at once are checked one after the
 * other (weekly hours, 480 h); the exclusion constraint guards overlaps whatever the path.
 * Returns the warnings (e.g. 480 h cap over 80 %) or throws the broken rule.
 */
export async function verifyAssignment({ db, organisationId, workerId, slot, locked }: VerifyAssignmentOptions) {
  const worker = locked ?? (await findWorkerName(db, organisationId, workerId, true));
  const facts = await loadWorkerFacts({
    db,
    organisationIds: [organisationId],
    workerIds: [workerId],
    fromMs: slot.startMs,
    toMs: slot.endMs,
    clientIds: [slot.clientId],
    withCap: slot.clientCounts,
    exactCap: true,
    prepared: true,
  });
  const w = facts.get(workerId);
  if (!w) {
    throw ruleBroken('worker_inactive', `${worker.name} ne fait plus partie des salarié·es actifs de la structure.`);
  }
  const verdict = checkAssignment(slot, w);
  if (!verdict.ok) {
    const v = verdict.violation;
    throw v.status === 409 ? conflict(v.code, v.message) : new AppError(422, v.code, v.message);
  }
  return { warnings: verdict.warnings, workerName: worker.name, workerEmail: worker.email };
}
