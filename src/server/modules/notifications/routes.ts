import crypto from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, unauthenticated } from '../../http/errors.js';
import { Pagination } from '../../http/pagination.js';
import { outboxEmails } from './schema.js';

const EmailOut = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

const sameSecret = (given: unknown, expected: string | undefined) => {
  if (!expected || typeof given !== 'string') return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * The dev mailbox: without SMTP_URL, outside production (config.devMailbox), emails are captured instead of
 * sent, and each signed-in person reads here the emails addressed to them, and only those: emails carry
 * private links (invitations, quotes to sign, follow-up of a need). Everywhere else this route is 404.
 * Test automation reads every email with the DEV_MAILBOX_TOKEN secret (header x-dev-mailbox-token).
 */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['dev'],
        querystring: Pagination.extend({ to: z.string().max(320).optional() }),
        response: { 200: z.object({ items: z.array(EmailOut), total: z.number() }) },
      },
    },
    async (req) => {
      const config = app.services.config;
      if (!config.devMailbox) throw notFound('La boîte de développement');
      const operator = sameSecret(req.headers['x-dev-mailbox-token'], config.devMailboxToken);
      if (!operator && !req.session) throw unauthenticated();
      const to = operator ? req.query.to : req.session!.user.email;
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
    },
  );
};
