import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from '../modules/accounts/routes.js';
import { teamRoutes } from '../modules/accounts/team-routes.js';
import { billingRoutes } from '../modules/billing/routes.js';
import { clientsRoutes } from '../modules/clients/routes.js';
import { directoryRoutes } from '../modules/directory/routes.js';
import { importsRoutes } from '../modules/imports/routes.js';
import { individualsRoutes } from '../modules/individuals/routes.js';
import { needsRoutes } from '../modules/needs/routes.js';
import { notificationsRoutes } from '../modules/notifications/routes.js';
import { payrollRoutes } from '../modules/payroll/routes.js';
import { planningRoutes } from '../modules/planning/routes.js';
import { quotesRoutes } from '../modules/quotes/routes.js';
import { reportingRoutes } from '../modules/reporting/routes.js';
import { settingsRoutes } from '../modules/settings/routes.js';
import { hireRoutes } from '../modules/support/hire-routes.js';
import { supportRoutes } from '../modules/support/routes.js';
import { systemRoutes } from '../modules/system/routes.js';
import { clockRoutes } from '../modules/timesheets/clock-routes.js';
import { timesheetsRoutes } from '../modules/timesheets/routes.js';
import { workersRoutes } from '../modules/workers/routes.js';
import { rejectNulBytes } from './validation.js';

/** Every module's routes, registered in one place so that the API's surface is visible at a glance. */
export async function registerRoutes(app: FastifyInstance) {
  // A NUL byte in any text would make PostgreSQL refuse the statement: refused first, as a 400 naming the field.
  app.addHook('preValidation', rejectNulBytes);
  await app.register(systemRoutes);
  await app.register(accountsRoutes);
  await app.register(teamRoutes);
  await app.register(settingsRoutes);
  await app.register(directoryRoutes);
  await app.register(needsRoutes);
  await app.register(clientsRoutes);
  await app.register(quotesRoutes);
  await app.register(workersRoutes);
  await app.register(supportRoutes);
  await app.register(hireRoutes);
  await app.register(planningRoutes);
  await app.register(timesheetsRoutes);
  await app.register(clockRoutes);
  await app.register(billingRoutes);
  await app.register(individualsRoutes);
  await app.register(payrollRoutes);
  await app.register(reportingRoutes);
  await app.register(notificationsRoutes);
  await app.register(importsRoutes);
}
