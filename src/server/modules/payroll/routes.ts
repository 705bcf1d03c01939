import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import { payrollApi } from '../../../shared/payroll.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { isoMonth } from '../../http/validation.js';
import { payrollExport } from './payroll-export.js';
import { aideAuPosteEstimate, aspMonthlyExport } from './state-exports.js';

const Month = isoMonth();
const OrgParams = z.object({ orgId: z.uuid() });

export const payrollRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    payrollApi.payrollCsv.path,
    {
      schema: {
        response: { 200: fileAnswer('text/csv') },
        tags: ['payroll'],
        params: OrgParams,
        querystring: z.object({ month: Month }),
      },
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
    payrollApi.aspMonthlyCsv.path,
    {
      schema: {
        response: { 200: fileAnswer('text/csv') },
        tags: ['payroll'],
        params: OrgParams,
        querystring: z.object({ month: Month }),
      },
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
    payrollApi.aideAuPoste.path,
    {
      schema: schemaOf(payrollApi.aideAuPoste, ['payroll']),
      preHandler: can('export.read'),
    },
    async (req) => aideAuPosteEstimate({ db: req.db, organisationId: req.actor.organisationId, year: req.query.year }),
  );
};
