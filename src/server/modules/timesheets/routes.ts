import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statusesOf, TimesheetStatusFilter, timesheetsApi } from '../../../shared/timesheets.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { Pagination } from '../../http/pagination.js';
import { isoInstant, isoMonth, WORK_YEARS } from '../../http/validation.js';
import { correctEntry } from './correct-entry.js';
import { findTimesheet, presentTimesheet } from './find-timesheet.js';
import { listTimesheets } from './list-timesheets.js';
import { correctMyHours, myHours } from './my-hours.js';
import { prepareTimesheets } from './prepare-timesheets.js';
import {
  disputeTimesheet,
  findTimesheetByToken,
  resolveDispute,
  sendTimesheet,
  validateTimesheet,
} from './timesheet-workflow.js';

const Month = isoMonth();
const tags = ['timesheets'];
const Instant = isoInstant({ withinYears: WORK_YEARS });
const EntryCorrectionBody = z.strictObject({
  actualStart: Instant.optional(),
  actualEnd: Instant.optional(),
  breakMinutes: z.number().int().min(0).max(600).optional(),
  reason: z.string().trim().min(3, 'Indiquez la raison de la correction').max(500),
});

export const timesheetsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    timesheetsApi.list.path,
    {
      schema: schemaOf(timesheetsApi.list, tags, {
        querystring: Pagination.extend({ month: Month.optional(), status: TimesheetStatusFilter.optional() }),
      }),
      preHandler: can('timesheet.read'),
    },
    async (req) => {
      const { month, status, limit, offset } = req.query;
      return listTimesheets({
        db: req.db,
        actor: req.actor,
        month,
        statuses: statusesOf(status),
        page: { limit, offset },
      });
    },
  );

  app.post(
    timesheetsApi.prepare.path,
    {
      schema: schemaOf(timesheetsApi.prepare, tags, { body: z.strictObject({ month: Month }) }),
      preHandler: can('timesheet.manage'),
    },
    async (req) => prepareTimesheets({ db: req.db, actor: req.actor, month: req.body.month }),
  );

  app.get(
    timesheetsApi.get.path,
    { schema: schemaOf(timesheetsApi.get, tags), preHandler: can('timesheet.read') },
    async (req) => presentTimesheet(req.db, await findTimesheet(req.db, req.actor, req.params.id)),
  );

  app.patch(
    timesheetsApi.correctEntry.path,
    {
      schema: schemaOf(timesheetsApi.correctEntry, tags, { body: EntryCorrectionBody }),
      preHandler: can('timesheet.write'),
    },
    async (req) => correctEntry({ db: req.db, actor: req.actor, entryId: req.params.id, input: req.body }),
  );

  // The worker's own page: their past hours and their corrections.
  app.get(
    timesheetsApi.myHours.path,
    { schema: schemaOf(timesheetsApi.myHours, tags), preHandler: can('self.read') },
    async (req) => myHours({ db: req.db, actor: req.actor }),
  );

  app.post(
    timesheetsApi.correctMyHours.path,
    {
      schema: schemaOf(timesheetsApi.correctMyHours, tags, { body: EntryCorrectionBody }),
      preHandler: can('self.hours.correct'),
    },
    async (req) => correctMyHours({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, input: req.body }),
  );

  app.post(
    timesheetsApi.send.path,
    { schema: schemaOf(timesheetsApi.send, tags), preHandler: can('timesheet.manage') },
    async (req) =>
      sendTimesheet({ db: req.db, actor: req.actor, id: req.params.id, publicUrl: app.services.config.publicUrl }),
  );

  app.post(
    timesheetsApi.validate.path,
    { schema: schemaOf(timesheetsApi.validate, tags), preHandler: can('timesheet.validate') },
    async (req) => {
      const t = await findTimesheet(req.db, req.actor, req.params.id);
      return validateTimesheet({ db: req.db, actor: req.actor, timesheet: t, by: req.session!.user.name });
    },
  );

  app.post(
    timesheetsApi.dispute.path,
    {
      schema: schemaOf(timesheetsApi.dispute, tags),
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
    timesheetsApi.resolve.path,
    {
      schema: schemaOf(timesheetsApi.resolve, tags),
      preHandler: can('timesheet.manage'),
    },
    async (req) => resolveDispute({ db: req.db, actor: req.actor, id: req.params.id, resolution: req.body.resolution }),
  );

  // The client's private link (no account): read, validate or dispute.
  const tokenActor = (t: { organisationId: string; clientId: string }) => ({
    organisationId: t.organisationId,
    clientId: t.clientId,
    role: 'client_user' as const,
    userId: null,
  });
  app.get(timesheetsApi.publicGet.path, { schema: schemaOf(timesheetsApi.publicGet, tags) }, async (req) =>
    presentTimesheet(req.db, await findTimesheetByToken(req.db, req.params.token)),
  );
  app.post(timesheetsApi.publicValidate.path, { schema: schemaOf(timesheetsApi.publicValidate, tags) }, async (req) => {
    const t = await findTimesheetByToken(req.db, req.params.token);
    return validateTimesheet({ db: req.db, actor: tokenActor(t), timesheet: t, by: `${req.body.name} (lien privé)` });
  });
  app.post(timesheetsApi.publicDispute.path, { schema: schemaOf(timesheetsApi.publicDispute, tags) }, async (req) => {
    const t = await findTimesheetByToken(req.db, req.params.token);
    return disputeTimesheet({
      db: req.db,
      actor: tokenActor(t),
      timesheet: t,
      reason: req.body.reason,
      by: `${req.body.name} (lien privé)`,
    });
  });
};
