import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import { can } from '../../http/can.js';
import { notFound } from '../../http/errors.js';
import { Pagination } from '../../http/pagination.js';
import { isoDay, isoMonth } from '../../http/validation.js';
import { taxCertificateScope } from '../../policies/scopes.js';
import { parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/schema.js';
import { monthRange } from '../timesheets/month.js';
import { timesheetEntries, timesheets } from '../timesheets/schema.js';
import { closeMonth, monthInvoices } from './close-month.js';
import { generateTaxCertificates } from './generate-tax-certificates.js';
import { findInvoice, listInvoices, presentInvoice } from './invoice-queries.js';
import { issueCreditNote } from './issue-credit-note.js';
import { recordPayment } from './record-payment.js';
import { monthCloses, PAYMENT_METHODS, taxCertificates } from './schema.js';

const Month = isoMonth();
const Day = isoDay();
const OrgParams = z.object({ orgId: z.uuid() });
const IdParams = z.object({ orgId: z.uuid(), id: z.uuid() });
const MonthParams = z.object({ orgId: z.uuid(), month: Month });
const InvoiceSummary = z.object({
  id: z.string(),
  number: z.string(),
  clientId: z.string(),
  totalCents: z.number().int(),
});
const CloseAnswer = z.object({
  month: z.string(),
  status: z.enum(['running', 'done']),
  invoices: z.array(InvoiceSummary),
  failures: z.array(z.object({ clientId: z.string(), clientName: z.string(), message: z.string() })),
});

export const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/orgs/:orgId/months/:month/close',
    {
      schema: {
        tags: ['billing'],
        params: MonthParams,
        body: z
          .strictObject({
            force: z.boolean().optional(),
            /** Close a month before its last day (org_admin only); otherwise 422 month_not_ended. */
            beforeMonthEnd: z.boolean().optional(),
          })
          .nullish(),
        response: { 200: CloseAnswer },
      },
      preHandler: can('month.close'),
    },
    async (req) =>
      closeMonth({
        db: req.db,
        actor: req.actor,
        month: req.params.month,
        force: req.body?.force ?? false,
        beforeMonthEnd: req.body?.beforeMonthEnd ?? false,
      }),
  );

  app.get(
    '/api/orgs/:orgId/months/:month/close',
    { schema: { tags: ['billing'], params: MonthParams }, preHandler: can('month.close') },
    async (req) => {
      const [close] = await req.db
        .select()
        .from(monthCloses)
        .where(and(eq(monthCloses.organisationId, req.actor.organisationId), eq(monthCloses.month, req.params.month)));
      const invoices = await monthInvoices(req.db, req.actor.organisationId, req.params.month);
      // Progress of the current run (a re-close plans only the clients with late hours): a planned client is
      // done once none of its frozen timesheets with hours waits for an invoice.
      const waiting = close
        ? new Set(
            (
              await req.db
                .selectDistinct({ clientId: timesheets.clientId })
                .from(timesheets)
                .where(
                  and(
                    eq(timesheets.organisationId, req.actor.organisationId),
                    eq(timesheets.month, req.params.month),
                    isNotNull(timesheets.closedAt),
                    isNull(timesheets.invoiceId),
                    sql`exists (select 1 from ${timesheetEntries} where ${timesheetEntries.timesheetId} = ${timesheets.id})`,
                  ),
                )
            ).map((r) => r.clientId),
          )
        : new Set<string>();
      const planned = close?.plannedClientIds ?? [];
      // What a close would do now, for the confirmation that names its consequence.
      const [{ toInvoice }] = await req.db
        .select({ toInvoice: sql<number>`count(distinct ${timesheets.clientId})::int` })
        .from(timesheets)
        .where(
          and(
            eq(timesheets.organisationId, req.actor.organisationId),
            eq(timesheets.month, req.params.month),
            isNull(timesheets.closedAt),
            sql`exists (select 1 from ${timesheetEntries} where ${timesheetEntries.timesheetId} = ${timesheets.id})`,
          ),
        );
      return {
        monthEnded: monthRange(req.params.month).last < parisToday(),
        clientsToInvoice: toInvoice,
        month: req.params.month,
        status: close?.status ?? 'not_started',
        forced: Boolean(close?.forced),
        planned: planned.length,
        invoiced: planned.filter((c) => !waiting.has(c)).length,
        startedAt: close?.startedAt.toISOString() ?? null,
        finishedAt: close?.finishedAt?.toISOString() ?? null,
        failures: close?.failures ?? [],
        invoices,
      };
    },
  );

  app.get(
    '/api/orgs/:orgId/invoices',
    {
      schema: {
        tags: ['billing'],
        params: OrgParams,
        querystring: Pagination.extend({
          month: Month.optional(),
          clientId: z.uuid().optional(),
          kind: z.enum(['invoice', 'credit_note']).optional(),
          status: z.enum(['unpaid', 'overdue', 'paid']).optional(),
        }),
      },
      preHandler: can('invoice.read'),
    },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      return listInvoices({ db: req.db, actor: req.actor, filter, page: { limit, offset } });
    },
  );

  app.get(
    '/api/orgs/:orgId/invoices/:id',
    { schema: { tags: ['billing'], params: IdParams }, preHandler: can('invoice.read') },
    async (req) => presentInvoice(req.db, await findInvoice(req.db, req.actor, req.params.id)),
  );

  app.get(
    '/api/orgs/:orgId/invoices/:id/pdf',
    {
      schema: { response: { 200: fileAnswer('application/pdf') }, tags: ['billing'], params: IdParams },
      preHandler: can('invoice.read'),
    },
    async (req, reply) => {
      const inv = await findInvoice(req.db, req.actor, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${inv.number}.pdf"`)
        .send(inv.pdf);
    },
  );

  app.get(
    '/api/orgs/:orgId/invoices/:id/xml',
    {
      schema: { response: { 200: fileAnswer('application/xml') }, tags: ['billing'], params: IdParams },
      preHandler: can('invoice.read'),
    },
    async (req, reply) => {
      const inv = await findInvoice(req.db, req.actor, req.params.id);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${inv.number}-factur-x.xml"`)
        .send(inv.xml);
    },
  );

  app.post(
    '/api/orgs/:orgId/invoices/:id/payments',
    {
      schema: {
        tags: ['billing'],
        params: IdParams,
        body: z.strictObject({
          amountCents: z.number().int().positive('Le montant doit être positif').max(100_000_000),
          paidOn: Day,
          method: z.enum(PAYMENT_METHODS).optional(),
          reference: z.string().trim().max(200).nullish(),
        }),
      },
      preHandler: can('payment.write'),
    },
    async (req, reply) => {
      const out = await recordPayment({ db: req.db, actor: req.actor, invoiceId: req.params.id, input: req.body });
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/api/orgs/:orgId/invoices/:id/credit-notes',
    {
      schema: {
        tags: ['billing'],
        params: IdParams,
        body: z.strictObject({
          amountCents: z.number().int().positive('Le montant doit être positif').max(100_000_000),
          reason: z.string().trim().min(3, 'Indiquez le motif de l’avoir').max(500),
        }),
      },
      preHandler: can('invoice.write'),
    },
    async (req, reply) => {
      const note = await issueCreditNote({ db: req.db, actor: req.actor, invoiceId: req.params.id, input: req.body });
      return reply.status(201).send(note);
    },
  );

  const Year = z.coerce.number().int().min(2000).max(2100);
  app.post(
    '/api/orgs/:orgId/tax-certificates/:year/generate',
    {
      schema: { tags: ['billing'], params: z.object({ orgId: z.uuid(), year: Year }) },
      preHandler: can('invoice.write'),
    },
    async (req) =>
      generateTaxCertificates({ db: req.db, organisationId: req.actor.organisationId, year: req.params.year }),
  );

  app.get(
    '/api/orgs/:orgId/tax-certificates',
    {
      schema: { tags: ['billing'], params: OrgParams, querystring: z.object({ year: Year }) },
      preHandler: can('invoice.read'),
    },
    async (req) => {
      const rows = await req.db
        .select({
          clientId: taxCertificates.clientId,
          clientName: clients.name,
          year: taxCertificates.year,
          paidCents: taxCertificates.paidCents,
          minutes: taxCertificates.minutes,
          generatedAt: taxCertificates.generatedAt,
        })
        .from(taxCertificates)
        .innerJoin(clients, eq(clients.id, taxCertificates.clientId))
        .where(and(taxCertificateScope(req.actor), eq(taxCertificates.year, req.query.year)))
        .orderBy(asc(clients.name));
      return { items: rows.map((r) => ({ ...r, generatedAt: r.generatedAt.toISOString() })), total: rows.length };
    },
  );

  app.get(
    '/api/orgs/:orgId/tax-certificates/:year/:clientId/pdf',
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags: ['billing'],
        params: z.object({ orgId: z.uuid(), year: Year, clientId: z.uuid() }),
      },
      preHandler: can('invoice.read'),
    },
    async (req, reply) => {
      const [row] = await req.db
        .select({ pdf: taxCertificates.pdf })
        .from(taxCertificates)
        .where(
          and(
            taxCertificateScope(req.actor),
            eq(taxCertificates.year, req.params.year),
            eq(taxCertificates.clientId, req.params.clientId),
          ),
        );
      if (!row) throw notFound('Cette attestation');
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="attestation-fiscale-${req.params.year}.pdf"`)
        .send(row.pdf);
    },
  );
};
