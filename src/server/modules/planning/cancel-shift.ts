import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { shiftFacts, tellWorkersOfChangeTomorrow } from '../notifications/tell-worker.js';
import { reconcileShiftChanges } from '../timesheets/reconcile-shift-changes.js';
import { findShift } from './find-shift.js';
import { shiftProposals, shifts } from './schema.js';

/** Cancels a shift (the client no longer needs it); kept for the record, never deleted. */
export async function cancelShift({
  db,
  actor,
  shiftId,
  reason,
}: {
  db: Db;
  actor: Pick<OrgActor, 'organisationId' | 'userId'>;
  shiftId: string;
  reason?: string | null;
}) {
  return db.transaction(async (tx) => {
    const shift = await findShift(tx, actor.organisationId, shiftId, true);
    if (shift.status === 'cancelled') return { status: 'cancelled' as const };
    await tx
      .update(shifts)
      .set({ status: 'cancelled', workerId: null, uncoveredWorkerId: shift.workerId, cancelReason: reason ?? null })
      .where(eq(shifts.id, shift.id));
    await reconcileShiftChanges({
      db: tx,
      organisationId: actor.organisationId,
      userId: actor.userId,
      shiftIds: [shift.id],
    });
    await tx
      .update(shiftProposals)
      .set({ status: 'withdrawn', respondedAt: new Date() })
      .where(and(eq(shiftProposals.shiftId, shift.id), eq(shiftProposals.status, 'pending')));
    await recordAudit({
      db: tx,
      actor,
      action: 'shift.cancel',
      recordType: 'shift',
      recordId: shift.id,
      details: { workerId: shift.workerId, reason },
    });
    // Tomorrow's worker must know tonight (SMS or e-mail by their preference).
    await tellWorkersOfChangeTomorrow({
      db: tx,
      organisationId: actor.organisationId,
      shiftId: shift.id,
      changes: [{ workerId: shift.workerId, kind: 'cancelled', shift: shiftFacts(shift) }],
    });
    return { status: 'cancelled' as const };
  });
}
