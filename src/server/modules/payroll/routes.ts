import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { isoMonth } from '../../http/validation.js';
import { payrollExport } from './payroll-export.js';
import { aideAuPosteEstimate, aspMonthlyExport } from './state-exports.js';

const Month = isoMonth();
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
};
