import type { Db } from '../../db/connect.js';
import { shiftFacts, tellWorker, tellWorkersOfChangeTomorrow } from '../notifications/tell-worker.js';
import type { ShiftRecord } from './find-shift.js';
import { notifyClientOfReplacement } from './notify.js';

/**
 * After a shift is given to a worker (assignShift, so also a proposal accepted): when it replaces someone — the
 * shift was uncovered by an absence, an unassignment or the client's request, or it is taken from another worker —
 * the new worker gets a confirmation to keep (SMS « Ce travail est à vous », or e-mail, by their preference), the
 * worker who loses it is told when it is tomorrow, and the client learns the new name (PRODUCT.md: « the client
 * sees the new name »; an open shift's client is already told inside assignShift).
 */
export async function tellReplacement(o: {
  db: Db;
  organisationId: string;
  /** The shift as the assignment's transaction read it under its lock. */
  shift: ShiftRecord;
  workerId: string;
  workerName: string;
  previousWorkerId: string | null;
  /** Who the shift had been taken from (shifts.uncovered_worker_id), read under the same lock. */
  uncoveredWorkerId: string | null;
}) {
  const { shift } = o;
  if (o.previousWorkerId === o.workerId) return;
  const replaces = o.previousWorkerId ?? o.uncoveredWorkerId ?? null;
  if (!replaces || replaces === o.workerId) return;
  await tellWorker({
    db: o.db,
    organisationId: o.organisationId,
    workerId: o.workerId,
    message: { kind: 'replacement_accepted', shift: shiftFacts(shift) },
    dedupeKey: `replacement:${shift.id}:${o.workerId}`,
    related: { type: 'shift', id: shift.id },
  });
  if (o.previousWorkerId) {
    await tellWorkersOfChangeTomorrow({
      db: o.db,
      organisationId: o.organisationId,
      shiftId: shift.id,
      changes: [{ workerId: o.previousWorkerId, kind: 'cancelled', shift: shiftFacts(shift) }],
    });
    await notifyClientOfReplacement(o.db, shift, o.workerName);
  }
}
