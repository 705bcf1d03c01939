import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisDate } from '../calendar/paris-time.js';
import { shiftFacts, tellWorkersOfChangeTomorrow } from '../notifications/tell-worker.js';
import { monthsOfInstants, refreshAggregatedMonths } from '../reporting/aggregate-month.js';
import { afterPlacement } from './after-placement.js';
import { assertShiftTimes, isOverlapViolation, overlapConflict } from './check-shift-times.js';
import { findShift, slotOf } from './find-shift.js';
import { shifts } from './schema.js';
import { verifyAssignment } from './verify-assignment.js';

export type MoveShiftOptions = {
  db: Db;
  actor: OrgActor;
  shiftId: string;
  start: Date;
  end: Date;
  /** Optionally give it to another worker at the same time (drag to another row of the grid). */
  workerId?: string | null;
};

/** New times (and optionally another worker) for a shift, with the same checks as an assignment. */
export async function moveShift({ db, actor, shiftId, start, end, workerId }: MoveShiftOptions) {
  assertShiftTimes(start, end);
  let workerName = 'Ce·tte salarié·e';
  try {
    return await db.transaction(async (tx) => {
      const shift = await findShift(tx, actor.organisationId, shiftId, true);
      if (shift.status === 'cancelled') throw conflict('shift_cancelled', 'Ce créneau a été annulé.');
      const day = parisDate(start);
      if (day < shift.missionStart || day > shift.missionEnd) {
        throw ruleBroken('shift_outside_mission', 'Le créneau déplacé tomberait en dehors des dates de la mission.');
      }
      const target = workerId === undefined ? shift.workerId : workerId;
      let warnings: string[] = [];
      if (target) {
        const v = await verifyAssignment({
          db: tx,
          organisationId: actor.organisationId,
          workerId: target,
          slot: slotOf(shift, { start, end }),
        });
        warnings = v.warnings;
        workerName = v.workerName;
      }
      await tx
        .update(shifts)
        .set({ startAt: start, endAt: end, workerId: target, status: target ? 'assigned' : 'open' })
        .where(eq(shifts.id, shift.id));
      if (target && target !== shift.workerId) {
        // Another worker: named in the contract (R5132-20), medical visit due (R5132-26-7), in the same step.
        warnings = [
          ...warnings,
          ...(await afterPlacement(tx, actor, { missionId: shift.missionId, workerId: target, placementDate: day })),
        ];
      }
      // A past month's figures follow (only when the month is already aggregated: reporting's hook).
      await refreshAggregatedMonths({
        db: tx,
        organisationId: actor.organisationId,
        months: monthsOfInstants([shift.startAt, start]),
      });
      await recordAudit({
        db: tx,
        actor,
        action: 'shift.move',
        recordType: 'shift',
        recordId: shift.id,
        details: { from: [shift.startAt, shift.endAt], to: [start, end], workerId: target },
      });
      // A change of tomorrow (old or new times): each worker concerned is told, by their preferred channel.
      const moved = { ...shiftFacts(shift), start, end };
      const timesChanged = +start !== +shift.startAt || +end !== +shift.endAt;
      await tellWorkersOfChangeTomorrow({
        db: tx,
        organisationId: actor.organisationId,
        shiftId: shift.id,
        changes:
          target === shift.workerId
            ? timesChanged
              ? [{ workerId: target, kind: 'moved', shift: moved, wasStart: shift.startAt }]
              : []
            : [
                { workerId: shift.workerId, kind: 'cancelled', shift: shiftFacts(shift) },
                { workerId: target, kind: 'moved', shift: moved },
              ],
      });
      return { status: target ? ('assigned' as const) : ('open' as const), warnings };
    });
  } catch (err) {
    if (isOverlapViolation(err)) throw overlapConflict(workerName);
    throw err;
  }
}
