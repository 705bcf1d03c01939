import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import { reportingApi } from '../../../shared/reporting.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { validationFailed } from '../../http/errors.js';
import { isoDay } from '../../http/validation.js';
import { parisToday } from '../calendar/paris-time.js';
import { activityReportPdf } from './activity-report-pdf.js';
import { aiDashboard } from './ai-dashboard.js';
import { orgHome } from './home.js';
import { networkDashboard } from './network-dashboard.js';
import { networkStats } from './network-stats.js';
import { reportSummary } from './report-summary.js';

const tags = ['reporting'];
// Shapes of src/shared/reporting.ts with real calendar days checked by the server.
const Day = isoDay();
const Period = z.object({ from: Day, to: Day });
const OptionalPeriod = z.object({ from: Day.optional(), to: Day.optional() });

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
    reportingApi.summary.path,
    { schema: schemaOf(reportingApi.summary, tags, { querystring: Period }), preHandler: can('report.read') },
    async (req) =>
      reportSummary({
        db: req.db,
        organisationId: req.actor.organisationId,
        ...checkedPeriod(req.query.from, req.query.to),
      }),
  );

  app.get(
    reportingApi.home.path,
    { schema: schemaOf(reportingApi.home, tags), preHandler: can('home.read') },
    async (req) => orgHome({ db: req.db, actor: req.actor }),
  );

  app.get(
    reportingApi.aiDashboard.path,
    {
      schema: schemaOf(reportingApi.aiDashboard, tags, { querystring: OptionalPeriod }),
      preHandler: can('dashboard.read'),
    },
    async (req) => aiDashboard({ db: req.db, organisationId: req.actor.organisationId, period: periodOr(req.query) }),
  );

  app.get(
    reportingApi.activityPdf.path,
    {
      schema: { tags, params: reportingApi.activityPdf.params, response: { 200: fileAnswer('application/pdf') } },
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
    reportingApi.networkStats.path,
    {
      schema: schemaOf(reportingApi.networkStats, tags, { querystring: OptionalPeriod }),
      preHandler: can('network.stats.read'),
    },
    async (req) => networkStats({ db: req.db, actor: req.networkActor, ...periodOr(req.query) }),
  );

  app.get(
    reportingApi.networkDashboard.path,
    {
      schema: schemaOf(reportingApi.networkDashboard, tags, { querystring: OptionalPeriod }),
      preHandler: can('network.stats.read'),
    },
    async (req) => networkDashboard({ db: req.db, actor: req.networkActor, period: periodOr(req.query) }),
  );
};
