import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INVOICE_KINDS, PAYMENT_METHODS, type PaymentMethod } from '../../../shared/billing.js';
import { organisations, users } from '../accounts/schema.js';
import { clients } from '../clients/schema.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** One run of a month close: re-running an unfinished close finishes it. */
export const monthCloses = pgTable(
  'month_closes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    month: text('month').notNull(),
    status: text('status', { enum: ['running', 'done'] })
      .notNull()
      .default('running'),
    forced: integer('forced').notNull().default(0),
    /** The clients to invoice, in invoicing order (frozen at the first run). */
    plannedClientIds: jsonb('planned_client_ids').$type<string[]>().notNull(),
    failures: jsonb('failures')
      .$type<{ clientId: string; clientName: string; message: string }[]>()
      .notNull()
      .default([]),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('month_closes_month_key').on(t.organisationId, t.month),
    check('month_closes_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

export { INVOICE_KINDS };

/**
 * An issued invoice or credit note: never modified once written (trigger invoices_immutable).
 * The party snapshots keep the legal identities as they were on the day of issue.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull().default('invoice'),
    /** The invoice a credit note corrects. */
    creditedInvoiceId: uuid('credited_invoice_id'),
    month: text('month').notNull(),
    /** 0 for the month's invoice of a client; 1, 2… for supplementary invoices of hours found after it. */
    supplement: integer('supplement').notNull().default(0),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    dueOn: date('due_on').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    netCents: integer('net_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    vatRatePct: integer('vat_rate_pct').notNull().default(0),
    /** The VAT rate in basis points (550 = 5,5 %): the exact rate (vat_rate_pct is its rounded percentage). */
    vatRateBp: integer('vat_rate_bp').notNull().default(0),
    vatMention: text('vat_mention'),
    seller: jsonb('seller').notNull(),
    buyer: jsonb('buyer').notNull(),
    reason: text('reason'),
    pdf: bytea('pdf').notNull(),
    xml: text('xml').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_number_key').on(t.organisationId, t.number),
    uniqueIndex('invoices_client_month_key')
      .on(t.organisationId, t.month, t.clientId, t.supplement)
      .where(sql`kind = 'invoice'`),
    index().on(t.organisationId, t.clientId),
    index().on(t.creditedInvoiceId),
    check(
      'invoices_amounts',
      sql`${t.netCents} >= 0 AND ${t.vatCents} >= 0 AND ${t.totalCents} = ${t.netCents} + ${t.vatCents}`,
    ),
    check('invoices_credit_note', sql`(${t.kind} = 'credit_note') = (${t.creditedInvoiceId} IS NOT NULL)`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    /** normal | night | sunday | holiday | minimum | travel | credit */
    kind: text('kind').notNull(),
    rome: text('rome'),
    workerId: uuid('worker_id'),
    workerName: text('worker_name'),
    label: text('label').notNull(),
    minutes: integer('minutes').notNull().default(0),
    /** Quantity for count lines (travel fees), 0 otherwise. */
    count: integer('count').notNull().default(0),
    hourlyRateCents: integer('hourly_rate_cents').notNull().default(0),
    surchargePct: integer('surcharge_pct').notNull().default(0),
    unitCents: integer('unit_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull(),
  },
  (t) => [index().on(t.invoiceId), check('invoice_lines_total', sql`${t.totalCents} >= 0`)],
);

/**
 * The means of a payment. Three are paid for the client, not by them, and tax certificates deduct them
 * (servicesalapersonne.gouv.fr, l'attestation fiscale annuelle): prepaid CESU titles (cesu_prepaid), the URSSAF
 * avance immédiate of the tax credit (avance_immediate), and the département's APA/PCH paid directly (apa_pch).
 */
export { PAYMENT_METHODS, type PaymentMethod };
/** Paid by a third party for the client: not out of the client's pocket. */
export const THIRD_PARTY_PAYMENT_METHODS: readonly PaymentMethod[] = ['cesu_prepaid', 'avance_immediate', 'apa_pch'];

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amountCents: integer('amount_cents').notNull(),
    paidOn: date('paid_on').notNull(),
    /** How it was paid: PAYMENT_METHODS (CESU préfinancés, avance immédiate and APA/PCH are not paid by the client). */
    method: text('method', { enum: PAYMENT_METHODS }).notNull().default('virement'),
    reference: text('reference'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.invoiceId),
    check('payments_positive', sql`${t.amountCents} > 0`),
    check(
      'payments_method',
      sql`${t.method} IN ('virement', 'cheque', 'prelevement', 'especes', 'carte', 'cesu_prepaid', 'avance_immediate', 'apa_pch')`,
    ),
  ],
);

/** One reminder per invoice and stage: the job never sends the same stage twice. */
export const invoiceReminders = pgTable(
  'invoice_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    stage: integer('stage').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invoice_reminders_stage_key').on(t.invoiceId, t.stage)],
);

/** Attestation fiscale (services à la personne, art. 199 sexdecies CGI), one per client and year. */
export const taxCertificates = pgTable(
  'tax_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    year: integer('year').notNull(),
    paidCents: integer('paid_cents').notNull(),
    minutes: integer('minutes').notNull(),
    pdf: bytea('pdf').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tax_certificates_key').on(t.organisationId, t.year, t.clientId)],
);
