/**
 * Needs (besoins) stated by establishments on the public site, routed to AIs and followed by the network: statuses
 * and their French labels, the answers' shapes and the endpoints, shared by the server's routes and the web app
 * (docs/decisions/016-typed-client-from-shared-schemas.md). The form's rules that need the server (a known job and
 * commune, a valid SIRET, a start date from today) are added by src/server/modules/needs/need-input.ts.
 */
import { z } from 'zod';
import { CLIENT_KINDS } from './clients.js';
import { EQUIPMENT_SUPPLIERS } from './equipment.js';
import { endpoint } from './http.js';

export const NEED_URGENCIES = ['urgent', 'structural'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];

/**
 * A need's life: routed to AIs (or unrouted when none qualifies), claimed by one, then diagnosed, quoted, won or
 * lost. quoted/won/lost are set by the quotes module through setNeedStatus().
 */
export const NEED_STATUSES = ['unrouted', 'routed', 'claimed', 'in_diagnostic', 'quoted', 'won', 'lost'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** What happened between a need and one AI it was routed to. */
export const ROUTE_STATUSES = ['routed', 'viewed', 'claimed', 'declined'] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

/**
 * What one AI sees of a need: 'new' while nobody claimed it, its own progress once it claimed it, 'taken' when
 * another AI did, 'declined' when it said no.
 */
export const INBOX_STATUSES = [
  'new',
  'claimed',
  'in_diagnostic',
  'quoted',
  'won',
  'lost',
  'taken',
  'declined',
] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** The statuses a claiming AI moves its need through (quotes: quoted when a quote is sent, won/lost). */
export const SETTABLE_NEED_STATUSES = [
  'claimed',
  'in_diagnostic',
  'quoted',
  'won',
  'lost',
] as const satisfies readonly NeedStatus[];
export type SettableNeedStatus = (typeof SETTABLE_NEED_STATUSES)[number];

// ---- French words of the needs pages

/** Who supplies the protective equipment, worded for the establishment that is not yet a client. */
export const SUPPLIED_BY_IN_DIAGNOSTIC: Record<(typeof EQUIPMENT_SUPPLIERS)[number], string> = {
  client: 'L’établissement',
  ai: 'Notre structure',
  shared: 'Les deux',
};

export const URGENCY_LABELS: Record<string, string> = { urgent: 'Renfort urgent', structural: 'Besoin durable' };

/** What an AI sees of a need in its inbox. */
export const INBOX_LABELS: Record<string, string> = {
  new: 'Nouveau',
  claimed: 'Pris en charge',
  in_diagnostic: 'En diagnostic',
  quoted: 'Devis envoyé',
  won: 'Gagné',
  lost: 'Perdu',
  taken: 'Pris par une autre structure',
  declined: 'Décliné',
};

export const INBOX_COLORS: Record<string, string> = {
  new: 'blue',
  claimed: 'teal',
  in_diagnostic: 'cyan',
  quoted: 'violet',
  won: 'green',
  lost: 'gray',
  taken: 'gray',
  declined: 'gray',
};

/** The need's own status, as the network console shows it. */
export const NEED_STATUS_LABELS: Record<string, string> = {
  unrouted: 'Non orienté',
  routed: 'En attente',
  claimed: 'Pris en charge',
  in_diagnostic: 'En diagnostic',
  quoted: 'Devis envoyé',
  won: 'Gagné',
  lost: 'Perdu',
};

export const NEED_STATUS_COLORS: Record<string, string> = {
  unrouted: 'orange',
  routed: 'blue',
  claimed: 'teal',
  in_diagnostic: 'cyan',
  quoted: 'violet',
  won: 'green',
  lost: 'gray',
};

export const ROUTE_LABELS: Record<string, string> = {
  routed: 'non lu',
  viewed: 'vu',
  claimed: 'a pris en charge',
  declined: 'a décliné',
};

/** "12 min", "3 h 05", "2 j 4 h". */
export function formatWait(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return hours ? `${days} j ${hours} h` : `${days} j`;
}

// ---- answers

const Uuid = z.uuid();
const Urgency = z.enum(NEED_URGENCIES);

export const NeedJobView = z.object({
  rome: z.string(),
  label: z.string(),
  headcount: z.number().int(),
  hoursPerWeek: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  schedule: z.string().nullable(),
  nights: z.boolean(),
  weekends: z.boolean(),
});
export type NeedJob = z.infer<typeof NeedJobView>;

/** The structured HR diagnostic of a claimed need (diagnostic RH des besoins), reused by the quote. */
export const DiagnosticView = z.object({
  jobs: z.array(
    z.object({
      rome: z.string(),
      headcount: z.number().int(),
      minutesPerWeek: z.number().int().nullable(),
      schedule: z.string(),
      skills: z.string(),
      certificates: z.string(),
    }),
  ),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  protectiveEquipment: z.string(),
  equipmentSuppliedBy: z.enum(EQUIPMENT_SUPPLIERS).nullable(),
  accessConstraints: z.string(),
  carePathwayInterest: z.boolean(),
  notes: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticView>;

/** A need as the AI it was routed to sees it (GET /api/orgs/:orgId/needs/:needId). */
export const NeedView = z.object({
  id: z.string(),
  reference: z.string(),
  urgency: Urgency,
  /** The need's own status (unrouted, routed, claimed, in_diagnostic, quoted, won, lost). */
  status: z.enum(NEED_STATUSES),
  /** What the acting AI sees (new, claimed, …, taken, declined). */
  inboxStatus: z.enum(INBOX_STATUSES),
  createdAt: z.string(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  establishment: z.object({
    name: z.string(),
    kind: z.enum(CLIENT_KINDS),
    siret: z.string().nullable(),
    address: z.object({
      line: z.string().nullable(),
      postalCode: z.string().nullable(),
      communeCode: z.string(),
      communeName: z.string(),
    }),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  }),
  /** Hidden (null) once another AI took the need: its contact is no longer this AI's business. */
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  description: z.string(),
  carePathway: z.boolean(),
  jobs: z.array(NeedJobView),
  diagnostic: DiagnosticView.nullable(),
  diagnosticAt: z.string().nullable(),
  claimedBy: z.object({ organisationId: z.string(), name: z.string() }).nullable(),
  claimedAt: z.string().nullable(),
  clientId: z.string().nullable(),
  /** This AI's route: when it was routed, viewed, declined. */
  route: z
    .object({
      rank: z.number().int(),
      distanceKm: z.number().nullable(),
      status: z.enum(ROUTE_STATUSES),
      routedAt: z.string(),
      viewedAt: z.string().nullable(),
      declinedAt: z.string().nullable(),
      declineReason: z.string().nullable(),
    })
    .nullable(),
});
export type Need = z.infer<typeof NeedView>;

export const OrgNeedItemView = z.object({
  id: z.string(),
  reference: z.string(),
  urgency: Urgency,
  status: z.enum(INBOX_STATUSES),
  createdAt: z.string(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  establishmentName: z.string(),
  establishmentKind: z.enum(CLIENT_KINDS),
  communeName: z.string(),
  distanceKm: z.number().nullable(),
  viewedAt: z.string().nullable(),
  jobs: z.array(NeedJobView.pick({ rome: true, label: true, headcount: true, startDate: true })),
});
export type OrgNeedItem = z.infer<typeof OrgNeedItemView>;

export const NetworkRouteView = z.object({
  organisationId: z.string(),
  name: z.string(),
  distanceKm: z.number().nullable(),
  status: z.enum(ROUTE_STATUSES),
  routedAt: z.string(),
  viewedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});
export type NetworkRoute = z.infer<typeof NetworkRouteView>;

export const NetworkNeedItemView = z.object({
  id: z.string(),
  reference: z.string(),
  urgency: Urgency,
  status: z.enum(NEED_STATUSES),
  createdAt: z.string(),
  claimedBy: z.object({ organisationId: z.string(), name: z.string() }).optional(),
  routedTo: z.array(NetworkRouteView),
  claimedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Every AI it was routed to said no: it needs re-routing. */
  allDeclined: z.boolean(),
  /** Minutes from submission to claim, or to now while unclaimed. */
  waitedMinutes: z.number().int(),
  establishmentName: z.string(),
  establishmentKind: z.enum(CLIENT_KINDS),
  communeName: z.string(),
  departement: z.string(),
  jobs: z.array(NeedJobView.pick({ rome: true, label: true, headcount: true })),
});
export type NetworkNeedItem = z.infer<typeof NetworkNeedItemView>;

/** One need as the coordinator sees it: everything, with every route. */
export const NetworkNeedView = NeedView.extend({ routedTo: z.array(NetworkRouteView) });
export type NetworkNeed = z.infer<typeof NetworkNeedView>;

export const RerouteCandidateView = z.object({
  organisationId: z.string(),
  name: z.string(),
  distanceKm: z.number().nullable(),
  /** Its convention territory covers the establishment's commune (R5132-19). */
  coversTerritory: z.boolean(),
  exactJob: z.boolean(),
  routeStatus: z.enum(ROUTE_STATUSES).nullable(),
});
export type RerouteCandidate = z.infer<typeof RerouteCandidateView>;

/** The establishment's view of its need, through the private link of its receipt. */
export const NeedFollowUpView = z.object({
  reference: z.string(),
  urgency: Urgency,
  status: z.enum(NEED_STATUSES),
  createdAt: z.string(),
  establishmentName: z.string(),
  communeName: z.string(),
  jobs: z.array(NeedJobView),
  /** How many AIs received it, and how many of them opened it. */
  routedCount: z.number().int(),
  viewedCount: z.number().int(),
  claimedAt: z.string().nullable(),
  claimedBy: z
    .object({
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      communeName: z.string().nullable(),
    })
    .nullable(),
});
export type NeedFollowUp = z.infer<typeof NeedFollowUpView>;

export const SubmittedNeedView = z.object({
  id: Uuid,
  reference: z.string(),
  routedTo: z.array(z.object({ organisationId: Uuid, name: z.string(), distanceKm: z.number().nullable() })),
});
export type SubmittedNeed = z.infer<typeof SubmittedNeedView>;

export const NeedCommuneView = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  postalCodes: z.array(z.string()),
  /** Its 2018 name when renamed since (shown in the choice: « Valserhône, anciennement Bellegarde-sur-Valserine »). */
  formerName: z.string().nullable(),
  /** The commune that has joined this one whose name the search matched (« Bresse Vallons, qui inclut Étrez »). */
  joinedName: z.string().nullable(),
});
export const NeedJobChoiceView = z.object({ rome: z.string(), label: z.string(), suggested: z.boolean() });
export type NeedJobChoice = z.infer<typeof NeedJobChoiceView>;

// ---- inputs (their shape; the server adds the rules that need its data)

export const NeedJobShape = z.strictObject({
  rome: z.string(),
  headcount: z.number(),
  hoursPerWeek: z.number().optional().nullable(),
  startDate: z.string(),
  endDate: z.string().optional().nullable(),
  schedule: z.string().optional().nullable(),
  nights: z.boolean().optional(),
  weekends: z.boolean().optional(),
});

/** POST /api/public/needs (API.md). */
export const NeedShape = z.strictObject({
  establishment: z.strictObject({
    name: z.string(),
    kind: z.enum(CLIENT_KINDS),
    siret: z.string().optional().nullable(),
    address: z.strictObject({ line: z.string(), postalCode: z.string(), communeCode: z.string() }),
  }),
  contact: z.strictObject({ name: z.string(), email: z.string(), phone: z.string().optional().nullable() }),
  urgency: Urgency,
  jobs: z.array(NeedJobShape),
  description: z.string(),
  carePathway: z.boolean().optional(),
  consent: z.literal(true),
  /** The structure whose page the form was opened from. */
  preferredOrganisationId: z.string().optional().nullable(),
  /** Honeypot: hidden from people, filled by robots. A filled one is accepted and dropped. */
  website: z.string().optional(),
});
export type NeedForm = z.input<typeof NeedShape>;

export const DiagnosticShape = z.strictObject({
  jobs: z.array(
    z.strictObject({
      rome: z.string(),
      headcount: z.number(),
      minutesPerWeek: z.number().nullable().optional(),
      schedule: z.string().optional(),
      skills: z.string().optional(),
      certificates: z.string().optional(),
    }),
  ),
  startDate: z.string().nullable().optional(),
  endDate: z.string().nullable().optional(),
  protectiveEquipment: z.string().optional(),
  equipmentSuppliedBy: z.enum(EQUIPMENT_SUPPLIERS).nullable().optional(),
  accessConstraints: z.string().optional(),
  carePathwayInterest: z.boolean().optional(),
  notes: z.string().optional(),
});

const OrgParams = z.object({ orgId: Uuid });
const OrgNeedParams = OrgParams.extend({ needId: z.uuid('Besoin introuvable.') });
const NetworkParams = z.object({ networkId: Uuid });
const NetworkNeedParams = NetworkParams.extend({ needId: z.uuid('Besoin introuvable.') });
const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const needsApi = {
  submit: endpoint({
    method: 'POST',
    path: '/api/public/needs',
    body: NeedShape,
    status: 201,
    response: SubmittedNeedView,
  }),
  follow: endpoint({
    method: 'GET',
    path: '/api/public/needs/follow/:token',
    params: z.object({ token: z.string().max(100) }),
    response: NeedFollowUpView,
  }),
  communes: endpoint({
    method: 'GET',
    path: '/api/public/needs/communes',
    query: z.object({ q: z.string().max(100).default('') }),
    response: z.object({ items: z.array(NeedCommuneView), total: z.number().int() }),
  }),
  jobs: endpoint({
    method: 'GET',
    path: '/api/public/needs/jobs',
    query: z.object({ q: z.string().max(100).default('') }),
    response: z.object({ items: z.array(NeedJobChoiceView), total: z.number().int() }),
  }),
  structure: endpoint({
    method: 'GET',
    path: '/api/public/needs/structures/:organisationId',
    params: z.object({ organisationId: Uuid }),
    response: z.object({ id: z.string(), name: z.string(), communeName: z.string().nullable() }),
  }),
  inbox: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/needs',
    params: OrgParams,
    query: z.object({ ...Page, status: z.enum([...INBOX_STATUSES, 'routed', 'open']).optional() }),
    response: z.object({ items: z.array(OrgNeedItemView), total: z.number().int() }),
  }),
  summary: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/needs/summary',
    params: OrgParams,
    /** Counts per inbox status (a status without need is absent). */
    response: z.record(z.string(), z.number().int()),
  }),
  get: endpoint({ method: 'GET', path: '/api/orgs/:orgId/needs/:needId', params: OrgNeedParams, response: NeedView }),
  claim: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/needs/:needId/claim',
    params: OrgNeedParams,
    response: z.object({ status: z.literal('claimed') }),
  }),
  decline: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/needs/:needId/decline',
    params: OrgNeedParams,
    body: z.strictObject({
      reason: z
        .string({ error: 'Indiquez pourquoi vous ne pouvez pas répondre.' })
        .trim()
        .min(3, 'Indiquez pourquoi vous ne pouvez pas répondre.')
        .max(500, 'Motif : 500 caractères au plus.'),
    }),
    response: z.object({ status: z.literal('declined') }),
  }),
  diagnostic: endpoint({
    method: 'PUT',
    path: '/api/orgs/:orgId/needs/:needId/diagnostic',
    params: OrgNeedParams,
    body: DiagnosticShape,
    response: NeedView,
  }),
  setStatus: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/needs/:needId/status',
    params: OrgNeedParams,
    body: z.strictObject({ status: z.enum(SETTABLE_NEED_STATUSES, { error: 'Statut inconnu.' }) }),
    response: z.object({ status: z.enum(SETTABLE_NEED_STATUSES) }),
  }),
  networkNeeds: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/needs',
    params: NetworkParams,
    query: z.object({ ...Page, status: z.enum([...NEED_STATUSES, 'open', 'overdue']).optional() }),
    response: z.object({ items: z.array(NetworkNeedItemView), total: z.number().int() }),
  }),
  networkNeed: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/needs/:needId',
    params: NetworkNeedParams,
    response: NetworkNeedView,
  }),
  candidates: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/needs/:needId/candidates',
    params: NetworkNeedParams,
    query: z.object({ radiusKm: z.coerce.number().min(1).max(300).optional() }),
    response: z.object({ items: z.array(RerouteCandidateView), total: z.number().int() }),
  }),
  reroute: endpoint({
    method: 'POST',
    path: '/api/networks/:networkId/needs/:needId/route',
    params: NetworkNeedParams,
    body: z.strictObject({
      organisationIds: z
        .array(z.uuid('Structure inconnue.'), { error: 'Choisissez au moins une structure.' })
        .min(1, 'Choisissez au moins une structure.')
        .max(20, 'Au plus 20 structures à la fois.'),
    }),
    response: z.object({
      id: z.string(),
      status: z.literal('routed'),
      notified: z.number().int(),
      deadlineAt: z.string(),
    }),
  }),
};
