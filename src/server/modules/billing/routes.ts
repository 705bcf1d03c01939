import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  billingApi,
  CreditNoteBody,
  INVOICE_KINDS,
  INVOICE_PAYMENT_FILTERS,
  PaymentBody,
} from '../../../shared/billing.js';
import { fileAnswer } from '../../../shared/http.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { notFound } from '../../http/errors.js';
import { Pagination } from '../../http/pagination.js';
import { isoDay, isoMonth } from '../../http/validation.js';
import { taxCertificateScope } from '../../policies/scopes.js';
import { parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { monthRange } from '../timesheets/month.js';
import { timesheetEntries, timesheets } from '../timesheets/queries.js';
import { closeMonth, monthInvoices } from './close-month.js';
import { generateTaxCertificates } from './generate-tax-certificates.js';
import { findInvoice, listInvoices, presentInvoice } from './invoice-queries.js';
import { issueCreditNote } from './issue-credit-note.js';
import { recordPayment } from './record-payment.js';
import { monthCloses, taxCertificates } from './schema.js';

const tags = ['billing'];
// The server's calendar: a month and a day within the supported years (docs/decisions/016).
const Month = isoMonth();
const Day = isoDay();
const MonthParams = z.object({ orgId: z.uuid(), month: Month });

export const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    billingApi.close.path,
    {
      schema: schemaOf(billingApi.close, tags, { params: MonthParams }),
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
    billingApi.closeStatus.path,
    { schema: schemaOf(billingApi.closeStatus, tags, { params: MonthParams }), preHandler: can('month.close') },
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
    billingApi.invoices.path,
    {
      schema: schemaOf(billingApi.invoices, tags, {
        querystring: Pagination.extend({
          month: Month.optional(),
          clientId: z.uuid().optional(),
          kind: z.enum(INVOICE_KINDS).optional(),
          status: z.enum(INVOICE_PAYMENT_FILTERS).optional(),
        }),
      }),
      preHandler: can('invoice.read'),
    },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      return listInvoices({ db: req.db, actor: req.actor, filter, page: { limit, offset } });
    },
  );

  app.get(
    billingApi.invoice.path,
    { schema: schemaOf(billingApi.invoice, tags), preHandler: can('invoice.read') },
    async (req) => presentInvoice(req.db, await findInvoice(req.db, req.actor, req.params.id)),
  );

  app.get(
    billingApi.invoicePdf.path,
    {
      schema: { response: { 200: fileAnswer('application/pdf') }, tags, params: billingApi.invoicePdf.params },
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
    billingApi.invoiceXml.path,
    {
      schema: { response: { 200: fileAnswer('application/xml') }, tags, params: billingApi.invoiceXml.params },
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
    billingApi.recordPayment.path,
    {
      schema: schemaOf(billingApi.recordPayment, tags, { body: PaymentBody.extend({ paidOn: Day }) }),
      preHandler: can('payment.write'),
    },
    async (req, reply) => {
      const out = await recordPayment({ db: req.db, actor: req.actor, invoiceId: req.params.id, input: req.body });
      return reply.status(201).send(out);
    },
  );

  app.post(
    billingApi.issueCreditNote.path,
    {
      schema: schemaOf(billingApi.issueCreditNote, tags, { body: CreditNoteBody }),
      preHandler: can('invoice.write'),
    },
    async (req, reply) => {
      const note = await issueCreditNote({ db: req.db, actor: req.actor, invoiceId: req.params.id, input: req.body });
      return reply.status(201).send(note);
    },
  );

  app.post(
    billingApi.generateTaxCertificates.path,
    {
      schema: schemaOf(billingApi.generateTaxCertificates, tags),
      preHandler: can('invoice.write'),
    },
    async (req) =>
      generateTaxCertificates({ db: req.db, organisationId: req.actor.organisationId, year: req.params.year }),
  );

  app.get(
    billingApi.taxCertificates.path,
    {
      schema: schemaOf(billingApi.taxCertificates, tags),
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
    billingApi.taxCertificatePdf.path,
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags,
        params: billingApi.taxCertificatePdf.params,
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
