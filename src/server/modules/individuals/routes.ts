import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CesuAllocationBody, CesuTitlesBody, individualsApi, SepaMandateBody } from '../../../shared/individuals.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { notFound } from '../../http/errors.js';
import { isoDay } from '../../http/validation.js';
import { findInvoice } from '../billing/invoice-queries.js';
import { clients } from '../clients/queries.js';
import { allocateCesu } from './allocate-cesu.js';
import { clientIndividualView, invoiceIndividualView, listCesuTitles, listUrssafRequests } from './queries.js';
import { recordCesuTitles } from './record-cesu-titles.js';
import { recordSepaMandate } from './record-sepa-mandate.js';
import { refreshUrssafStatuses } from './refresh-urssaf-statuses.js';
import { registerUrssafClient } from './register-urssaf-client.js';
import { saveUrssafFile } from './save-urssaf-file.js';
import { urssafActionRoutes } from './urssaf-action-routes.js';

const tags = ['individuals'];
// The server's calendar: a day within the supported years (docs/decisions/016).
const Day = isoDay();

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
    individualsApi.client.path,
    {
      schema: schemaOf(individualsApi.client, tags),
      preHandler: can('client.read'),
    },
    async (req) => {
      await clientOf(req.db, req.actor.organisationId, req.params.clientId);
      return clientIndividualView(req.db, req.actor, req.params.clientId);
    },
  );

  app.put(
    individualsApi.saveUrssafFile.path,
    {
      schema: schemaOf(individualsApi.saveUrssafFile, tags),
      preHandler: can('payment.write'),
    },
    async (req) => {
      await saveUrssafFile({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body });
      return clientIndividualView(req.db, req.actor, req.params.clientId);
    },
  );

  app.post(
    individualsApi.registerUrssaf.path,
    {
      schema: schemaOf(individualsApi.registerUrssaf, tags),
      preHandler: can('payment.write'),
    },
    async (req) => {
      await registerUrssafClient({ db: req.db, actor: req.actor, clientId: req.params.clientId });
      return clientIndividualView(req.db, req.actor, req.params.clientId);
    },
  );

  app.post(
    individualsApi.recordSepaMandate.path,
    {
      schema: schemaOf(individualsApi.recordSepaMandate, tags, {
        body: SepaMandateBody.extend({ signedOn: Day }),
      }),
      preHandler: can('payment.write'),
    },
    async (req, reply) => {
      await recordSepaMandate({ db: req.db, actor: req.actor, clientId: req.params.clientId, input: req.body });
      return reply.status(201).send(await clientIndividualView(req.db, req.actor, req.params.clientId));
    },
  );

  app.get(
    individualsApi.cesuTitles.path,
    {
      schema: schemaOf(individualsApi.cesuTitles, tags),
      preHandler: can('payment.write'),
    },
    async (req) => {
      const items = await listCesuTitles(req.db, req.actor.organisationId, req.query.clientId);
      return { items, total: items.length };
    },
  );

  app.post(
    individualsApi.recordCesuTitles.path,
    {
      schema: schemaOf(individualsApi.recordCesuTitles, tags, {
        body: CesuTitlesBody.extend({ receivedOn: Day }),
      }),
      preHandler: can('payment.write'),
    },
    async (req, reply) =>
      reply.status(201).send(await recordCesuTitles({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.post(
    individualsApi.allocateCesu.path,
    {
      schema: schemaOf(individualsApi.allocateCesu, tags, {
        body: CesuAllocationBody.extend({ allocatedOn: Day }),
      }),
      preHandler: can('payment.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await allocateCesu({ db: req.db, actor: req.actor, input: { cesuTitleId: req.params.id, ...req.body } })),
  );

  app.get(
    individualsApi.invoice.path,
    {
      schema: schemaOf(individualsApi.invoice, tags),
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
    individualsApi.urssafRequests.path,
    {
      schema: schemaOf(individualsApi.urssafRequests, tags),
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
    individualsApi.refreshUrssaf.path,
    {
      schema: schemaOf(individualsApi.refreshUrssaf, tags),
      preHandler: can('payment.write'),
    },
    async (req) => refreshUrssafStatuses({ db: req.db, organisationId: req.actor.organisationId }),
  );

  // Send a request again, a client leaving the avance immédiate (issue 18).
  urssafActionRoutes(app);
};
