import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { CLIENT_KINDS, type ClientKind } from '../../../shared/clients.js';
import { organisations } from '../accounts/schema.js';

// The kinds are the shared contract's (src/shared/clients.ts), so the web app names the same codes.
export { CLIENT_KINDS, type ClientKind };

/** A client (utilisateur) of one AI. */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: CLIENT_KINDS }).notNull(),
    name: text('name').notNull(),
    siret: text('siret'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    billingEmail: text('billing_email'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    chorusServiceCode: text('chorus_service_code'),
    chorusCommitmentNumber: text('chorus_commitment_number'),
    /** L5132-7: an economic dismissal on an equivalent job blocks new contracts until this date. */
    economicDismissalUntil: date('economic_dismissal_until'),
    /**
     * Kept from before migration 0027 and read by nothing: the 480 h cap follows the legal form (legalForm).
     * The column stays so that no recorded choice is lost.
     */
    countsForHoursCapOverride: boolean('counts_for_hours_cap_override'),
    /** For a care home: run by a for-profit company. Informative; the legal form decides the law. */
    forProfit: boolean('for_profit'),
    /**
     * The employer's legal nature (L2211-1): an INSEE catégorie juridique (level 2 or 3 code of
     * data/insee-categories-juridiques.csv) or 'private_individual'; null while unknown (counts for the 480 h cap).
     */
    legalForm: text('legal_form'),
    notes: text('notes'),
    /** Billing address when it differs from the main address (one free-text block). */
    billingAddress: text('billing_address'),
    /** L5132-7: the date of the economic dismissal (economicDismissalUntil = this date + 6 months). */
    economicDismissalOn: date('economic_dismissal_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.name),
    check('clients_siret_format', sql`${t.siret} IS NULL OR ${t.siret} ~ '^[0-9]{14}$'`),
    check(
      'clients_legal_form_format',
      sql`${t.legalForm} IS NULL OR ${t.legalForm} ~ '^([0-9]{2}|[0-9]{4}|private_individual)$'`,
    ),
  ],
);

/** Where the work happens (lieu d'intervention). */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    accessNotes: text('access_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.clientId)],
);

/** Workers the client asked not to be sent again. */
export const clientExcludedWorkers = pgTable(
  'client_excluded_workers',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    workerId: uuid('worker_id').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.workerId] })],
);

/** The people to talk to at a client (besides the main contact stored on the client). */
export const clientContacts = pgTable(
  'client_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.clientId)],
);
