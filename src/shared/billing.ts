/**
 * The billing contract (factures, avoirs, paiements, clôture du mois, attestations fiscales), shared by the
 * server's routes and the web app: enumerations and their French labels, the answers' shapes and the endpoints
 * (docs/decisions/016-typed-client-from-shared-schemas.md).
 */
import { z } from 'zod';
import { endpoint, listOf } from './http.js';

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/**
 * Payment means. The last three are not paid by the client (CESU préfinancés, the avance immédiate of the tax
 * credit, the département's APA/PCH paid directly): tax certificates deduct them.
 */
export const PAYMENT_METHODS = [
  'virement',
  'cheque',
  'prelevement',
  'especes',
  'carte',
  'cesu_prepaid',
  'avance_immediate',
  'apa_pch',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  virement: 'Virement',
  cheque: 'Chèque',
  prelevement: 'Prélèvement',
  especes: 'Espèces',
  carte: 'Carte bancaire',
  cesu_prepaid: 'CESU préfinancé',
  avance_immediate: 'Avance immédiate (URSSAF)',
  apa_pch: 'APA / PCH versée par le département',
};

/** The invoices list's filter on payment, and its labels. */
export const INVOICE_PAYMENT_FILTERS = ['unpaid', 'overdue', 'paid'] as const;
export const INVOICE_PAYMENT_FILTER_LABELS: Record<(typeof INVOICE_PAYMENT_FILTERS)[number], string> = {
  unpaid: 'À régler',
  overdue: 'En retard',
  paid: 'Réglées',
};

/** A document's payment state as a badge (dark shades, outlined: readable at AA contrast on white). */
export function paymentState(i: { kind: InvoiceKind; outstandingCents: number; overdue: boolean; paidCents: number }) {
  if (i.kind === 'credit_note') return { label: 'Avoir', color: 'violet.9' };
  if (i.outstandingCents <= 0) return { label: 'Réglée', color: 'teal.9' };
  if (i.overdue) return { label: 'En retard', color: 'red.9' };
  if (i.paidCents > 0) return { label: 'Partiellement réglée', color: 'grape.9' };
  return { label: 'À régler', color: 'blue.9' };
}

export const MONTH_CLOSE_STATUSES = ['not_started', 'running', 'done'] as const;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Day = z.iso.date();
const Uuid = z.uuid();
const Cents = z.number().int().positive('Le montant doit être positif').max(100_000_000);
const Year = z.coerce.number().int().min(2000).max(2100);
const OrgParams = z.object({ orgId: Uuid });
const IdParams = z.object({ orgId: Uuid, id: Uuid });
const MonthParams = z.object({ orgId: Uuid, month: Month });

export const InvoiceRowView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(INVOICE_KINDS),
  clientId: z.string(),
  clientName: z.string(),
  month: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  creditedCents: z.number().int(),
  creditedInvoiceId: z.string().nullable(),
  outstandingCents: z.number().int(),
  overdue: z.boolean(),
});
export type InvoiceRow = z.infer<typeof InvoiceRowView>;

/** The seller or the buyer as printed on the invoice (a copy taken when it was issued). */
const PartyView = z.object({
  name: z.string(),
  siret: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable().optional(),
  website: z.string().nullable().optional(),
  iban: z.string().nullable().optional(),
  kind: z.string().optional(),
  chorusServiceCode: z.string().nullable().optional(),
  chorusCommitmentNumber: z.string().nullable().optional(),
});
export type Party = z.infer<typeof PartyView>;

export const InvoiceDetailView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(INVOICE_KINDS),
  clientId: z.string(),
  month: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  vatRatePct: z.number(),
  vatMention: z.string().nullable(),
  seller: PartyView,
  buyer: PartyView,
  reason: z.string().nullable(),
  creditedInvoice: z.object({ id: z.string(), number: z.string() }).nullable(),
  lines: z.array(
    z.object({
      position: z.number().int(),
      kind: z.string(),
      rome: z.string().nullable(),
      workerId: z.string().nullable(),
      workerName: z.string().nullable(),
      label: z.string(),
      minutes: z.number().int(),
      count: z.number(),
      hourlyRateCents: z.number().int(),
      surchargePct: z.number(),
      totalCents: z.number().int(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      amountCents: z.number().int(),
      paidOn: z.string(),
      method: z.enum(PAYMENT_METHODS),
      reference: z.string().nullable(),
    }),
  ),
  creditNotes: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      issuedOn: z.string(),
      totalCents: z.number().int(),
      reason: z.string().nullable(),
    }),
  ),
  paidCents: z.number().int(),
  creditedCents: z.number().int(),
  outstandingCents: z.number().int(),
  overdue: z.boolean(),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetailView>;

const InvoiceSummary = z.object({
  id: z.string(),
  number: z.string(),
  clientId: z.string(),
  totalCents: z.number().int(),
});
const CloseFailure = z.object({ clientId: z.string(), clientName: z.string(), message: z.string() });

export const CloseRunView = z.object({
  month: z.string(),
  status: z.enum(['running', 'done']),
  invoices: z.array(InvoiceSummary),
  failures: z.array(CloseFailure),
});

export const CloseStatusView = z.object({
  month: z.string(),
  status: z.enum(MONTH_CLOSE_STATUSES),
  /** False while the month runs: it cannot be closed, unless the director chooses to. */
  monthEnded: z.boolean(),
  /** Clients a close would invoice now. */
  clientsToInvoice: z.number().int(),
  forced: z.boolean(),
  planned: z.number().int(),
  invoiced: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  failures: z.array(CloseFailure),
  invoices: z.array(InvoiceSummary),
});
export type CloseStatus = z.infer<typeof CloseStatusView>;

/** 422 timesheets_not_validated: the timesheets that stop the close, in the error's details. */
export type UnvalidatedTimesheet = {
  timesheetId?: string;
  clientName: string;
  status: string;
  supplementary?: boolean;
};

export const TaxCertificateView = z.object({
  clientId: z.string(),
  clientName: z.string(),
  year: z.number().int(),
  paidCents: z.number().int(),
  minutes: z.number().int(),
  generatedAt: z.string(),
});
export type TaxCertificate = z.infer<typeof TaxCertificateView>;

export const PaymentBody = z.strictObject({
  amountCents: Cents,
  paidOn: Day,
  method: z.enum(PAYMENT_METHODS).optional(),
  reference: z.string().trim().max(200).nullish(),
});
export const CreditNoteBody = z.strictObject({
  amountCents: Cents,
  reason: z.string().trim().min(3, 'Indiquez le motif de l’avoir').max(500),
});

export const billingApi = {
  close: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/months/:month/close',
    params: MonthParams,
    body: z
      .strictObject({
        force: z.boolean().optional(),
        /** Close a month before its last day (org_admin only); otherwise 422 month_not_ended. */
        beforeMonthEnd: z.boolean().optional(),
      })
      .nullish(),
    response: CloseRunView,
  }),
  closeStatus: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/months/:month/close',
    params: MonthParams,
    response: CloseStatusView,
  }),
  invoices: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/invoices',
    params: OrgParams,
    query: z.object({
      month: Month.optional(),
      clientId: Uuid.optional(),
      kind: z.enum(INVOICE_KINDS).optional(),
      status: z.enum(INVOICE_PAYMENT_FILTERS).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    response: listOf(InvoiceRowView),
  }),
  invoice: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/invoices/:id',
    params: IdParams,
    response: InvoiceDetailView,
  }),
  /** A file: link to it with `urlOf`. */
  invoicePdf: { method: 'GET', path: '/api/orgs/:orgId/invoices/:id/pdf', params: IdParams },
  /** A file: link to it with `urlOf`. */
  invoiceXml: { method: 'GET', path: '/api/orgs/:orgId/invoices/:id/xml', params: IdParams },
  recordPayment: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/invoices/:id/payments',
    params: IdParams,
    body: PaymentBody,
    status: 201,
    response: z.object({
      id: z.string(),
      amountCents: z.number().int(),
      paidOn: z.string(),
      outstandingCents: z.number().int(),
    }),
  }),
  issueCreditNote: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/invoices/:id/credit-notes',
    params: IdParams,
    body: CreditNoteBody,
    status: 201,
    response: z.object({
      id: z.string(),
      number: z.string(),
      clientId: z.string(),
      totalCents: z.number().int(),
      issuedOn: z.string(),
    }),
  }),
  generateTaxCertificates: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/tax-certificates/:year/generate',
    params: z.object({ orgId: Uuid, year: Year }),
    response: z.object({
      year: z.number().int(),
      items: z.array(TaxCertificateView.omit({ year: true, generatedAt: true })),
    }),
  }),
  taxCertificates: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/tax-certificates',
    params: OrgParams,
    query: z.object({ year: Year }),
    response: listOf(TaxCertificateView),
  }),
  taxCertificatePdf: {
    method: 'GET',
    path: '/api/orgs/:orgId/tax-certificates/:year/:clientId/pdf',
    params: z.object({ orgId: Uuid, year: Year, clientId: Uuid }),
  },
} as const;
