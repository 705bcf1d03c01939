import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: Health, 503: Health } } },
    async (req, reply) => {
      const { database, version } = app.services;
      try {
        await req.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: database.engine, version };
      } catch {
        return reply.status(503).send({ status: 'degraded' as const, database: database.engine, version });
      }
    },
  );
};
