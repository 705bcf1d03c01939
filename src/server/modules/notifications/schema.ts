import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../shared/notifications.js';
import { organisations } from '../accounts/schema.js';
import { workers } from '../workers/schema.js';

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

/**
 * Every SMS goes through this outbox, like emails: written in the transaction of the change that causes it, then
 * delivered by the SMS gateway (SMS_URL) with retries, or captured for the dev outbox when no gateway is set.
 * `dedupe_key` makes queueing idempotent: the same event never sends the same person two SMS.
 */
export const outboxSms = pgTable(
  'outbox_sms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    /** The worker it is addressed to (the dev outbox shows a signed-in worker their own SMS). */
    workerId: uuid('worker_id'),
    /** E.164, e.g. +33612345678. */
    to: text('to').notNull(),
    text: text('text').notNull(),
    encoding: text('encoding', { enum: ['gsm7', 'ucs2'] }).notNull(),
    segments: integer('segments').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'captured'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    dedupeKey: text('dedupe_key'),
    relatedType: text('related_type'),
    relatedId: text('related_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index().on(t.status, t.createdAt),
    index().on(t.organisationId, t.workerId),
    uniqueIndex('outbox_sms_dedupe_key').on(t.organisationId, t.dedupeKey),
    check('outbox_sms_status', sql`${t.status} IN ('pending', 'sent', 'failed', 'captured')`),
    check('outbox_sms_encoding', sql`${t.encoding} IN ('gsm7', 'ucs2')`),
    check('outbox_sms_segments', sql`${t.segments} >= 1`),
  ],
);

export { CONTACT_CHANNELS, type ContactChannel };

/**
 * How a worker wants to be reached (no row: both, the default), whether they said STOP to SMS, and whether they
 * allow their position to be recorded when they clock in from their phone.
 */
export const workerContactPreferences = pgTable(
  'worker_contact_preferences',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    channel: text('channel', { enum: CONTACT_CHANNELS }).notNull().default('both'),
    smsOptOutAt: timestamp('sms_opt_out_at', { withTimezone: true }),
    sharePosition: boolean('share_position').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'worker_contact_preferences_pkey', columns: [t.organisationId, t.workerId] }),
    check('worker_contact_preferences_channel', sql`${t.channel} IN ('sms', 'email', 'both')`),
  ],
);
