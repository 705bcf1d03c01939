/**
 * The individuals' contract (services à la personne): the avance immédiate of the tax credit (URSSAF « API Tiers
 * de prestation »), prepaid CESU and SEPA mandates. Enumerations and their French labels, the answers' shapes and
 * the endpoints, shared by the server's routes and the web app (docs/decisions/016-typed-client-from-shared-schemas.md).
 */
import { z } from 'zod';
import { endpoint, listOf } from './http.js';

/** `left`: the client left the avance immédiate (issue 18); their idClient stays for the requests already sent. */
export const URSSAF_REGISTRATION_STATUSES = ['not_registered', 'registered', 'rejected', 'left'] as const;
export type UrssafRegistrationStatus = (typeof URSSAF_REGISTRATION_STATUSES)[number];
export const URSSAF_REQUEST_STATES = ['to_send', 'sent', 'refused', 'error', 'paid', 'cancelled'] as const;
export type UrssafRequestState = (typeof URSSAF_REQUEST_STATES)[number];

/** A payment request's state as a badge colour (its label is URSSAF's, sent by the server). */
export const URSSAF_REQUEST_STATE_COLORS: Record<UrssafRequestState, string> = {
  to_send: 'gray',
  sent: 'blue',
  refused: 'red',
  error: 'red',
  paid: 'green',
  cancelled: 'gray',
};

/** URSSAF's civilite: '1' Monsieur, '2' Madame. */
export const CIVILITES = ['1', '2'] as const;
export const CIVILITE_OPTIONS = [
  { value: '2', label: 'Madame' },
  { value: '1', label: 'Monsieur' },
] as const;

const Day = z.iso.date();
const Uuid = z.uuid();
const Cents = z.number().int().positive('Le montant doit être positif').max(100_000_000);
const OrgParams = z.object({ orgId: Uuid });
const ClientParams = z.object({ orgId: Uuid, clientId: Uuid });
const IdParams = z.object({ orgId: Uuid, id: Uuid });
const text = (max: number) => z.string().trim().min(1).max(max);

export const CesuBatchView = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  issuer: z.string(),
  numbers: z.string(),
  faceValueCents: z.number().int(),
  count: z.number().int(),
  receivedOn: z.string(),
  usedCents: z.number().int(),
  totalCents: z.number().int(),
  leftCents: z.number().int(),
});
export type CesuBatch = z.infer<typeof CesuBatchView>;

export const ClientIndividualView = z.object({
  avanceImmediate: z.object({ enabled: z.boolean(), configured: z.boolean() }),
  sepaDirectDebit: z.boolean(),
  registration: z
    .object({
      consentOn: z.string().nullable(),
      civilite: z.enum(CIVILITES).nullable(),
      birthName: z.string().nullable(),
      usageName: z.string().nullable(),
      firstNames: z.string().nullable(),
      birthDate: z.string().nullable(),
      birthCountryCode: z.string(),
      birthDepartment: z.string().nullable(),
      birthCommuneCode: z.string().nullable(),
      birthCommuneName: z.string().nullable(),
      mobilePhone: z.string().nullable(),
      email: z.string().nullable(),
      /** The IBAN is never sent back whole. */
      ibanMasked: z.string().nullable(),
      bic: z.string().nullable(),
      accountHolder: z.string().nullable(),
      status: z.enum(URSSAF_REGISTRATION_STATUSES),
      urssafClientId: z.string().nullable(),
      registeredAt: z.string().nullable(),
      errorReason: z.string().nullable(),
    })
    .nullable(),
  mandate: z
    .object({
      id: z.string(),
      rum: z.string(),
      ibanMasked: z.string(),
      bic: z.string(),
      accountHolder: z.string(),
      signedOn: z.string(),
    })
    .nullable(),
  cesu: z.array(CesuBatchView),
});
export type ClientIndividual = z.infer<typeof ClientIndividualView>;

export const UrssafRequestView = z.object({
  id: z.string(),
  invoiceId: z.string(),
  clientId: z.string(),
  month: z.string(),
  totalCents: z.number().int(),
  urssafShareCents: z.number().int(),
  clientShareCents: z.number().int(),
  state: z.enum(URSSAF_REQUEST_STATES),
  urssafId: z.string().nullable(),
  urssafStatus: z.string().nullable(),
  statusLabel: z.string(),
  rejectCode: z.string().nullable(),
  rejectReason: z.string().nullable(),
  rejectComment: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorReason: z.string().nullable(),
  transferCents: z.number().int().nullable(),
  transferOn: z.string().nullable(),
  sentAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type UrssafRequest = z.infer<typeof UrssafRequestView>;
/** In the organisation's list: the client and the invoice named. */
export const UrssafRequestRowView = UrssafRequestView.extend({ clientName: z.string(), invoiceNumber: z.string() });
export type UrssafRequestRow = z.infer<typeof UrssafRequestRowView>;

export const InvoiceIndividualView = z.object({
  urssafRequest: UrssafRequestView.nullable(),
  cesuAllocations: z.array(
    z.object({
      id: z.string(),
      amountCents: z.number().int(),
      allocatedOn: z.string(),
      issuer: z.string(),
      numbers: z.string(),
    }),
  ),
  cesuBatches: z.array(CesuBatchView),
});
export type InvoiceIndividual = z.infer<typeof InvoiceIndividualView>;

/** The client's consent and the identity URSSAF's /particulier asks for (field by field, InputParticulierDTO). */
export const UrssafFileBody = z.strictObject({
  consentOn: z.iso.date().nullable(),
  civilite: z.enum(CIVILITES).nullable(),
  birthName: text(80).nullable(),
  usageName: text(80).nullable(),
  firstNames: text(80).nullable(),
  birthDate: z.iso.date().nullable(),
  birthCountryCode: z.string().regex(/^99[0-9]{3}$/, 'Code pays INSEE à 5 chiffres (France : 99100)'),
  birthDepartment: z
    .string()
    .regex(/^[0-9]{2}[0-9AB]?$/, 'Département de naissance : 2 ou 3 caractères (ex. 075, 2A)')
    .nullable(),
  birthCommuneCode: z
    .string()
    .regex(/^[0-9]{3}$/, 'Les 3 derniers chiffres du code INSEE de la commune')
    .nullable(),
  birthCommuneName: text(80).nullable(),
  mobilePhone: z
    .string()
    .regex(/^(\+33|0)[67][0-9]{8}$/, 'Un numéro de portable français (06…, 07… ou +336…)')
    .nullable(),
  email: z.email('Adresse e-mail invalide').nullable(),
  /** Absent: the IBAN recorded stays (screens never show it back whole). */
  iban: z.string().max(40).nullish(),
  bic: z.string().max(11).nullable(),
  accountHolder: text(100).nullable(),
});

export const SepaMandateBody = z.strictObject({
  rum: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+?/:().,' -]{1,35}$/, "Au plus 35 caractères : lettres, chiffres, + ? / : ( ) . , ' -"),
  iban: z.string().trim().min(15).max(40),
  bic: z.string().trim().min(8).max(11),
  accountHolder: z.string().trim().min(2, 'Indiquez le titulaire du compte').max(100),
  signedOn: Day,
});

export const CesuTitlesBody = z.strictObject({
  clientId: Uuid,
  issuer: z.string().trim().min(2, 'Indiquez l’émetteur').max(80),
  numbers: z.string().trim().min(1, 'Indiquez les numéros des titres').max(500),
  faceValueCents: Cents,
  count: z.number().int().positive('Au moins un titre').max(1000),
  receivedOn: Day,
});

export const CesuAllocationBody = z.strictObject({ invoiceId: Uuid, amountCents: Cents, allocatedOn: Day });

const RequestStateQuery = z.enum(URSSAF_REQUEST_STATES).array().or(z.enum(URSSAF_REQUEST_STATES)).optional();

export const individualsApi = {
  client: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/clients/:clientId/individual',
    params: ClientParams,
    response: ClientIndividualView,
  }),
  saveUrssafFile: endpoint({
    method: 'PUT',
    path: '/api/orgs/:orgId/clients/:clientId/urssaf',
    params: ClientParams,
    body: UrssafFileBody,
    response: ClientIndividualView,
  }),
  registerUrssaf: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/clients/:clientId/urssaf/register',
    params: ClientParams,
    response: ClientIndividualView,
  }),
  recordSepaMandate: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/clients/:clientId/sepa-mandates',
    params: ClientParams,
    body: SepaMandateBody,
    status: 201,
    response: ClientIndividualView,
  }),
  cesuTitles: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/cesu-titles',
    params: OrgParams,
    query: z.object({ clientId: Uuid.optional() }),
    response: listOf(CesuBatchView),
  }),
  recordCesuTitles: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/cesu-titles',
    params: OrgParams,
    body: CesuTitlesBody,
    status: 201,
    response: z.object({
      id: z.string(),
      clientId: z.string(),
      issuer: z.string(),
      numbers: z.string(),
      faceValueCents: z.number().int(),
      count: z.number().int(),
      receivedOn: z.string(),
    }),
  }),
  allocateCesu: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/cesu-titles/:id/allocations',
    params: IdParams,
    body: CesuAllocationBody,
    status: 201,
    response: z.object({
      id: z.string(),
      cesuTitleId: z.string(),
      invoiceId: z.string(),
      paymentId: z.string(),
      amountCents: z.number().int(),
      allocatedOn: z.string(),
      batchLeftCents: z.number().int(),
      outstandingCents: z.number().int(),
    }),
  }),
  invoice: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/invoices/:id/individual',
    params: IdParams,
    response: InvoiceIndividualView,
  }),
  urssafRequests: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/urssaf/requests',
    params: OrgParams,
    query: z.object({ state: RequestStateQuery }),
    response: listOf(UrssafRequestRowView),
  }),
  refreshUrssaf: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/urssaf/refresh',
    params: OrgParams,
    response: z.object({
      checked: z.number().int(),
      paid: z.number().int(),
      refused: z.number().int(),
      error: z.string().nullable(),
    }),
  }),
};
