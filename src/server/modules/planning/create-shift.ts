import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisDate } from '../calendar/paris-time.js';
import { romeLabel } from '../directory/rome.js';
import { monthsOfInstants, refreshAggregatedMonths } from '../reporting/aggregate-month.js';
import { afterPlacement } from './after-placement.js';
import { assertShiftTimes, isOverlapViolation, overlapConflict } from './check-shift-times.js';
import { findMission } from './find-mission.js';
import { makeSlot } from './rules/assignment.js';
import { shifts } from './schema.js';
import { verifyAssignment } from './verify-assignment.js';

export type CreateShiftOptions = {
  db: Db;
  actor: OrgActor;
  input: { missionId: string; workerId?: string | null; start: Date; end: Date };
  seriesId?: string | null;
};

/** A one-off shift of a mission, given to a worker after every check, or left open. */
export async function createShift({ db, actor, input, seriesId = null }: CreateShiftOptions) {
  assertShiftTimes(input.start, input.end);
  let workerName: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const mission = await findMission(tx, actor.organisationId, input.missionId);
      const day = parisDate(input.start);
      if (day < mission.startDate || day > mission.endDate) {
        throw ruleBroken(
          'shift_outside_mission',
          `Ce créneau du ${fr(day)} tombe en dehors de la mission (du ${fr(mission.startDate)} au ${fr(mission.endDate)}).`,
        );
      }
      let warnings: string[] = [];
      if (input.workerId) {
        const slot = makeSlot({
          start: input.start,
          end: input.end,
          clientId: mission.clientId,
          clientName: mission.clientName,
          clientCounts: mission.clientCounts,
          clientLegalFormUnknown: mission.clientLegalFormUnknown,
          rome: mission.rome,
          romeLabel: romeLabel(mission.rome),
        });
        const verdict = await verifyAssignment({
          db: tx,
          organisationId: actor.organisationId,
          workerId: input.workerId,
          slot,
        });
        warnings = verdict.warnings;
        workerName = verdict.workerName;
      }
      const [shift] = await tx
        .insert(shifts)
        .values({
          organisationId: actor.organisationId,
          missionId: mission.id,
          clientId: mission.clientId,
          workerId: input.workerId ?? null,
          startAt: input.start,
          endAt: input.end,
          status: input.workerId ? 'assigned' : 'open',
          seriesId,
        })
        .returning();
      if (input.workerId) {
        // In the same step: the worker named in the contract (R5132-20), the medical visit due (R5132-26-7).
        warnings = [
          ...warnings,
          ...(await afterPlacement(tx, actor, { missionId: mission.id, workerId: input.workerId, placementDate: day })),
        ];
      }
      // A shift recorded in a past month: that month's figures follow (reporting's hook, no-op otherwise).
      await refreshAggregatedMonths({
        db: tx,
        organisationId: actor.organisationId,
        months: monthsOfInstants([input.start]),
      });
      await recordAudit({
        db: tx,
        actor,
        action: 'shift.create',
        recordType: 'shift',
        recordId: shift.id,
        details: { workerId: shift.workerId },
      });
      return { shift, warnings };
    });
  } catch (err) {
    if (isOverlapViolation(err)) throw overlapConflict(workerName ?? 'Ce·tte salarié·e');
    throw err;
  }
}

const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
