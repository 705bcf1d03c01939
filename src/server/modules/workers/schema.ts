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
import {
  CURRENT_PASS_SUSPENSION_REASONS,
  DIAGNOSIS_AUTHORS,
  EMPLOYMENT_CONTRACT_KINDS,
  PASS_EXTENSION_REASONS,
  PASS_EXTENSION_STATUSES,
  PASS_SUSPENSION_REASONS,
  type PassExtensionReason,
  type PassSuspensionReason,
} from '../../../shared/workers.js';
import { organisations, users } from '../accounts/schema.js';

// The enumerations are the shared contract's (src/shared/workers.ts), so the web app names the same codes.
export {
  CURRENT_PASS_SUSPENSION_REASONS,
  EMPLOYMENT_CONTRACT_KINDS,
  PASS_EXTENSION_REASONS,
  PASS_EXTENSION_STATUSES,
  PASS_SUSPENSION_REASONS,
  type PassExtensionReason,
  type PassSuspensionReason,
};

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
    // Ranking looks for the workers of some AIs holding a job.
    index().on(t.organisationId, t.rome),
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
    /** The end as granted (e.g. imported from Les emplois de l'inclusion); null = start + 730 days − 1. */
    grantedEndDate: date('granted_end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.workerId),
    uniqueIndex('passes_number_key').on(t.organisationId, t.number),
    check('passes_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('passes_number_format', sql`${t.number} ~ '^[0-9A-Z]{12}$'`),
  ],
);

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
    /** CDDI beyond 24 months: the case of L5132-15-1 that allows it (senior, rqth, difficulties, training). */
    extensionReason: text('extension_reason'),
    /** CDDI beyond 24 months for a person aged 50+ or RQTH: the day France Travail decided it (L5132-11-1). */
    extensionDecisionOn: date('extension_decision_on'),
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

/** A certificate the worker holds (driving licence, food hygiene, SST…), with its dates. */
export const workerCertificates = pgTable(
  'worker_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    obtainedOn: date('obtained_on'),
    expiresOn: date('expires_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workerId)],
);

/** Occupational health visits (visite d'information et de prévention, périodique…): due and done dates. */
export const healthVisits = pgTable(
  'health_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    kind: text('kind').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.dueOn), index().on(t.workerId)],
);

/** An eligibility diagnosis (criteria of Les emplois de l'inclusion), with its evidence for the State's checks. */
export const eligibilityDiagnoses = pgTable(
  'eligibility_diagnoses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    author: text('author', { enum: DIAGNOSIS_AUTHORS }).notNull(),
    prescriberName: text('prescriber_name'),
    madeOn: date('made_on').notNull(),
    validUntil: date('valid_until').notNull(),
    criteria: text('criteria').array().notNull(),
    /** Free text and file names of the proofs kept (attestation CAF, notification MDPH…). */
    evidence: text('evidence'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.workerId)],
);

/** A suspension of a PASS IAE: pushes its end back by its length (at most 36 months each, never overlapping). */
export const passSuspensions = pgTable(
  'pass_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    passId: uuid('pass_id')
      .notNull()
      .references(() => passes.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** One of PASS_SUSPENSION_REASONS (les-emplois Suspension.Reason). */
    reason: text('reason', { enum: PASS_SUSPENSION_REASONS }).notNull(),
    /** Details (and, for suspensions recorded before the list, the reason as it was typed). */
    explanation: text('explanation'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.passId),
    check('pass_suspensions_dates', sql`${t.endDate} >= ${t.startDate}`),
    check(
      'pass_suspensions_reason',
      sql`${t.reason} IN (${sql.raw(PASS_SUSPENSION_REASONS.map((r) => `'${r}'`).join(', '))})`,
    ),
  ],
);

/** An extension (prolongation) of a PASS IAE, usually 12 months, capped per reason. */
export const passExtensions = pgTable(
  'pass_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    passId: uuid('pass_id')
      .notNull()
      .references(() => passes.id),
    reason: text('reason', { enum: PASS_EXTENSION_REASONS }).notNull(),
    months: integer('months').notNull(),
    requestedOn: date('requested_on').notNull(),
    evidence: text('evidence'),
    /** pending until the authorised prescriber decides (reasons that need their opinion); only granted ones count. */
    status: text('status', { enum: PASS_EXTENSION_STATUSES }).notNull().default('granted'),
    decidedOn: date('decided_on'),
    /** The authorised prescriber who decided (name and organisation). */
    decidedBy: text('decided_by'),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.passId),
    check('pass_extensions_months', sql`${t.months} BETWEEN 1 AND 120`),
    check('pass_extensions_status', sql`${t.status} IN ('pending', 'granted', 'refused')`),
    // One request at a time awaits the prescriber (les-emplois unique_prolongationrequest_approval_for_pending).
    uniqueIndex('pass_extensions_one_pending').on(t.passId).where(sql`${t.status} = 'pending'`),
  ],
);

/** Alerts already sent for a PASS ending soon: one per threshold and effective end (an extension re-arms them). */
export const passAlerts = pgTable(
  'pass_alerts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    passId: uuid('pass_id')
      .notNull()
      .references(() => passes.id),
    thresholdDays: integer('threshold_days').notNull(),
    endDate: date('end_date').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.passId, t.thresholdDays, t.endDate] })],
);
