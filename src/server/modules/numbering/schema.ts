import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../accounts/schema.js';

/**
 * One counter per organisation, document kind and year. Taken with UPDATE … RETURNING inside the
 * transaction that creates the document: the row lock serialises concurrent writers, and a rollback
 * gives the number back, so numbers stay gapless.
 */
export const numberSequences = pgTable(
  'number_sequences',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind, t.year] })],
);
