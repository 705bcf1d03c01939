import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  TIMESHEET_KINDS,
  TIMESHEET_STATUSES,
  type TimesheetKind,
  type TimesheetStatus,
} from '../../../shared/timesheets.js';
import { organisations, users } from '../accounts/schema.js';
import { invoices } from '../billing/schema.js';
import { clients } from '../clients/schema.js';
import { shifts } from '../planning/schema.js';
import { workers } from '../workers/schema.js';

/**
 * The statuses and kinds come from the shared contract (src/shared/timesheets.ts). `hours`: the hours worked,
 * validated by the client. `correction`: reversals of entries of a validated or invoiced timesheet whose shift did
 * not happen as validated (absence, cancellation, replacement, move); validated when created, it removes hours and
 * never adds any.
 */
export { TIMESHEET_KINDS, TIMESHEET_STATUSES, type TimesheetKind, type TimesheetStatus };

/** The hours of one client for one month (relevé d'heures), validated by the client before invoicing. */
export const timesheets = pgTable(
  'timesheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    /**
     * 1 for the month's timesheet; 2, 3… for supplementary timesheets: the shifts of the client-month found
     * after the previous one was validated or invoiced, which need their own validation and invoice.
     */
    sequence: integer('sequence').notNull().default(1),
    status: text('status', { enum: TIMESHEET_STATUSES }).notNull().default('draft'),
    kind: text('kind', { enum: TIMESHEET_KINDS }).notNull().default('hours'),
    /** Private validation link for the client (only the SHA-256 is kept). */
    tokenHash: text('token_hash'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    validatedBy: text('validated_by'),
    disputedAt: timestamp('disputed_at', { withTimezone: true }),
    disputeReason: text('dispute_reason'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    /** Set when the month is closed (invoiced): nothing changes afterwards. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The invoice that billed these hours (set once, in the transaction that issues it). */
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('timesheets_client_month_seq_key').on(t.organisationId, t.clientId, t.month, t.sequence),
    // At most one timesheet still open (neither validated nor closed) per client and month: late shifts go there.
    uniqueIndex('timesheets_one_open_key')
      .on(t.organisationId, t.clientId, t.month)
      .where(sql`status <> 'validated' AND closed_at IS NULL AND kind = 'hours'`),
    check('timesheets_sequence', sql`${t.sequence} >= 1`),
    check('timesheets_kind', sql`${t.kind} IN ('hours', 'correction')`),
    index().on(t.organisationId, t.month, t.status),
    uniqueIndex('timesheets_token_key').on(t.tokenHash),
    check('timesheets_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** One intervention as worked: the planned shift, the actual times and breaks. */
export const timesheetEntries = pgTable(
  'timesheet_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    timesheetId: uuid('timesheet_id')
      .notNull()
      .references(() => timesheets.id),
    shiftId: uuid('shift_id')
      .notNull()
      .references(() => shifts.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    missionId: uuid('mission_id').notNull(),
    rome: text('rome').notNull(),
    plannedStart: timestamp('planned_start', { withTimezone: true }).notNull(),
    plannedEnd: timestamp('planned_end', { withTimezone: true }).notNull(),
    actualStart: timestamp('actual_start', { withTimezone: true }).notNull(),
    actualEnd: timestamp('actual_end', { withTimezone: true }).notNull(),
    breakMinutes: integer('break_minutes').notNull().default(0),
    /** 1 for the shift's first entry; each new entry after a reversal takes the next number. */
    revision: integer('revision').notNull().default(1),
    /** Set on a reversal: this entry cancels that one (billed negatively, credited if invoiced). */
    reversesEntryId: uuid('reverses_entry_id').references((): AnyPgColumn => timesheetEntries.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One worked entry per shift and revision, an entry reversed at most once: a slot is never billed twice.
    uniqueIndex('timesheet_entries_shift_revision_key').on(t.shiftId, t.revision).where(sql`reverses_entry_id IS NULL`),
    uniqueIndex('timesheet_entries_reverses_key').on(t.reversesEntryId),
    index('timesheet_entries_shift_idx').on(t.shiftId),
    check('timesheet_entries_revision', sql`${t.revision} >= 1`),
    index().on(t.timesheetId),
    index().on(t.organisationId, t.workerId),
    check(
      'timesheet_entries_times',
      sql`${t.actualEnd} > ${t.actualStart} AND ${t.actualEnd} - ${t.actualStart} <= interval '16 hours' AND ${t.breakMinutes} >= 0`,
    ),
  ],
);

/** An entry's times before or after a correction (instants ISO 8601). */
export type CorrectedTimes = { actualStart: string; actualEnd: string; breakMinutes: number };

/** Every correction, with its reason and who made it: the history is never rewritten. */
export const timesheetCorrections = pgTable(
  'timesheet_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => timesheetEntries.id),
    userId: uuid('user_id').references(() => users.id),
    role: text('role').notNull(),
    reason: text('reason').notNull(),
    before: jsonb('before').$type<CorrectedTimes>().notNull(),
    after: jsonb('after').$type<CorrectedTimes>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.entryId)],
);

/**
 * « J'arrive » / « Je pars » from the worker's phone (when the organisation turned clock-in on): the real times,
 * and the position only when the organisation asks for it and the worker allowed it. Each event is applied to
 * the shift's timesheet entry as a correction, so the client sees the real times when validating.
 */
export const shiftClockEvents = pgTable(
  'shift_clock_events',
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
    kind: text('kind', { enum: ['arrive', 'leave'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    accuracyM: integer('accuracy_m'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('shift_clock_events_shift_kind_key').on(t.shiftId, t.workerId, t.kind),
    index().on(t.organisationId, t.workerId),
    check('shift_clock_events_kind', sql`${t.kind} IN ('arrive', 'leave')`),
    check('shift_clock_events_position', sql`(${t.lat} IS NULL) = (${t.lng} IS NULL)`),
  ],
);
