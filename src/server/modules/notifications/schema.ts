import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every email Passerelle sends goes through this outbox, written in the transaction of the change that
 * causes it: no email for a change that rolled back, no change without its email. A sender delivers it
 * (SMTP_URL), or, without SMTP, it stays here and the dev mailbox shows it.
 * organisation_id is null only for emails of the public site or the network (need follow-up links).
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id'),
    networkId: uuid('network_id'),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** pending → sent | failed; 'captured' when no SMTP is configured (dev mailbox). */
    status: text('status', { enum: ['pending', 'sent', 'failed', 'captured'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** What the email is about, e.g. 'need' + id, for the record's history. */
    relatedType: text('related_type'),
    relatedId: text('related_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index().on(t.status, t.createdAt), index().on(t.to), index().on(t.relatedType, t.relatedId)],
);
