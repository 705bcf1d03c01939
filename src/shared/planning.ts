/**
 * The planning's contract (missions, shifts, weekly series, proposals, absences, auto-planner, regional pooling,
 * the 480 h cap and the worker's own page), shared by the server's routes and the web app: enumerations and their
 * French labels, the answers' shapes and the endpoints (docs/decisions/016-typed-client-from-shared-schemas.md).
 *
 * The inputs here are the shapes the client sends; the server checks some further with its calendar (a day within
 * the supported years, an instant near today, a postal code of the commune): `schemaOf(…, { body: stricter })` in
 * src/server/modules/planning/routes.ts.
 */
import { z } from 'zod';
import { endpoint, NoContent } from './http.js';

// ── Enumerations and their labels ─────────────────────────────────────────────
export const SHIFT_STATUSES = ['open', 'assigned', 'cancelled'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined', 'taken', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_CHANNELS = ['email', 'sms', 'none'] as const;
export type ProposalChannel = (typeof PROPOSAL_CHANNELS)[number];
export const POOLING_REQUEST_STATUSES = ['open', 'filled', 'withdrawn'] as const;
export const POOLING_OFFER_STATUSES = ['offered', 'accepted', 'declined'] as const;
export const OCCURRENCE_STATUSES = ['assigned', 'open', 'refused'] as const;
export const HOURS_CAP_LEVELS = ['ok', 'warning', 'reached'] as const;
export const PROPOSAL_ANSWERS = ['accept', 'decline'] as const;

/** How a proposal reached the person (after "Proposition envoyée à X (…)"). */
export const CHANNEL_LABELS: Record<ProposalChannel, string> = {
  email: 'par e-mail',
  sms: 'par SMS',
  none: 'non envoyée (aucun moyen de contact)',
};

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: 'en attente de réponse',
  accepted: 'acceptée',
  declined: 'refusée',
  taken: 'créneau pris par une autre personne',
  withdrawn: 'retirée',
};

export const POOLING_REQUEST_STATUS_LABELS: Record<(typeof POOLING_REQUEST_STATUSES)[number], string> = {
  open: 'en cours',
  filled: 'pourvue',
  withdrawn: 'retirée',
};

/** The days of a weekly pattern, Monday first (0 is Sunday, as `Date.getUTCDay()`). */
export const WEEKDAYS = [
  { value: 1, short: 'lun.', label: 'lundi' },
  { value: 2, short: 'mar.', label: 'mardi' },
  { value: 3, short: 'mer.', label: 'mercredi' },
  { value: 4, short: 'jeu.', label: 'jeudi' },
  { value: 5, short: 'ven.', label: 'vendredi' },
  { value: 6, short: 'sam.', label: 'samedi' },
  { value: 0, short: 'dim.', label: 'dimanche' },
] as const;

// ── Building blocks of the inputs ─────────────────────────────────────────────
const Uuid = z.uuid('Identifiant invalide');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue (AAAA-MM-JJ)');
const Instant = z.string();
const Time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Heure attendue (HH:MM)');
const Rome = z.string().regex(/^[A-N][0-9]{4}$/, 'Code ROME attendu (ex. K2204)');
const Reason = z.string().trim().max(500).nullable().optional();
const OrgParams = z.object({ orgId: z.uuid() });
const ShiftParams = OrgParams.extend({ shiftId: z.uuid() });
const SeriesParams = OrgParams.extend({ seriesId: z.uuid() });
const WorkerParams = OrgParams.extend({ workerId: Uuid });
const RequestParams = OrgParams.extend({ requestId: Uuid });
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Lien invalide') });
const Limits = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const MissionBody = z.strictObject({
  placementContractId: Uuid,
  rome: Rome,
  site: z
    .strictObject({
      line: z.string().trim().max(200).nullable().optional(),
      postalCode: z
        .string()
        .regex(/^[0-9]{5}$/, 'Code postal à 5 chiffres')
        .nullable()
        .optional(),
      communeCode: z.string().regex(/^[0-9AB]{5}$/, 'Code INSEE de la commune'),
      name: z.string().trim().max(200).optional(),
    })
    .nullable()
    .optional(),
  startDate: Day,
  endDate: Day,
  referentUserId: Uuid.nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
});

const SeriesPattern = {
  weekdays: z.array(z.number().int().min(0).max(6)).min(1, 'Choisissez au moins un jour.').max(7),
  startTime: Time,
  endTime: Time,
  exceptDates: z.array(Day).max(366).optional(),
  skipPublicHolidays: z.boolean().optional(),
  /** Create only the occurrences no rule refuses (the refused ones are listed, not created). */
  skipRefused: z.boolean().optional(),
};
export const SeriesBody = z.strictObject({
  missionId: Uuid,
  workerId: Uuid.nullable().optional(),
  startDate: Day,
  endDate: Day,
  ...SeriesPattern,
});
export const SeriesEditBody = z.strictObject({
  fromDate: Day,
  endDate: Day,
  workerId: Uuid.nullable().optional(),
  ...SeriesPattern,
});
export const ShiftBody = z.strictObject({
  missionId: Uuid,
  workerId: Uuid.nullable().optional(),
  start: Instant,
  end: Instant,
});
export const MoveBody = z.strictObject({ start: Instant, end: Instant, workerId: Uuid.nullable().optional() });
export const AbsenceBody = z.strictObject({
  workerId: Uuid,
  start: Instant,
  end: Instant,
  reason: z.string().trim().min(1, 'Indiquez le motif (ex. maladie).').max(500),
});
export const ShiftsQuery = z.object({
  ...Limits,
  from: z.string().optional(),
  to: z.string().optional(),
  workerId: Uuid.optional(),
  missionId: Uuid.optional(),
  clientId: Uuid.optional(),
  siteId: Uuid.optional(),
  status: z.enum(SHIFT_STATUSES).optional(),
});
export const GridQuery = z.object({
  from: Day,
  days: z.coerce.number().int().min(1).max(31).default(7),
  search: z.string().max(100).optional(),
  onlyWithShifts: z.enum(['true', 'false']).optional(),
  ...Limits,
});
export const AutoplanBody = z.strictObject({
  from: Day,
  to: Day,
  clientId: Uuid.optional(),
  includeProposed: z.boolean().optional(),
});

// ── Answers ───────────────────────────────────────────────────────────────────
export const ShiftView = z.object({
  id: z.string(),
  missionId: z.string(),
  workerId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  status: z.enum(SHIFT_STATUSES),
  minutes: z.number(),
  clientId: z.string(),
  clientName: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  siteCommune: z.string().nullable(),
  rome: z.string(),
  romeLabel: z.string(),
  workerName: z.string().nullable(),
  publicHoliday: z.boolean(),
  uncoveredWorkerId: z.string().nullable(),
  /** Proposals still waiting for an answer. */
  pendingProposals: z.number(),
  /** The client's legal form is unknown: its hours count for the 480 h cap until an officer completes it. */
  clientLegalFormUnknown: z.boolean(),
  /** R5132-20: the worker is not yet named in a signed version of the contract on the shift's day. */
  contractUnsigned: z.boolean(),
});
export type Shift = z.infer<typeof ShiftView>;

export const PlanningGridView = z.object({
  from: z.string(),
  days: z.number(),
  workers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      commune: z.string().nullable(),
      maxMinutesPerWeek: z.number().nullable(),
    }),
  ),
  total: z.number(),
  shifts: z.array(ShiftView),
  openShifts: z.array(ShiftView),
});
export type Grid = z.infer<typeof PlanningGridView>;

export const MissionView = z.object({
  id: z.string(),
  placementContractId: z.string(),
  contractNumber: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  siteCommune: z.string().nullable(),
  rome: z.string(),
  romeLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  shiftsTotal: z.number(),
  shiftsOpen: z.number(),
});
export type Mission = z.infer<typeof MissionView>;

export const SeriesView = z.object({
  id: z.string(),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  weekdays: z.array(z.number()),
  startTime: z.string(),
  endTime: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  skipPublicHolidays: z.boolean(),
  exceptDates: z.array(z.string()),
  cancelledFrom: z.string().nullable(),
  shiftsLive: z.number(),
  shiftsOpen: z.number(),
});
export type Series = z.infer<typeof SeriesView>;

export const MissionDetailView = MissionView.extend({
  contractRomes: z.array(z.object({ rome: z.string(), label: z.string() })),
  series: z.array(SeriesView),
});
export type MissionDetail = z.infer<typeof MissionDetailView>;

const MissionCreatedView = z.object({
  id: z.string(),
  placementContractId: z.string(),
  clientId: z.string(),
  siteId: z.string(),
  rome: z.string(),
  romeLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  referentUserId: z.string().nullable(),
});

/** What happened (or would happen, in a preview) to one occurrence of a series. */
export const OccurrenceView = z.object({
  id: z.string().nullable(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  publicHoliday: z.string().nullable(),
  /** The rule the worker's assignment broke, in French (the shift is then open, or not created). */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  warnings: z.array(z.string()),
});
export type Occurrence = z.infer<typeof OccurrenceView>;

const CancelledShifts = z.array(z.object({ id: z.string(), date: z.string() }));
export const SeriesResultView = z.object({
  id: z.string(),
  created: z.number(),
  assigned: z.number(),
  open: z.number(),
  refused: z.number(),
  shifts: z.array(OccurrenceView),
  skipped: z.array(z.object({ date: z.string(), reason: z.string() })),
});
export const SeriesEditResultView = SeriesResultView.extend({ cancelled: CancelledShifts, kept: z.number() });
export type SeriesResult = z.infer<typeof SeriesResultView> & Partial<z.infer<typeof SeriesEditResultView>>;

export const CandidateView = z.object({
  workerId: z.string(),
  name: z.string(),
  score: z.number(),
  distanceKm: z.number().nullable(),
  minutesThisWeek: z.number(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type Candidate = z.infer<typeof CandidateView>;
const CandidatesView = z.object({ items: z.array(CandidateView), considered: z.number() });

export const ShiftProposalView = z.object({
  id: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  rank: z.number(),
  status: z.enum(PROPOSAL_STATUSES),
  channel: z.enum(PROPOSAL_CHANNELS),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type ShiftProposal = z.infer<typeof ShiftProposalView>;

const ProposalsSentView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      workerId: z.string(),
      workerName: z.string(),
      rank: z.number(),
      channel: z.enum(PROPOSAL_CHANNELS),
    }),
  ),
  unreachable: z.array(z.object({ workerId: z.string(), workerName: z.string(), message: z.string() })),
});

const PlannedShift = z.object({
  shiftId: z.string(),
  start: z.string(),
  end: z.string(),
  clientName: z.string(),
  romeLabel: z.string(),
});
export const PlanView = z.object({
  from: z.string(),
  to: z.string(),
  openShifts: z.number(),
  covered: z.number(),
  totalScore: z.number(),
  assignments: z.array(
    PlannedShift.extend({ workerId: z.string(), workerName: z.string(), score: z.number(), siteName: z.string() }),
  ),
  unfilled: z.array(PlannedShift),
  /** Open shifts with a proposal still waiting for an answer, left alone unless asked. */
  leftAlone: z.array(PlannedShift),
  ms: z.number(),
  loadMs: z.number().optional(),
});
export type Plan = z.infer<typeof PlanView>;
const ApplyPlanView = z.object({
  applied: z.number(),
  failed: z.array(z.object({ shiftId: z.string(), workerId: z.string(), code: z.string(), message: z.string() })),
});

export const ShiftsAfterView = z.object({
  workerName: z.string(),
  count: z.number(),
  items: z.array(
    z.object({ id: z.string(), start: z.string(), end: z.string(), clientName: z.string(), siteName: z.string() }),
  ),
});
export type ShiftsAfter = z.infer<typeof ShiftsAfterView>;

export const HoursCapView = z.object({
  countedMinutes: z.number(),
  capMinutes: z.number(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  derogation: z.boolean(),
  ratio: z.number(),
  level: z.enum(HOURS_CAP_LEVELS),
});
export type HoursCap = z.infer<typeof HoursCapView>;

const PoolingSettingsView = z.object({ enabled: z.boolean() });
export const PoolingRequestView = z.object({
  id: z.string(),
  organisationName: z.string(),
  rome: z.string(),
  romeLabel: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(POOLING_REQUEST_STATUSES),
});
export type PoolingRequest = z.infer<typeof PoolingRequestView>;
const ShiftPoolingView = z.object({
  request: z.object({ id: z.string(), status: z.enum(POOLING_REQUEST_STATUSES), createdAt: z.string() }).nullable(),
  offers: z.array(
    z.object({
      id: z.string(),
      status: z.enum(POOLING_OFFER_STATUSES),
      distanceKm: z.number().nullable(),
      organisationName: z.string(),
      firstName: z.string(),
    }),
  ),
});

export const MyShiftView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string(),
  address: z.string(),
  accessNotes: z.string().nullable(),
  job: z.string(),
});
export type MyShift = z.infer<typeof MyShiftView>;
export const MyProposalView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string(),
  commune: z.string().nullable(),
  job: z.string(),
});
export type MyProposal = z.infer<typeof MyProposalView>;
const ProposalAnswerView = z.object({ status: z.enum(['accepted', 'declined', 'taken']) });

export const PublicProposalView = z.object({
  id: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  shiftOpen: z.boolean(),
  firstName: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string(),
  commune: z.string().nullable(),
  job: z.string(),
});
export type PublicProposal = z.infer<typeof PublicProposalView>;

const Warnings = z.array(z.string());

// ── Endpoints ─────────────────────────────────────────────────────────────────
export const planningApi = {
  // Missions
  createMission: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/missions',
    params: OrgParams,
    body: MissionBody,
    status: 201,
    response: MissionCreatedView,
  }),
  missions: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/missions',
    params: OrgParams,
    query: z.object({ ...Limits, placementContractId: Uuid.optional(), clientId: Uuid.optional() }),
    response: z.object({ items: z.array(MissionView), total: z.number().int() }),
  }),
  mission: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/missions/:missionId',
    params: OrgParams.extend({ missionId: Uuid }),
    response: MissionDetailView,
  }),

  // Shifts
  createShift: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts',
    params: OrgParams,
    body: ShiftBody,
    status: 201,
    response: z.object({ id: z.string(), status: z.enum(['assigned', 'open']), warnings: Warnings }),
  }),
  shifts: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/shifts',
    params: OrgParams,
    query: ShiftsQuery,
    response: z.object({ items: z.array(ShiftView), total: z.number().int() }),
  }),
  grid: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/planning/grid',
    params: OrgParams,
    query: GridQuery,
    response: PlanningGridView,
  }),
  assign: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/assign',
    params: ShiftParams,
    body: z.strictObject({ workerId: Uuid }),
    response: z.object({ status: z.literal('assigned'), warnings: Warnings }),
  }),
  unassign: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/unassign',
    params: ShiftParams,
    response: z.object({ status: z.enum(['open', 'cancelled']) }),
  }),
  move: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/move',
    params: ShiftParams,
    body: MoveBody,
    response: z.object({ status: z.enum(['open', 'assigned']), warnings: Warnings }),
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/cancel',
    params: ShiftParams,
    body: z.strictObject({ reason: Reason }).optional(),
    response: z.object({ status: z.literal('cancelled') }),
  }),
  candidates: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/shifts/:shiftId/candidates',
    params: ShiftParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(10) }),
    response: CandidatesView,
  }),
  propose: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/proposals',
    params: ShiftParams,
    body: z.strictObject({ workerIds: z.array(Uuid).min(1, 'Choisissez au moins une personne.').max(10) }),
    status: 201,
    response: ProposalsSentView,
  }),
  proposals: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/shifts/:shiftId/proposals',
    params: ShiftParams,
    response: z.object({ items: z.array(ShiftProposalView) }),
  }),
  requestReplacement: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/replacement-request',
    params: ShiftParams,
    body: z.strictObject({ message: z.string().trim().max(1000).nullable().optional() }).optional(),
    response: z.object({ status: z.literal('sent') }),
  }),

  // Weekly series
  createSeries: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shift-series',
    params: OrgParams,
    body: SeriesBody,
    status: 201,
    response: SeriesResultView,
  }),
  previewSeries: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shift-series/preview',
    params: OrgParams,
    body: SeriesBody,
    response: SeriesResultView,
  }),
  editSeries: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shift-series/:seriesId/edit',
    params: SeriesParams,
    body: SeriesEditBody,
    response: SeriesEditResultView,
  }),
  previewSeriesEdit: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shift-series/:seriesId/edit/preview',
    params: SeriesParams,
    body: SeriesEditBody,
    response: SeriesEditResultView,
  }),
  cancelSeries: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shift-series/:seriesId/cancel',
    params: SeriesParams,
    body: z.strictObject({ fromDate: Day, reason: Reason }),
    response: z.object({ id: z.string(), cancelledFrom: z.string(), cancelled: CancelledShifts }),
  }),

  // Absences
  declareAbsence: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/absences',
    params: OrgParams,
    body: AbsenceBody,
    status: 201,
    response: z.object({ id: z.string(), uncoveredShiftIds: z.array(z.string()) }),
  }),
  absencePreview: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/absences/preview',
    params: OrgParams,
    query: z.object({ workerId: Uuid, start: Instant, end: Instant }),
    response: z.object({ shiftIds: z.array(z.string()), count: z.number() }),
  }),

  // Auto-planner
  autoplan: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/autoplan',
    params: OrgParams,
    body: AutoplanBody,
    response: PlanView,
  }),
  applyPlan: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/autoplan/apply',
    params: OrgParams,
    body: z.strictObject({
      assignments: z
        .array(z.strictObject({ shiftId: Uuid, workerId: Uuid }))
        .min(1)
        .max(5000),
    }),
    response: ApplyPlanView,
  }),

  // A worker's shifts (exit) and 480 h cap (record)
  shiftsAfter: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/:workerId/shifts-after',
    params: WorkerParams,
    query: z.object({ date: Day }),
    response: ShiftsAfterView,
  }),
  hoursCap: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/workers/:workerId/hours-cap',
    params: WorkerParams,
    response: HoursCapView,
  }),

  // Regional pooling
  poolingSettings: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/pooling/settings',
    params: OrgParams,
    response: PoolingSettingsView,
  }),
  setPoolingSettings: endpoint({
    method: 'PUT',
    path: '/api/orgs/:orgId/pooling/settings',
    params: OrgParams,
    body: z.strictObject({ enabled: z.boolean() }),
    response: PoolingSettingsView,
  }),
  askNetwork: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/pooling',
    params: ShiftParams,
    status: 201,
    response: z.object({ id: z.string(), status: z.enum(POOLING_REQUEST_STATUSES), notified: z.number() }),
  }),
  shiftPooling: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/shifts/:shiftId/pooling',
    params: ShiftParams,
    response: ShiftPoolingView,
  }),
  acceptPoolingOffer: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/shifts/:shiftId/pooling/offers/:offerId/accept',
    params: ShiftParams.extend({ offerId: Uuid }),
    response: z.object({ status: z.literal('filled') }),
  }),
  poolingRequests: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/pooling/requests',
    params: OrgParams,
    response: z.object({ items: z.array(PoolingRequestView), total: z.number().int(), consent: z.boolean() }),
  }),
  poolingCandidates: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/pooling/requests/:requestId/candidates',
    params: RequestParams,
    response: CandidatesView,
  }),
  offerWorker: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/pooling/requests/:requestId/offers',
    params: RequestParams,
    body: z.strictObject({ workerId: Uuid }),
    status: 201,
    response: z.object({ id: z.string(), status: z.literal('offered') }),
  }),

  // The worker's own page
  myShifts: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/me/shifts',
    params: OrgParams,
    response: z.object({ items: z.array(MyShiftView) }),
  }),
  myProposals: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/me/proposals',
    params: OrgParams,
    response: z.object({ items: z.array(MyProposalView) }),
  }),
  answerMyProposal: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/me/proposals/:proposalId/:answer',
    params: OrgParams.extend({ proposalId: Uuid, answer: z.enum(PROPOSAL_ANSWERS) }),
    response: ProposalAnswerView,
  }),
  calendarStatus: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/me/calendar',
    params: OrgParams,
    response: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
  }),
  issueCalendar: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/me/calendar',
    params: OrgParams,
    status: 201,
    response: z.object({ url: z.string() }),
  }),
  revokeCalendar: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/me/calendar',
    params: OrgParams,
    status: 204,
    response: NoContent,
  }),

  // Private links (no account)
  publicProposal: endpoint({
    method: 'GET',
    path: '/api/public/proposals/:token',
    params: TokenParams,
    response: PublicProposalView,
  }),
  answerPublicProposal: endpoint({
    method: 'POST',
    path: '/api/public/proposals/:token/:answer',
    params: TokenParams.extend({ answer: z.enum(PROPOSAL_ANSWERS) }),
    response: ProposalAnswerView,
  }),
};
