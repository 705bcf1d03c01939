import { and, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, ruleBroken, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findWorker } from './find-worker.js';
import { storeEffectivePassEnd } from './pass-end.js';
import { passesOfWorker } from './present-pass.js';
import { passNumberProblem } from './rules/identity.js';
import { newPassVerdict, passBaseEnd } from './rules/pass-dates.js';
import { eligibilityDiagnoses, passes } from './schema.js';

export type PassInputValues = { number: string; startDate: string; endDate?: string };

/**
 * Checks a new PASS for a worker (format, 2-year waiting period); throws 400/422 and saves nothing. Returns the
 * warning to show when an authorised prescriber's diagnosis, valid on the PASS's start, lifts the waiting period.
 */
export async function checkNewPass(
  db: Db,
  organisationId: string,
  workerId: string | null,
  input: PassInputValues,
): Promise<string | undefined> {
  let warning: string | undefined;
  const numberProblem = passNumberProblem(input.number);
  if (numberProblem) throw validationFailed([{ path: 'pass.number', message: numberProblem }], numberProblem);
  if (input.endDate && input.endDate < input.startDate)
    throw validationFailed([{ path: 'pass.endDate', message: 'La fin du PASS IAE précède son début.' }]);
  if (workerId) {
    const previous = await db.select({ endDate: passes.endDate }).from(passes).where(eq(passes.workerId, workerId));
    const [prescriber] = await db
      .select({ id: eligibilityDiagnoses.id })
      .from(eligibilityDiagnoses)
      .where(
        and(
          eq(eligibilityDiagnoses.organisationId, organisationId),
          eq(eligibilityDiagnoses.workerId, workerId),
          eq(eligibilityDiagnoses.author, 'prescriber'),
          lte(eligibilityDiagnoses.madeOn, input.startDate),
          gte(eligibilityDiagnoses.validUntil, input.startDate),
        ),
      )
      .limit(1);
    const verdict = newPassVerdict(previous, input.startDate, Boolean(prescriber));
    if (!verdict.ok) throw ruleBroken(verdict.code, verdict.message);
    warning = verdict.warning;
  }
  const [taken] = await db
    .select({ id: passes.id })
    .from(passes)
    .where(and(eq(passes.organisationId, organisationId), eq(passes.number, input.number)))
    .limit(1);
  if (taken) throw conflict('pass_number_taken', `Le PASS IAE n° ${input.number} est déjà enregistré.`);
  return warning;
}

/** Stores a PASS (inside the caller's transaction); the effective end is computed, never typed. */
export async function insertPass(db: Db, organisationId: string, workerId: string, input: PassInputValues) {
  const base = passBaseEnd(input.startDate);
  const [pass] = await db
    .insert(passes)
    .values({
      organisationId,
      workerId,
      number: input.number,
      startDate: input.startDate,
      endDate: input.endDate ?? base,
      grantedEndDate: input.endDate && input.endDate !== base ? input.endDate : null,
    })
    .returning();
  await storeEffectivePassEnd(db, organisationId, pass.id);
  return pass;
}

export type IssuePassOptions = { db: Db; actor: OrgActor; workerId: string; input: PassInputValues };

/** Records a worker's PASS IAE (obtained on Les emplois de l'inclusion). */
export async function issuePass({ db, actor, workerId, input }: IssuePassOptions) {
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const warning = await checkNewPass(tx, actor.organisationId, workerId, input);
    const pass = await insertPass(tx, actor.organisationId, workerId, input);
    await recordAudit({
      db: tx,
      actor,
      action: 'pass.create',
      recordType: 'pass',
      recordId: pass.id,
      details: { workerId, warning },
    });
    const all = await passesOfWorker(tx, workerId, parisToday());
    const view = all.find((p) => p.id === pass.id)!;
    return warning ? { ...view, warning } : view;
  });
}
