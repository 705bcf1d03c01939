import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../accounts/schema.js';
import { clients, sites } from '../clients/schema.js';
import { placementContracts } from '../quotes/schema.js';
import { workers } from '../workers/schema.js';

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

export const SHIFT_STATUSES = ['open', 'assigned', 'cancelled'] as const;

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
  },
  (t) => [
    index().on(t.organisationId, t.startAt),
    index().on(t.workerId, t.startAt),
    index().on(t.missionId),
    check('shifts_duration', sql`${t.endAt} > ${t.startAt} AND ${t.endAt} - ${t.startAt} <= interval '12 hours'`),
    check('shifts_assigned_has_worker', sql`(${t.status} = 'assigned') = (${t.workerId} IS NOT NULL)`),
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
