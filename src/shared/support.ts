/**
 * The support file's contract (accompagnement socio-professionnel), shared by the server's routes and the web app:
 * enumerations and their French labels, the answers' shapes and the endpoints
 * (docs/decisions/016-typed-client-from-shared-schemas.md). Dates within the supported years are checked by the
 * route's stricter schema (src/server/modules/support/routes.ts).
 */
import { z } from 'zod';
import { ASP_EXIT_REASON_CODES } from './asp-exit-reasons.js';
import { endpoint } from './http.js';

// ─── Enumerations and labels ────────────────────────────────────────────────────────────────────────────────────

export const INTERVIEW_KINDS = ['reception', 'follow_up', 'assessment', 'exit', 'other'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];
export const INTERVIEW_KIND_LABELS: Record<(typeof INTERVIEW_KINDS)[number], string> & Record<string, string> = {
  reception: 'Accueil',
  follow_up: 'Suivi',
  assessment: 'Bilan',
  exit: 'Sortie',
  other: 'Autre',
};

export const BARRIER_CATEGORIES = [
  'housing',
  'mobility',
  'health',
  'childcare_family',
  'french_literacy',
  'justice',
  'debt_finances',
  'digital',
  'administrative_rights',
  'availability',
] as const;
export type BarrierCategory = (typeof BARRIER_CATEGORIES)[number];
export const BARRIER_LABELS: Record<BarrierCategory, string> & Record<string, string> = {
  housing: 'Logement',
  mobility: 'Mobilité',
  health: 'Santé',
  childcare_family: 'Garde d’enfants / famille',
  french_literacy: 'Français / savoirs de base',
  justice: 'Justice',
  debt_finances: 'Dettes / finances',
  digital: 'Numérique',
  administrative_rights: 'Démarches administratives / droits',
  availability: 'Disponibilité',
};

export const BARRIER_STATUSES = ['identified', 'in_progress', 'lifted'] as const;
export const BARRIER_STATUS_LABELS: Record<(typeof BARRIER_STATUSES)[number], string> & Record<string, string> = {
  identified: 'Repéré',
  in_progress: 'En cours de levée',
  lifted: 'Levé',
};
export const INTENSITY_LABELS: Record<string, string> = { '1': 'Léger', '2': 'Important', '3': 'Bloquant' };

export const ACTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const TRAINING_STATUSES = ['planned', 'in_progress', 'completed', 'abandoned'] as const;
export const TRAINING_STATUS_LABELS: Record<(typeof TRAINING_STATUSES)[number], string> & Record<string, string> = {
  planned: 'Prévue',
  in_progress: 'En cours',
  completed: 'Terminée',
  abandoned: 'Abandonnée',
};
export const STEP_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export const STEP_STATUS_LABELS: Record<(typeof STEP_STATUSES)[number], string> & Record<string, string> = {
  todo: 'À faire',
  in_progress: 'En cours',
  done: 'Fait',
  skipped: 'Sans objet',
};

export const EXIT_CATEGORIES = ['durable', 'transition', 'positive', 'other', 'withdrawn'] as const;
export type ExitCategory = (typeof EXIT_CATEGORIES)[number];
/** The State's exit categories, explained (the exit form). */
export const EXIT_CATEGORY_CHOICES: Record<ExitCategory, string> & Record<string, string> = {
  durable: 'Emploi durable (CDI, CDD ou intérim de 6 mois et plus, fonction publique, création d’entreprise)',
  transition: 'Emploi de transition (CDD ou intérim de moins de 6 mois, contrat aidé)',
  positive: 'Sortie positive (formation qualifiante, autre SIAE)',
  other: 'Autre sortie',
  withdrawn: 'Retrait (sortie neutre)',
};
/** The categories as counted in the dashboards and the activity report (both show the same figures). */
export const EXIT_COUNT_LABELS: Record<ExitCategory, string> = {
  durable: 'Emploi durable',
  transition: 'Emploi de transition',
  positive: 'Sortie positive',
  other: 'Autres sorties',
  withdrawn: 'Retraits (neutres)',
};
/** The same categories, short (the worker's record). */
export const EXIT_CATEGORY_LABELS: Record<ExitCategory, string> & Record<string, string> = {
  durable: 'Emploi durable',
  transition: 'Emploi de transition',
  positive: 'Sortie positive',
  other: 'Autre sortie',
  withdrawn: 'Retrait',
};

// ─── Answers ────────────────────────────────────────────────────────────────────────────────────────────────────

export const InterviewView = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(INTERVIEW_KINDS),
  /** Sensitive (policies/sensitive.ts): null when `restricted`. */
  notes: z.string().nullable(),
  authorName: z.string().nullable(),
  /** The reader has no sensitive data right: the notes exist but are hidden. */
  restricted: z.boolean().optional(),
});
export const BarrierView = z.object({
  id: z.string(),
  category: z.enum(BARRIER_CATEGORIES),
  intensity: z.number().int(),
  status: z.enum(BARRIER_STATUSES),
  /** Sensitive (policies/sensitive.ts): null when `restricted`. */
  details: z.string().nullable(),
  /** The reader has no sensitive data right: the details, if any, are hidden. */
  restricted: z.boolean().optional(),
  identifiedOn: z.string(),
  liftedOn: z.string().nullable(),
});
export const ActionView = z.object({
  id: z.string(),
  barrierId: z.string().nullable(),
  label: z.string(),
  partner: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
});
export const ImmersionView = z.object({
  id: z.string(),
  host: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  objective: z.string(),
  outcome: z.string().nullable(),
});
export const TrainingView = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(TRAINING_STATUSES),
});
export const PathwayStepView = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.string(),
  label: z.string(),
  status: z.enum(STEP_STATUSES),
  doneOn: z.string().nullable(),
});
export const PathwayView = z.object({
  id: z.string(),
  template: z.string(),
  title: z.string(),
  startedOn: z.string(),
  steps: z.array(PathwayStepView),
});
export const ExitView = z.object({
  id: z.string(),
  workerId: z.string(),
  date: z.string(),
  category: z.enum(EXIT_CATEGORIES),
  reason: z.string(),
  /** ASP exit reason code (support/rules/asp-exit-reasons.ts); null for exits recorded before it existed. */
  aspReason: z.string().nullable(),
  minutesWorked: z.number().int(),
  countsForStatistics: z.boolean(),
  hiredByClientId: z.string().nullable(),
});
export const SupportFileView = z.object({
  workerId: z.string(),
  workerName: z.string(),
  interviews: z.array(InterviewView),
  barriers: z.array(BarrierView),
  actions: z.array(ActionView),
  immersions: z.array(ImmersionView),
  trainings: z.array(TrainingView),
  pathways: z.array(PathwayView),
  exit: ExitView.nullable(),
});
export type SupportFileView = z.infer<typeof SupportFileView>;
export type SupportFile = SupportFileView;

export const PathwayTemplateView = z.object({
  key: z.string(),
  title: z.string(),
  steps: z.array(z.object({ kind: z.string(), label: z.string() })),
});

// ─── Inputs ─────────────────────────────────────────────────────────────────────────────────────────────────────

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue (AAAA-MM-JJ).');
const Uuid = z.uuid();
const WorkerParams = z.object({ orgId: Uuid, workerId: Uuid });
const text = (max: number) => z.string().trim().min(1, { message: 'Ce champ est obligatoire.' }).max(max);

export const InterviewShape = z.strictObject({
  heldOn: Day,
  kind: z.enum(INTERVIEW_KINDS).optional(),
  notes: text(20_000),
});
export const BarrierShape = z.strictObject({
  category: z.enum(BARRIER_CATEGORIES),
  intensity: z.number().int().min(1).max(3),
  status: z.enum(BARRIER_STATUSES).optional(),
  details: z.string().max(4000).nullable().optional(),
  identifiedOn: Day.optional(),
  liftedOn: Day.nullable().optional(),
});
export const ActionShape = z.strictObject({
  label: text(500),
  partner: z.string().max(200).nullable().optional(),
  barrierId: Uuid.nullable().optional(),
  dueOn: Day.nullable().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
});
export const ImmersionShape = z.strictObject({
  host: text(200),
  startDate: Day,
  endDate: Day,
  objective: text(1000),
  outcome: z.string().max(4000).nullable().optional(),
});
export const TrainingShape = z.strictObject({
  title: text(300),
  provider: z.string().max(200).nullable().optional(),
  startDate: Day,
  endDate: Day.nullable().optional(),
  status: z.enum(TRAINING_STATUSES).optional(),
});
export const ExitShape = z.strictObject({
  date: Day,
  category: z.enum(EXIT_CATEGORIES),
  reason: text(2000),
  /** The client that hired the person, if any. */
  hiredByClientId: Uuid.optional(),
  /** Free the person's shifts after the exit date (confirmed by the officer) instead of refusing the exit. */
  freeShifts: z.boolean().optional(),
  /** The ASP exit reason (shared/asp-exit-reasons.ts), carried in the State's monthly export. */
  aspReason: z.enum(ASP_EXIT_REASON_CODES).optional(),
});

// ─── Endpoints ──────────────────────────────────────────────────────────────────────────────────────────────────

const sub = <S extends string>(suffix: S) => `/api/orgs/:orgId/workers/:workerId/support${suffix}` as const;

export const supportApi = {
  file: endpoint({ method: 'GET', path: sub(''), params: WorkerParams, response: SupportFileView }),
  pathwayTemplates: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/pathway-templates',
    params: z.object({ orgId: Uuid }),
    response: z.object({ items: z.array(PathwayTemplateView) }),
  }),
  recordInterview: endpoint({
    method: 'POST',
    path: sub('/interviews'),
    params: WorkerParams,
    body: InterviewShape,
    status: 201,
    response: InterviewView,
  }),
  addBarrier: endpoint({
    method: 'POST',
    path: sub('/barriers'),
    params: WorkerParams,
    body: BarrierShape,
    status: 201,
    response: BarrierView,
  }),
  updateBarrier: endpoint({
    method: 'PATCH',
    path: sub('/barriers/:barrierId'),
    params: WorkerParams.extend({ barrierId: Uuid }),
    body: BarrierShape.partial(),
    response: BarrierView,
  }),
  addAction: endpoint({
    method: 'POST',
    path: sub('/actions'),
    params: WorkerParams,
    body: ActionShape,
    status: 201,
    response: ActionView,
  }),
  updateActionStatus: endpoint({
    method: 'PATCH',
    path: sub('/actions/:actionId'),
    params: WorkerParams.extend({ actionId: Uuid }),
    body: z.strictObject({ status: z.enum(ACTION_STATUSES) }),
    response: ActionView,
  }),
  recordImmersion: endpoint({
    method: 'POST',
    path: sub('/immersions'),
    params: WorkerParams,
    body: ImmersionShape,
    status: 201,
    response: ImmersionView,
  }),
  recordImmersionOutcome: endpoint({
    method: 'PATCH',
    path: sub('/immersions/:immersionId'),
    params: WorkerParams.extend({ immersionId: Uuid }),
    body: z.strictObject({ outcome: text(4000) }),
    response: ImmersionView,
  }),
  recordTraining: endpoint({
    method: 'POST',
    path: sub('/trainings'),
    params: WorkerParams,
    body: TrainingShape,
    status: 201,
    response: TrainingView,
  }),
  updateTrainingStatus: endpoint({
    method: 'PATCH',
    path: sub('/trainings/:trainingId'),
    params: WorkerParams.extend({ trainingId: Uuid }),
    body: z.strictObject({ status: z.enum(TRAINING_STATUSES) }),
    response: TrainingView,
  }),
  startPathway: endpoint({
    method: 'POST',
    path: sub('/pathways'),
    params: WorkerParams,
    body: z.strictObject({ template: z.string().max(50), startedOn: Day.optional() }),
    status: 201,
    response: PathwayView,
  }),
  updatePathwayStep: endpoint({
    method: 'PATCH',
    path: sub('/pathways/:pathwayId/steps/:stepId'),
    params: WorkerParams.extend({ pathwayId: Uuid, stepId: Uuid }),
    body: z.strictObject({ status: z.enum(STEP_STATUSES), doneOn: Day.nullable().optional() }),
    response: PathwayStepView,
  }),
  recordExit: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/workers/:workerId/exits',
    params: WorkerParams,
    body: ExitShape,
    status: 201,
    response: ExitView,
  }),
  /** Everything held about a worker (RGPD access), JSON: a download, linked with `urlOf`. */
  exportJson: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/:workerId/export',
    params: WorkerParams,
    response: z.record(z.string(), z.unknown()).describe('Everything held about the worker'),
  }),
  /** The same export as a PDF (a file: link to it with `urlOf`). */
  exportPdf: { method: 'GET', path: '/api/orgs/:orgId/workers/:workerId/export.pdf', params: WorkerParams },
};
