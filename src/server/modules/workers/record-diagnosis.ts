import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findWorker } from './find-worker.js';
import { type Criterion, diagnosisEligible, diagnosisValidUntil } from './rules/eligibility.js';
import { eligibilityDiagnoses } from './schema.js';

export type DiagnosisInput = {
  author: 'prescriber' | 'ai';
  prescriberName?: string;
  madeOn: string;
  /** Required when the AI diagnoses itself; an authorised prescriber's diagnosis stands without them. */
  criteria?: Criterion[];
  evidence?: string;
};

export type RecordDiagnosisOptions = { db: Db; actor: OrgActor; workerId: string; input: DiagnosisInput };

/**
 * Records an eligibility diagnosis (an authorised prescriber's is saved without criteria: their diagnosis is
 * what makes the person eligible, les-emplois itou/eligibility) with its evidence (kept for the State's checks). A diagnosis that does not
 * make the person eligible is kept too (it documents the decision), and flagged eligible: false.
 */
export async function recordDiagnosis({ db, actor, workerId, input }: RecordDiagnosisOptions) {
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const criteria = [...new Set(input.criteria ?? [])];
    const [row] = await tx
      .insert(eligibilityDiagnoses)
      .values({
        organisationId: actor.organisationId,
        workerId,
        author: input.author,
        prescriberName: input.prescriberName ?? null,
        madeOn: input.madeOn,
        validUntil: diagnosisValidUntil(input.author, input.madeOn),
        criteria,
        evidence: input.evidence ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'eligibility.record',
      recordType: 'worker',
      recordId: workerId,
      details: { diagnosisId: row.id },
    });
    return {
      id: row.id,
      author: row.author,
      prescriberName: row.prescriberName,
      madeOn: row.madeOn,
      validUntil: row.validUntil,
      criteria: criteria,
      evidence: row.evidence,
      eligible: diagnosisEligible(row.author, criteria),
      valid: true,
      restricted: false,
    };
  });
}
