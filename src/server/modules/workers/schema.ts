import { sql } from 'drizzle-orm';
import {
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
import { organisations, users } from '../accounts/schema.js';

/** A salarié·e en insertion of one AI. */
export const workers = pgTable(
  'workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date').notNull(),
    email: text('email'),
    phone: text('phone'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    communeCode: text('commune_code').notNull(),
    communeName: text('commune_name'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    maxMinutesPerWeek: integer('max_minutes_per_week'),
    /** The support referent (CIP) of this worker. */
    referentUserId: uuid('referent_user_id').references(() => users.id),
    /** What the worker wants to become (ROME codes), used to rank missions that build the project. */
    targetJobs: text('target_jobs').array().notNull().default(sql`'{}'::text[]`),
    hiredOn: date('hired_on'),
    /** Usual availability: for each weekday (0 = Sunday) a list of ["HH:MM", "HH:MM"] ranges; empty = any time. */
    weeklyAvailability: jsonb('weekly_availability').$type<Record<string, [string, string][]>>().notNull().default({}),
    /** A prefect's derogation to the 480 h cap (L5132-9), between these dates. */
    capDerogationFrom: date('cap_derogation_from'),
    capDerogationTo: date('cap_derogation_to'),
    /** Set once the retention period has passed: the identity columns are then blanked. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.lastName)],
);

/** A job (ROME) the worker can do, with a level 1 (beginner) to 3 (experienced). */
export const workerJobs = pgTable(
  'worker_jobs',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    rome: text('rome').notNull(),
    level: integer('level').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.workerId, t.rome] }),
    check('worker_jobs_level', sql`${t.level} BETWEEN 1 AND 3`),
    check('worker_jobs_rome', sql`${t.rome} ~ '^[A-N][0-9]{4}$'`),
  ],
);

/** PASS IAE: its effective end (after suspensions and extensions) is kept in end_date by the workers module. */
export const passes = pgTable(
  'passes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    number: text('number').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.workerId),
    uniqueIndex('passes_number_key').on(t.organisationId, t.number),
    check('passes_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('passes_number_format', sql`${t.number} ~ '^[0-9A-Z]{12}$'`),
  ],
);

export const EMPLOYMENT_CONTRACT_KINDS = ['cddu', 'cddi', 'cdi_inclusion'] as const;

export const employmentContracts = pgTable(
  'employment_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    kind: text('kind', { enum: EMPLOYMENT_CONTRACT_KINDS }).notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    weeklyMinutes: integer('weekly_minutes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.workerId),
    check('employment_contracts_dates', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
    check('employment_contracts_weekly', sql`${t.weeklyMinutes} > 0 AND ${t.weeklyMinutes} <= 48 * 60`),
  ],
);

/** One-off unavailabilities declared by or for the worker (appointments, training…); planning refuses shifts then. */
export const workerUnavailabilities = pgTable(
  'worker_unavailabilities',
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
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workerId, t.startAt), check('worker_unavailabilities_dates', sql`${t.endAt} > ${t.startAt}`)],
);
