import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CLIENT_KINDS } from '../../../shared/clients.js';
import type { EquipmentSupplier } from '../../../shared/equipment.js';
import {
  NEED_STATUSES,
  NEED_URGENCIES,
  type NeedStatus,
  type NeedUrgency,
  ROUTE_STATUSES,
  type RouteStatus,
} from '../../../shared/needs.js';
import { networks, organisations } from '../accounts/schema.js';

export type { NeedStatus, NeedUrgency, RouteStatus };
export { NEED_STATUSES, NEED_URGENCIES, ROUTE_STATUSES };

/** The structured HR diagnostic of a claimed need (diagnostic RH des besoins), reused by the quote. */
export type NeedDiagnostic = {
  jobs: {
    rome: string;
    headcount: number;
    minutesPerWeek: number | null;
    schedule: string;
    skills: string;
    certificates: string;
  }[];
  startDate: string | null;
  endDate: string | null;
  protectiveEquipment: string;
  equipmentSuppliedBy: EquipmentSupplier | null;
  accessConstraints: string;
  carePathwayInterest: boolean;
  notes: string;
};

/**
 * A need stated by an establishment on the public site. It belongs to no single AI until one claims it:
 * the AIs it was routed to see it through need_routes (which carries organisation_id), the network through
 * network_id. Only the SHA-256 of the establishment's follow-up token is stored.
 */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    networkId: uuid('network_id').references(() => networks.id),
    status: text('status', { enum: NEED_STATUSES }).notNull(),
    urgency: text('urgency', { enum: NEED_URGENCIES }).notNull(),
    establishmentName: text('establishment_name').notNull(),
    // The clients' kinds (src/shared/clients.ts): a claimed need becomes a client of the same kind.
    establishmentKind: text('establishment_kind', { enum: CLIENT_KINDS }).notNull(),
    siret: text('siret'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name').notNull(),
    departement: text('departement').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    description: text('description').notNull().default(''),
    /** The establishment wants training pathways toward care jobs (aide-soignant, nurse, ambulance driver). */
    carePathway: boolean('care_pathway').notNull().default(false),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    followTokenHash: text('follow_token_hash').notNull(),
    /** The structure whose page the form was opened from: first in line when it qualifies. */
    preferredOrganisationId: uuid('preferred_organisation_id'),
    /** When it was last routed: the claim deadline runs from here. */
    routedAt: timestamp('routed_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    /** Set once by the overdue job, when the reminders went out. */
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    claimedByOrganisationId: uuid('claimed_by_organisation_id').references(() => organisations.id),
    claimedByUserId: uuid('claimed_by_user_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    diagnostic: jsonb('diagnostic').$type<NeedDiagnostic>(),
    diagnosticAt: timestamp('diagnostic_at', { withTimezone: true }),
    diagnosticBy: uuid('diagnostic_by'),
    /** The client created from this need by the claiming AI (clients module). */
    clientId: uuid('client_id'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('needs_reference_key').on(t.reference),
    uniqueIndex('needs_follow_token_key').on(t.followTokenHash),
    index().on(t.networkId, t.createdAt),
    index().on(t.status, t.deadlineAt),
    index().on(t.claimedByOrganisationId),
    check('needs_siret_format', sql`${t.siret} IS NULL OR ${t.siret} ~ '^[0-9]{14}$'`),
    check(
      'needs_claimed_has_owner',
      sql`(${t.status} IN ('unrouted', 'routed')) = (${t.claimedByOrganisationId} IS NULL)`,
    ),
  ],
);

/** One job asked for in a need. */
export const needJobs = pgTable(
  'need_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    rome: text('rome').notNull(),
    headcount: integer('headcount').notNull(),
    minutesPerWeek: integer('minutes_per_week'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    /** Days and times in the establishment's words ("lundi–vendredi 7 h–14 h"). */
    schedule: text('schedule'),
    nights: boolean('nights').notNull().default(false),
    weekends: boolean('weekends').notNull().default(false),
  },
  (t) => [
    index().on(t.needId),
    check('need_jobs_rome', sql`${t.rome} ~ '^[A-N][0-9]{4}$'`),
    check('need_jobs_headcount', sql`${t.headcount} BETWEEN 1 AND 500`),
    check('need_jobs_minutes', sql`${t.minutesPerWeek} IS NULL OR ${t.minutesPerWeek} BETWEEN 1 AND 48 * 60`),
    check('need_jobs_dates', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * A need routed to one AI, and what that AI did with it. At most one route of a need is 'claimed'
 * (partial unique index in the migration), whatever the code path.
 */
export const needRoutes = pgTable(
  'need_routes',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** 1 = first in line. */
    rank: integer('rank').notNull(),
    distanceKm: doublePrecision('distance_km'),
    status: text('status', { enum: ROUTE_STATUSES }).notNull().default('routed'),
    /** null: routed automatically; otherwise the coordinator who re-routed it. */
    routedBy: uuid('routed_by'),
    routedAt: timestamp('routed_at', { withTimezone: true }).notNull().defaultNow(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.organisationId] }),
    index().on(t.organisationId, t.status),
    uniqueIndex('need_routes_one_claim').on(t.needId).where(sql`${t.status} = 'claimed'`),
    check('need_routes_decline_reason', sql`${t.status} <> 'declined' OR ${t.declineReason} IS NOT NULL`),
  ],
);

/** Submissions of the public need form per (hashed) IP, shared by every app server for the rate limit. */
export const needSubmissions = pgTable(
  'need_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ipHash: text('ip_hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.ipHash, t.at)],
);
