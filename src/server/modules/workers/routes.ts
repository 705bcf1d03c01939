import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const workersRoutes: FastifyPluginAsyncZod = async (_app) => {};
