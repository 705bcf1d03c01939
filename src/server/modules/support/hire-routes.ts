import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConfirmHireShape, DeclareHireShape, hiresApi } from '../../../shared/hires.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { isoDay } from '../../http/validation.js';
import { confirmHire } from './confirm-hire.js';
import { declareHire } from './declare-hire.js';
import { declineHire } from './decline-hire.js';
import { hireCandidates } from './hire-candidates.js';
import { listHireDeclarations } from './hire-declarations.js';

const tags = ['support'];
const api = hiresApi;
/** A route's schema from its shared endpoint, with its summary (and the server's stricter inputs). */
const schema = <E extends Parameters<typeof schemaOf>[0]>(
  e: E,
  summary?: string,
  stricter?: Parameters<typeof schemaOf>[2],
) => ({ ...schemaOf(e, tags, stricter), ...(summary ? { summary } : {}) });

/** « Déclarer une embauche » (issue 14): the client declares, the worker's support officer confirms the exit. */
export const hireRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    api.list.path,
    {
      schema: schema(api.list, 'Declared hires (a client user: its own), waiting ones first'),
      preHandler: can('hire.read'),
    },
    async (req) => listHireDeclarations({ db: req.db, actor: req.actor }),
  );

  app.get(
    api.candidates.path,
    {
      schema: schema(
        api.candidates,
        'The people a client may declare it hires: those who worked for it and have not left',
      ),
      preHandler: can('hire.declare'),
    },
    async (req) => ({ items: await hireCandidates({ db: req.db, actor: req.actor }) }),
  );

  app.post(
    api.declare.path,
    {
      schema: schema(api.declare, 'A client declares it hires a worker; the worker’s support officer is emailed', {
        body: DeclareHireShape.extend({ hireDate: isoDay() }),
      }),
      preHandler: can('hire.declare'),
    },
    async (req, reply) => reply.status(201).send(await declareHire({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.post(
    api.confirm.path,
    {
      schema: schema(
        api.confirm,
        'Confirm a declared hire: records the worker’s exit to employment, the client as employer',
        {
          body: ConfirmHireShape.extend({ exitDate: isoDay().optional() }),
        },
      ),
      preHandler: can('hire.confirm'),
    },
    async (req) => confirmHire({ db: req.db, actor: req.actor, id: req.params.declarationId, input: req.body }),
  );

  app.post(
    api.decline.path,
    {
      schema: schema(api.decline, 'Answer that a declared hire did not happen, with a reason the client reads'),
      preHandler: can('hire.confirm'),
    },
    async (req) => declineHire({ db: req.db, actor: req.actor, id: req.params.declarationId, note: req.body.note }),
  );
};
