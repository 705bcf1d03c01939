import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { validationFailed } from '../../http/errors.js';
import { memberships } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findCommune } from '../geo/communes.js';
import { checkNewPass, insertPass } from './issue-pass.js';
import { presentWorker } from './present-worker.js';
import { birthDateProblem } from './rules/identity.js';
import { workerJobs, workers } from './schema.js';
import { type CreateWorkerInput, normaliseJobs } from './worker-input.js';

export type CreateWorkerOptions = { db: Db; actor: OrgActor; input: CreateWorkerInput };

/** Checks that a referent is a support member of this AI. */
export async function checkReferent(db: Db, organisationId: string, userId: string | null | undefined) {
  if (!userId) return;
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (!m || !['org_admin', 'support_officer', 'placement_officer'].includes(m.role))
    throw validationFailed([{ path: 'referentUserId', message: 'Le ou la référent·e doit être membre de l’équipe.' }]);
}

/** Creates a worker record (API.md POST /workers), with the PASS IAE when known: all or nothing. */
export async function createWorker({ db, actor, input }: CreateWorkerOptions) {
  const problem = birthDateProblem(input.birthDate, parisToday());
  if (problem) throw validationFailed([{ path: 'birthDate', message: problem }], problem);
  const commune = findCommune(input.address.communeCode)!;
  return db.transaction(async (tx) => {
    await checkReferent(tx, actor.organisationId, input.referentUserId);
    if (input.pass) await checkNewPass(tx, actor.organisationId, null, input.pass);
    const [worker] = await tx
      .insert(workers)
      .values({
        organisationId: actor.organisationId,
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate: input.birthDate,
        email: input.email ?? null,
        phone: input.phone ?? null,
        addressLine: input.address.line ?? null,
        postalCode: input.address.postalCode ?? null,
        communeCode: commune.code,
        communeName: commune.name,
        lat: commune.lat,
        lon: commune.lon,
        maxMinutesPerWeek: input.maxHoursPerWeek ? Math.round(input.maxHoursPerWeek * 60) : null,
        referentUserId: input.referentUserId ?? (actor.role === 'support_officer' ? actor.userId : null),
        targetJobs: input.targetJobs ?? [],
        weeklyAvailability: input.weeklyAvailability ?? {},
        hiredOn: input.hiredOn ?? null,
      })
      .returning();
    for (const job of normaliseJobs(input.jobs)) {
      await tx.insert(workerJobs).values({ organisationId: actor.organisationId, workerId: worker.id, ...job });
    }
    if (input.pass) await insertPass(tx, actor.organisationId, worker.id, input.pass);
    await recordAudit({ db: tx, actor, action: 'worker.create', recordType: 'worker', recordId: worker.id });
    return presentWorker(tx, worker, actor);
  });
}
