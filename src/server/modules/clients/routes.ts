import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientsApi } from '../../../shared/clients.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { CreateClientBody, UpdateClientBody } from './client-input.js';
import { createClient } from './create-client.js';
import { createClientFromNeed } from './create-client-from-need.js';
import { getClient } from './get-client.js';
import { legalForms } from './legal-forms.js';
import { listClients } from './list-clients.js';
import { ContactBody, createContact, deleteContact } from './manage-contacts.js';
import { ExclusionBody, excludeWorker, includeWorker } from './manage-exclusions.js';
import { createSite, deleteSite, SiteBody, updateSite } from './manage-sites.js';
import { countsForHoursCap, HOURS_CAP_GROUPS, hoursCapGroup, PRIVATE_INDIVIDUAL } from './rules/hours-cap-scope.js';
import { updateClient } from './update-client.js';

const tags = ['clients'];
const api = clientsApi;
/** A route's schema from its shared endpoint, with its summary (and the server's stricter inputs). */
const schema = <E extends Parameters<typeof schemaOf>[0]>(
  e: E,
  summary?: string,
  stricter?: Parameters<typeof schemaOf>[2],
) => ({ ...schemaOf(e, tags, stricter), ...(summary ? { summary } : {}) });

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    api.create.path,
    {
      schema: schema(api.create, 'Create a client (API.md)', { body: CreateClientBody }),
      preHandler: can('client.write'),
    },
    async (req, reply) => reply.status(201).send(await createClient({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.post(
    api.createFromNeed.path,
    {
      schema: schema(
        api.createFromNeed,
        'Create the client from a claimed need in one click (establishment and contact)',
      ),
      preHandler: can('client.write'),
    },
    async (req, reply) =>
      reply.status(201).send(await createClientFromNeed({ db: req.db, actor: req.actor, needId: req.params.needId })),
  );

  app.get(
    api.list.path,
    {
      schema: schema(api.list, 'Clients, searched by any part of the name (accents ignored)'),
      preHandler: can('client.read'),
    },
    async (req) =>
      listClients({
        db: req.db,
        actor: req.actor,
        q: req.query.q,
        kind: req.query.kind,
        archived: req.query.archived === 'true',
        legalFormUnknown: req.query.legalForm === 'unknown',
        page: req.query,
      }),
  );

  app.get(
    api.legalForms.path,
    {
      schema: schema(
        api.legalForms,
        'The INSEE list of catégories juridiques (levels 1 to 3), with whether each counts for the 480 h cap',
      ),
      preHandler: can('client.read'),
    },
    async () => ({
      items: [
        { code: PRIVATE_INDIVIDUAL, level: 2, label: 'Particulier (personne physique, hors activité professionnelle)' },
        ...legalForms().values(),
      ].map((f) => ({
        ...f,
        countsForHoursCap: countsForHoursCap(f.code),
        hoursCapReason: HOURS_CAP_GROUPS[hoursCapGroup(f.code)].label,
      })),
    }),
  );

  app.get(api.get.path, { schema: schema(api.get), preHandler: can('client.read') }, async (req) =>
    getClient({ db: req.db, actor: req.actor, clientId: req.params.clientId }),
  );

  app.patch(
    api.update.path,
    { schema: schema(api.update, undefined, { body: UpdateClientBody }), preHandler: can('client.write') },
    async (req) => updateClient({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body }),
  );

  app.post(
    api.createSite.path,
    { schema: schema(api.createSite, undefined, { body: SiteBody }), preHandler: can('client.write') },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createSite({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body })),
  );
  app.patch(
    api.updateSite.path,
    { schema: schema(api.updateSite, undefined, { body: SiteBody }), preHandler: can('client.write') },
    async (req) => updateSite({ db: req.db, actor: req.actor, ...req.params, input: req.body }),
  );
  app.delete(
    api.deleteSite.path,
    { schema: schema(api.deleteSite), preHandler: can('client.write') },
    async (req, reply) => {
      await deleteSite({ db: req.db, actor: req.actor, ...req.params });
      return reply.status(204).send(null);
    },
  );

  app.post(
    api.createContact.path,
    { schema: schema(api.createContact, undefined, { body: ContactBody }), preHandler: can('client.write') },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createContact({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body })),
  );
  app.delete(
    api.deleteContact.path,
    { schema: schema(api.deleteContact), preHandler: can('client.write') },
    async (req, reply) => {
      await deleteContact({ db: req.db, actor: req.actor, ...req.params });
      return reply.status(204).send(null);
    },
  );

  app.post(
    api.excludeWorker.path,
    {
      schema: schema(api.excludeWorker, 'Add a worker to the client’s "do not send" list', { body: ExclusionBody }),
      preHandler: can('client.write'),
    },
    async (req, reply) => {
      await excludeWorker({
        db: req.db,
        actor: req.actor,
        clientId: req.params.clientId,
        workerId: req.body.workerId,
        reason: req.body.reason,
      });
      return reply.status(204).send(null);
    },
  );
  app.delete(
    api.includeWorker.path,
    { schema: schema(api.includeWorker), preHandler: can('client.write') },
    async (req, reply) => {
      await includeWorker({ db: req.db, actor: req.actor, ...req.params });
      return reply.status(204).send(null);
    },
  );
};
