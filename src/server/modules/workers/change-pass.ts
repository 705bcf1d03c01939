import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findWorker } from './find-worker.js';
import { storeEffectivePassEnd } from './pass-end.js';
import { passesOfWorker } from './present-pass.js';
import { extensionNeedsPrescriber, extensionVerdict, suspensionVerdict } from './rules/pass-dates.js';
import {
  type PassExtensionReason,
  type PassSuspensionReason,
  passExtensions,
  passes,
  passSuspensions,
} from './schema.js';

async function findPass(db: Db, actor: OrgActor, workerId: string, passId: string) {
  await findWorker(db, actor, workerId);
  const [pass] = await db
    .select()
    .from(passes)
    .where(and(eq(passes.id, passId), eq(passes.workerId, workerId), eq(passes.organisationId, actor.organisationId)))
    .for('update');
  if (!pass) throw notFound('Ce PASS IAE');
  return pass;
}

export type SuspendPassOptions = {
  db: Db;
  actor: OrgActor;
  workerId: string;
  passId: string;
  input: { startDate: string; endDate: string; reason: PassSuspensionReason; explanation?: string };
};

/**
 * Suspends a PASS for one of les-emplois' reasons: its end moves back by the suspension's length, and no shift
 * can be given on a suspended day. Suspensions never overlap (the PASS row is locked while checking).
 */
export async function suspendPass({ db, actor, workerId, passId, input }: SuspendPassOptions) {
  return db.transaction(async (tx) => {
    const pass = await findPass(tx, actor, workerId, passId);
    const existing = await tx.select().from(passSuspensions).where(eq(passSuspensions.passId, passId));
    const verdict = suspensionVerdict(pass, input, existing);
    if (!verdict.ok) throw ruleBroken(verdict.code, verdict.message);
    const [row] = await tx
      .insert(passSuspensions)
      .values({
        organisationId: actor.organisationId,
        passId,
        startDate: input.startDate,
        endDate: input.endDate,
        reason: input.reason,
        explanation: input.explanation ?? null,
      })
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

/**
 * Asks for a prolongation of a PASS (12 months at most), within the pathway's cap for its reason. The reasons
 * that need the authorised prescriber's opinion wait for it (pending) and move nothing until granted.
 */
export async function extendPass({ db, actor, workerId, passId, input }: ExtendPassOptions) {
  return db.transaction(async (tx) => {
    await findPass(tx, actor, workerId, passId);
    const existing = await tx.select().from(passExtensions).where(eq(passExtensions.passId, passId));
    const added = { reason: input.reason, months: input.months ?? 12 };
    const verdict = extensionVerdict(existing, added);
    if (!verdict.ok) throw ruleBroken(verdict.code, verdict.message);
    const requestedOn = input.requestedOn ?? parisToday();
    const pending = extensionNeedsPrescriber(added.reason);
    const [row] = await tx
      .insert(passExtensions)
      .values({
        organisationId: actor.organisationId,
        passId,
        reason: added.reason,
        months: added.months,
        requestedOn,
        evidence: input.evidence ?? null,
        status: pending ? 'pending' : 'granted',
        decidedOn: pending ? null : requestedOn,
      })
      .returning();
    const end = await storeEffectivePassEnd(tx, actor.organisationId, passId);
    await recordAudit({
      db: tx,
      actor,
      action: 'pass.extend',
      recordType: 'pass',
      recordId: passId,
      details: { extensionId: row.id, status: row.status, end },
    });
    return (await passesOfWorker(tx, workerId, parisToday())).find((p) => p.id === passId)!;
  });
}

export type DecideExtensionOptions = {
  db: Db;
  actor: OrgActor;
  workerId: string;
  passId: string;
  extensionId: string;
  input: { decision: 'granted' | 'refused'; decidedOn: string; decidedBy: string; note?: string };
};

/** Records the authorised prescriber's decision on a pending prolongation; granted, it moves the PASS's end. */
export async function decideExtension({ db, actor, workerId, passId, extensionId, input }: DecideExtensionOptions) {
  return db.transaction(async (tx) => {
    await findPass(tx, actor, workerId, passId);
    const [ext] = await tx
      .select()
      .from(passExtensions)
      .where(and(eq(passExtensions.id, extensionId), eq(passExtensions.passId, passId)));
    if (!ext) throw notFound('Cette prolongation');
    if (ext.status !== 'pending')
      throw ruleBroken(
        'pass_extension_decided',
        `La décision du prescripteur sur cette prolongation est déjà enregistrée (${ext.status === 'granted' ? 'accordée' : 'refusée'}).`,
      );
    if (input.decidedOn < ext.requestedOn)
      throw ruleBroken('pass_extension_decision_date', 'La décision du prescripteur ne précède pas la demande.');
    await tx
      .update(passExtensions)
      .set({
        status: input.decision,
        decidedOn: input.decidedOn,
        decidedBy: input.decidedBy,
        decisionNote: input.note ?? null,
      })
      .where(eq(passExtensions.id, extensionId));
    const end = await storeEffectivePassEnd(tx, actor.organisationId, passId);
    await recordAudit({
      db: tx,
      actor,
      action: 'pass.extension_decision',
      recordType: 'pass',
      recordId: passId,
      details: { extensionId, decision: input.decision, end },
    });
    return (await passesOfWorker(tx, workerId, parisToday())).find((p) => p.id === passId)!;
  });
}
