import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CIVILITES,
  URSSAF_REGISTRATION_STATUSES,
  URSSAF_REQUEST_STATES,
  type UrssafRegistrationStatus,
  type UrssafRequestState,
} from '../../../shared/individuals.js';
import { organisations, users } from '../accounts/schema.js';
import { invoices, payments } from '../billing/schema.js';
import { clients } from '../clients/schema.js';

export { URSSAF_REGISTRATION_STATUSES, type UrssafRegistrationStatus };

/**
 * An individual client's avance immédiate file (URSSAF API Tiers de prestation, POST /particulier): the client's
 * written consent, the identity URSSAF checks against the tax administration, and the idClient it returns.
 */
export const urssafRegistrations = pgTable(
  'urssaf_registrations',
  {
    clientId: uuid('client_id')
      .primaryKey()
      .references(() => clients.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The day the client consented in writing to the avance immédiate (required before registering). */
    consentOn: date('consent_on'),
    /** URSSAF's civilite: '1' Monsieur, '2' Madame. */
    civilite: text('civilite', { enum: CIVILITES }),
    birthName: text('birth_name'),
    usageName: text('usage_name'),
    firstNames: text('first_names'),
    birthDate: date('birth_date'),
    /** INSEE country code of birth: 99100 is France. */
    birthCountryCode: text('birth_country_code').notNull().default('99100'),
    birthDepartment: text('birth_department'),
    birthCommuneCode: text('birth_commune_code'),
    birthCommuneName: text('birth_commune_name'),
    mobilePhone: text('mobile_phone'),
    email: text('email'),
    iban: text('iban'),
    bic: text('bic'),
    accountHolder: text('account_holder'),
    status: text('status', { enum: URSSAF_REGISTRATION_STATUSES }).notNull().default('not_registered'),
    urssafClientId: text('urssaf_client_id'),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** The day the client left the avance immédiate: their later invoices are paid in full by them. */
    leftOn: date('left_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId),
    check('urssaf_registrations_status', sql`${t.status} IN ('not_registered', 'registered', 'rejected', 'left')`),
    check('urssaf_registrations_civilite', sql`${t.civilite} IS NULL OR ${t.civilite} IN ('1', '2')`),
    check(
      'urssaf_registrations_registered',
      sql`(${t.status} IN ('registered', 'left')) = (${t.urssafClientId} IS NOT NULL)`,
    ),
    check('urssaf_registrations_left', sql`(${t.status} = 'left') = (${t.leftOn} IS NOT NULL)`),
  ],
);

/**
 * Passerelle's side of a payment request: to_send (planned by the close, in the invoice's transaction), sent
 * (URSSAF answered an idDemandePaiement; urssafStatus follows it), paid (statut 70, payments recorded), refused
 * (statut 40: the client refused; rejectCode/rejectComment say why), error (a validation error of the request),
 * cancelled (statuts 110–112).
 */
export { URSSAF_REQUEST_STATES, type UrssafRequestState };

/**
 * One payment request per invoice (URSSAF's demandePaiement carries one numFactureTiers, and its period of
 * employment lies in one calendar month): a month's supplementary invoice is its own request. A request refused or
 * invalid is sent again as a new row (resentFromId), the old one kept as history (migration 0043).
 */
export const urssafPaymentRequests = pgTable(
  'urssaf_payment_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    month: text('month').notNull(),
    /** The request this one sends again (after a refusal or an error the accountant corrected). */
    resentFromId: uuid('resent_from_id').references((): AnyPgColumn => urssafPaymentRequests.id),
    totalCents: integer('total_cents').notNull(),
    urssafShareCents: integer('urssaf_share_cents').notNull(),
    clientShareCents: integer('client_share_cents').notNull(),
    state: text('state', { enum: URSSAF_REQUEST_STATES }).notNull().default('to_send'),
    urssafId: text('urssaf_id'),
    urssafStatus: text('urssaf_status'),
    rejectCode: text('reject_code'),
    rejectComment: text('reject_comment'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    transferCents: integer('transfer_cents'),
    transferOn: date('transfer_on'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('urssaf_payment_requests_live_invoice_key')
      .on(t.invoiceId)
      .where(sql`state IN ('to_send', 'sent', 'paid')`),
    index('urssaf_payment_requests_client_month_index').on(t.organisationId, t.clientId, t.month),
    uniqueIndex('urssaf_payment_requests_resent_from_key').on(t.resentFromId).where(sql`resent_from_id IS NOT NULL`),
    check(
      'urssaf_payment_requests_state',
      sql`${t.state} IN ('to_send', 'sent', 'refused', 'error', 'paid', 'cancelled')`,
    ),
    check(
      'urssaf_payment_requests_shares',
      sql`${t.urssafShareCents} >= 0 AND ${t.clientShareCents} >= 0 AND ${t.urssafShareCents} + ${t.clientShareCents} = ${t.totalCents}`,
    ),
  ],
);

/** A batch of prepaid CESU titles received from a client (same issuer and face value). */
export const cesuTitles = pgTable(
  'cesu_titles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    /** The issuer (émetteur habilité): Edenred, Up, Sodexo/Pluxee, Domiserve… */
    issuer: text('issuer').notNull(),
    /** The titles' numbers, as printed (a range "…–…" or a list). */
    numbers: text('numbers').notNull(),
    faceValueCents: integer('face_value_cents').notNull(),
    count: integer('count').notNull(),
    receivedOn: date('received_on').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.clientId),
    check('cesu_titles_amounts', sql`${t.faceValueCents} > 0 AND ${t.count} > 0`),
  ],
);

/** Part of a CESU batch applied to an invoice: recorded as a billing payment of method cesu_prepaid. */
export const cesuAllocations = pgTable(
  'cesu_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    cesuTitleId: uuid('cesu_title_id')
      .notNull()
      .references(() => cesuTitles.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    amountCents: integer('amount_cents').notNull(),
    allocatedOn: date('allocated_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.cesuTitleId),
    index().on(t.invoiceId),
    check('cesu_allocations_positive', sql`${t.amountCents} > 0`),
  ],
);

/** A SEPA Direct Debit (Core) mandate signed by a client: at most one in force per client. */
export const sepaMandates = pgTable(
  'sepa_mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    /** Référence unique du mandat (at most 35 characters of the SEPA set). */
    rum: text('rum').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic').notNull(),
    accountHolder: text('account_holder').notNull(),
    signedOn: date('signed_on').notNull(),
    revokedOn: date('revoked_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sepa_mandates_rum_key').on(t.organisationId, t.rum),
    uniqueIndex('sepa_mandates_active_key').on(t.organisationId, t.clientId).where(sql`revoked_on IS NULL`),
    check('sepa_mandates_rum_format', sql`${t.rum} ~ '^[A-Za-z0-9+?/:().,'' -]{1,35}$'`),
    check('sepa_mandates_bic_format', sql`${t.bic} ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'`),
  ],
);
