import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findCommune } from '../geo/communes.js';
import { checkReferent } from './create-worker.js';
import { findWorker } from './find-worker.js';
import { presentWorker } from './present-worker.js';
import { birthDateProblem } from './rules/identity.js';
import { workerJobs, workers } from './schema.js';
import { normaliseJobs, type UpdateWorkerInput } from './worker-input.js';

export type UpdateWorkerOptions = { db: Db; actor: OrgActor; workerId: string; input: UpdateWorkerInput };

/** Changes what was sent of a worker's record (identity, jobs, availability, project, referent, caps). */
export async function updateWorker({ db, actor, workerId, input }: UpdateWorkerOptions) {
  if (input.birthDate) {
    const problem = birthDateProblem(input.birthDate, parisToday());
    if (problem) throw validationFailed([{ path: 'birthDate', message: problem }], problem);
  }
  return db.transaction(async (tx) => {
    const current = await findWorker(tx, actor, workerId);
    if (input.referentUserId) await checkReferent(tx, actor.organisationId, input.referentUserId);
    const patch: Partial<typeof workers.$inferInsert> = {};
    for (const key of [
      'firstName',
      'lastName',
      'birthDate',
      'email',
      'phone',
      'targetJobs',
      'referentUserId',
      'weeklyAvailability',
      'hiredOn',
      'capDerogationFrom',
      'capDerogationTo',
    ] as const) {
      if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    }
    if (input.maxHoursPerWeek !== undefined)
      patch.maxMinutesPerWeek = input.maxHoursPerWeek === null ? null : Math.round(input.maxHoursPerWeek * 60);
    if (input.address) {
      const commune = findCommune(input.address.communeCode)!;
      Object.assign(patch, {
        addressLine: input.address.line ?? null,
        postalCode: input.address.postalCode ?? null,
        communeCode: commune.code,
        communeName: commune.name,
        lat: commune.lat,
        lon: commune.lon,
      });
    }
    const from = input.capDerogationFrom === undefined ? current.capDerogationFrom : input.capDerogationFrom;
    const to = input.capDerogationTo === undefined ? current.capDerogationTo : input.capDerogationTo;
    if (from && to && to < from)
      throw validationFailed([{ path: 'capDerogationTo', message: 'La fin de la dérogation précède son début.' }]);
    const [worker] =
      Object.keys(patch).length > 0
        ? await tx.update(workers).set(patch).where(eq(workers.id, workerId)).returning()
        : [current];
    if (input.jobs) {
      await tx.delete(workerJobs).where(eq(workerJobs.workerId, workerId));
      for (const job of normaliseJobs(input.jobs)) {
        await tx.insert(workerJobs).values({ organisationId: actor.organisationId, workerId, ...job });
      }
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'worker.update',
      recordType: 'worker',
      recordId: workerId,
      details: { fields: Object.keys(input) },
    });
    return presentWorker(tx, worker, actor);
  });
}
