/**
 * The timesheets' contract (relevés d'heures), shared by the server's routes and the web app: statuses and their
 * French labels, the answers' shapes and the endpoints.
 */
import { z } from 'zod';
import { endpoint } from './http.js';

export const TIMESHEET_STATUSES = ['draft', 'sent', 'disputed', 'validated'] as const;
export type TimesheetStatus = (typeof TIMESHEET_STATUSES)[number];
export const TIMESHEET_KINDS = ['hours', 'correction'] as const;
export type TimesheetKind = (typeof TIMESHEET_KINDS)[number];

/** Labels and badge colours (dark shades, outlined: readable at AA contrast on white). */
export const TIMESHEET_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: 'À envoyer', color: 'gray.8' },
  sent: { label: 'En attente du client', color: 'blue.9' },
  disputed: { label: 'Contesté', color: 'red.9' },
  validated: { label: 'Validé', color: 'teal.9' },
};

/**
 * What a client reads instead (its portal), in its own words: a timesheet not yet sent is the month's hours in
 * progress, not something « to send »; a sent one waits for it, so it is « to validate », not « waiting for the
 * client ».
 */
const CLIENT_LABEL: Record<string, string> = { draft: 'En cours', sent: 'À valider' };
export const timesheetStatusLabel = (status: string, forClient: boolean) =>
  (forClient ? CLIENT_LABEL[status] : undefined) ?? TIMESHEET_STATUS[status]?.label ?? status;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/**
 * One status, or several separated by commas (« draft,sent »: the home tile « à faire valider », to send or
 * waiting for the client).
 */
export const TimesheetStatusFilter = z
  .string()
  .regex(
    new RegExp(`^(${TIMESHEET_STATUSES.join('|')})(,(${TIMESHEET_STATUSES.join('|')}))*$`),
    `Statut inconnu : choisissez parmi ${TIMESHEET_STATUSES.join(', ')} (plusieurs séparés par des virgules).`,
  );
/** The statuses a filter names (see TimesheetStatusFilter). */
export const statusesOf = (filter: string | undefined): TimesheetStatus[] =>
  filter
    ? [...new Set(filter.split(','))].filter((x): x is TimesheetStatus =>
        TIMESHEET_STATUSES.includes(x as TimesheetStatus),
      )
    : [];
/** What the office's home counts as « relevés à faire valider »: to send, or waiting for the client. */
export const TO_VALIDATE_FILTER = 'draft,sent';
const Uuid = z.uuid();
const Instant = z.string();
const OrgParams = z.object({ orgId: Uuid });
const IdParams = z.object({ orgId: Uuid, id: Uuid });
const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const TimesheetRowView = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  month: z.string(),
  /** 1 for the month's timesheet, 2, 3… for a supplementary one (shifts found after validation or invoicing). */
  sequence: z.number().int(),
  status: z.enum(TIMESHEET_STATUSES),
  kind: z.enum(TIMESHEET_KINDS),
  sentAt: z.string().nullable(),
  validatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  disputeReason: z.string().nullable(),
  minutes: z.number().int(),
  entries: z.number().int(),
});
export type TimesheetRow = z.infer<typeof TimesheetRowView>;

const Times = z.object({ actualStart: z.string(), actualEnd: z.string(), breakMinutes: z.number().int() });
export const TimesheetEntryView = Times.extend({
  id: z.string(),
  shiftId: z.string().nullable(),
  workerId: z.string(),
  workerName: z.string(),
  rome: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  /** A reversal takes back the hours of an entry validated earlier: its minutes count negatively. */
  reversal: z.boolean(),
  minutes: z.number().int(),
  corrections: z.array(
    z.object({
      at: z.string(),
      by: z.string().nullable(),
      role: z.string(),
      reason: z.string(),
      before: Times,
      after: Times,
    }),
  ),
});

export const TimesheetDetailView = TimesheetRowView.omit({ entries: true }).extend({
  supplementary: z.boolean(),
  locked: z.boolean(),
  validatedBy: z.string().nullable(),
  disputedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  invoiceId: z.string().nullable(),
  entries: z.array(TimesheetEntryView),
});
export type TimesheetDetail = z.infer<typeof TimesheetDetailView>;

export const PrepareResultView = z.object({
  month: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  supplementaryCreated: z.number().int(),
  reversed: z.number().int(),
  corrections: z.array(z.object({ id: z.string(), clientId: z.string(), invoiced: z.boolean() })),
});

export const EntryCorrectionBody = z.strictObject({
  actualStart: Instant.optional(),
  actualEnd: Instant.optional(),
  breakMinutes: z.number().int().min(0).max(600).optional(),
  reason: z.string().trim().min(3, 'Indiquez la raison de la correction').max(500),
});
const CorrectedEntryView = Times.extend({ id: z.string() });
const StatusView = z.object({ status: z.enum(TIMESHEET_STATUSES) });

export const MyHoursView = z.object({
  items: z.array(
    z.object({
      shiftId: z.string(),
      day: z.string(),
      plannedStart: z.string(),
      plannedEnd: z.string(),
      place: z.string(),
      job: z.string(),
      entryId: z.string().nullable(),
      actualStart: z.string(),
      actualEnd: z.string(),
      breakMinutes: z.number().int(),
      minutes: z.number().int(),
      /** none: not yet in a timesheet; open: the association or the client may still change it. */
      state: z.enum(['none', 'open', 'validated', 'invoiced']),
      lastCorrection: z.object({ at: z.string(), reason: z.string(), byMe: z.boolean() }).nullable(),
    }),
  ),
});
export type MyHours = z.infer<typeof MyHoursView>;

const DisputeBody = z.strictObject({ reason: z.string().trim().min(3, 'Dites ce qui ne va pas').max(1000) });
const SignerName = z.string().trim().min(2, 'Indiquez votre nom').max(200);

/** Clock-in from the worker's phone (organisation setting phoneClockIn): today's shifts and what can be done. */
export const CLOCK_KINDS = ['arrive', 'leave'] as const;
export const MyClockItemView = z.object({
  shiftId: z.string(),
  start: z.string(),
  end: z.string(),
  place: z.string(),
  arrivedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  canArrive: z.boolean(),
  canLeave: z.boolean(),
});
export const MyClockView = z.object({
  mode: z.enum(['off', 'on', 'with_position']),
  sharePosition: z.boolean(),
  items: z.array(MyClockItemView),
});
export type MyClock = z.infer<typeof MyClockView>;
export const ClockBody = z.object({
  kind: z.enum(CLOCK_KINDS),
  /** Sent only when the organisation asks for it and the worker allows it. */
  position: z
    .object({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      accuracyM: z.number().min(0).max(100_000).nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const timesheetsApi = {
  myClock: endpoint({ method: 'GET', path: '/api/orgs/:orgId/me/clock', params: OrgParams, response: MyClockView }),
  clockShift: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/me/shifts/:shiftId/clock',
    params: OrgParams.extend({ shiftId: Uuid }),
    body: ClockBody,
    response: z.object({ kind: z.enum(CLOCK_KINDS), at: z.string(), position: z.boolean() }),
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/timesheets',
    params: OrgParams,
    query: z.object({
      /** Without a month: the timesheets still to handle (to send, to validate, disputed) of every month. */
      month: Month.optional(),
      status: TimesheetStatusFilter.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ items: z.array(TimesheetRowView), total: z.number().int(), pendingShifts: z.number().int() }),
  }),
  prepare: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/timesheets/prepare',
    params: OrgParams,
    body: z.strictObject({ month: Month }),
    response: PrepareResultView,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/timesheets/:id',
    params: IdParams,
    response: TimesheetDetailView,
  }),
  correctEntry: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/timesheet-entries/:id',
    params: IdParams,
    body: EntryCorrectionBody,
    response: CorrectedEntryView,
  }),
  myHours: endpoint({ method: 'GET', path: '/api/orgs/:orgId/me/hours', params: OrgParams, response: MyHoursView }),
  correctMyHours: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/me/hours/:shiftId/correction',
    params: z.object({ orgId: Uuid, shiftId: Uuid }),
    body: EntryCorrectionBody,
    response: CorrectedEntryView,
  }),
  send: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/timesheets/:id/send',
    params: IdParams,
    response: z.object({ status: z.literal('sent'), link: z.string(), emailedTo: z.string().nullable() }),
  }),
  validate: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/timesheets/:id/validate',
    params: IdParams,
    response: StatusView,
  }),
  dispute: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/timesheets/:id/dispute',
    params: IdParams,
    body: DisputeBody,
    response: StatusView,
  }),
  resolve: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/timesheets/:id/resolve',
    params: IdParams,
    body: z.strictObject({ resolution: z.string().trim().min(3, 'Expliquez la réponse apportée').max(1000) }),
    response: StatusView,
  }),
  publicGet: endpoint({
    method: 'GET',
    path: '/api/public/timesheets/:token',
    params: TokenParams,
    response: TimesheetDetailView,
  }),
  publicValidate: endpoint({
    method: 'POST',
    path: '/api/public/timesheets/:token/validate',
    params: TokenParams,
    body: z.strictObject({ name: SignerName }),
    response: StatusView,
  }),
  publicDispute: endpoint({
    method: 'POST',
    path: '/api/public/timesheets/:token/dispute',
    params: TokenParams,
    body: z.strictObject({ name: SignerName, reason: DisputeBody.shape.reason }),
    response: StatusView,
  }),
};
