import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ImportRow } from '../../../shared/imports.js';
import { organisations, users } from '../accounts/schema.js';

/** One import of a file (workers, clients…): who, what, and line by line what became of it. */
export const dataImports = pgTable(
  'data_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull().default('running'),
    total: integer('total').notNull(),
    created: integer('created').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    rows: jsonb('rows').$type<ImportRow[]>().notNull().default([]),
    failure: text('failure'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index().on(t.organisationId, t.createdAt),
    check('data_imports_kind', sql`${t.kind} IN ('workers', 'clients', 'contracts', 'missions', 'hours')`),
    check('data_imports_status', sql`${t.status} IN ('running', 'done', 'failed')`),
    check('data_imports_counts', sql`${t.created} >= 0 AND ${t.skipped} >= 0 AND ${t.errors} >= 0 AND ${t.total} >= 0`),
  ],
);
