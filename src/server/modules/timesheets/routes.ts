import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { Pagination } from '../../http/pagination.js';
import { isoInstant, isoMonth, WORK_YEARS } from '../../http/validation.js';
import { correctEntry } from './correct-entry.js';
import { findTimesheet, presentTimesheet } from './find-timesheet.js';
import { listTimesheets } from './list-timesheets.js';
import { correctMyHours, myHours } from './my-hours.js';
import { prepareTimesheets } from './prepare-timesheets.js';
import { TIMESHEET_STATUSES } from './schema.js';
import {
  disputeTimesheet,
  findTimesheetByToken,
  resolveDispute,
  sendTimesheet,
  validateTimesheet,
} from './timesheet-workflow.js';

const Month = isoMonth();
const OrgParams = z.object({ orgId: z.uuid() });
const IdParams = z.object({ orgId: z.uuid(), id: z.uuid() });
const Instant = isoInstant({ withinYears: WORK_YEARS });
const EntryCorrectionBody = z.strictObject({
  actualStart: Instant.optional(),
  actualEnd: Instant.optional(),
  breakMinutes: z.number().int().min(0).max(600).optional(),
  reason: z.string().trim().min(3, 'Indiquez la raison de la correction').max(500),
});

export const timesheetsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:orgId/timesheets',
    {
      schema: {
        tags: ['timesheets'],
        params: OrgParams,
        querystring: Pagination.extend({ month: Month, status: z.enum(TIMESHEET_STATUSES).optional() }),
      },
      preHandler: can('timesheet.read'),
    },
    async (req) => {
      const { month, status, limit, offset } = req.query;
      return listTimesheets({ db: req.db, actor: req.actor, month, status, page: { limit, offset } });
    },
  );

  app.post(
    '/api/orgs/:orgId/timesheets/prepare',
    {
      schema: {
        tags: ['timesheets'],
        params: OrgParams,
        body: z.strictObject({ month: Month }),
      },
      preHandler: can('timesheet.manage'),
    },
    async (req) => prepareTimesheets({ db: req.db, actor: req.actor, month: req.body.month }),
  );

  app.get(
    '/api/orgs/:orgId/timesheets/:id',
    { schema: { tags: ['timesheets'], params: IdParams }, preHandler: can('timesheet.read') },
    async (req) => presentTimesheet(req.db, await findTimesheet(req.db, req.actor, req.params.id)),
  );

  app.patch(
    '/api/orgs/:orgId/timesheet-entries/:id',
    {
      schema: {
        tags: ['timesheets'],
        params: IdParams,
        body: EntryCorrectionBody,
      },
      preHandler: can('timesheet.write'),
    },
    async (req) => correctEntry({ db: req.db, actor: req.actor, entryId: req.params.id, input: req.body }),
  );

  // The worker's own page: their past hours and their corrections.
  app.get(
    '/api/orgs/:orgId/me/hours',
    { schema: { tags: ['timesheets'], params: OrgParams }, preHandler: can('self.read') },
    async (req) => myHours({ db: req.db, actor: req.actor }),
  );

  app.post(
    '/api/orgs/:orgId/me/hours/:shiftId/correction',
    {
      schema: {
        tags: ['timesheets'],
        params: z.object({ orgId: z.uuid(), shiftId: z.uuid() }),
        body: EntryCorrectionBody,
      },
      preHandler: can('self.hours.correct'),
    },
    async (req) => correctMyHours({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, input: req.body }),
  );

  app.post(
    '/api/orgs/:orgId/timesheets/:id/send',
    { schema: { tags: ['timesheets'], params: IdParams }, preHandler: can('timesheet.manage') },
    async (req) =>
      sendTimesheet({ db: req.db, actor: req.actor, id: req.params.id, publicUrl: app.services.config.publicUrl }),
  );

  app.post(
    '/api/orgs/:orgId/timesheets/:id/validate',
    { schema: { tags: ['timesheets'], params: IdParams }, preHandler: can('timesheet.validate') },
    async (req) => {
      const t = await findTimesheet(req.db, req.actor, req.params.id);
      return validateTimesheet({ db: req.db, actor: req.actor, timesheet: t, by: req.session!.user.name });
    },
  );

  app.post(
    '/api/orgs/:orgId/timesheets/:id/dispute',
    {
      schema: {
        tags: ['timesheets'],
        params: IdParams,
        body: z.strictObject({ reason: z.string().trim().min(3, 'Dites ce qui ne va pas').max(1000) }),
      },
      preHandler: can('timesheet.validate'),
    },
    async (req) => {
      const t = await findTimesheet(req.db, req.actor, req.params.id);
      return disputeTimesheet({
        db: req.db,
        actor: req.actor,
        timesheet: t,
        reason: req.body.reason,
        by: req.session!.user.name,
      });
    },
  );

  app.post(
    '/api/orgs/:orgId/timesheets/:id/resolve',
    {
      schema: {
        tags: ['timesheets'],
        params: IdParams,
        body: z.strictObject({ resolution: z.string().trim().min(3, 'Expliquez la réponse apportée').max(1000) }),
      },
      preHandler: can('timesheet.manage'),
    },
    async (req) => resolveDispute({ db: req.db, actor: req.actor, id: req.params.id, resolution: req.body.resolution }),
  );

  // The client's private link (no account): read, validate or dispute.
  const TokenParams = z.object({ token: z.string().min(20).max(100) });
  const tokenActor = (t: { organisationId: string; clientId: string }) => ({
    organisationId: t.organisationId,
    clientId: t.clientId,
    role: 'client_user' as const,
    userId: null,
  });
  app.get('/api/public/timesheets/:token', { schema: { tags: ['timesheets'], params: TokenParams } }, async (req) =>
    presentTimesheet(req.db, await findTimesheetByToken(req.db, req.params.token)),
  );
  app.post(
    '/api/public/timesheets/:token/validate',
    {
      schema: {
        tags: ['timesheets'],
        params: TokenParams,
        body: z.strictObject({ name: z.string().trim().min(2, 'Indiquez votre nom').max(200) }),
      },
    },
    async (req) => {
      const t = await findTimesheetByToken(req.db, req.params.token);
      return validateTimesheet({ db: req.db, actor: tokenActor(t), timesheet: t, by: `${req.body.name} (lien privé)` });
    },
  );
  app.post(
    '/api/public/timesheets/:token/dispute',
    {
      schema: {
        tags: ['timesheets'],
        params: TokenParams,
        body: z.strictObject({
          name: z.string().trim().min(2, 'Indiquez votre nom').max(200),
          reason: z.string().trim().min(3, 'Dites ce qui ne va pas').max(1000),
        }),
      },
    },
    async (req) => {
      const t = await findTimesheetByToken(req.db, req.params.token);
      return disputeTimesheet({
        db: req.db,
        actor: tokenActor(t),
        timesheet: t,
        reason: req.body.reason,
        by: `${req.body.name} (lien privé)`,
      });
    },
  );
};
