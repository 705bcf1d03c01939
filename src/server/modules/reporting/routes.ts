import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import { can } from '../../http/can.js';
import { validationFailed } from '../../http/errors.js';
import { isoDay } from '../../http/validation.js';
import { parisToday } from '../calendar/paris-time.js';
import { activityReportPdf } from './activity-report-pdf.js';
import { aiDashboard } from './ai-dashboard.js';
import { HOME_TILES, orgHome } from './home.js';
import { networkDashboard } from './network-dashboard.js';
import { networkStats } from './network-stats.js';
import { reportSummary } from './report-summary.js';

const OrgParams = z.object({ orgId: z.uuid() });
const NetworkParams = z.object({ networkId: z.uuid() });
const Day = isoDay();
const Period = z.object({ from: Day, to: Day });
const OptionalPeriod = z.object({ from: Day.optional(), to: Day.optional() });
const int = z.number().int();

const Exits = z.object({ durable: int, transition: int, positive: int, other: int, withdrawn: int });
const Summary = z.object({
  minutesWorked: int,
  minutesBilled: int,
  etp: z.number(),
  workers: int,
  clients: int,
  exits: Exits,
  dynamicExitRate: z.number().nullable(),
});
const Stats = z.object({
  needs: int,
  claimed: int,
  medianMinutesToClaim: int.nullable(),
  minutesDelivered: int,
  hiresByClients: int,
});
const Figures = {
  needsRouted: int,
  claimed: int,
  medianMinutesToClaim: int.nullable(),
  minutesDelivered: int,
  hiresByClients: int,
};

/** Refuses a period whose end is before its start, naming the field (never a 500, never an empty answer). */
function checkedPeriod(from: string, to: string) {
  if (to < from) throw validationFailed([{ path: 'querystring.to', message: 'La fin doit être après le début.' }]);
  return { from, to };
}

/** Default period of a dashboard: the current year up to today. */
function periodOr(q: { from?: string; to?: string }) {
  const today = parisToday();
  return checkedPeriod(q.from ?? `${today.slice(0, 4)}-01-01`, q.to ?? today);
}

export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:orgId/reports/summary',
    {
      schema: { tags: ['reporting'], params: OrgParams, querystring: Period, response: { 200: Summary } },
      preHandler: can('report.read'),
    },
    async (req) =>
      reportSummary({
        db: req.db,
        organisationId: req.actor.organisationId,
        ...checkedPeriod(req.query.from, req.query.to),
      }),
  );

  app.get(
    '/api/orgs/:orgId/home',
    {
      schema: {
        tags: ['reporting'],
        params: OrgParams,
        response: {
          200: z.object({
            today: Day,
            tiles: z.array(
              z.object({
                key: z.enum(HOME_TILES),
                count: int,
                deadlineAt: z.string().nullable().optional(),
                amountCents: int.optional(),
                month: z.string().optional(),
                state: z.enum(['not_started', 'running', 'done']).optional(),
              }),
            ),
          }),
        },
      },
      preHandler: can('home.read'),
    },
    async (req) => orgHome({ db: req.db, actor: req.actor }),
  );

  app.get(
    '/api/orgs/:orgId/reports/dashboard',
    {
      schema: {
        tags: ['reporting'],
        params: OrgParams,
        querystring: OptionalPeriod,
        response: {
          200: z.object({
            from: Day,
            to: Day,
            summary: Summary,
            months: z.array(
              z.object({
                month: z.string(),
                minutesWorked: int,
                minutesBilled: int,
                medicoSocialMinutes: int,
                workers: int,
                etp: z.number(),
              }),
            ),
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
          }),
        },
      },
      preHandler: can('dashboard.read'),
    },
    async (req) => aiDashboard({ db: req.db, organisationId: req.actor.organisationId, period: periodOr(req.query) }),
  );

  app.get(
    '/api/orgs/:orgId/reports/activity/:year/pdf',
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags: ['reporting'],
        params: OrgParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
      },
      preHandler: can('dashboard.read'),
    },
    async (req, reply) => {
      const pdf = await activityReportPdf({
        db: req.db,
        organisationId: req.actor.organisationId,
        year: req.params.year,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="rapport-activite-${req.params.year}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/networks/:networkId/stats',
    {
      schema: { tags: ['reporting'], params: NetworkParams, querystring: OptionalPeriod, response: { 200: Stats } },
      preHandler: can('network.stats.read'),
    },
    async (req) => networkStats({ db: req.db, actor: req.networkActor, ...periodOr(req.query) }),
  );

  app.get(
    '/api/networks/:networkId/dashboard',
    {
      schema: {
        tags: ['reporting'],
        params: NetworkParams,
        querystring: OptionalPeriod,
        response: {
          200: z.object({
            from: Day,
            to: Day,
            stats: Stats,
            unrouted: int,
            overdue: int,
            perAi: z.array(
              z.object({
                organisationId: z.uuid(),
                name: z.string(),
                departement: z.string().nullable(),
                lat: z.number().nullable(),
                lon: z.number().nullable(),
                ...Figures,
              }),
            ),
            perDepartement: z.array(z.object({ departement: z.string(), ...Figures })),
            perMonth: z.array(
              z.object({ month: z.string(), needs: int, claimed: int, minutesDelivered: int, hiresByClients: int }),
            ),
          }),
        },
      },
      preHandler: can('network.stats.read'),
    },
    async (req) => networkDashboard({ db: req.db, actor: req.networkActor, period: periodOr(req.query) }),
  );
};
