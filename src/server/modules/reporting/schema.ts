import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';

/**
 * The months of an organisation whose figures are kept aggregated (migration 0034): a month is aggregated when it
 * is closed (billing's month close calls aggregateMonth), refreshed whenever its shifts or timesheet entries
 * change afterwards, and rebuilt for existing data by `passerelle reporting-rebuild`. A month without a row here is
 * read from the shifts themselves.
 */
export const reportingMonths = pgTable(
  'reporting_months',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    month: text('month').notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'reporting_months_pkey', columns: [t.organisationId, t.month] }),
    check('reporting_months_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** Minutes worked (timesheet times when there is an entry, else the planned shift) per worker and month. */
export const reportingWorkerMonths = pgTable(
  'reporting_worker_months',
  {
    organisationId: uuid('organisation_id').notNull(),
    month: text('month').notNull(),
    workerId: uuid('worker_id').notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [
    primaryKey({ name: 'reporting_worker_months_pkey', columns: [t.organisationId, t.month, t.workerId] }),
    foreignKey({
      name: 'reporting_worker_months_month_fk',
      columns: [t.organisationId, t.month],
      foreignColumns: [reportingMonths.organisationId, reportingMonths.month],
    }).onDelete('cascade'),
  ],
);

/**
 * Minutes worked and planned seconds (shift length, the network's "hours delivered") per client and month; the
 * client's kind is read at query time, so that a client reclassified later is counted as the direct query would.
 */
export const reportingClientMonths = pgTable(
  'reporting_client_months',
  {
    organisationId: uuid('organisation_id').notNull(),
    month: text('month').notNull(),
    clientId: uuid('client_id').notNull(),
    minutes: integer('minutes').notNull(),
    plannedSeconds: bigint('planned_seconds', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'reporting_client_months_pkey', columns: [t.organisationId, t.month, t.clientId] }),
    foreignKey({
      name: 'reporting_client_months_month_fk',
      columns: [t.organisationId, t.month],
      foreignColumns: [reportingMonths.organisationId, reportingMonths.month],
    }).onDelete('cascade'),
  ],
);
