/**
 * The reporting contract: API.md's summary and network stats, the home page's tiles, the AI and network dashboards
 * and the yearly activity report. The server's routes declare these answers and the web app calls them with
 * `call()` / `urlOf()` (docs/decisions/016-typed-client-from-shared-schemas.md).
 */
import { z } from 'zod';
import { endpoint } from './http.js';

const int = z.number().int();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const OrgParams = z.object({ orgId: z.uuid() });
const NetworkParams = z.object({ networkId: z.uuid() });
/** The shared shape of a period; the server checks further that the dates exist (http/validation.ts). */
const PeriodQuery = z.object({ from: Day, to: Day });
const OptionalPeriodQuery = z.object({ from: Day.optional(), to: Day.optional() });

/** Exits of persons with at least 150 hours, per ASP category (support/exit-statistics.ts). */
export const ExitCounts = z.object({ durable: int, transition: int, positive: int, other: int, withdrawn: int });

export const ReportSummaryView = z.object({
  minutesWorked: int,
  minutesBilled: int,
  etp: z.number(),
  workers: int,
  clients: int,
  exits: ExitCounts,
  dynamicExitRate: z.number().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummaryView>;

export const AiDashboardMonthView = z.object({
  month: z.string(),
  minutesWorked: int,
  minutesBilled: int,
  medicoSocialMinutes: int,
  workers: int,
  etp: z.number(),
});
export type AiDashboardMonth = z.infer<typeof AiDashboardMonthView>;

export const AiDashboardView = z.object({
  from: Day,
  to: Day,
  summary: ReportSummaryView,
  months: z.array(AiDashboardMonthView),
  conventionEtp: z.number().nullable(),
  etpConsumption: z.number().nullable(),
  workersPresent: int,
  workersHired: int,
  activeClients: int,
  medicoSocialMinutes: int,
  medicoSocialShare: z.number().nullable(),
  replacements: z.object({
    uncovered: int,
    filled: int,
    open: int,
    fillRate: z.number().nullable(),
    medianMinutesToFill: int.nullable(),
  }),
  needs: z.object({ routed: int, answered: int, claimed: int, medianMinutesToAnswer: int.nullable() }),
  invoices: z.object({ outstanding: int, outstandingCents: int, overdue: int, overdueCents: int }),
  passEndingSoon: int,
  exitsNotCounted: int,
  supportStaff: int,
  workersPerSupportStaff: z.number().nullable(),
});
export type AiDashboard = z.infer<typeof AiDashboardView>;

/** API.md's network stats. */
export const NetworkStatsView = z.object({
  needs: int,
  claimed: int,
  medianMinutesToClaim: int.nullable(),
  minutesDelivered: int,
  hiresByClients: int,
});
export type NetworkStats = z.infer<typeof NetworkStatsView>;

const NetworkFigures = z.object({
  needsRouted: int,
  claimed: int,
  medianMinutesToClaim: int.nullable(),
  minutesDelivered: int,
  hiresByClients: int,
});

export const NetworkDashboardView = z.object({
  from: Day,
  to: Day,
  stats: NetworkStatsView,
  unrouted: int,
  overdue: int,
  perAi: z.array(
    NetworkFigures.extend({
      organisationId: z.uuid(),
      name: z.string(),
      departement: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    }),
  ),
  perDepartement: z.array(NetworkFigures.extend({ departement: z.string() })),
  perMonth: z.array(
    z.object({ month: z.string(), needs: int, claimed: int, minutesDelivered: int, hiresByClients: int }),
  ),
});
export type NetworkDashboard = z.infer<typeof NetworkDashboardView>;

/** What needs attention today, one tile per thing to do; the web app links each key to the page that acts. */
export const HOME_TILES = [
  'shifts_open_72h',
  'needs_to_claim',
  'proposals_pending',
  'contracts_to_sign',
  'pass_ending_90d',
  'prolongations_to_request',
  'interviews_due',
  'health_visits_due',
  'exits_to_record',
  'timesheets_to_validate',
  'timesheets_disputed',
  'month_close',
  'invoices_overdue',
  'client_next_shifts',
  'client_timesheets_to_validate',
  'client_invoices_unpaid',
] as const;
export type HomeTileKey = (typeof HOME_TILES)[number];

export const HomeTileView = z.object({
  key: z.enum(HOME_TILES),
  count: int,
  /** The earliest deadline among the counted things (needs to claim). */
  deadlineAt: z.string().nullable().optional(),
  amountCents: int.optional(),
  /** month_close: the month concerned and its state. */
  month: z.string().optional(),
  state: z.enum(['not_started', 'running', 'done']).optional(),
});
export type HomeTile = z.infer<typeof HomeTileView>;

export const HomeView = z.object({ today: Day, tiles: z.array(HomeTileView) });

export const reportingApi = {
  summary: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/reports/summary',
    params: OrgParams,
    query: PeriodQuery,
    response: ReportSummaryView,
  }),
  home: endpoint({ method: 'GET', path: '/api/orgs/:orgId/home', params: OrgParams, response: HomeView }),
  aiDashboard: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/reports/dashboard',
    params: OrgParams,
    query: OptionalPeriodQuery,
    response: AiDashboardView,
  }),
  /** The yearly activity report (a PDF: link to it with `urlOf`). */
  activityPdf: {
    method: 'GET',
    path: '/api/orgs/:orgId/reports/activity/:year/pdf',
    params: OrgParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
  },
  networkStats: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/stats',
    params: NetworkParams,
    query: OptionalPeriodQuery,
    response: NetworkStatsView,
  }),
  networkDashboard: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/dashboard',
    params: NetworkParams,
    query: OptionalPeriodQuery,
    response: NetworkDashboardView,
  }),
} as const;
