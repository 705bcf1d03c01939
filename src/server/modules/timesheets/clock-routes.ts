import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { clockShift, myClock } from './clock-shift.js';

const OrgParams = z.object({ orgId: z.uuid() });

/** Clock-in from the worker's phone (organisation setting phoneClockIn). */
export const clockRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:orgId/me/clock',
    {
      schema: {
        tags: ['timesheets'],
        params: OrgParams,
        response: {
          200: z.object({
            mode: z.enum(['off', 'on', 'with_position']),
            sharePosition: z.boolean(),
            items: z.array(
              z.object({
                shiftId: z.string(),
                start: z.string(),
                end: z.string(),
                place: z.string(),
                arrivedAt: z.string().nullable(),
                leftAt: z.string().nullable(),
                canArrive: z.boolean(),
                canLeave: z.boolean(),
              }),
            ),
          }),
        },
      },
      preHandler: can('self.read'),
    },
    async (req) => myClock({ db: req.db, actor: req.actor }),
  );
  app.post(
    '/api/orgs/:orgId/me/shifts/:shiftId/clock',
    {
      schema: {
        tags: ['timesheets'],
        params: OrgParams.extend({ shiftId: z.uuid() }),
        body: z.object({
          kind: z.enum(['arrive', 'leave']),
          position: z
            .object({
              lat: z.number().min(-90).max(90),
              lng: z.number().min(-180).max(180),
              accuracyM: z.number().min(0).max(100_000).nullable().optional(),
            })
            .nullable()
            .optional(),
        }),
        response: { 200: z.object({ kind: z.enum(['arrive', 'leave']), at: z.string(), position: z.boolean() }) },
      },
      preHandler: can('self.hours.correct'),
    },
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
