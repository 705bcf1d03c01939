/**
 * Quotes, rates and placement contracts (devis, grille tarifaire, contrats de mise à disposition), shared by the
 * server's routes and the web app: statuses and their French labels, the answers' shapes and the endpoints
 * (docs/decisions/016-typed-client-from-shared-schemas.md). Rules that need the server (a date within the supported
 * years, a total that fits the columns) are added by the routes (src/server/modules/quotes/quote-input.ts).
 */
import { z } from 'zod';
import { CLIENT_KINDS } from './clients.js';
import { EQUIPMENT_SUPPLIER_LABELS, EQUIPMENT_SUPPLIERS } from './equipment.js';
import { endpoint, fileAnswer, listOf, NoContent } from './http.js';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'refused', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_STATUS_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  sent: 'Envoyé',
  accepted: 'Accepté',
  refused: 'Refusé',
  expired: 'Expiré',
  superseded: 'Remplacé',
};
/** The status as the quote's PDF says it to the client. */
export const QUOTE_STATUS_IN_DOCUMENT: Record<QuoteStatus, string> & Record<string, string> = {
  draft: 'Brouillon',
  sent: 'Envoyé, en attente de réponse',
  accepted: 'Accepté',
  refused: 'Refusé',
  expired: 'Expiré',
  superseded: 'Remplacé par une version plus récente',
};
/** Dark shades, outlined: readable at AA contrast on white. */
export const QUOTE_STATUS_COLORS: Record<string, string> = {
  draft: 'gray.7',
  sent: 'blue.9',
  accepted: 'teal.9',
  refused: 'red.9',
  expired: 'grape.9',
  superseded: 'gray.7',
};
export const SUPPLIER_LABELS = EQUIPMENT_SUPPLIER_LABELS;

/** API.md: round(minutes × hourlyRateCents / 60). */
export const lineTotal = (minutes: number, rate: number) => Math.round((minutes * rate) / 60);

const ClientKind = z.enum(CLIENT_KINDS);
const Day = z.string();
const Uuid = z.uuid();
const OrgParams = z.object({ orgId: Uuid });
const QuoteParams = OrgParams.extend({ quoteId: Uuid });
const ContractParams = OrgParams.extend({ placementContractId: Uuid });
const DocumentParams = ContractParams.extend({ documentId: Uuid });
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

// ---- rates

export const RateView = z.object({
  id: z.string(),
  rome: z.string().nullable(),
  romeLabel: z.string().nullable(),
  clientKind: z.string().nullable(),
  hourlyRateCents: z.number(),
  nightSurchargePct: z.number(),
  sundaySurchargePct: z.number(),
  holidaySurchargePct: z.number(),
  travelFeeCents: z.number(),
  minimumBilledMinutes: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});
export type Rate = z.infer<typeof RateView>;

/** What the rate form sends (the server checks each value's range, src/server/modules/quotes/rate-input.ts). */
export const RateBodyShape = z.strictObject({
  rome: z.string().nullable().optional(),
  clientKind: z.string().nullable().optional(),
  // Left empty, it is sent absent: the server answers « Indiquez le taux horaire. » under the field.
  hourlyRateCents: z.number().optional(),
  nightSurchargePct: z.number().default(0),
  sundaySurchargePct: z.number().default(0),
  holidaySurchargePct: z.number().default(0),
  travelFeeCents: z.number().default(0),
  minimumBilledMinutes: z.number().default(0),
  effectiveFrom: Day,
});

// ---- quotes

export const QuoteLineView = z.object({
  id: z.string(),
  position: z.number(),
  rome: z.string(),
  label: z.string(),
  minutes: z.number(),
  hourlyRateCents: z.number(),
  totalCents: z.number(),
});

export const QuoteView = z.object({
  id: z.string(),
  number: z.string(),
  revision: z.number(),
  previousId: z.string().nullable(),
  status: z.enum(QUOTE_STATUSES),
  clientId: z.string(),
  clientName: z.string(),
  needId: z.string().nullable(),
  validUntil: z.string(),
  tenderReference: z.string().nullable(),
  totalCents: z.number(),
  siteId: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  tasks: z.string().nullable(),
  protectiveEquipment: z.string().nullable(),
  equipmentSuppliedBy: z.string().nullable(),
  equivalentPayCents: z.number().nullable(),
  notes: z.string().nullable(),
  sentAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedIp: z.string().nullable(),
  refusedAt: z.string().nullable(),
  refusedBy: z.string().nullable(),
  refusalReason: z.string().nullable(),
  placementContractId: z.string().nullable(),
  createdAt: z.string(),
});
export type Quote = z.infer<typeof QuoteView>;

export const QuoteDetailView = QuoteView.extend({
  lines: z.array(QuoteLineView),
  history: z.array(
    z.object({
      id: z.string(),
      revision: z.number(),
      status: z.string(),
      totalCents: z.number(),
      createdAt: z.string(),
    }),
  ),
});
export type QuoteDetail = z.infer<typeof QuoteDetailView>;

/** What a quote form sends: the lines, the validity and the optional contract terms (API.md's POST /quotes). */
const QuoteTermsShape = {
  // A value the form left empty is sent absent: the server answers with the message for that field.
  lines: z.array(
    z.strictObject({
      rome: z.string(),
      label: z.string().optional(),
      minutes: z.number().optional(),
      hourlyRateCents: z.number().optional(),
    }),
  ),
  validUntil: Day,
  tenderReference: z.string().nullable().optional(),
  siteId: z.string().nullable().optional(),
  startDate: Day.nullable().optional(),
  endDate: Day.nullable().optional(),
  tasks: z.string().nullable().optional(),
  protectiveEquipment: z.string().nullable().optional(),
  equipmentSuppliedBy: z.enum(EQUIPMENT_SUPPLIERS).nullable().optional(),
  equivalentPayCents: z.number().nullable().optional(),
  notes: z.string().nullable().optional(),
};
export const CreateQuoteShape = z.strictObject({
  clientId: z.string().optional(),
  needId: z.string().nullable().optional(),
  ...QuoteTermsShape,
});
export type QuoteLineInput = z.input<typeof CreateQuoteShape>['lines'][number];
export const ReviseQuoteShape = z.strictObject({
  ...QuoteTermsShape,
  lines: QuoteTermsShape.lines.optional(),
  validUntil: Day.optional(),
});

/** The lines a quote for a need would have (nothing saved): a line without a rate has `hourlyRateCents: null`. */
export const QuoteDraftView = z.object({
  needId: z.string(),
  reference: z.string(),
  clientId: z.string().nullable(),
  establishmentName: z.string(),
  lines: z.array(
    z.object({ rome: z.string(), label: z.string(), minutes: z.number(), hourlyRateCents: z.number().nullable() }),
  ),
  validUntil: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  tasks: z.string(),
  protectiveEquipment: z.string().nullable(),
  equipmentSuppliedBy: z.enum(EQUIPMENT_SUPPLIERS).nullable(),
  notes: z.string().nullable(),
});
export type QuoteDraft = z.infer<typeof QuoteDraftView>;

/** What the client sees through its private link: the quote, not the association's internal notes. */
export const PublicQuoteView = z.object({
  number: z.string(),
  revision: z.number(),
  status: z.enum(QUOTE_STATUSES),
  organisation: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  clientName: z.string(),
  validUntil: z.string(),
  tenderReference: z.string().nullable(),
  totalCents: z.number(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  tasks: z.string().nullable(),
  siteName: z.string().nullable(),
  protectiveEquipment: z.string().nullable(),
  lines: z.array(QuoteLineView),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  refusedAt: z.string().nullable(),
});
export type PublicQuote = z.infer<typeof PublicQuoteView>;

const AcceptResult = z.object({ status: z.literal('accepted'), placementContractId: z.string() });
const Refused = z.object({ status: z.literal('refused') });
const SignerName = z.string().trim().min(2, 'Indiquez vos nom et prénom.').max(120);

// ---- placement contracts

export const ContractView = z.object({
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
export type Contract = z.infer<typeof ContractView>;

export const ContractDetailView = ContractView.extend({
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
});
export type ContractDetail = z.infer<typeof ContractDetailView>;

export const ContractDocumentView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type ContractDocument = z.infer<typeof ContractDocumentView>;

export const quotesApi = {
  rates: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/rates',
    params: OrgParams,
    query: z.object({ ...Page, rome: z.string().optional(), clientKind: ClientKind.optional(), on: Day.optional() }),
    response: listOf(RateView),
  }),
  rateLookup: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/rates/lookup',
    params: OrgParams,
    query: z.object({ rome: z.string(), clientKind: ClientKind, on: Day }),
    response: z.object({ rate: RateView.nullable() }),
  }),
  createRate: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/rates',
    params: OrgParams,
    body: RateBodyShape,
    status: 201,
    response: RateView,
  }),
  deleteRate: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/rates/:rateId',
    params: OrgParams.extend({ rateId: Uuid }),
    status: 204,
    response: NoContent,
  }),
  draftFromNeed: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/needs/:needId/quote-draft',
    params: OrgParams.extend({ needId: Uuid }),
    response: QuoteDraftView,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/quotes',
    params: OrgParams,
    body: CreateQuoteShape,
    status: 201,
    response: QuoteView,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/quotes',
    params: OrgParams,
    query: z.object({
      ...Page,
      status: z.enum(QUOTE_STATUSES).optional(),
      clientId: Uuid.optional(),
      needId: Uuid.optional(),
      history: z.enum(['true', 'false']).optional(),
    }),
    response: listOf(QuoteView),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/quotes/:quoteId',
    params: QuoteParams,
    response: QuoteDetailView,
  }),
  pdf: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/quotes/:quoteId/pdf',
    params: QuoteParams,
    response: z.string().meta({ format: 'binary' }),
  }),
  send: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/quotes/:quoteId/send',
    params: QuoteParams,
    body: z.strictObject({ to: z.email('Adresse e-mail invalide.').nullable().optional() }).nullish(),
    response: QuoteView.extend({ link: z.string() }),
  }),
  accept: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/quotes/:quoteId/accept',
    params: QuoteParams,
    body: z.strictObject({ signedBy: SignerName.optional() }).nullish(),
    response: AcceptResult,
  }),
  refuse: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/quotes/:quoteId/refuse',
    params: QuoteParams,
    body: z.strictObject({ reason: z.string().trim().max(1000).nullable().optional() }).nullish(),
    response: Refused,
  }),
  revise: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/quotes/:quoteId/revise',
    params: QuoteParams,
    body: ReviseQuoteShape,
    status: 201,
    response: QuoteView,
  }),
  contracts: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/placement-contracts',
    params: OrgParams,
    query: z.object({ ...Page, clientId: Uuid.optional() }),
    response: listOf(ContractView),
  }),
  contract: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId',
    params: ContractParams,
    response: ContractDetailView,
  }),
  contractPdf: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/pdf',
    params: ContractParams,
    response: z.string().meta({ format: 'binary' }),
  }),
  contractWorkers: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/workers',
    params: ContractParams,
    body: z
      .strictObject({
        /** The workers chosen from their records (the web app); names are taken from the records. */
        workerIds: z.array(Uuid).max(100).optional(),
        workerNames: z.array(z.string().trim().min(1).max(120)).max(100).optional(),
        reason: z.string().trim().max(500).nullable().optional(),
      })
      .refine((b) => b.workerIds || b.workerNames, { error: 'Choisissez les personnes mises à disposition.' }),
    response: z.object({ placementContractId: z.string(), created: z.boolean() }),
  }),
  documents: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/documents',
    params: ContractParams,
    response: z.object({ items: z.array(ContractDocumentView) }),
  }),
  attachDocument: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/documents',
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
    status: 201,
    response: ContractDocumentView.extend({ created: z.boolean() }),
  }),
  document: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/documents/:documentId',
    params: DocumentParams,
    response: z.string().meta({ format: 'binary' }),
  }),
  removeDocument: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/documents/:documentId',
    params: DocumentParams,
    status: 204,
    response: NoContent,
  }),
  commitmentNumber: endpoint({
    method: 'PUT',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/commitment-number',
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
    response: z.object({ commitmentNumber: z.string().nullable() }),
  }),
  sign: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/placement-contracts/:placementContractId/sign',
    params: ContractParams,
    body: z.strictObject({ signedBy: SignerName.optional() }).nullish(),
    response: z.object({ signedAt: z.string() }),
  }),
  publicQuote: endpoint({
    method: 'GET',
    path: '/api/public/quotes/:token',
    params: TokenParams,
    response: PublicQuoteView,
  }),
  publicPdf: endpoint({
    method: 'GET',
    path: '/api/public/quotes/:token/pdf',
    params: TokenParams,
    response: z.string().meta({ format: 'binary' }),
  }),
  publicAccept: endpoint({
    method: 'POST',
    path: '/api/public/quotes/:token/accept',
    params: TokenParams,
    body: z.strictObject({
      name: SignerName,
      consent: z.literal(true, 'Cochez la case pour accepter le devis et signer le contrat.'),
    }),
    response: AcceptResult,
  }),
  publicRefuse: endpoint({
    method: 'POST',
    path: '/api/public/quotes/:token/refuse',
    params: TokenParams,
    body: z.strictObject({ name: SignerName, reason: z.string().trim().max(1000).nullable().optional() }),
    response: Refused,
  }),
};

/** The files' OpenAPI answers (PDF, scans). */
export const PDF_ANSWER = fileAnswer('application/pdf');
export const SCAN_ANSWER = fileAnswer('application/pdf', 'image/jpeg', 'image/png');
