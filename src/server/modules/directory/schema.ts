import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';

/** Jobs (ROME v4) a structure offers. */
export const organisationJobs = pgTable(
  'organisation_jobs',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    rome: text('rome').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.rome] }),
    index().on(t.rome),
    check('organisation_jobs_rome', sql`${t.rome} ~ '^[A-N][0-9]{4}$'`),
  ],
);

/**
 * The territory a structure serves (its State convention, R5132-19): whole départements and/or communes.
 * Routing of needs and the placement-contract check both read it.
 */
export const organisationTerritories = pgTable(
  'organisation_territories',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['departement', 'commune'] }).notNull(),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind, t.code] }), index().on(t.kind, t.code)],
);
