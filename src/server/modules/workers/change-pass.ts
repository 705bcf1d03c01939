import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findWorker } from './find-worker.js';
import { storeEffectivePassEnd } from './pass-end.js';
import { passesOfWorker } from './present-pass.js';
import { extensionVerdict, suspensionVerdict } from './rules/pass-dates.js';
import { type PassExtensionReason, passExtensions, passes, passSuspensions } from './schema.js';

async function findPass(db: Db, actor: OrgActor, workerId: string, passId: string) {
  await findWorker(db, actor, workerId);
  const [pass] = await db
    .select()
    .from(passes)
    .where(and(eq(passes.id, passId), eq(passes.workerId, workerId), eq(passes.organisationId, actor.organisationId)));
  if (!pass) throw notFound('Ce PASS IAE');
  return pass;
}

export type SuspendPassOptions = {
  db: Db;
  actor: OrgActor;
  workerId: string;
  passId: string;
  input: { startDate: string; endDate: string; reason: string };
};

/** Suspends a PASS (sick leave, prison, training…): its end moves back by the suspension's length. */
export async function suspendPass({ db, actor, workerId, passId, input }: SuspendPassOptions) {
  return db.transaction(async (tx) => {
    const pass = await findPass(tx, actor, workerId, passId);
    const verdict = suspensionVerdict(pass, input);
    if (!verdict.ok) throw ruleBroken(verdict.code, verdict.message);
    const [row] = await tx
      .insert(passSuspensions)
      .values({ organisationId: actor.organisationId, passId, ...input })
      .returning();
    const end = await storeEffectivePassEnd(tx, actor.organisationId, passId);
    await recordAudit({
      db: tx,
      actor,
      action: 'pass.suspend',
      recordType: 'pass',
      recordId: passId,
      details: { suspensionId: row.id, end },
    });
    return (await passesOfWorker(tx, workerId, parisToday())).find((p) => p.id === passId)!;
  });
}

export type ExtendPassOptions = {
  db: Db;
  actor: OrgActor;
  workerId: string;
  passId: string;
  input: { reason: PassExtensionReason; months?: number; requestedOn?: string; evidence?: string };
};

/** Extends a PASS by 12 months (or less) for a reason of the law, within that reason's cap. */
export async function extendPass({ db, actor, workerId, passId, input }: ExtendPassOptions) {
  return db.transaction(async (tx) => {
    await findPass(tx, actor, workerId, passId);
    const existing = await tx.select().from(passExtensions).where(eq(passExtensions.passId, passId));
    const added = { reason: input.reason, months: input.months ?? 12 };
    const verdict = extensionVerdict(existing, added);
    if (!verdict.ok) throw ruleBroken(verdict.code, verdict.message);
    const [row] = await tx
      .insert(passExtensions)
      .values({
        organisationId: actor.organisationId,
        passId,
        reason: added.reason,
        months: added.months,
        requestedOn: input.requestedOn ?? parisToday(),
        evidence: input.evidence ?? null,
      })
      .returning();
    const end = await storeEffectivePassEnd(tx, actor.organisationId, passId);
    await recordAudit({
      db: tx,
      actor,
      action: 'pass.extend',
      recordType: 'pass',
      recordId: passId,
      details: { extensionId: row.id, end },
    });
    return (await passesOfWorker(tx, workerId, parisToday())).find((p) => p.id === passId)!;
  });
}
