import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { validationFailed } from '../../http/errors.js';
import { payrollExport } from './payroll-export.js';
import { aideAuPosteEstimate, aspMonthlyExport, reportSummary } from './state-exports.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois au format AAAA-MM');
const OrgParams = z.object({ orgId: z.uuid() });

export const payrollRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:orgId/exports/payroll',
    {
      schema: { tags: ['payroll'], params: OrgParams, querystring: z.object({ month: Month }) },
      preHandler: can('export.read'),
    },
    async (req, reply) => {
      const csv = await payrollExport({ db: req.db, organisationId: req.actor.organisationId, month: req.query.month });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="paie-${req.query.month}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/orgs/:orgId/exports/asp-monthly',
    {
      schema: { tags: ['payroll'], params: OrgParams, querystring: z.object({ month: Month }) },
      preHandler: can('export.read'),
    },
    async (req, reply) => {
      const csv = await aspMonthlyExport({
        db: req.db,
        organisationId: req.actor.organisationId,
        month: req.query.month,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="asp-${req.query.month}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/orgs/:orgId/exports/aide-au-poste',
    {
      schema: {
        tags: ['payroll'],
        params: OrgParams,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      },
      preHandler: can('export.read'),
    },
    async (req) => aideAuPosteEstimate({ db: req.db, organisationId: req.actor.organisationId, year: req.query.year }),
  );

  app.get(
    '/api/orgs/:orgId/reports/summary',
    {
      schema: {
        tags: ['payroll'],
        params: OrgParams,
        querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
        response: {
          200: z.object({
            minutesWorked: z.number().int(),
            minutesBilled: z.number().int(),
            etp: z.number(),
            workers: z.number().int(),
            clients: z.number().int(),
            exits: z.object({
              durable: z.number().int(),
              transition: z.number().int(),
              positive: z.number().int(),
              other: z.number().int(),
              withdrawn: z.number().int(),
            }),
            dynamicExitRate: z.number().nullable(),
          }),
        },
      },
      preHandler: can('report.read'),
    },
    async (req) => {
      const { from, to } = req.query;
      if (to < from) throw validationFailed([{ path: 'querystring.to', message: 'La fin doit être après le début' }]);
      return reportSummary({ db: req.db, organisationId: req.actor.organisationId, from, to });
    },
  );
};
