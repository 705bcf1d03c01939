import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const timesheetsRoutes: FastifyPluginAsyncZod = async (_app) => {};
