import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent } from '../../../shared/http.js';
import { can } from '../../http/can.js';
import { listOf, Pagination } from '../../http/pagination.js';
import { CreateClientBody, UpdateClientBody } from './client-input.js';
import { createClient } from './create-client.js';
import { createClientFromNeed } from './create-client-from-need.js';
import { getClient } from './get-client.js';
import { legalForms } from './legal-forms.js';
import { listClients } from './list-clients.js';
import { ContactBody, createContact, deleteContact } from './manage-contacts.js';
import { ExclusionBody, excludeWorker, includeWorker } from './manage-exclusions.js';
import { createSite, deleteSite, SiteBody, updateSite } from './manage-sites.js';
import { ClientView, ContactView, SiteView } from './present-client.js';
import { countsForHoursCap, HOURS_CAP_GROUPS, hoursCapGroup, PRIVATE_INDIVIDUAL } from './rules/hours-cap-scope.js';
import { CLIENT_KINDS } from './schema.js';
import { updateClient } from './update-client.js';

const tags = ['clients'];
const OrgParams = z.object({ orgId: z.uuid() });
const ClientParams = OrgParams.extend({ clientId: z.uuid() });
const ClientDetail = ClientView.extend({
  sites: z.array(SiteView),
  contacts: z.array(ContactView),
  excludedWorkers: z.array(
    z.object({ workerId: z.string(), name: z.string(), reason: z.string().nullable(), since: z.string() }),
  ),
});

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/orgs/:orgId/clients',
    {
      schema: {
        tags,
        summary: 'Create a client (API.md)',
        params: OrgParams,
        body: CreateClientBody,
        response: { 201: ClientView },
      },
      preHandler: can('client.write'),
    },
    async (req, reply) => reply.status(201).send(await createClient({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.post(
    '/api/orgs/:orgId/needs/:needId/client',
    {
      schema: {
        tags,
        summary: 'Create the client from a claimed need in one click (establishment and contact)',
        params: OrgParams.extend({ needId: z.uuid() }),
        response: { 201: ClientView },
      },
      preHandler: can('client.write'),
    },
    async (req, reply) =>
      reply.status(201).send(await createClientFromNeed({ db: req.db, actor: req.actor, needId: req.params.needId })),
  );

  app.get(
    '/api/orgs/:orgId/clients',
    {
      schema: {
        tags,
        summary: 'Clients, searched by any part of the name (accents ignored)',
        params: OrgParams,
        querystring: Pagination.extend({
          q: z.string().max(100).optional(),
          kind: z.enum(CLIENT_KINDS).optional(),
          archived: z.enum(['true', 'false']).optional(),
          /** unknown: the clients whose legal form is still to complete (the 480 h cap counts them meanwhile). */
          legalForm: z.enum(['unknown']).optional(),
        }),
        response: { 200: listOf(ClientView) },
      },
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
    '/api/orgs/:orgId/legal-forms',
    {
      schema: {
        tags,
        summary: 'The INSEE list of catégories juridiques (levels 1 to 3), with whether each counts for the 480 h cap',
        params: OrgParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                level: z.number(),
                label: z.string(),
                countsForHoursCap: z.boolean(),
                hoursCapReason: z.string(),
              }),
            ),
          }),
        },
      },
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

  app.get(
    '/api/orgs/:orgId/clients/:clientId',
    { schema: { tags, params: ClientParams, response: { 200: ClientDetail } }, preHandler: can('client.read') },
    async (req) => getClient({ db: req.db, actor: req.actor, clientId: req.params.clientId }),
  );

  app.patch(
    '/api/orgs/:orgId/clients/:clientId',
    {
      schema: { tags, params: ClientParams, body: UpdateClientBody, response: { 200: ClientView } },
      preHandler: can('client.write'),
    },
    async (req) => updateClient({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body }),
  );

  app.post(
    '/api/orgs/:orgId/clients/:clientId/sites',
    {
      schema: { tags, params: ClientParams, body: SiteBody, response: { 201: SiteView } },
      preHandler: can('client.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createSite({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body })),
  );

  const SiteParams = ClientParams.extend({ siteId: z.uuid() });
  app.patch(
    '/api/orgs/:orgId/clients/:clientId/sites/:siteId',
    {
      schema: { tags, params: SiteParams, body: SiteBody, response: { 200: SiteView } },
      preHandler: can('client.write'),
    },
    async (req) => updateSite({ db: req.db, actor: req.actor, ...req.params, input: req.body }),
  );
  app.delete(
    '/api/orgs/:orgId/clients/:clientId/sites/:siteId',
    { schema: { tags, params: SiteParams, response: { 204: NoContent } }, preHandler: can('client.write') },
    async (req, reply) => {
      await deleteSite({ db: req.db, actor: req.actor, ...req.params });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/orgs/:orgId/clients/:clientId/contacts',
    {
      schema: { tags, params: ClientParams, body: ContactBody, response: { 201: ContactView } },
      preHandler: can('client.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createContact({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body })),
  );
  app.delete(
    '/api/orgs/:orgId/clients/:clientId/contacts/:contactId',
    {
      schema: { tags, params: ClientParams.extend({ contactId: z.uuid() }), response: { 204: NoContent } },
      preHandler: can('client.write'),
    },
    async (req, reply) => {
      await deleteContact({ db: req.db, actor: req.actor, ...req.params });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/orgs/:orgId/clients/:clientId/excluded-workers',
    {
      schema: {
        tags,
        summary: 'Add a worker to the client’s "do not send" list',
        params: ClientParams,
        body: ExclusionBody,
      },
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
    '/api/orgs/:orgId/clients/:clientId/excluded-workers/:workerId',
    {
      schema: { tags, params: ClientParams.extend({ workerId: z.uuid() }), response: { 204: NoContent } },
      preHandler: can('client.write'),
    },
    async (req, reply) => {
      await includeWorker({ db: req.db, actor: req.actor, ...req.params });
      return reply.status(204).send(null);
    },
  );
};
