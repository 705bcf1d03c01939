import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// The enumerations are the contract's (src/shared/planning.ts): the columns, the routes and the web app share them.
// 'none' as a proposal's channel means nobody was told (kept only for rows of before 0025).
import {
  POOLING_OFFER_STATUSES,
  POOLING_REQUEST_STATUSES,
  PROPOSAL_CHANNELS,
  PROPOSAL_STATUSES,
  type ProposalChannel,
  SHIFT_STATUSES,
} from '../../../shared/planning.js';
import { organisations, users } from '../accounts/schema.js';
import { clients, sites } from '../clients/schema.js';
import { placementContracts } from '../quotes/schema.js';
import { workers } from '../workers/schema.js';

export type { ProposalChannel };
export { POOLING_OFFER_STATUSES, POOLING_REQUEST_STATUSES, PROPOSAL_CHANNELS, PROPOSAL_STATUSES, SHIFT_STATUSES };

export const missions = pgTable(
  'missions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    placementContractId: uuid('placement_contract_id')
      .notNull()
      .references(() => placementContracts.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    rome: text('rome').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    referentUserId: uuid('referent_user_id').references(() => users.id),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.clientId), check('missions_dates', sql`${t.endDate} >= ${t.startDate}`)],
);

/**
 * An intervention. The exclusion constraint shifts_no_overlap (migration) forbids two live shifts of one
 * worker that overlap in time, whatever the code path.
 */
export const shifts = pgTable(
  'shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    workerId: uuid('worker_id').references(() => workers.id),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: SHIFT_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The weekly series this shift was generated from, if any. */
    seriesId: uuid('series_id'),
    /** The worker whose absence left this shift open (shown to the officer, used for continuity). */
    uncoveredWorkerId: uuid('uncovered_worker_id'),
    /** Why a shift was cancelled (e.g. handed to another AI of the network). */
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    index().on(t.organisationId, t.startAt),
    index().on(t.workerId, t.startAt),
    index().on(t.missionId),
    index('shifts_client_worker_idx').on(t.clientId, t.workerId, t.startAt),
    // The open shifts of a period (planning grid, auto-planner) among years of assigned ones (migration 0039).
    index('shifts_open_organisation_start_idx').on(t.organisationId, t.startAt).where(sql`${t.status} = 'open'`),
    // The replacements of a period (the AI dashboard's fill rate) among years of shifts (migration 0034).
    index('shifts_uncovered_organisation_start_idx')
      .on(t.organisationId, t.startAt)
      .where(sql`${t.uncoveredWorkerId} IS NOT NULL`),
    check('shifts_duration', sql`${t.endAt} > ${t.startAt} AND ${t.endAt} - ${t.startAt} <= interval '12 hours'`),
    check('shifts_assigned_has_worker', sql`(${t.status} = 'assigned') = (${t.workerId} IS NOT NULL)`),
  ],
);

/**
 * The 480 h windows of each worker (L5132-9), kept by database triggers on shifts and clients (migration
 * 0019) so that ranking hundreds of workers reads one row each instead of two years of placements. A window
 * opens with a counted placement and lasts 24 months; the next counted placement after it opens the next one.
 */
export const hoursCapWindows = pgTable(
  'hours_cap_windows',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    countedMinutes: integer('counted_minutes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workerId, t.windowStart] }),
    index().on(t.organisationId, t.windowEnd),
    check('hours_cap_windows_dates', sql`${t.windowEnd} > ${t.windowStart}`),
  ],
);

export const absences = pgTable(
  'absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    declaredBy: uuid('declared_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.workerId), check('absences_dates', sql`${t.endAt} > ${t.startAt}`)],
);

/** A weekly pattern of shifts (e.g. Mon–Fri 07:00–14:00) from which one-off shifts are generated. */
export const shiftSeries = pgTable(
  'shift_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id),
    workerId: uuid('worker_id').references(() => workers.id),
    /** 0 = Sunday … 6 = Saturday */
    weekdays: integer('weekdays').array().notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** Dates skipped on purpose. */
    exceptDates: date('except_dates').array().notNull().default(sql`'{}'::date[]`),
    skipPublicHolidays: boolean('skip_public_holidays').notNull().default(false),
    /** Set when the series was cancelled from this date on (its shifts from then are cancelled). */
    cancelledFrom: date('cancelled_from'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.missionId), check('shift_series_dates', sql`${t.endDate} >= ${t.startDate}`)],
);

/** A shift offered to a worker, who accepts or declines through a private link; the first to accept gets it. */
export const shiftProposals = pgTable(
  'shift_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    shiftId: uuid('shift_id')
      .notNull()
      .references(() => shifts.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    /** The officer's order of preference (1 = first choice). */
    rank: integer('rank').notNull().default(1),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('pending'),
    channel: text('channel', { enum: PROPOSAL_CHANNELS }).notNull().default('email'),
    /** sha256 of the private link's token. */
    tokenHash: text('token_hash').notNull(),
    proposedBy: uuid('proposed_by'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.shiftId),
    index().on(t.workerId, t.status),
    uniqueIndex('shift_proposals_token_key').on(t.tokenHash),
    check('shift_proposals_channel', sql`${t.channel} IN ('email', 'sms', 'none')`),
  ],
);

/** A worker's private iCalendar feed; revoking it (revokedAt) makes the URL useless. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    tokenHash: text('token_hash').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_key').on(t.tokenHash), index().on(t.workerId)],
);

/**
 * Regional pooling: an AI without a candidate asks the consenting AIs of its network. The request carries no
 * personal data: the job, the commune and the times only.
 */
export const poolingRequests = pgTable(
  'pooling_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    networkId: uuid('network_id').notNull(),
    shiftId: uuid('shift_id')
      .notNull()
      .references(() => shifts.id),
    rome: text('rome').notNull(),
    communeCode: text('commune_code').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: POOLING_REQUEST_STATUSES }).notNull().default('open'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.networkId, t.status), index().on(t.organisationId, t.shiftId)],
);

/** Another AI's answer to a pooling request: one of its workers, shown to the asking AI by first name only. */
export const poolingOffers = pgTable(
  'pooling_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => poolingRequests.id),
    /** The answering AI. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    distanceKm: integer('distance_km'),
    status: text('status', { enum: POOLING_OFFER_STATUSES }).notNull().default('offered'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.requestId), uniqueIndex('pooling_offers_once').on(t.requestId, t.workerId)],
);
