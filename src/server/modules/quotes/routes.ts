import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PDF_ANSWER, quotesApi, SCAN_ANSWER } from '../../../shared/quotes.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { Pagination } from '../../http/pagination.js';
import { isoDay } from '../../http/validation.js';
import { CLIENT_KINDS } from '../clients/queries.js';
import { acceptQuoteById, refuseQuoteById } from './accept-quote.js';
import { amendPlacementContractWorkers } from './amend-placement-contract-workers.js';
import { attachContractDocument } from './attach-contract-document.js';
import { renderPlacementContractPdf } from './contract-pdf.js';
import { createQuote } from './create-quote.js';
import { draftQuoteFromNeed } from './draft-quote-from-need.js';
import { findQuote } from './find-quote.js';
import { findRate } from './find-rate.js';
import { listContractDocuments } from './list-contract-documents.js';
import { getQuote, listQuotes } from './list-quotes.js';
import { createRate, deleteRate, listRates } from './manage-rates.js';
import {
  findPlacementContract,
  getPlacementContract,
  listPlacementContracts,
  signPlacementContract,
} from './placement-contracts.js';
import { presentRate } from './present-rate.js';
import { acceptQuoteByToken, findQuoteByToken, publicQuote, refuseQuoteByToken } from './public-quote.js';
import { CreateQuoteBody, ReviseQuoteBody } from './quote-input.js';
import { renderQuotePdf } from './quote-pdf.js';
import { RateBody } from './rate-input.js';
import { readContractDocument } from './read-contract-document.js';
import { removeContractDocument } from './remove-contract-document.js';
import { reviseQuote } from './revise-quote.js';
import { QUOTE_STATUSES } from './schema.js';
import { sendQuote } from './send-quote.js';
import { setContractCommitmentNumber } from './set-contract-commitment-number.js';

const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename="${name}.pdf"`,
  'cache-control': 'private, no-store',
});

export const quotesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- rates
  app.get(
    quotesApi.rates.path,
    {
      schema: {
        ...schemaOf(quotesApi.rates, ['rates']),
        querystring: Pagination.extend({
          rome: z.string().optional(),
          clientKind: z.enum(CLIENT_KINDS).optional(),
          on: isoDay().optional(),
        }),
      },
      preHandler: can('rate.read'),
    },
    async (req) => listRates({ db: req.db, actor: req.actor, ...req.query, page: req.query }),
  );
  app.get(
    quotesApi.rateLookup.path,
    {
      schema: {
        ...schemaOf(quotesApi.rateLookup, ['rates']),
        summary: 'The rate that applies to a job, a client kind and a day (most specific, in force that day)',
        querystring: z.object({
          rome: z.string().regex(/^[A-N]\d{4}$/),
          clientKind: z.enum(CLIENT_KINDS),
          on: isoDay(),
        }),
      },
      preHandler: can('quote.write'),
    },
    async (req) => {
      const rate = await findRate({ db: req.db, organisationId: req.actor.organisationId, ...req.query });
      return { rate: rate ? presentRate(rate) : null };
    },
  );
  app.post(
    quotesApi.createRate.path,
    {
      schema: {
        ...schemaOf(quotesApi.createRate, ['rates']),
        summary: 'Add a rate from a date (closes the previous one)',
        body: RateBody,
      },
      preHandler: can('rate.write'),
    },
    async (req, reply) => reply.status(201).send(await createRate({ db: req.db, actor: req.actor, input: req.body })),
  );
  app.delete(
    quotesApi.deleteRate.path,
    {
      schema: { ...schemaOf(quotesApi.deleteRate, ['rates']) },
      preHandler: can('rate.write'),
    },
    async (req, reply) => {
      await deleteRate({ db: req.db, actor: req.actor, rateId: req.params.rateId });
      return reply.status(204).send(null);
    },
  );

  // ---- quotes
  app.get(
    quotesApi.draftFromNeed.path,
    {
      schema: {
        ...schemaOf(quotesApi.draftFromNeed, ['quotes']),
        summary: 'The lines a quote for this need would have, from its HR diagnostic and the rates (nothing saved)',
      },
      preHandler: can('quote.write'),
    },
    async (req) => draftQuoteFromNeed({ db: req.db, actor: req.actor, needId: req.params.needId }),
  );
  app.post(
    quotesApi.create.path,
    {
      schema: {
        ...schemaOf(quotesApi.create, ['quotes']),
        summary: 'Create a draft quote (API.md)',
        body: CreateQuoteBody,
      },
      preHandler: can('quote.write'),
    },
    async (req, reply) => reply.status(201).send(await createQuote({ db: req.db, actor: req.actor, input: req.body })),
  );
  app.get(
    quotesApi.list.path,
    {
      schema: {
        ...schemaOf(quotesApi.list, ['quotes']),
        querystring: Pagination.extend({
          status: z.enum(QUOTE_STATUSES).optional(),
          clientId: z.uuid().optional(),
          needId: z.uuid().optional(),
          history: z.enum(['true', 'false']).optional(),
        }),
      },
      preHandler: can('quote.read'),
    },
    async (req) =>
      listQuotes({
        db: req.db,
        actor: req.actor,
        ...req.query,
        history: req.query.history === 'true',
        page: req.query,
      }),
  );
  app.get(
    quotesApi.get.path,
    {
      schema: { ...schemaOf(quotesApi.get, ['quotes']) },
      preHandler: can('quote.read'),
    },
    async (req) => getQuote({ db: req.db, actor: req.actor, quoteId: req.params.quoteId }),
  );
  app.get(
    quotesApi.pdf.path,
    {
      schema: { ...schemaOf(quotesApi.pdf, ['quotes']), response: { 200: PDF_ANSWER } },
      preHandler: can('quote.read'),
    },
    async (req, reply) => {
      const quote = await findQuote(req.db, req.actor, req.params.quoteId);
      return reply.headers(pdfHeaders(`devis-${quote.number}`)).send(await renderQuotePdf(req.db, quote));
    },
  );
  app.post(
    quotesApi.send.path,
    {
      schema: {
        ...schemaOf(quotesApi.send, ['quotes']),
        summary: 'Email the quote with a private link to accept or refuse it',
      },
      preHandler: can('quote.write'),
    },
    async (req) =>
      sendQuote({
        db: req.db,
        actor: req.actor,
        quoteId: req.params.quoteId,
        to: req.body?.to,
        publicUrl: app.services.config.publicUrl,
      }),
  );
  app.post(
    quotesApi.accept.path,
    {
      schema: {
        ...schemaOf(quotesApi.accept, ['quotes']),
        summary: 'Accept the quote: generates the signed placement contract (API.md)',
      },
      preHandler: can('quote.accept'),
    },
    async (req) => {
      await findQuote(req.db, req.actor, req.params.quoteId);
      const user = req.session!.user.name;
      const client = req.actor.role === 'client_user';
      return acceptQuoteById({
        db: req.db,
        actor: req.actor,
        quoteId: req.params.quoteId,
        signature: {
          by: client
            ? (req.body?.signedBy ?? user)
            : `${req.body?.signedBy ?? 'le client'} (acceptation enregistrée par ${user})`,
          ip: req.ip,
          via: client ? 'portal' : 'back_office',
        },
      });
    },
  );
  app.post(
    quotesApi.refuse.path,
    {
      schema: {
        ...schemaOf(quotesApi.refuse, ['quotes']),
      },
      preHandler: can('quote.accept'),
    },
    async (req) => {
      await findQuote(req.db, req.actor, req.params.quoteId);
      return refuseQuoteById({
        db: req.db,
        actor: req.actor,
        quoteId: req.params.quoteId,
        by: req.session!.user.name,
        ip: req.ip,
        reason: req.body?.reason,
      });
    },
  );
  app.post(
    quotesApi.revise.path,
    {
      schema: {
        ...schemaOf(quotesApi.revise, ['quotes']),
        summary: 'A new version (same number, revision + 1)',
        body: ReviseQuoteBody,
      },
      preHandler: can('quote.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await reviseQuote({ db: req.db, actor: req.actor, quoteId: req.params.quoteId, input: req.body })),
  );

  // ---- placement contracts
  app.get(
    quotesApi.contracts.path,
    {
      schema: {
        ...schemaOf(quotesApi.contracts, ['placement-contracts']),
        querystring: Pagination.extend({ clientId: z.uuid().optional() }),
      },
      preHandler: can('placement_contract.read'),
    },
    async (req) =>
      listPlacementContracts({ db: req.db, actor: req.actor, clientId: req.query.clientId, page: req.query }),
  );
  app.get(
    quotesApi.contract.path,
    {
      schema: { ...schemaOf(quotesApi.contract, ['placement-contracts']) },
      preHandler: can('placement_contract.read'),
    },
    async (req) =>
      getPlacementContract({ db: req.db, actor: req.actor, placementContractId: req.params.placementContractId }),
  );
  app.get(
    quotesApi.contractPdf.path,
    {
      schema: {
        ...schemaOf(quotesApi.contractPdf, ['placement-contracts']),
        summary: 'The contract with the R5132-20 mentions (API.md)',
        response: { 200: PDF_ANSWER },
      },
      preHandler: can('placement_contract.read'),
    },
    async (req, reply) => {
      const contract = await findPlacementContract(req.db, req.actor, req.params.placementContractId);
      return reply
        .headers(pdfHeaders(`contrat-${contract.number}`))
        .send(await renderPlacementContractPdf(req.db, contract));
    },
  );
  app.post(
    quotesApi.contractWorkers.path,
    {
      schema: {
        ...schemaOf(quotesApi.contractWorkers, ['placement-contracts']),
        summary: 'Name the workers placed: an amendment is generated when they change',
      },
      preHandler: can('placement_contract.write'),
    },
    async (req) =>
      amendPlacementContractWorkers({
        db: req.db,
        actor: req.actor,
        placementContractId: req.params.placementContractId,
        workerIds: req.body.workerIds,
        workerNames: req.body.workerNames ?? [],
        reason: req.body.reason,
      }),
  );
  app.get(
    quotesApi.documents.path,
    {
      schema: {
        ...schemaOf(quotesApi.documents, ['placement-contracts']),
        summary: 'The scanned copies attached to a contract (signed on paper)',
      },
      preHandler: can('placement_contract.read'),
    },
    async (req) => ({ items: await listContractDocuments(req.db, req.actor, req.params.placementContractId) }),
  );
  app.post(
    quotesApi.attachDocument.path,
    {
      // 5 MB of file, a third more in base64.
      bodyLimit: 7 * 1024 * 1024 + 4096,
      schema: {
        ...schemaOf(quotesApi.attachDocument, ['placement-contracts']),
        summary: 'Attach the scanned signed copy (PDF, JPEG or PNG, 5 MB at most; the same file twice is kept once)',
      },
      preHandler: can('placement_contract.write'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await attachContractDocument({
          db: req.db,
          actor: req.actor,
          placementContractId: req.params.placementContractId,
          fileName: req.body.fileName,
          contentBase64: req.body.contentBase64,
        }),
      ),
  );
  app.get(
    quotesApi.document.path,
    {
      schema: {
        ...schemaOf(quotesApi.document, ['placement-contracts']),
        summary: 'Download a scanned copy (whoever may read the contract)',
        response: { 200: SCAN_ANSWER },
      },
      preHandler: can('placement_contract.read'),
    },
    async (req, reply) => {
      const d = await readContractDocument(req.db, req.actor, req.params.placementContractId, req.params.documentId);
      const ascii = d.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .type(d.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
        )
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(d.content);
    },
  );
  app.delete(
    quotesApi.removeDocument.path,
    {
      schema: {
        ...schemaOf(quotesApi.removeDocument, ['placement-contracts']),
        summary: 'Remove a document attached by mistake',
      },
      preHandler: can('placement_contract.write'),
    },
    async (req, reply) => {
      await removeContractDocument(req.db, req.actor, req.params.placementContractId, req.params.documentId);
      return reply.status(204).send(null);
    },
  );
  app.put(
    quotesApi.commitmentNumber.path,
    {
      schema: {
        ...schemaOf(quotesApi.commitmentNumber, ['placement-contracts']),
        summary: 'The engagement number of the order (Chorus Pro, BT-13): set on the contract and its amendments',
      },
      preHandler: can('placement_contract.write'),
    },
    async (req) =>
      setContractCommitmentNumber({
        db: req.db,
        actor: req.actor,
        placementContractId: req.params.placementContractId,
        commitmentNumber: req.body.commitmentNumber,
      }),
  );
  app.post(
    quotesApi.sign.path,
    {
      schema: {
        ...schemaOf(quotesApi.sign, ['placement-contracts']),
        summary: 'The client signs a contract or an amendment online',
      },
      preHandler: can('quote.accept'),
    },
    async (req) =>
      signPlacementContract({
        db: req.db,
        actor: req.actor,
        placementContractId: req.params.placementContractId,
        by: req.body?.signedBy ?? req.session!.user.name,
        ip: req.ip,
      }),
  );

  // ---- the client's private link (no login)
  app.get(
    quotesApi.publicQuote.path,
    { schema: { ...schemaOf(quotesApi.publicQuote, ['public']), summary: 'The quote a private link opens' } },
    async (req) => publicQuote(req.db, req.params.token),
  );
  app.get(
    quotesApi.publicPdf.path,
    { schema: { ...schemaOf(quotesApi.publicPdf, ['public']), response: { 200: PDF_ANSWER } } },
    async (req, reply) => {
      const quote = await findQuoteByToken(req.db, req.params.token);
      return reply.headers(pdfHeaders(`devis-${quote.number}`)).send(await renderQuotePdf(req.db, quote));
    },
  );
  app.post(
    quotesApi.publicAccept.path,
    {
      schema: {
        ...schemaOf(quotesApi.publicAccept, ['public']),
        summary: 'The client accepts through its link (records who, when, IP)',
      },
    },
    async (req) => acceptQuoteByToken({ db: req.db, token: req.params.token, name: req.body.name, ip: req.ip }),
  );
  app.post(
    quotesApi.publicRefuse.path,
    {
      schema: {
        ...schemaOf(quotesApi.publicRefuse, ['public']),
      },
    },
    async (req) =>
      refuseQuoteByToken({
        db: req.db,
        token: req.params.token,
        name: req.body.name,
        ip: req.ip,
        reason: req.body.reason,
      }),
  );
};
