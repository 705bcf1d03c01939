/**
 * The workers' contract (salarié·es en parcours), shared by the server's routes and the web app: enumerations and
 * their French labels, the answers' shapes and the endpoints (docs/decisions/016-typed-client-from-shared-schemas.md).
 * Rules that need the server (a ROME code that exists, a commune, dates within the supported years) are checked by
 * the route's stricter schema (src/server/modules/workers/routes.ts); the shapes here are what the client sends.
 */
import { z } from 'zod';
import { endpoint, listOf, NoContent } from './http.js';
import { LEGAL } from './legal.js';

// ─── Enumerations and labels ────────────────────────────────────────────────────────────────────────────────────

export const EMPLOYMENT_CONTRACT_KINDS = ['cddu', 'cddi', 'cdi_inclusion'] as const;
export type EmploymentContractKind = (typeof EMPLOYMENT_CONTRACT_KINDS)[number];
export const CONTRACT_KIND_LABELS: Record<EmploymentContractKind, string> & Record<string, string> = {
  cddu: 'CDD d’usage (CDDU)',
  cddi: 'CDD d’insertion (CDDI)',
  cdi_inclusion: 'CDI inclusion (57 ans et plus)',
};
/** The contract's full name, as its document and the worker's data export title it. */
export const CONTRACT_KIND_TITLES: Record<EmploymentContractKind, string> = {
  cddu: 'Contrat à durée déterminée d’usage (CDDU)',
  cddi: 'Contrat à durée déterminée d’insertion (CDDI)',
  cdi_inclusion: 'Contrat à durée indéterminée inclusion (CDI inclusion)',
};
/** Who diagnosed a person's eligibility: an authorised prescriber, or the AI itself (criteria then required). */
export const DIAGNOSIS_AUTHORS = ['prescriber', 'ai'] as const;

/** Suspension reasons of les-emplois (itou/approvals/models.py Suspension.Reason): the four offered today first. */
export const PASS_SUSPENSION_REASONS = [
  'contract_suspended',
  'contract_broken',
  'finished_contract',
  'approval_between_cta_members',
  'sickness',
  'maternity',
  'incarceration',
  'trial_outside_iae',
  'detoxification',
  'force_majeure',
  'unspecified',
] as const;
export type PassSuspensionReason = (typeof PASS_SUSPENSION_REASONS)[number];
/** The reasons an AI can choose for a new suspension (the others are kept for history). */
export const CURRENT_PASS_SUSPENSION_REASONS = PASS_SUSPENSION_REASONS.slice(0, 4) as [
  PassSuspensionReason,
  ...PassSuspensionReason[],
];
/**
 * Suspension reasons in les-emplois' words (itou/approvals/models.py Suspension.Reason): the four offered today
 * (displayed_choices_for_siae), then the former ones kept so that old suspensions keep a label ("Old reasons kept
 * for history"), then ours for a suspension typed before the official list.
 */
export const SUSPENSION_REASON_LABELS: Record<PassSuspensionReason, string> & Record<string, string> = {
  contract_suspended: 'Contrat de travail suspendu depuis plus de 15 jours',
  contract_broken: 'Contrat de travail rompu',
  finished_contract: 'Contrat de travail terminé',
  approval_between_cta_members:
    'Situation faisant l’objet d’un accord entre les acteurs membres du CTA (Comité technique d’animation)',
  sickness: 'Arrêt pour longue maladie',
  maternity: 'Congé de maternité',
  incarceration: 'Incarcération',
  trial_outside_iae: 'Période d’essai auprès d’un employeur ne relevant pas de l’insertion par l’activité économique',
  detoxification: 'Période de cure pour désintoxication',
  force_majeure:
    'Raison de force majeure conduisant le salarié à quitter son emploi ou toute autre situation faisant l’objet d’un accord entre les acteurs membres du CTA',
  unspecified: 'Motif saisi avant la liste officielle',
};

export const PASS_EXTENSION_REASONS = [
  'cdi_inclusion_57',
  'training',
  'rqth',
  'senior_50',
  'particular_difficulties',
] as const;
export type PassExtensionReason = (typeof PASS_EXTENSION_REASONS)[number];
export const PASS_EXTENSION_STATUSES = ['pending', 'granted', 'refused'] as const;
/**
 * Each prolongation reason in les-emplois' words (itou/approvals/enums.py ProlongationReason, offered in the order
 * of ProlongationReason.for_company) and whether it waits for the authorised prescriber's decision: all but the two
 * of itou/approvals/models.py REASONS_NOT_NEED_PRESCRIBER_OPINION (SENIOR_CDI, COMPLETE_TRAINING), which take effect
 * on the AI's declaration (ProlongationRequest PENDING → GRANTED/DENIED for the others).
 */
export const PASS_EXTENSION_REASON_DEFS: Record<PassExtensionReason, { label: string; needsPrescriber: boolean }> = {
  cdi_inclusion_57: { label: 'CDI conclu avec une personne de plus de 57 ans', needsPrescriber: false },
  training: { label: 'Fin d’une formation', needsPrescriber: false },
  rqth: { label: 'RQTH - Reconnaissance de la qualité de travailleur handicapé', needsPrescriber: true },
  senior_50: { label: '50 ans et plus', needsPrescriber: true },
  particular_difficulties: {
    label:
      'Difficultés particulièrement importantes dont l’absence de prise en charge ferait obstacle à son insertion professionnelle',
    needsPrescriber: true,
  },
};
export const PASS_EXTENSION_LABELS = Object.fromEntries(
  PASS_EXTENSION_REASONS.map((r) => [r, PASS_EXTENSION_REASON_DEFS[r].label]),
) as Record<PassExtensionReason, string> & Record<string, string>;
/** Whether a prolongation for this reason waits for the authorised prescriber's decision before it counts. */
export const extensionNeedsPrescriber = (reason: string) =>
  PASS_EXTENSION_REASON_DEFS[reason as PassExtensionReason]?.needsPrescriber ?? false;
/** Prolongations that wait for the authorised prescriber's decision before they count. */
export const PASS_EXTENSIONS_NEEDING_PRESCRIBER: readonly string[] =
  PASS_EXTENSION_REASONS.filter(extensionNeedsPrescriber);
/** A cap of prolongations in words: "3 ans", "18 mois". */
export const capInWords = (months: number) => (months % 12 === 0 ? `${months / 12} ans` : `${months} mois`);
/** The prolongation choices: the reason and the cap of the whole pathway's prolongations for it (les-emplois). */
export const PASS_EXTENSION_CHOICES: Record<string, string> = Object.fromEntries(
  PASS_EXTENSION_REASONS.map((r) => [
    r,
    `${PASS_EXTENSION_LABELS[r]} — ${capInWords(LEGAL.passExtensionCapMonths[r])} au plus`,
  ]),
);
export const EXTENSION_STATUS_LABELS: Record<(typeof PASS_EXTENSION_STATUSES)[number], string> &
  Record<string, string> = {
  pending: 'en attente de la décision du prescripteur',
  granted: 'accordée',
  refused: 'refusée',
};

/** CDDI beyond 24 months (L5132-11-1): only these cases, up to 60 months. */
export const CDDI_EXTENSION_REASONS = ['training', 'senior_50', 'rqth'] as const;
export type CddiExtensionReason = (typeof CDDI_EXTENSION_REASONS)[number];
export const CDDI_EXTENSION_CHOICES: Record<(typeof CDDI_EXTENSION_REASONS)[number], string> = {
  training: 'Formation en cours à terminer',
  senior_50: '50 ans et plus, sur décision de France Travail',
  rqth: 'Travailleur handicapé reconnu, sur décision de France Travail',
};

export const CERTIFICATE_KINDS = [
  'driving_licence',
  'food_hygiene',
  'first_aid',
  'caces',
  'electrical',
  'other',
] as const;
export const CERTIFICATE_KIND_LABELS: Record<(typeof CERTIFICATE_KINDS)[number], string> & Record<string, string> = {
  driving_licence: 'Permis de conduire',
  food_hygiene: 'Hygiène alimentaire',
  first_aid: 'Sauveteur secouriste du travail',
  caces: 'CACES',
  electrical: 'Habilitation électrique',
  other: 'Autre',
};

/**
 * Eligibility criteria of the IAE for an AI (PRODUCT.md; lists from Les emplois de l'inclusion, arrêté du
 * 1er septembre 2021 fixant les critères d'éligibilité): one wording for the record page, the server's messages
 * and the exports (workers/rules/eligibility.ts gives each its level and decides eligibility).
 */
export const LEVEL_1_CRITERIA = {
  rsa: 'Bénéficiaire du RSA',
  ass: 'Allocataire de l’ASS',
  aah: 'Allocataire de l’AAH',
  very_long_term_unemployed: 'Demandeur d’emploi de très longue durée (24 mois et plus)',
} as const;

export const LEVEL_2_CRITERIA = {
  low_qualification: 'Niveau d’études 3 ou infra (CAP, BEP ou sans diplôme)',
  senior_50: 'Senior (50 ans et plus)',
  young_26: 'Jeune de moins de 26 ans',
  ase_leaver: 'Sortant de l’aide sociale à l’enfance',
  long_term_unemployed: 'Demandeur d’emploi de longue durée (12 mois et plus)',
  disabled_worker: 'Travailleur handicapé (RQTH)',
  single_parent: 'Parent isolé',
  homeless: 'Sans hébergement ou hébergé',
  refugee: 'Réfugié ou protection subsidiaire',
  zrr_qpv_resident: 'Résident en ZRR ou en QPV',
  under_justice: 'Personne sous main de justice',
  french_below_a1: 'Maîtrise de la langue française inférieure au niveau A1',
  mobility_problem: 'Problème de mobilité',
} as const;

/** The same lists as label maps, for the forms. */
export const LEVEL_1_CRITERION_LABELS: Record<string, string> = LEVEL_1_CRITERIA;
export const LEVEL_2_CRITERION_LABELS: Record<string, string> = LEVEL_2_CRITERIA;
export const CRITERION_LABELS: Record<string, string> = { ...LEVEL_1_CRITERION_LABELS, ...LEVEL_2_CRITERION_LABELS };
/** The criteria's codes (workers/rules/eligibility.ts gives each its level and decides eligibility). */
export const ELIGIBILITY_CRITERIA = [...Object.keys(LEVEL_1_CRITERIA), ...Object.keys(LEVEL_2_CRITERIA)] as [
  keyof typeof LEVEL_1_CRITERIA | keyof typeof LEVEL_2_CRITERIA,
  ...(keyof typeof LEVEL_1_CRITERIA | keyof typeof LEVEL_2_CRITERIA)[],
];
export type EligibilityCriterion = (typeof ELIGIBILITY_CRITERIA)[number];

/** Weekdays as the availability grid names them, Sunday first (Date.getDay()). */
export const WEEKDAY_LABELS = ['Dimanche', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi'];

// ─── Answers ────────────────────────────────────────────────────────────────────────────────────────────────────

const Job = z.object({ rome: z.string(), label: z.string(), level: z.number().int() });

export const WorkerSummary = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  jobs: z.array(Job),
  passEndDate: z.string().nullable(),
  passDaysLeft: z.number().int().nullable(),
  maxHoursPerWeek: z.number().nullable(),
  exitDate: z.string().nullable(),
  anonymised: z.boolean(),
});
export type WorkerSummary = z.infer<typeof WorkerSummary>;

export const PassView = z.object({
  id: z.string(),
  workerId: z.string(),
  number: z.string(),
  startDate: z.string(),
  /** Effective end, after suspensions and extensions. */
  endDate: z.string(),
  baseEndDate: z.string(),
  daysLeft: z.number().int(),
  /** Suspended today (no shift on a suspended day). */
  suspendedToday: z.boolean(),
  suspensions: z.array(
    z.object({
      id: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      reason: z.enum(PASS_SUSPENSION_REASONS),
      explanation: z.string().nullable(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      reason: z.enum(PASS_EXTENSION_REASONS),
      months: z.number().int(),
      requestedOn: z.string(),
      evidence: z.string().nullable(),
      /** pending: awaits the authorised prescriber's decision and does not extend the PASS yet. */
      status: z.enum(PASS_EXTENSION_STATUSES),
      decidedOn: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  /** Set when recording a new PASS during the waiting period lifted by a prescriber's diagnosis. */
  warning: z.string().optional(),
  /** Months of extension still available per reason, the whole pathway counted (R5132-1-8, les-emplois). */
  extensionMonthsLeft: z.record(z.string(), z.number().int()),
});
export type PassView = z.infer<typeof PassView>;

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
  author: z.enum(DIAGNOSIS_AUTHORS),
  prescriberName: z.string().nullable(),
  madeOn: z.string(),
  validUntil: z.string(),
  /** Sensitive (policies/sensitive.ts): empty when `restricted`. */
  criteria: z.array(z.enum(ELIGIBILITY_CRITERIA)),
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
/** A health visit as stored, the answer of its creation and its update. */
export const HealthVisitRecordView = z.object({
  id: z.string(),
  organisationId: z.string(),
  workerId: z.string(),
  kind: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  createdAt: z.string(),
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
export type Worker = WorkerView;
export type Pass = PassView;
export type Contract = z.infer<typeof ContractView>;
export type Diagnosis = z.infer<typeof DiagnosisView>;

export const UnavailabilityView = z.object({
  id: z.string(),
  workerId: z.string(),
  start: z.string(),
  end: z.string(),
  reason: z.string().nullable(),
});
export const ReferentView = z.object({ id: z.string(), name: z.string(), role: z.string() });

// ─── Inputs (the shapes the client sends; the server checks further) ────────────────────────────────────────────

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue (AAAA-MM-JJ).');
const Uuid = z.uuid();
const OrgParams = z.object({ orgId: Uuid });
const WorkerParams = OrgParams.extend({ workerId: Uuid });
const PassParams = WorkerParams.extend({ passId: Uuid });

const JobInput = z.union([z.string(), z.strictObject({ rome: z.string(), level: z.number().int().min(1).max(3) })]);
const AddressInput = z.strictObject({
  line: z.string().max(200).optional(),
  postalCode: z.string().optional(),
  communeCode: z.string(),
});
const PassInput = z.strictObject({ number: z.string(), startDate: Day, endDate: Day.optional() });
const WeeklyAvailability = z.partialRecord(
  z.enum(['0', '1', '2', '3', '4', '5', '6']),
  z.array(z.tuple([z.string(), z.string()])).max(4),
);

export const CreateWorkerShape = z.strictObject({
  firstName: z.string(),
  lastName: z.string(),
  birthDate: Day,
  address: AddressInput,
  jobs: z.array(JobInput).max(20),
  pass: PassInput.optional(),
  maxHoursPerWeek: z.number().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  targetJobs: z.array(z.string()).max(10).optional(),
  referentUserId: Uuid.optional(),
  weeklyAvailability: WeeklyAvailability.optional(),
  hiredOn: Day.optional(),
});
export const UpdateWorkerShape = z.strictObject({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  birthDate: Day.optional(),
  address: AddressInput.optional(),
  jobs: z.array(JobInput).max(20).optional(),
  maxHoursPerWeek: z.number().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  targetJobs: z.array(z.string()).max(10).optional(),
  referentUserId: Uuid.nullable().optional(),
  weeklyAvailability: WeeklyAvailability.optional(),
  hiredOn: Day.nullable().optional(),
  capDerogationFrom: Day.nullable().optional(),
  capDerogationTo: Day.nullable().optional(),
});

export const DiagnosisShape = z.strictObject({
  author: z.enum(DIAGNOSIS_AUTHORS),
  prescriberName: z.string().max(200).optional(),
  madeOn: Day,
  criteria: z.array(z.enum(ELIGIBILITY_CRITERIA)).max(20).optional(),
  evidence: z.string().max(4000).optional(),
});
export const SuspensionShape = z.strictObject({
  startDate: Day,
  endDate: Day,
  reason: z.enum(CURRENT_PASS_SUSPENSION_REASONS),
  explanation: z.string().max(2000).optional(),
});
export const ExtensionShape = z.strictObject({
  reason: z.enum(PASS_EXTENSION_REASONS),
  months: z.number().int().min(1).max(120).optional(),
  requestedOn: Day.optional(),
  evidence: z.string().max(4000).optional(),
});
export const ExtensionDecisionShape = z.strictObject({
  decision: z.enum(['granted', 'refused']),
  decidedOn: Day,
  decidedBy: z.string().max(200),
  note: z.string().max(2000).optional(),
});
export const ContractShape = z.strictObject({
  kind: z.enum(EMPLOYMENT_CONTRACT_KINDS),
  startDate: Day,
  endDate: Day.nullable().optional(),
  weeklyMinutes: z.number().int(),
  extensionReason: z.enum(CDDI_EXTENSION_REASONS).optional(),
  extensionDecisionOn: Day.nullable().optional(),
});
export const CertificateShape = z.strictObject({
  kind: z.enum(CERTIFICATE_KINDS),
  label: z.string().max(200),
  obtainedOn: Day.nullable().optional(),
  expiresOn: Day.nullable().optional(),
});
export const HealthVisitShape = z.strictObject({
  kind: z.string().trim().min(1).max(200),
  dueOn: Day,
  doneOn: Day.nullable().optional(),
});
export const UnavailabilityShape = z.strictObject({
  start: z.string(),
  end: z.string(),
  reason: z.string().max(500).nullable().optional(),
});

// ─── Endpoints ──────────────────────────────────────────────────────────────────────────────────────────────────

export const workersApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers',
    params: OrgParams,
    body: CreateWorkerShape,
    status: 201,
    response: WorkerView,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers',
    params: OrgParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
      q: z.string().max(100).optional(),
      job: z.string().optional(),
      passEndingSoon: z.enum(['true', 'false']).optional(),
      status: z.enum(['active', 'exited', 'all']).optional(),
    }),
    response: listOf(WorkerSummary),
  }),
  passEndingSoonCount: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/pass-ending-soon/count',
    params: OrgParams,
    response: z.object({ count: z.number().int() }),
  }),
  referents: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/referents',
    params: OrgParams,
    response: z.object({ items: z.array(ReferentView) }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/:workerId',
    params: WorkerParams,
    response: WorkerView,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/workers/:workerId',
    params: WorkerParams,
    body: UpdateWorkerShape,
    response: WorkerView,
  }),
  recordDiagnosis: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/diagnoses',
    params: WorkerParams,
    body: DiagnosisShape,
    status: 201,
    response: DiagnosisView,
  }),
  issuePass: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/passes',
    params: WorkerParams,
    body: PassInput,
    status: 201,
    response: PassView,
  }),
  suspendPass: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/passes/:passId/suspensions',
    params: PassParams,
    body: SuspensionShape,
    status: 201,
    response: PassView,
  }),
  extendPass: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/passes/:passId/extensions',
    params: PassParams,
    body: ExtensionShape,
    status: 201,
    response: PassView,
  }),
  decideExtension: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/passes/:passId/extensions/:extensionId/decision',
    params: PassParams.extend({ extensionId: Uuid }),
    body: ExtensionDecisionShape,
    response: PassView,
  }),
  createContract: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/contracts',
    params: WorkerParams,
    body: ContractShape,
    status: 201,
    response: ContractView,
  }),
  /** The employment contract as a PDF (a file: link to it with `urlOf`). */
  contractPdf: {
    method: 'GET',
    path: '/api/orgs/:orgId/workers/:workerId/contracts/:contractId/pdf',
    params: WorkerParams.extend({ contractId: Uuid }),
  },
  addCertificate: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/certificates',
    params: WorkerParams,
    body: CertificateShape,
    status: 201,
    response: CertificateView,
  }),
  removeCertificate: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/workers/:workerId/certificates/:certificateId',
    params: WorkerParams.extend({ certificateId: Uuid }),
    status: 204,
    response: NoContent,
  }),
  addHealthVisit: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/health-visits',
    params: WorkerParams,
    body: HealthVisitShape,
    status: 201,
    response: HealthVisitRecordView,
  }),
  updateHealthVisit: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/workers/:workerId/health-visits/:visitId',
    params: WorkerParams.extend({ visitId: Uuid }),
    body: z.strictObject({ doneOn: Day.nullable() }),
    response: HealthVisitRecordView,
  }),
  unavailabilities: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/:workerId/unavailabilities',
    params: WorkerParams,
    response: listOf(UnavailabilityView),
  }),
  declareUnavailability: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/unavailabilities',
    params: WorkerParams,
    body: UnavailabilityShape,
    status: 201,
    response: UnavailabilityView,
  }),
  removeUnavailability: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/workers/:workerId/unavailabilities/:unavailabilityId',
    params: WorkerParams.extend({ unavailabilityId: Uuid }),
    status: 204,
    response: NoContent,
  }),
  anonymiseExpired: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/privacy/anonymise-expired',
    params: OrgParams,
    response: z.object({ anonymised: z.number().int() }),
  }),
};
