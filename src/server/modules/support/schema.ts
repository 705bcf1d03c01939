import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { HIRE_CONTRACT_KINDS, HIRE_DECLARATION_STATUSES } from '../../../shared/hires.js';

export { HIRE_DECLARATION_STATUSES };

import {
  ACTION_STATUSES,
  BARRIER_CATEGORIES,
  BARRIER_STATUSES,
  type BarrierCategory,
  EXIT_CATEGORIES,
  type ExitCategory,
  INTERVIEW_KINDS,
  STEP_STATUSES,
  TRAINING_STATUSES,
} from '../../../shared/support.js';
import { organisations, users } from '../accounts/schema.js';
import { clients } from '../clients/schema.js';
import { workers } from '../workers/schema.js';

// The enumerations are the shared contract's (src/shared/support.ts), so the web app names the same codes.
export {
  ACTION_STATUSES,
  BARRIER_CATEGORIES,
  BARRIER_STATUSES,
  type BarrierCategory,
  EXIT_CATEGORIES,
  type ExitCategory,
  INTERVIEW_KINDS,
  STEP_STATUSES,
  TRAINING_STATUSES,
};

/**
 * The socio-professional support file of a worker (PRODUCT.md: SupportRecord, Barrier, Immersion, Pathway, Exit).
 * Interview notes and barrier details are sensitive (RGPD): only support.read roles of the worker's AI read them,
 * and every read is logged (audit action 'support.read').
 */

export const supportInterviews = pgTable(
  'support_interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    heldOn: date('held_on').notNull(),
    kind: text('kind', { enum: INTERVIEW_KINDS }).notNull().default('follow_up'),
    notes: text('notes').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.workerId, t.heldOn)],
);

/** PRODUCT.md: the one list of barriers (freins périphériques). */

export const barriers = pgTable(
  'barriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    category: text('category', { enum: BARRIER_CATEGORIES }).notNull(),
    /** 1 light, 2 significant, 3 blocking. */
    intensity: integer('intensity').notNull(),
    status: text('status', { enum: BARRIER_STATUSES }).notNull().default('identified'),
    details: text('details'),
    identifiedOn: date('identified_on').notNull(),
    liftedOn: date('lifted_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.workerId),
    check('barriers_intensity', sql`${t.intensity} BETWEEN 1 AND 3`),
    check('barriers_lifted', sql`(${t.status} = 'lifted') = (${t.liftedOn} IS NOT NULL)`),
  ],
);

/** An action to lift a barrier, often with a partner (CCAS, mission locale, auto-école sociale…). */
export const supportActions = pgTable(
  'support_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    barrierId: uuid('barrier_id').references(() => barriers.id),
    label: text('label').notNull(),
    partner: text('partner'),
    dueOn: date('due_on'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.workerId)],
);

/** PMSMP: période de mise en situation en milieu professionnel. */
export const immersions = pgTable(
  'immersions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    host: text('host').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    objective: text('objective').notNull(),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.workerId), check('immersions_dates', sql`${t.endDate} >= ${t.startDate}`)],
);

export const trainings = pgTable(
  'trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    title: text('title').notNull(),
    provider: text('provider'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    status: text('status', { enum: TRAINING_STATUSES }).notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.workerId)],
);

/** A pathway built from a template (e.g. "Parcours EHPAD"), its steps below. */
export const pathways = pgTable(
  'pathways',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    template: text('template').notNull(),
    title: text('title').notNull(),
    startedOn: date('started_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.workerId)],
);

export const pathwaySteps = pgTable(
  'pathway_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    pathwayId: uuid('pathway_id')
      .notNull()
      .references(() => pathways.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    status: text('status', { enum: STEP_STATUSES }).notNull().default('todo'),
    doneOn: date('done_on'),
  },
  (t) => [uniqueIndex('pathway_steps_position_key').on(t.pathwayId, t.position)],
);

/** ASP exit categories (PRODUCT.md, State reporting). */

/** The end of a worker's pathway in the AI; at most one per worker. */
export const workerExits = pgTable(
  'worker_exits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    exitDate: date('exit_date').notNull(),
    category: text('category', { enum: EXIT_CATEGORIES }).notNull(),
    reason: text('reason').notNull(),
    /** The ASP exit reason code (support/rules/asp-exit-reasons.ts), beside the category; null before 0028. */
    aspReason: text('asp_reason'),
    /** Minutes worked at the AI up to the exit date, frozen when the exit is recorded. */
    minutesWorked: integer('minutes_worked').notNull().default(0),
    /** When a client of the AI hired the person (the source documents' "droit d'embauche"): network statistics. */
    hiredByClientId: uuid('hired_by_client_id').references(() => clients.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('worker_exits_worker_key').on(t.workerId), index().on(t.organisationId, t.exitDate)],
);

/**
 * A client says it hires a worker of the AI (« déclarer une embauche », issue 14). The worker's support officer
 * confirms it, which records the worker's exit to employment with the client as employer, or declines it.
 */
export const hireDeclarations = pgTable(
  'hire_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    hireDate: date('hire_date').notNull(),
    contractKind: text('contract_kind', { enum: HIRE_CONTRACT_KINDS }).notNull(),
    message: text('message'),
    status: text('status', { enum: HIRE_DECLARATION_STATUSES }).notNull().default('pending'),
    declaredBy: uuid('declared_by').references(() => users.id),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerNote: text('answer_note'),
    exitId: uuid('exit_id').references(() => workerExits.id),
  },
  (t) => [
    index('hire_declarations_organisation_id_status_index').on(t.organisationId, t.status, t.declaredAt),
    index('hire_declarations_organisation_id_client_id_index').on(t.organisationId, t.clientId),
    uniqueIndex('hire_declarations_pending_worker_key').on(t.workerId).where(sql`${t.status} = 'pending'`),
    check('hire_declarations_status', sql`${t.status} IN ('pending', 'confirmed', 'declined')`),
    check(
      'hire_declarations_contract_kind',
      sql`${t.contractKind} IN ('cdi', 'cdd_6_months_or_more', 'cdd_under_6_months')`,
    ),
    check('hire_declarations_answered', sql`(${t.status} = 'pending') = (${t.answeredAt} IS NULL)`),
  ],
);
