import crypto from 'node:crypto';
import { desc, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationsApi } from '../../../shared/notifications.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { notFound, unauthenticated } from '../../http/errors.js';
import { optOutSmsByNumber, readContactPreferences, setContactPreferences } from './contact-preferences.js';
import { mobileE164 } from './rules/sms-length.js';
import { outboxEmails, outboxSms } from './schema.js';

const tags = ['notifications'];

const sameSecret = (given: unknown, expected: string | undefined) => {
  if (!expected || typeof given !== 'string') return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * Who may read a dev outbox (emails or SMS): 404 when this server sends for real; the operator (test automation)
 * holding DEV_MAILBOX_TOKEN reads everything; otherwise a signed-in person reads only what was addressed to them.
 */
function devOutboxReader(app: FastifyInstance, req: FastifyRequest, enabled: boolean, what: string) {
  if (!enabled) throw notFound(what);
  const operator = sameSecret(req.headers['x-dev-mailbox-token'], app.services.config.devMailboxToken);
  if (!operator && !req.session) throw unauthenticated();
  return operator ? ({ operator: true } as const) : ({ operator: false, session: req.session! } as const);
}

/**
 * The dev mailbox: without SMTP_URL, outside production (config.devMailbox), emails are captured instead of
 * sent, and each signed-in person reads here the emails addressed to them, and only those: emails carry
 * private links (invitations, quotes to sign, follow-up of a need). Everywhere else this route is 404.
 * Test automation reads every email with the DEV_MAILBOX_TOKEN secret (header x-dev-mailbox-token).
 */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(notificationsApi.devMailbox.path, { schema: schemaOf(notificationsApi.devMailbox, ['dev']) }, async (req) => {
    const reader = devOutboxReader(app, req, app.services.config.devMailbox, 'La boîte de développement');
    const to = reader.operator ? req.query.to : reader.session.user.email;
    const where = to ? sql`lower(${outboxEmails.to}) = ${to.trim().toLowerCase()}` : undefined;
    const rows = await req.db
      .select()
      .from(outboxEmails)
      .where(where)
      .orderBy(desc(outboxEmails.createdAt))
      .limit(req.query.limit)
      .offset(req.query.offset);
    const total = (await req.db.$count(outboxEmails, where)) as number;
    return {
      items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      total: Number(total),
    };
  });

  /**
   * The dev SMS outbox, beside the mailbox and with the same protections (no SMS_URL, outside production): a
   * signed-in worker reads the SMS sent to their own worker records, the operator token reads all (`to` filters).
   */
  app.get(notificationsApi.devSms.path, { schema: schemaOf(notificationsApi.devSms, ['dev']) }, async (req) => {
    const reader = devOutboxReader(app, req, app.services.config.devSmsOutbox, 'La boîte SMS de développement');
    let where: SQL | undefined;
    if (reader.operator) {
      // The number as a record writes it (« 06 12 34 56 78 ») or as the outbox stores it (E.164, as sent).
      const to = req.query.to ? (mobileE164(req.query.to) ?? req.query.to.replace(/[\s.]/g, '')) : undefined;
      where = to ? sql`${outboxSms.to} = ${to}` : undefined;
    } else {
      const mine = reader.session.memberships.filter((m) => m.workerId && m.organisationId);
      if (mine.length === 0) return { items: [], total: 0 };
      where = sql`(${sql.join(
        mine.map(
          (m) => sql`(${outboxSms.organisationId} = ${m.organisationId} AND ${outboxSms.workerId} = ${m.workerId})`,
        ),
        sql` OR `,
      )})`;
    }
    const rows = await req.db
      .select()
      .from(outboxSms)
      .where(where)
      .orderBy(desc(outboxSms.createdAt))
      .limit(req.query.limit)
      .offset(req.query.offset);
    const total = (await req.db.$count(outboxSms, where)) as number;
    return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), total: Number(total) };
  });

  // ── How a worker is reached ─────────────────────────────────────────────────
  app.get(
    notificationsApi.myPreferences.path,
    { schema: schemaOf(notificationsApi.myPreferences, tags), preHandler: can('self.read') },
    async (req) =>
      readContactPreferences({ db: req.db, organisationId: req.actor.organisationId, workerId: req.actor.workerId! }),
  );
  app.patch(
    notificationsApi.updateMyPreferences.path,
    { schema: schemaOf(notificationsApi.updateMyPreferences, tags), preHandler: can('self.respond') },
    async (req) =>
      setContactPreferences({ db: req.db, actor: req.actor, workerId: req.actor.workerId!, patch: req.body }),
  );
  app.get(
    notificationsApi.workerPreferences.path,
    { schema: schemaOf(notificationsApi.workerPreferences, tags), preHandler: can('worker.read') },
    async (req) =>
      readContactPreferences({ db: req.db, organisationId: req.actor.organisationId, workerId: req.params.workerId }),
  );
  app.patch(
    notificationsApi.updateWorkerPreferences.path,
    { schema: schemaOf(notificationsApi.updateWorkerPreferences, tags), preHandler: can('worker.write') },
    async (req) =>
      setContactPreferences({ db: req.db, actor: req.actor, workerId: req.params.workerId, patch: req.body }),
  );

  /**
   * Replies received by the SMS gateway (its inbound webhook points here with the SMS_INBOUND_TOKEN secret in the
   * URL): « STOP » opts the number out of every SMS. Anything else is ignored (the association's number is
   * written in the texts).
   */
  app.post(notificationsApi.smsInbound.path, { schema: schemaOf(notificationsApi.smsInbound, tags) }, async (req) => {
    if (!sameSecret(req.params.token, app.services.config.sms.inboundToken)) throw notFound('Cette adresse');
    const word = req.body.text
      .trim()
      .toUpperCase()
      .replace(/[^A-Z]/g, '');
    if (!['STOP', 'ARRET', 'STOPSMS'].includes(word)) return { optedOut: 0 };
    return optOutSmsByNumber({ db: req.db, from: req.body.from });
  });
};
