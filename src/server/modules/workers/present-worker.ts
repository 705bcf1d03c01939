import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { maySeeSensitive } from '../../policies/sensitive.js';
import { users } from '../accounts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findJob } from '../directory/rome.js';
import { hoursCapStatus } from '../planning/hours-cap-status.js';
import { workerExitOf } from '../support/worker-exit-of.js';
import { PassView, passesOfWorker } from './present-pass.js';
import { CRITERIA, diagnosisEligible } from './rules/eligibility.js';
import {
  EMPLOYMENT_CONTRACT_KINDS,
  eligibilityDiagnoses,
  employmentContracts,
  healthVisits,
  workerCertificates,
  workerJobs,
  type workers,
} from './schema.js';

export const WorkerSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  jobs: z.array(z.object({ rome: z.string(), label: z.string(), level: z.number().int() })),
  passEndDate: z.string().nullable(),
  passDaysLeft: z.number().int().nullable(),
  maxHoursPerWeek: z.number().nullable(),
  exitDate: z.string().nullable(),
  anonymised: z.boolean(),
});
export type WorkerSummary = z.infer<typeof WorkerSummary>;

export const ContractView = z.object({
  id: z.string(),
  workerId: z.string(),
  kind: z.enum(EMPLOYMENT_CONTRACT_KINDS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  weeklyMinutes: z.number().int(),
  extensionReason: z.string().nullable(),
});

export const DiagnosisView = z.object({
  id: z.string(),
  author: z.enum(['prescriber', 'ai']),
  prescriberName: z.string().nullable(),
  madeOn: z.string(),
  validUntil: z.string(),
  /** Sensitive (policies/sensitive.ts): empty when `restricted`. */
  criteria: z.array(z.enum(CRITERIA)),
  /** Sensitive: null when `restricted`. */
  evidence: z.string().nullable(),
  eligible: z.boolean(),
  valid: z.boolean(),
  /** The reader has no sensitive data right: criteria and evidence exist but are hidden. */
  restricted: z.boolean(),
});

export const CertificateView = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  obtainedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
export const HealthVisitView = z.object({
  id: z.string(),
  kind: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
});

export const HoursCapView = z
  .object({
    countedMinutes: z.number(),
    capMinutes: z.number(),
    windowStart: z.string().nullable(),
    windowEnd: z.string().nullable(),
    derogation: z.boolean(),
    ratio: z.number(),
    level: z.enum(['ok', 'warning', 'reached']),
  })
  .nullable();

export const WorkerView = WorkerSummary.extend({
  birthDate: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.object({
    line: z.string().nullable(),
    postalCode: z.string().nullable(),
    communeCode: z.string(),
    communeName: z.string().nullable(),
  }),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  targetJobs: z.array(z.object({ rome: z.string(), label: z.string() })),
  maxMinutesPerWeek: z.number().int().nullable(),
  weeklyAvailability: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
  referent: z.object({ id: z.string(), name: z.string() }).nullable(),
  hiredOn: z.string().nullable(),
  capDerogationFrom: z.string().nullable(),
  capDerogationTo: z.string().nullable(),
  pass: PassView.nullable(),
  passes: z.array(PassView),
  contracts: z.array(ContractView),
  diagnoses: z.array(DiagnosisView),
  certificates: z.array(CertificateView),
  healthVisits: z.array(HealthVisitView),
  /** The 480 h counter (L5132-9), from the planning module. */
  hoursCap: HoursCapView,
  exit: z.object({ date: z.string(), category: z.string() }).nullable(),
});
export type WorkerView = z.infer<typeof WorkerView>;

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
      eligible: diagnosisEligible(d.author, d.criteria as WorkerView['diagnoses'][number]['criteria']),
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
