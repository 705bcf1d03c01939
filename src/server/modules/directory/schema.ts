import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { networks, organisations, users } from '../accounts/schema.js';

/** Jobs (ROME v4) a structure offers. */
export const organisationJobs = pgTable(
  'organisation_jobs',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    rome: text('rome').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.rome] }),
    index().on(t.rome),
    check('organisation_jobs_rome', sql`${t.rome} ~ '^[A-N][0-9]{4}$'`),
  ],
);

/**
 * The territory a structure serves (its State convention, R5132-19): whole départements and/or communes.
 * Routing of needs and the placement-contract check both read it.
 */
export const organisationTerritories = pgTable(
  'organisation_territories',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['departement', 'commune'] }).notNull(),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind, t.code] }), index().on(t.kind, t.code)],
);

/**
 * What the directory knows about a structure beyond the organisations table: its id in an imported
 * data·inclusion file (so that a re-import updates rather than duplicates) and the networks that carry it
 * as labels of data·inclusion's reseaux-porteurs referential (coorace, federation-des-acteurs-de-la-solidarite…).
 */
export const directoryProfiles = pgTable(
  'directory_profiles',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    source: text('source'),
    networkLabels: text('network_labels').array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.externalId)],
);

/**
 * An invitation for a structure's first administrator: only the SHA-256 of the token is stored, the link
 * in the email carries the token itself. Accepting it creates the user with an org_admin membership.
 */
export const organisationInvitations = pgTable(
  'organisation_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisation_invitations_token_hash_key').on(t.tokenHash), index().on(t.organisationId)],
);
