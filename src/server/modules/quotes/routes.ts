import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer, NoContent } from '../../../shared/http.js';
import { can } from '../../http/can.js';
import { listOf, Pagination } from '../../http/pagination.js';
import { isoDay } from '../../http/validation.js';
import { CLIENT_KINDS } from '../clients/schema.js';
import { acceptQuoteById, refuseQuoteById } from './accept-quote.js';
import { amendPlacementContractWorkers } from './amend-placement-contract-workers.js';
import {
  attachContractDocument,
  listContractDocuments,
  readContractDocument,
  removeContractDocument,
} from './contract-documents.js';
import { renderPlacementContractPdf } from './contract-pdf.js';
import { createQuote } from './create-quote.js';
import { draftQuoteFromNeed } from './draft-quote-from-need.js';
import { findQuote } from './find-quote.js';
import { findRate } from './find-rate.js';
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
import { CreateQuoteBody, QuoteDetail, QuoteView, ReviseQuoteBody } from './quote-input.js';
import { renderQuotePdf } from './quote-pdf.js';
import { RateBody, RateView } from './rate-input.js';
import { reviseQuote } from './revise-quote.js';
import { QUOTE_STATUSES } from './schema.js';
import { sendQuote } from './send-quote.js';
import { setContractCommitmentNumber } from './set-contract-commitment-number.js';

const OrgParams = z.object({ orgId: z.uuid() });
const QuoteParams = OrgParams.extend({ quoteId: z.uuid() });
const ContractParams = OrgParams.extend({ placementContractId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const AcceptResult = z.object({ status: z.literal('accepted'), placementContractId: z.string() });
const SignerName = z.string().trim().min(2, 'Indiquez vos nom et prénom.').max(120);

const ContractView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  quoteId: z.string().nullable(),
  amendsId: z.string().nullable(),
  amendmentReason: z.string().nullable(),
  tasks: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  equivalentPayCents: z.number().nullable(),
  protectiveEquipment: z.string().nullable(),
  equipmentSuppliedBy: z.string().nullable(),
  workerNames: z.array(z.string()),
  workerIds: z.array(z.string()),
  romeCodes: z.array(z.string()),
  /** The engagement number of the order (Chorus Pro, BT-13), given by the public buyer. */
  commitmentNumber: z.string().nullable(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedIp: z.string().nullable(),
  createdAt: z.string(),
});

const pdfHeaders = (name: string) => ({
  'content-type': 'application/pdf',
  'content-disposition': `inline; filename="${name}.pdf"`,
  'cache-control': 'private, no-store',
});

export const quotesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- rates
  app.get(
    '/api/orgs/:orgId/rates',
    {
      schema: {
        tags: ['rates'],
        params: OrgParams,
        querystring: Pagination.extend({
          rome: z.string().optional(),
          clientKind: z.enum(CLIENT_KINDS).optional(),
          on: isoDay().optional(),
        }),
        response: { 200: listOf(RateView) },
      },
      preHandler: can('rate.read'),
    },
    async (req) => listRates({ db: req.db, actor: req.actor, ...req.query, page: req.query }),
  );
  app.get(
    '/api/orgs/:orgId/rates/lookup',
    {
      schema: {
        tags: ['rates'],
        summary: 'The rate that applies to a job, a client kind and a day (most specific, in force that day)',
        params: OrgParams,
        querystring: z.object({
          rome: z.string().regex(/^[A-N]\d{4}$/),
          clientKind: z.enum(CLIENT_KINDS),
          on: isoDay(),
        }),
        response: { 200: z.object({ rate: RateView.nullable() }) },
      },
      preHandler: can('quote.write'),
    },
    async (req) => {
      const rate = await findRate({ db: req.db, organisationId: req.actor.organisationId, ...req.query });
      return { rate: rate ? presentRate(rate) : null };
    },
  );
  app.post(
    '/api/orgs/:orgId/rates',
    {
      schema: {
        tags: ['rates'],
        summary: 'Add a rate from a date (closes the previous one)',
        params: OrgParams,
        body: RateBody,
        response: { 201: RateView },
      },
      preHandler: can('rate.write'),
    },
    async (req, reply) => reply.status(201).send(await createRate({ db: req.db, actor: req.actor, input: req.body })),
  );
  app.delete(
    '/api/orgs/:orgId/rates/:rateId',
    {
      schema: { tags: ['rates'], params: OrgParams.extend({ rateId: z.uuid() }), response: { 204: NoContent } },
      preHandler: can('rate.write'),
    },
    async (req, reply) => {
      await deleteRate({ db: req.db, actor: req.actor, rateId: req.params.rateId });
      return reply.status(204).send(null);
    },
  );

  // ---- quotes
  app.get(
    '/api/orgs/:orgId/needs/:needId/quote-draft',
    {
      schema: {
        tags: ['quotes'],
        summary: 'The lines a quote for this need would have, from its HR diagnostic and the rates (nothing saved)',
        params: OrgParams.extend({ needId: z.uuid() }),
      },
      preHandler: can('quote.write'),
    },
    async (req) => draftQuoteFromNeed({ db: req.db, actor: req.actor, needId: req.params.needId }),
  );
  app.post(
    '/api/orgs/:orgId/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Create a draft quote (API.md)',
        params: OrgParams,
        body: CreateQuoteBody,
        response: { 201: QuoteView },
      },
      preHandler: can('quote.write'),
    },
    async (req, reply) => reply.status(201).send(await createQuote({ db: req.db, actor: req.actor, input: req.body })),
  );
  app.get(
    '/api/orgs/:orgId/quotes',
    {
      schema: {
        tags: ['quotes'],
        params: OrgParams,
        querystring: Pagination.extend({
          status: z.enum(QUOTE_STATUSES).optional(),
          clientId: z.uuid().optional(),
          needId: z.uuid().optional(),
          history: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: listOf(QuoteView) },
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
    '/api/orgs/:orgId/quotes/:quoteId',
    {
      schema: { tags: ['quotes'], params: QuoteParams, response: { 200: QuoteDetail } },
      preHandler: can('quote.read'),
    },
    async (req) => getQuote({ db: req.db, actor: req.actor, quoteId: req.params.quoteId }),
  );
  app.get(
    '/api/orgs/:orgId/quotes/:quoteId/pdf',
    {
      schema: { response: { 200: fileAnswer('application/pdf') }, tags: ['quotes'], params: QuoteParams },
      preHandler: can('quote.read'),
    },
    async (req, reply) => {
      const quote = await findQuote(req.db, req.actor, req.params.quoteId);
      return reply.headers(pdfHeaders(`devis-${quote.number}`)).send(await renderQuotePdf(req.db, quote));
    },
  );
  app.post(
    '/api/orgs/:orgId/quotes/:quoteId/send',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Email the quote with a private link to accept or refuse it',
        params: QuoteParams,
        body: z.strictObject({ to: z.email('Adresse e-mail invalide.').nullable().optional() }).nullish(),
        response: { 200: QuoteView.extend({ link: z.string() }) },
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
    '/api/orgs/:orgId/quotes/:quoteId/accept',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Accept the quote: generates the signed placement contract (API.md)',
        params: QuoteParams,
        body: z.strictObject({ signedBy: SignerName.optional() }).nullish(),
        response: { 200: AcceptResult },
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
    '/api/orgs/:orgId/quotes/:quoteId/refuse',
    {
      schema: {
        tags: ['quotes'],
        params: QuoteParams,
        body: z.strictObject({ reason: z.string().trim().max(1000).nullable().optional() }).nullish(),
        response: { 200: z.object({ status: z.literal('refused') }) },
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
    '/api/orgs/:orgId/quotes/:quoteId/revise',
    {
      schema: {
        tags: ['quotes'],
        summary: 'A new version (same number, revision + 1)',
        params: QuoteParams,
        body: ReviseQuoteBody,
        response: { 201: QuoteView },
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
    '/api/orgs/:orgId/placement-contracts',
    {
      schema: {
        tags: ['placement-contracts'],
        params: OrgParams,
        querystring: Pagination.extend({ clientId: z.uuid().optional() }),
        response: { 200: listOf(ContractView) },
      },
      preHandler: can('placement_contract.read'),
    },
    async (req) =>
      listPlacementContracts({ db: req.db, actor: req.actor, clientId: req.query.clientId, page: req.query }),
  );
  app.get(
    '/api/orgs/:orgId/placement-contracts/:placementContractId',
    {
      schema: {
        tags: ['placement-contracts'],
        params: ContractParams,
        response: {
          200: ContractView.extend({
            site: z
              .object({
                name: z.string(),
                addressLine: z.string().nullable(),
                postalCode: z.string().nullable(),
                communeName: z.string().nullable(),
                accessNotes: z.string().nullable(),
              })
              .nullable(),
            versions: z.array(
              z.object({
                id: z.string(),
                number: z.string(),
                amendsId: z.string().nullable(),
                workerNames: z.array(z.string()),
                workerIds: z.array(z.string()),
                signedAt: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
      preHandler: can('placement_contract.read'),
    },
    async (req) =>
      getPlacementContract({ db: req.db, actor: req.actor, placementContractId: req.params.placementContractId }),
  );
  app.get(
    '/api/orgs/:orgId/placement-contracts/:placementContractId/pdf',
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags: ['placement-contracts'],
        summary: 'The contract with the R5132-20 mentions (API.md)',
        params: ContractParams,
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
    '/api/orgs/:orgId/placement-contracts/:placementContractId/workers',
    {
      schema: {
        tags: ['placement-contracts'],
        summary: 'Name the workers placed: an amendment is generated when they change',
        params: ContractParams,
        body: z
          .strictObject({
            /** The workers chosen from their records (the web app); names are taken from the records. */
            workerIds: z.array(z.uuid()).max(100).optional(),
            workerNames: z.array(z.string().trim().min(1).max(120)).max(100).optional(),
            reason: z.string().trim().max(500).nullable().optional(),
          })
          .refine((b) => b.workerIds || b.workerNames, { error: 'Choisissez les personnes mises à disposition.' }),
        response: { 200: z.object({ placementContractId: z.string(), created: z.boolean() }) },
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
  const DocumentView = z.object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    createdAt: z.string(),
  });
  const DocumentParams = ContractParams.extend({ documentId: z.uuid() });
  app.get(
    '/api/orgs/:orgId/placement-contracts/:placementContractId/documents',
    {
      schema: {
        tags: ['placement-contracts'],
        summary: 'The scanned copies attached to a contract (signed on paper)',
        params: ContractParams,
        response: { 200: z.object({ items: z.array(DocumentView) }) },
      },
      preHandler: can('placement_contract.read'),
    },
    async (req) => ({ items: await listContractDocuments(req.db, req.actor, req.params.placementContractId) }),
  );
  app.post(
    '/api/orgs/:orgId/placement-contracts/:placementContractId/documents',
    {
      // 5 MB of file, a third more in base64.
      bodyLimit: 7 * 1024 * 1024 + 4096,
      schema: {
        tags: ['placement-contracts'],
        summary: 'Attach the scanned signed copy (PDF, JPEG or PNG, 5 MB at most; the same file twice is kept once)',
        params: ContractParams,
        body: z.strictObject({
          fileName: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .regex(/^[^\p{Cc}/\\]+$/u, 'Nom de fichier invalide.'),
          contentBase64: z
            .string()
            .min(1, 'Choisissez un fichier.')
            .max(7 * 1024 * 1024)
            .base64(),
        }),
        response: { 201: DocumentView.extend({ created: z.boolean() }) },
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
    '/api/orgs/:orgId/placement-contracts/:placementContractId/documents/:documentId',
    {
      schema: {
        tags: ['placement-contracts'],
        summary: 'Download a scanned copy (whoever may read the contract)',
        params: DocumentParams,
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
    '/api/orgs/:orgId/placement-contracts/:placementContractId/documents/:documentId',
    {
      schema: {
        tags: ['placement-contracts'],
        summary: 'Remove a document attached by mistake',
        params: DocumentParams,
        response: { 204: z.null() },
      },
      preHandler: can('placement_contract.write'),
    },
    async (req, reply) => {
      await removeContractDocument(req.db, req.actor, req.params.placementContractId, req.params.documentId);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/orgs/:orgId/placement-contracts/:placementContractId/commitment-number',
    {
      schema: {
        tags: ['placement-contracts'],
        summary: 'The engagement number of the order (Chorus Pro, BT-13): set on the contract and its amendments',
        params: ContractParams,
        body: z.strictObject({
          commitmentNumber: z
            .string()
            .trim()
            .max(50, 'Un numéro d’engagement compte 50 caractères au plus.')
            .regex(/^[^\p{Cc}]*$/u, 'Le numéro d’engagement ne doit pas contenir de caractère de contrôle.')
            .nullable()
            .transform((v) => v || null),
        }),
        response: { 200: z.object({ commitmentNumber: z.string().nullable() }) },
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
    '/api/orgs/:orgId/placement-contracts/:placementContractId/sign',
    {
      schema: {
        tags: ['placement-contracts'],
        summary: 'The client signs a contract or an amendment online',
        params: ContractParams,
        body: z.strictObject({ signedBy: SignerName.optional() }).nullish(),
        response: { 200: z.object({ signedAt: z.string() }) },
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
    '/api/public/quotes/:token',
    { schema: { tags: ['public'], summary: 'The quote a private link opens', params: TokenParams } },
    async (req) => publicQuote(req.db, req.params.token),
  );
  app.get(
    '/api/public/quotes/:token/pdf',
    { schema: { response: { 200: fileAnswer('application/pdf') }, tags: ['public'], params: TokenParams } },
    async (req, reply) => {
      const quote = await findQuoteByToken(req.db, req.params.token);
      return reply.headers(pdfHeaders(`devis-${quote.number}`)).send(await renderQuotePdf(req.db, quote));
    },
  );
  app.post(
    '/api/public/quotes/:token/accept',
    {
      schema: {
        tags: ['public'],
        summary: 'The client accepts through its link (records who, when, IP)',
        params: TokenParams,
        body: z.strictObject({
          name: SignerName,
          consent: z.literal(true, 'Cochez la case pour accepter le devis et signer le contrat.'),
        }),
        response: { 200: AcceptResult },
      },
    },
    async (req) => acceptQuoteByToken({ db: req.db, token: req.params.token, name: req.body.name, ip: req.ip }),
  );
  app.post(
    '/api/public/quotes/:token/refuse',
    {
      schema: {
        tags: ['public'],
        params: TokenParams,
        body: z.strictObject({ name: SignerName, reason: z.string().trim().max(1000).nullable().optional() }),
        response: { 200: z.object({ status: z.literal('refused') }) },
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
