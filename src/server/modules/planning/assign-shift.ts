import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisDate } from '../calendar/paris-time.js';
import { shiftFacts, tellWorkersOfChangeTomorrow } from '../notifications/tell-worker.js';
import { reconcileShiftChanges } from '../timesheets/reconcile-shift-changes.js';
import { afterPlacement } from './after-placement.js';
import { isOverlapViolation, overlapConflict } from './check-shift-times.js';
import { findShift, lockShiftAndWorker, slotOf } from './find-shift.js';
import { notifyClientOfReplacement } from './notify.js';
import { shiftProposals, shifts } from './schema.js';
import { tellReplacement } from './tell-replacement.js';
import { verifyAssignment } from './verify-assignment.js';

export type AssignShiftOptions = {
  db: Db;
  actor: Pick<OrgActor, 'organisationId' | 'userId'>;
  shiftId: string;
  workerId: string;
  /** Set when the worker accepted a proposal: the shift must still be open. */
  mustBeOpen?: boolean;
};

/** Gives a shift to a worker, after every legal and practical check (atomic: the shift row is locked). */
export async function assignShift({ db, actor, shiftId, workerId, mustBeOpen = false }: AssignShiftOptions) {
  let workerName = 'Ce·tte salarié·e';
  try {
    const result = await db.transaction(async (tx) => {
      // The shift and the worker locked in one round trip; the one-by-one path only when either is missing.
      const locked = await lockShiftAndWorker(tx, actor.organisationId, shiftId, workerId);
      const shift = locked?.shift ?? (await findShift(tx, actor.organisationId, shiftId, true));
      if (shift.status === 'cancelled') {
        throw conflict('shift_cancelled', 'Ce créneau a été annulé : il ne peut plus être attribué.');
      }
      if (shift.status === 'assigned' && shift.workerId === workerId) {
        return {
          status: 'assigned' as const,
          warnings: [] as string[],
          previousWorkerId: workerId,
          shift,
          uncoveredWorkerId: null,
        };
      }
      if (mustBeOpen && shift.status !== 'open') {
        throw conflict('shift_taken', 'Ce créneau vient d’être pris par une autre personne.');
      }
      // Every rule, inside this transaction, on the locked rows (verify-assignment.ts).
      const verdict = await verifyAssignment({
        db: tx,
        organisationId: actor.organisationId,
        workerId,
        slot: slotOf(shift),
        locked: locked?.worker,
      });
      workerName = verdict.workerName;
      const uncoveredWorkerId = locked ? locked.uncoveredWorkerId : await uncoveredWorkerOf(tx, shift.id);
      // The shift given and its other pending proposals withdrawn (they are now moot), in one statement.
      await tx.execute(sql`WITH withdrawn AS (
          UPDATE ${shiftProposals} SET status = 'withdrawn', responded_at = ${new Date().toISOString()}::timestamptz
          WHERE shift_id = ${shift.id} AND status = 'pending' AND organisation_id = ${actor.organisationId})
        UPDATE ${shifts} SET worker_id = ${workerId}, status = 'assigned'
        WHERE id = ${shift.id} AND organisation_id = ${actor.organisationId}`);
      await reconcileShiftChanges({
        db: tx,
        organisationId: actor.organisationId,
        userId: actor.userId,
        shiftIds: [shift.id],
      });
      // In the same step: the worker named in the contract (R5132-20), the medical visit due (R5132-26-7).
      const lawWarnings = await afterPlacement(tx, actor, {
        missionId: shift.missionId,
        workerId,
        placementDate: parisDate(shift.startAt),
      });
      await recordAudit({
        db: tx,
        actor,
        action: 'shift.assign',
        recordType: 'shift',
        recordId: shift.id,
        details: { workerId, previousWorkerId: shift.workerId },
      });
      if (shift.status === 'open') await notifyClientOfReplacement(tx, shift, verdict.workerName);
      return {
        status: 'assigned' as const,
        warnings: [...verdict.warnings, ...lawWarnings],
        previousWorkerId: shift.workerId,
        shift,
        uncoveredWorkerId,
      };
    });
    // The replacing worker (SMS by preference), the one who loses it, and the client are told (tell-replacement.ts),
    // from what the transaction read under its locks: no read again.
    await tellReplacement({
      db,
      organisationId: actor.organisationId,
      shift: result.shift,
      workerId,
      workerName,
      previousWorkerId: result.previousWorkerId,
      uncoveredWorkerId: result.uncoveredWorkerId,
    });
    return { status: result.status, warnings: result.warnings, previousWorkerId: result.previousWorkerId };
  } catch (err) {
    if (isOverlapViolation(err)) throw overlapConflict(workerName);
    throw err;
  }
}

/** Who the shift was taken from (absence, unassignment), on the path where lockShiftAndWorker found nothing. */
async function uncoveredWorkerOf(db: Db, shiftId: string) {
  const [row] = await db
    .select({ uncoveredWorkerId: shifts.uncoveredWorkerId })
    .from(shifts)
    .where(eq(shifts.id, shiftId));
  return row?.uncoveredWorkerId ?? null;
}

/** Takes the worker off a shift, which becomes open again. */
export async function unassignShift({ db, actor, shiftId }: { db: Db; actor: OrgActor; shiftId: string }) {
  return db.transaction(async (tx) => {
    const shift = await findShift(tx, actor.organisationId, shiftId, true);
    if (shift.status !== 'assigned') return { status: shift.status };
    await tx
      .update(shifts)
      .set({ workerId: null, status: 'open', uncoveredWorkerId: shift.workerId })
      .where(eq(shifts.id, shift.id));
    await recordAudit({
      db: tx,
      actor,
      action: 'shift.unassign',
      recordType: 'shift',
      recordId: shift.id,
      details: { workerId: shift.workerId },
    });
    // The worker taken off tomorrow's work is told tonight (tell-worker.ts: only for tomorrow).
    await tellWorkersOfChangeTomorrow({
      db: tx,
      organisationId: actor.organisationId,
      shiftId: shift.id,
      changes: [{ workerId: shift.workerId, kind: 'cancelled', shift: shiftFacts(shift) }],
    });
    return { status: 'open' as const };
  });
}
