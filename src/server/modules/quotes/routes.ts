import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const quotesRoutes: FastifyPluginAsyncZod = async (_app) => {};
