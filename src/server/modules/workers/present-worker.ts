import { asc, desc, eq } from 'drizzle-orm';
// The answers' shapes are the shared contract's (src/shared/workers.ts).
import type { WorkerView } from '../../../shared/workers.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { maySeeSensitive } from '../../policies/sensitive.js';
import { users } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findJob } from '../directory/rome.js';
import { hoursCapStatus } from '../planning/hours-cap-status.js';
import { workerExitOf } from '../support/worker-exit-of.js';
import { passesOfWorker } from './present-pass.js';
import { type Criterion, diagnosisEligible } from './rules/eligibility.js';
import {
  eligibilityDiagnoses,
  employmentContracts,
  healthVisits,
  workerCertificates,
  workerJobs,
  type workers,
} from './schema.js';

export {
  CertificateView,
  ContractView,
  DiagnosisView,
  HealthVisitView,
  HoursCapView,
  WorkerSummary,
  WorkerView,
} from '../../../shared/workers.js';

const jobLabel = (rome: string) => findJob(rome)?.label ?? rome;

/** Who reads the record: the eligibility criteria and evidence are shown only with the sensitive data right. */
export type WorkerViewer = Pick<OrgActor, 'userId' | 'organisationId' | 'role' | 'sensitiveAccess'>;

/**
 * The whole record of one worker (no support file: that one lives behind support.read). The eligibility
 * criteria and their evidence are sensitive: hidden without the right, and each read of them is logged.
 */
export async function presentWorker(
  db: Db,
  w: typeof workers.$inferSelect,
  viewer: WorkerViewer,
  purpose = 'worker_record',
): Promise<WorkerView> {
  const sensitive = maySeeSensitive(viewer);
  const today = parisToday();
  const jobs = await db.select().from(workerJobs).where(eq(workerJobs.workerId, w.id)).orderBy(asc(workerJobs.rome));
  const allPasses = await passesOfWorker(db, w.id, today);
  const contracts = await db
    .select()
    .from(employmentContracts)
    .where(eq(employmentContracts.workerId, w.id))
    .orderBy(asc(employmentContracts.startDate));
  const diagnoses = await db
    .select()
    .from(eligibilityDiagnoses)
    .where(eq(eligibilityDiagnoses.workerId, w.id))
    .orderBy(desc(eligibilityDiagnoses.madeOn));
  const certificates = await db.select().from(workerCertificates).where(eq(workerCertificates.workerId, w.id));
  const visits = await db
    .select()
    .from(healthVisits)
    .where(eq(healthVisits.workerId, w.id))
    .orderBy(asc(healthVisits.dueOn));
  const [referent] = w.referentUserId
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, w.referentUserId))
    : [];
  if (sensitive && diagnoses.length > 0) {
    await recordAudit({
      db,
      actor: viewer,
      action: 'sensitive.read',
      recordType: 'worker',
      recordId: w.id,
      details: { fields: ['eligibility'], purpose },
    });
  }
  const exit = await workerExitOf(db, w.id);
  const current = allPasses.at(-1) ?? null;
  let hoursCap: WorkerView['hoursCap'] = null;
  try {
    hoursCap = await hoursCapStatus({ db, organisationId: w.organisationId, workerId: w.id });
  } catch {
    hoursCap = null;
  }
  return {
    id: w.id,
    firstName: w.firstName,
    lastName: w.lastName,
    birthDate: w.birthDate,
    email: w.email,
    phone: w.phone,
    communeCode: w.communeCode,
    communeName: w.communeName,
    address: { line: w.addressLine, postalCode: w.postalCode, communeCode: w.communeCode, communeName: w.communeName },
    location: w.lat !== null && w.lon !== null ? { lat: w.lat, lon: w.lon } : null,
    jobs: jobs.map((j) => ({ rome: j.rome, label: jobLabel(j.rome), level: j.level })),
    targetJobs: w.targetJobs.map((rome) => ({ rome, label: jobLabel(rome) })),
    maxMinutesPerWeek: w.maxMinutesPerWeek,
    maxHoursPerWeek: w.maxMinutesPerWeek === null ? null : w.maxMinutesPerWeek / 60,
    weeklyAvailability: w.weeklyAvailability,
    referent: referent ?? null,
    hiredOn: w.hiredOn,
    capDerogationFrom: w.capDerogationFrom,
    capDerogationTo: w.capDerogationTo,
    pass: current,
    passEndDate: current?.endDate ?? null,
    passDaysLeft: current?.daysLeft ?? null,
    passes: allPasses,
    contracts: contracts.map(presentContract),
    diagnoses: diagnoses.map((d) => ({
      id: d.id,
      author: d.author,
      prescriberName: d.prescriberName,
      madeOn: d.madeOn,
      validUntil: d.validUntil,
      criteria: sensitive ? (d.criteria as WorkerView['diagnoses'][number]['criteria']) : [],
      evidence: sensitive ? d.evidence : null,
      eligible: diagnosisEligible(d.author, d.criteria as Criterion[]),
      valid: d.validUntil >= today,
      restricted: !sensitive,
    })),
    certificates: certificates.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label,
      obtainedOn: c.obtainedOn,
      expiresOn: c.expiresOn,
    })),
    healthVisits: visits.map((v) => ({
      id: v.id,
      kind: v.kind,
      dueOn: v.dueOn,
      doneOn: v.doneOn,
      overdue: !v.doneOn && v.dueOn < today,
    })),
    hoursCap,
    exitDate: exit?.date ?? null,
    exit,
    anonymised: w.anonymisedAt !== null,
  };
}

export const presentContract = (c: typeof employmentContracts.$inferSelect) => ({
  id: c.id,
  workerId: c.workerId,
  kind: c.kind,
  startDate: c.startDate,
  endDate: c.endDate,
  weeklyMinutes: c.weeklyMinutes,
  extensionReason: c.extensionReason,
});
