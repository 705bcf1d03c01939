import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HIRE_CONTRACT_KINDS } from '../../../shared/hires.js';
import { can } from '../../http/can.js';
import { isoDay } from '../../http/validation.js';
import { confirmHire } from './confirm-hire.js';
import { declareHire } from './declare-hire.js';
import { declineHire } from './decline-hire.js';
import { hireCandidates } from './hire-candidates.js';
import { listHireDeclarations } from './hire-declarations.js';
import { HIRE_DECLARATION_STATUSES } from './schema.js';

const tags = ['support'];
const OrgParams = z.object({ orgId: z.uuid() });
const DeclarationParams = OrgParams.extend({ declarationId: z.uuid() });
const HireDeclarationView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  workerId: z.uuid(),
  workerName: z.string(),
  hireDate: z.string(),
  contractKind: z.enum(HIRE_CONTRACT_KINDS),
  message: z.string().nullable(),
  status: z.enum(HIRE_DECLARATION_STATUSES),
  declaredAt: z.string(),
  declaredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  exitId: z.uuid().nullable(),
});

/** « Déclarer une embauche » (issue 14): the client declares, the worker's support officer confirms the exit. */
export const hireRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:orgId/hire-declarations',
    {
      schema: {
        tags,
        summary: 'Declared hires (a client user: its own), waiting ones first',
        params: OrgParams,
        response: { 200: z.object({ items: z.array(HireDeclarationView), pending: z.number().int() }) },
      },
      preHandler: can('hire.read'),
    },
    async (req) => listHireDeclarations({ db: req.db, actor: req.actor }),
  );

  app.get(
    '/api/orgs/:orgId/hire-declarations/candidates',
    {
      schema: {
        tags,
        summary: 'The people a client may declare it hires: those who worked for it and have not left',
        params: OrgParams,
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) },
      },
      preHandler: can('hire.declare'),
    },
    async (req) => ({ items: await hireCandidates({ db: req.db, actor: req.actor }) }),
  );

  app.post(
    '/api/orgs/:orgId/hire-declarations',
    {
      schema: {
        tags,
        summary: 'A client declares it hires a worker; the worker’s support officer is emailed',
        params: OrgParams,
        body: z.strictObject({
          workerId: z.uuid(),
          hireDate: isoDay(),
          contractKind: z.enum(HIRE_CONTRACT_KINDS),
          message: z.string().max(2000).nullable().optional(),
        }),
        response: { 201: HireDeclarationView },
      },
      preHandler: can('hire.declare'),
    },
    async (req, reply) => reply.status(201).send(await declareHire({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.post(
    '/api/orgs/:orgId/hire-declarations/:declarationId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a declared hire: records the worker’s exit to employment, the client as employer',
        params: DeclarationParams,
        body: z.strictObject({
          exitDate: isoDay().optional(),
          note: z.string().max(2000).nullable().optional(),
          freeShifts: z.boolean().optional(),
        }),
        response: { 200: HireDeclarationView },
      },
      preHandler: can('hire.confirm'),
    },
    async (req) => confirmHire({ db: req.db, actor: req.actor, id: req.params.declarationId, input: req.body }),
  );

  app.post(
    '/api/orgs/:orgId/hire-declarations/:declarationId/decline',
    {
      schema: {
        tags,
        summary: 'Answer that a declared hire did not happen, with a reason the client reads',
        params: DeclarationParams,
        body: z.strictObject({ note: z.string().trim().min(1, { message: 'Ce champ est obligatoire.' }).max(2000) }),
        response: { 200: HireDeclarationView },
      },
      preHandler: can('hire.confirm'),
    },
    async (req) => declineHire({ db: req.db, actor: req.actor, id: req.params.declarationId, note: req.body.note }),
  );
};
