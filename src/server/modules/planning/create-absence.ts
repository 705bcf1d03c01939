import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, validationFailed } from '../../http/errors.js';
import { absenceWorkerScope } from '../../policies/scopes.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueEmail } from '../notifications/queue-email.js';
import { shiftFacts, tellWorkersOfChangeTomorrow } from '../notifications/tell-worker.js';
import { reconcileShiftChanges } from '../timesheets/reconcile-shift-changes.js';
import { workers } from '../workers/queries.js';
import { findShift } from './find-shift.js';
import { findWorkerName } from './find-worker-name.js';
import { officerEmails, shiftWhen } from './notify.js';
import { absences, missions, shiftProposals, shifts } from './schema.js';

export type CreateAbsenceOptions = {
  db: Db;
  actor: Pick<OrgActor, 'organisationId' | 'userId' | 'role' | 'clientId' | 'workerId'>;
  input: { workerId: string; start: Date; end: Date; reason: string };
};

/** Shifts of the worker that an absence would leave open (for the confirmation "3 créneaux seront libérés"). */
export async function shiftsUncoveredBy(
  db: Db,
  o: { organisationId: string; workerId: string; start: Date; end: Date; clientId?: string | null },
) {
  return db
    .select({ id: shifts.id, startAt: shifts.startAt, endAt: shifts.endAt, referent: missions.referentUserId })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .where(
      and(
        eq(shifts.organisationId, o.organisationId),
        eq(shifts.workerId, o.workerId),
        eq(shifts.status, 'assigned'),
        lt(shifts.startAt, o.end),
        gt(shifts.endAt, o.start),
        o.clientId ? eq(shifts.clientId, o.clientId) : undefined,
      ),
    )
    .orderBy(shifts.startAt);
}

/**
 * The worker must be one the actor may declare absent (policies/scopes.ts absenceWorkerScope): 404 otherwise.
 * Returns the client whose shifts only are uncovered (a client user's), or null for every shift.
 */
export async function assertAbsenceWorker(db: Db, actor: CreateAbsenceOptions['actor'], workerId: string) {
  const [target] = await db
    .select({ id: workers.id })
    .from(workers)
    .where(and(eq(workers.id, workerId), absenceWorkerScope(actor)));
  if (!target) throw notFound('Ce·tte salarié·e');
  return actor.role === 'client_user' ? (actor.clientId ?? null) : null;
}

/**
 * Records an absence: the worker's shifts in that period become open, and the officers are told so that
 * they find a replacement. A worker declares only their own absences; a client only for workers on its
 * shifts, and only its own shifts are uncovered.
 */
export async function createAbsence({ db, actor, input }: CreateAbsenceOptions) {
  if (input.end.getTime() <= input.start.getTime()) {
    throw validationFailed([{ path: 'end', message: 'La fin de l’absence doit être après son début.' }]);
  }
  return db.transaction(async (tx) => {
    const clientId = await assertAbsenceWorker(tx, actor, input.workerId);
    const worker = await findWorkerName(tx, actor.organisationId, input.workerId);
    const uncovered = await shiftsUncoveredBy(tx, {
      organisationId: actor.organisationId,
      workerId: input.workerId,
      start: input.start,
      end: input.end,
      clientId,
    });
    const [absence] = await tx
      .insert(absences)
      .values({
        organisationId: actor.organisationId,
        workerId: input.workerId,
        startAt: input.start,
        endAt: input.end,
        reason: input.reason,
        declaredBy: actor.userId,
      })
      .returning();
    const ids = uncovered.map((s) => s.id);
    if (ids.length > 0) {
      await tx
        .update(shifts)
        .set({ status: 'open', workerId: null, uncoveredWorkerId: input.workerId })
        .where(and(inArray(shifts.id, ids), eq(shifts.organisationId, actor.organisationId)));
      await reconcileShiftChanges({
        db: tx,
        organisationId: actor.organisationId,
        userId: actor.userId,
        shiftIds: ids,
      });
      const to = await officerEmails(
        tx,
        actor.organisationId,
        uncovered.map((s) => s.referent),
      );
      const lines = uncovered.map((s) => `- ${shiftWhen(s.startAt, s.endAt)}`).join('\n');
      for (const email of to) {
        await queueEmail({
          db: tx,
          to: email,
          subject: `Absence de ${worker.name} : ${ids.length} créneau${ids.length > 1 ? 'x' : ''} à pourvoir`,
          text: `${worker.name} est absent·e (${input.reason}).\n\nCes créneaux sont maintenant à pourvoir :\n${lines}\n\nOuvrez le planning de Passerelle pour choisir un·e remplaçant·e parmi les personnes proposées.`,
          organisationId: actor.organisationId,
          related: { type: 'absence', id: absence.id },
        });
      }
      // Declared by someone else (the client, an officer): the worker learns that tomorrow's work is off.
      if (actor.workerId !== input.workerId) {
        for (const s of uncovered) {
          const full = await findShift(tx, actor.organisationId, s.id);
          await tellWorkersOfChangeTomorrow({
            db: tx,
            organisationId: actor.organisationId,
            shiftId: s.id,
            changes: [{ workerId: input.workerId, kind: 'cancelled', shift: shiftFacts(full) }],
          });
        }
      }
    }
    // Work proposed to the worker during the absence is withdrawn (the rest stays proposed).
    await tx
      .update(shiftProposals)
      .set({ status: 'withdrawn', respondedAt: new Date() })
      .where(
        and(
          eq(shiftProposals.workerId, input.workerId),
          eq(shiftProposals.status, 'pending'),
          inArray(
            shiftProposals.shiftId,
            tx
              .select({ id: shifts.id })
              .from(shifts)
              .where(
                and(
                  eq(shifts.organisationId, actor.organisationId),
                  lt(shifts.startAt, input.end),
                  gt(shifts.endAt, input.start),
                ),
              ),
          ),
        ),
      );
    await recordAudit({
      db: tx,
      actor,
      action: 'absence.create',
      recordType: 'absence',
      recordId: absence.id,
      details: { workerId: input.workerId, uncoveredShiftIds: ids },
    });
    return { id: absence.id, uncoveredShiftIds: ids };
  });
}
