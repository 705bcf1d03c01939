import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from '../modules/accounts/routes.js';
import { systemRoutes } from '../modules/system/routes.js';

/** Every module's routes, registered in one place so that the API's surface is visible at a glance. */
export async function registerRoutes(app: FastifyInstance) {
  await app.register(systemRoutes);
  await app.register(accountsRoutes);
}
