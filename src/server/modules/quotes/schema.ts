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
import { QUOTE_STATUSES } from '../../../shared/quotes.js';
import { organisations } from '../accounts/schema.js';
import { clients, sites } from '../clients/schema.js';

/** Hourly rate per job and client kind, with surcharges; effective dates keep old invoices at old prices. */
export const rates = pgTable(
  'rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** null = any job */
    rome: text('rome'),
    /** null = any client kind */
    clientKind: text('client_kind'),
    hourlyRateCents: integer('hourly_rate_cents').notNull(),
    nightSurchargePct: integer('night_surcharge_pct').notNull().default(0),
    sundaySurchargePct: integer('sunday_surcharge_pct').notNull().default(0),
    holidaySurchargePct: integer('holiday_surcharge_pct').notNull().default(0),
    travelFeeCents: integer('travel_fee_cents').notNull().default(0),
    minimumBilledMinutes: integer('minimum_billed_minutes').notNull().default(0),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.rome),
    check('rates_positive', sql`${t.hourlyRateCents} > 0 AND ${t.hourlyRateCents} <= 100000`),
    check(
      'rates_surcharges',
      sql`${t.nightSurchargePct} BETWEEN 0 AND 200 AND ${t.sundaySurchargePct} BETWEEN 0 AND 200 AND ${t.holidaySurchargePct} BETWEEN 0 AND 200`,
    ),
    check(
      'rates_fees',
      sql`${t.travelFeeCents} BETWEEN 0 AND 100000 AND ${t.minimumBilledMinutes} BETWEEN 0 AND 720 AND (${t.effectiveTo} IS NULL OR ${t.effectiveTo} >= ${t.effectiveFrom})`,
    ),
  ],
);

export { QUOTE_STATUSES };

export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    needId: uuid('need_id'),
    number: text('number').notNull(),
    revision: integer('revision').notNull().default(1),
    /** The quote this revision replaces. */
    previousId: uuid('previous_id'),
    status: text('status', { enum: QUOTE_STATUSES }).notNull().default('draft'),
    validUntil: date('valid_until').notNull(),
    tenderReference: text('tender_reference'),
    totalCents: integer('total_cents').notNull(),
    /** Private link for the client to accept or refuse (only a hash is stored). */
    acceptTokenHash: text('accept_token_hash'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by'),
    acceptedIp: text('accepted_ip'),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    refusedBy: text('refused_by'),
    refusedIp: text('refused_ip'),
    refusalReason: text('refusal_reason'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** What the placement contract will say (R5132-20): place, period, tasks, equipment, equivalent pay. */
    siteId: uuid('site_id').references(() => sites.id),
    startDate: date('start_date'),
    endDate: date('end_date'),
    tasks: text('tasks'),
    protectiveEquipment: text('protective_equipment'),
    equipmentSuppliedBy: text('equipment_supplied_by'),
    equivalentPayCents: integer('equivalent_pay_cents'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.clientId),
    uniqueIndex('quotes_number_revision_key').on(t.organisationId, t.number, t.revision),
    uniqueIndex('quotes_accept_token_hash_key').on(t.acceptTokenHash),
    check('quotes_total', sql`${t.totalCents} >= 0`),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id),
    position: integer('position').notNull(),
    rome: text('rome').notNull(),
    label: text('label').notNull(),
    minutes: integer('minutes').notNull(),
    hourlyRateCents: integer('hourly_rate_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    /** Surcharges and details of the computation, shown on the PDF. */
    details: jsonb('details'),
  },
  (t) => [
    index().on(t.quoteId),
    check('quote_lines_amounts', sql`${t.minutes} > 0 AND ${t.hourlyRateCents} > 0 AND ${t.totalCents} >= 0`),
  ],
);

export const PLACEMENT_CONTRACT_STATUSES = ['draft', 'active', 'ended', 'cancelled'] as const;

/** Contrat de mise à disposition (R5132-20). Amendments are new rows pointing to the contract they amend. */
export const placementContracts = pgTable(
  'placement_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    siteId: uuid('site_id').references(() => sites.id),
    quoteId: uuid('quote_id').references(() => quotes.id),
    amendsId: uuid('amends_id'),
    number: text('number').notNull(),
    status: text('status', { enum: PLACEMENT_CONTRACT_STATUSES }).notNull().default('active'),
    tasks: text('tasks').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** For a company user: the pay of an equivalent employee (R5132-20). */
    equivalentPayCents: integer('equivalent_pay_cents'),
    protectiveEquipment: text('protective_equipment'),
    equipmentSuppliedBy: text('equipment_supplied_by'),
    workerNames: text('worker_names').array().notNull().default(sql`'{}'::text[]`),
    /** The worker records behind `workerNames` (same order of choice; names stay as printed on the contract). */
    workerIds: uuid('worker_ids').array().notNull().default(sql`'{}'::uuid[]`),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: text('signed_by'),
    signedIp: text('signed_ip'),
    /** The job codes placed (ROME), to check the dangerous-work rule and print the tasks. */
    romeCodes: text('rome_codes').array(),
    /** Why this amendment was made (e.g. "Remplacement de Awa Diallo"). */
    amendmentReason: text('amendment_reason'),
    /** The buyer's engagement number for this order (Chorus Pro BT-13), printed on its invoices. */
    commitmentNumber: text('commitment_number'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.clientId),
    check('placement_contracts_dates', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const CONTRACT_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** 5 MB: a scanned contract of a few pages at 300 dpi, as a PDF or a phone photo. */
export const CONTRACT_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** The scanned signed copy of a contract signed on paper (migration 0036): kept with the contract. */
export const placementContractDocuments = pgTable(
  'placement_contract_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    placementContractId: uuid('placement_contract_id')
      .notNull()
      .references(() => placementContracts.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: CONTRACT_DOCUMENT_TYPES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.placementContractId),
    check('placement_contract_documents_type', sql`${t.contentType} IN ('application/pdf', 'image/jpeg', 'image/png')`),
    check(
      'placement_contract_documents_size',
      sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 5242880 AND octet_length(${t.content}) = ${t.sizeBytes}`,
    ),
  ],
);
