import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ACCESS_CHANNELS } from '../../../shared/accounts.js';
import { ORGANISATION_KINDS } from '../../../shared/directory.js';
import { ROLES } from '../../../shared/roles.js';

export { ORGANISATION_KINDS };
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export { ROLES, type Role } from '../../../shared/roles.js';

/** A structure (AI or another SIAE): the tenant. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    name: text('name').notNull(),
    siret: text('siret'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code'),
    communeName: text('commune_name'),
    departement: text('departement'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    openingHours: text('opening_hours'),
    presentation: text('presentation'),
    isPublic: boolean('is_public').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    /** Per-organisation settings (VAT mention, routing limits…), read through the settings module with defaults. */
    settings: jsonb('settings').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_slug_key').on(t.slug),
    check('organisations_siret_format', sql`${t.siret} IS NULL OR ${t.siret} ~ '^[0-9]{14}$'`),
  ],
);

/** A regional federation (COORACE, FAS…) grouping organisations. */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    region: text('region'),
    settings: jsonb('settings').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('networks_slug_key').on(t.slug)],
);

export const networkOrganisations = pgTable(
  'network_organisations',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.organisationId] }), index().on(t.organisationId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/**
 * What a user may do where: exactly one of organisation or network.
 * client_user and worker memberships are bound to one client or worker of the organisation.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id'),
    workerId: uuid('worker_id'),
    /**
     * May read sensitive data (barrier details, interview notes, eligibility criteria and evidence, the
     * worker data export). Support officers by default; the org admin grants it by name to other staff.
     */
    sensitiveAccess: boolean('sensitive_access').notNull().default(false),
    /** A deactivated membership gives no access (its user's sessions were ended); kept for the audit trail. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.organisationId),
    check(
      'memberships_one_tenant',
      sql`(${t.organisationId} IS NOT NULL AND ${t.networkId} IS NULL AND ${t.role} <> 'network_coordinator')
       OR (${t.networkId} IS NOT NULL AND ${t.organisationId} IS NULL AND ${t.role} = 'network_coordinator')`,
    ),
    check('memberships_client_bound', sql`(${t.role} = 'client_user') = (${t.clientId} IS NOT NULL)`),
    check('memberships_worker_bound', sql`(${t.role} = 'worker') = (${t.workerId} IS NOT NULL)`),
    check(
      'memberships_sensitive_access_staff',
      sql`NOT ${t.sensitiveAccess} OR ${t.role} IN ('org_admin', 'placement_officer', 'support_officer', 'accountant')`,
    ),
  ],
);

/** Only the SHA-256 of the session token is stored: a leaked table does not let anyone log in. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** A worker's or an individual client's own phone: signed in by a link or a code, kept a year, no password. */
    longLived: boolean('long_lived').notNull().default(false),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index().on(t.userId)],
);

/** Failed logins, shared by every app server so that the limit holds behind a load balancer. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ip: text('ip').notNull(),
    email: text('email').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.ip, t.at), index().on(t.email, t.at)],
);

/**
 * An invitation to get in: a colleague (by email), a client's contact or a worker (by email, or by a code printed
 * and handed in person). Only the SHA-256 of the link's token or of the code is stored; it works once, until it
 * expires or is cancelled. Like memberships, it belongs to exactly one organisation or one network.
 */
export const accessInvitations = pgTable(
  'access_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    clientId: uuid('client_id'),
    workerId: uuid('worker_id'),
    email: text('email'),
    name: text('name').notNull(),
    channel: text('channel', { enum: ACCESS_CHANNELS }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('access_invitations_token_hash_key').on(t.tokenHash),
    index().on(t.organisationId),
    index().on(t.networkId),
    check(
      'access_invitations_one_tenant',
      sql`(${t.organisationId} IS NOT NULL AND ${t.networkId} IS NULL AND ${t.role} <> 'network_coordinator')
       OR (${t.networkId} IS NOT NULL AND ${t.organisationId} IS NULL AND ${t.role} = 'network_coordinator')`,
    ),
    check('access_invitations_client_bound', sql`(${t.role} = 'client_user') = (${t.clientId} IS NOT NULL)`),
    check('access_invitations_worker_bound', sql`(${t.role} = 'worker') = (${t.workerId} IS NOT NULL)`),
    check('access_invitations_email_channel', sql`${t.channel} <> 'email' OR ${t.email} IS NOT NULL`),
  ],
);

/** "Mot de passe oublié": a single-use link, valid one hour; only its SHA-256 is stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('password_resets_token_hash_key').on(t.tokenHash), index().on(t.userId, t.createdAt)],
);
