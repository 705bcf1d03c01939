import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { notFound } from '../../http/errors.js';
import { isoDay } from '../../http/validation.js';
import { findInvoice } from '../billing/invoice-queries.js';
import { clients } from '../clients/schema.js';
import { allocateCesu } from './allocate-cesu.js';
import { clientIndividualView, invoiceIndividualView, listCesuTitles, listUrssafRequests } from './queries.js';
import { recordCesuTitles } from './record-cesu-titles.js';
import { recordSepaMandate } from './record-sepa-mandate.js';
import { refreshUrssafStatuses } from './refresh-urssaf-statuses.js';
import { registerUrssafClient } from './register-urssaf-client.js';
import { saveUrssafFile, UrssafFileInput } from './save-urssaf-file.js';
import { URSSAF_REQUEST_STATES } from './schema.js';

const Day = isoDay();
const OrgParams = z.object({ orgId: z.uuid() });
const ClientParams = z.object({ orgId: z.uuid(), clientId: z.uuid() });
const IdParams = z.object({ orgId: z.uuid(), id: z.uuid() });
/** Answers (described for the OpenAPI document; the operations' views carry more fields). */
const IndividualAnswer = z.looseObject({
  avanceImmediate: z.object({ enabled: z.boolean(), configured: z.boolean() }),
  sepaDirectDebit: z.boolean(),
  registration: z.looseObject({ status: z.enum(['not_registered', 'registered', 'rejected']) }).nullable(),
  mandate: z.looseObject({ rum: z.string(), ibanMasked: z.string() }).nullable(),
  cesu: z.array(z.looseObject({ id: z.string(), leftCents: z.number().int() })),
});
const ItemsAnswer = z.looseObject({ items: z.array(z.looseObject({ id: z.string() })), total: z.number().int() });
const Cents = z.number().int().positive('Le montant doit être positif').max(100_000_000);

/** Individuals (services à la personne): avance immédiate (URSSAF), prepaid CESU, SEPA mandates. */
export const individualsRoutes: FastifyPluginAsyncZod = async (app) => {
  const clientOf = async (db: Parameters<typeof clientIndividualView>[0], organisationId: string, id: string) => {
    const [c] = await db
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.id, id), eq(clients.organisationId, organisationId)));
    if (!c) throw notFound('Ce client');
    return c;
  };

  app.get(
    '/api/orgs/:orgId/clients/:clientId/individual',
    {
      schema: { tags: ['individuals'], response: { 200: IndividualAnswer }, params: ClientParams },
      preHandler: can('client.read'),
    },
    async (req) => {
      await clientOf(req.db, req.actor.organisationId, req.params.clientId);
      return clientIndividualView(req.db, req.actor, req.params.clientId);
    },
  );

  app.put(
    '/api/orgs/:orgId/clients/:clientId/urssaf',
    {
      schema: {
        tags: ['individuals'],
        response: { 200: IndividualAnswer },
        params: ClientParams,
        body: UrssafFileInput,
      },
      preHandler: can('payment.write'),
    },
    async (req) => {
      await saveUrssafFile({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body });
      return clientIndividualView(req.db, req.actor, req.params.clientId);
    },
  );

  app.post(
    '/api/orgs/:orgId/clients/:clientId/urssaf/register',
    {
      schema: { tags: ['individuals'], response: { 200: IndividualAnswer }, params: ClientParams },
      preHandler: can('payment.write'),
    },
    async (req) => {
      await registerUrssafClient({ db: req.db, actor: req.actor, clientId: req.params.clientId });
      return clientIndividualView(req.db, req.actor, req.params.clientId);
    },
  );

  app.post(
    '/api/orgs/:orgId/clients/:clientId/sepa-mandates',
    {
      schema: {
        tags: ['individuals'],
        response: { 201: IndividualAnswer },
        params: ClientParams,
        body: z.strictObject({
          rum: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9+?/:().,' -]{1,35}$/, "Au plus 35 caractères : lettres, chiffres, + ? / : ( ) . , ' -"),
          iban: z.string().trim().min(15).max(40),
          bic: z.string().trim().min(8).max(11),
          accountHolder: z.string().trim().min(2, 'Indiquez le titulaire du compte').max(100),
          signedOn: Day,
        }),
      },
      preHandler: can('payment.write'),
    },
    async (req, reply) => {
      await recordSepaMandate({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body });
      return reply.status(201).send(await clientIndividualView(req.db, req.actor, req.params.clientId));
    },
  );

  app.get(
    '/api/orgs/:orgId/cesu-titles',
    {
      schema: {
        tags: ['individuals'],
        response: { 200: ItemsAnswer },
        params: OrgParams,
        querystring: z.object({ clientId: z.uuid().optional() }),
      },
      preHandler: can('payment.write'),
    },
    async (req) => {
      const items = await listCesuTitles(req.db, req.actor.organisationId, req.query.clientId);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/orgs/:orgId/cesu-titles',
    {
      schema: {
        tags: ['individuals'],
        response: { 201: z.looseObject({ id: z.string(), clientId: z.string() }) },
        params: OrgParams,
        body: z.strictObject({
          clientId: z.uuid(),
          issuer: z.string().trim().min(2, 'Indiquez l’émetteur').max(80),
          numbers: z.string().trim().min(1, 'Indiquez les numéros des titres').max(500),
          faceValueCents: Cents,
          count: z.number().int().positive('Au moins un titre').max(1000),
          receivedOn: Day,
        }),
      },
      preHandler: can('payment.write'),
    },
    async (req, reply) =>
      reply.status(201).send(await recordCesuTitles({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.post(
    '/api/orgs/:orgId/cesu-titles/:id/allocations',
    {
      schema: {
        tags: ['individuals'],
        response: {
          201: z.looseObject({ id: z.string(), batchLeftCents: z.number().int(), outstandingCents: z.number().int() }),
        },
        params: IdParams,
        body: z.strictObject({ invoiceId: z.uuid(), amountCents: Cents, allocatedOn: Day }),
      },
      preHandler: can('payment.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await allocateCesu({ db: req.db, actor: req.actor, input: { cesuTitleId: req.params.id, ...req.body } })),
  );

  app.get(
    '/api/orgs/:orgId/invoices/:id/individual',
    {
      schema: {
        tags: ['individuals'],
        response: {
          200: z.looseObject({
            urssafRequest: z.looseObject({ state: z.string() }).nullable(),
            cesuAllocations: z.array(z.looseObject({ id: z.string() })),
            cesuBatches: z.array(z.looseObject({ id: z.string() })),
          }),
        },
        params: IdParams,
      },
      preHandler: can('invoice.read'),
    },
    async (req) => {
      const inv = await findInvoice(req.db, req.actor, req.params.id);
      const view = await invoiceIndividualView(req.db, req.actor.organisationId, inv.id, inv.clientId);
      // A client sees its invoice's shares, not the AI's CESU bookkeeping of other batches.
      return req.actor.role === 'client_user' ? { ...view, cesuBatches: [] } : view;
    },
  );

  app.get(
    '/api/orgs/:orgId/urssaf/requests',
    {
      schema: {
        tags: ['individuals'],
        response: { 200: ItemsAnswer },
        params: OrgParams,
        querystring: z.object({
          state: z.enum(URSSAF_REQUEST_STATES).array().or(z.enum(URSSAF_REQUEST_STATES)).optional(),
        }),
      },
      preHandler: can('payment.write'),
    },
    async (req) => {
      const s = req.query.state;
      const items = await listUrssafRequests(
        req.db,
        req.actor.organisationId,
        s ? ([] as string[]).concat(s) : undefined,
      );
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/orgs/:orgId/urssaf/refresh',
    {
      schema: {
        tags: ['individuals'],
        response: {
          200: z.object({
            checked: z.number().int(),
            paid: z.number().int(),
            refused: z.number().int(),
            error: z.string().nullable(),
          }),
        },
        params: OrgParams,
      },
      preHandler: can('payment.write'),
    },
    async (req) => refreshUrssafStatuses({ db: req.db, organisationId: req.actor.organisationId }),
  );
};
