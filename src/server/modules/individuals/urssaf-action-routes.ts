import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { urssafActionsApi } from '../../../shared/urssaf-actions.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { isoDay } from '../../http/validation.js';
import { setAvanceImmediateLeft } from './leave-avance-immediate.js';
import { clientIndividualView, presentRequest } from './queries.js';
import { resendUrssafRequest } from './resend-urssaf-request.js';

const tags = ['individuals'];

/** The accountant's actions on the avance immédiate (issue 18), registered by routes.ts. */
export function urssafActionRoutes(r: Parameters<FastifyPluginAsyncZod>[0]) {
  r.post(
    urssafActionsApi.resendRequest.path,
    { schema: schemaOf(urssafActionsApi.resendRequest, tags), preHandler: can('payment.write') },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentRequest(await resendUrssafRequest({ db: req.db, actor: req.actor, requestId: req.params.id }))),
  );

  r.put(
    urssafActionsApi.leave.path,
    {
      schema: schemaOf(urssafActionsApi.leave, tags, {
        body: urssafActionsApi.leave.body.extend({ leftOn: isoDay().nullable() }),
      }),
      preHandler: can('payment.write'),
    },
    async (req) => {
      await setAvanceImmediateLeft({
        db: req.db,
        actor: req.actor,
        clientId: req.params.clientId,
        leftOn: req.body.leftOn,
      });
      return clientIndividualView(req.db, req.actor, req.params.clientId);
    },
  );
}
