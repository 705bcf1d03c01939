import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/errors.js';
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

/**
 * The dev mailbox: without SMTP_URL nothing leaves the machine, and every email can be read here
 * (demo, development). With SMTP_URL set (production) these routes answer 404.
 */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const enabled = () => !app.services.config.smtpUrl;

  app.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['dev'],
        querystring: Pagination.extend({ to: z.string().optional() }),
        response: { 200: z.object({ items: z.array(EmailOut), total: z.number() }) },
      },
    },
    async (req) => {
      if (!enabled()) throw notFound('La boîte de développement');
      const where = req.query.to ? eq(outboxEmails.to, req.query.to) : undefined;
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
