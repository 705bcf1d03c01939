import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { timesheetsApi } from '../../../shared/timesheets.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { clockShift, myClock } from './clock-shift.js';

const tags = ['timesheets'];

/** Clock-in from the worker's phone (organisation setting phoneClockIn). */
export const clockRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    timesheetsApi.myClock.path,
    { schema: schemaOf(timesheetsApi.myClock, tags), preHandler: can('self.read') },
    async (req) => myClock({ db: req.db, actor: req.actor }),
  );
  app.post(
    timesheetsApi.clockShift.path,
    { schema: schemaOf(timesheetsApi.clockShift, tags), preHandler: can('self.hours.correct') },
    async (req) =>
      clockShift({
        db: req.db,
        actor: req.actor,
        shiftId: req.params.shiftId,
        kind: req.body.kind,
        position: req.body.position,
      }),
  );
};
