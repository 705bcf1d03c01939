/**
 * The clients' contract (utilisateurs of an AI), shared by the server's routes and the web app: the kinds and their
 * French labels, the answers' shapes and the endpoints (docs/decisions/016-typed-client-from-shared-schemas.md).
 * Rules that need the server (a commune that exists, a SIRET's key, an INSEE legal form) are checked by the route's
 * stricter schema (src/server/modules/clients); the shapes here are what the client sends.
 */
import { z } from 'zod';
import { endpoint, listOf, NoContent } from './http.js';

export const CLIENT_KINDS = [
  'individual',
  'association',
  'local_authority',
  'company',
  'social_landlord',
  'care_home',
  'medico_social',
  'public_body',
] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/**
 * French labels of the client kinds (API.md's enumeration): the one vocabulary of an establishment's kind, from the
 * public need form (the first screen a member of the public sees, hence words they use) to the client's file and the
 * contract PDF.
 */
export const CLIENT_KIND_LABELS: Record<ClientKind, string> & Record<string, string> = {
  individual: 'Particulier',
  association: 'Association',
  local_authority: 'Collectivité',
  company: 'Entreprise',
  social_landlord: 'Bailleur social',
  care_home: 'EHPAD / maison de retraite',
  medico_social: 'Autre établissement médico-social',
  public_body: 'Établissement public',
};
export const CLIENT_KIND_OPTIONS = CLIENT_KINDS.map((value) => ({ value, label: CLIENT_KIND_LABELS[value] }));

// ─── Answers ────────────────────────────────────────────────────────────────────────────────────────────────────

export const AddressView = z.object({
  line: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
});
export type Address = z.infer<typeof AddressView>;

export const SiteView = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  address: AddressView,
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  accessNotes: z.string().nullable(),
});
export type Site = z.infer<typeof SiteView>;

export const ContactView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Contact = z.infer<typeof ContactView>;

export const ClientView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CLIENT_KINDS),
  siret: z.string().nullable(),
  address: AddressView,
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  billing: z.object({
    email: z.string().nullable(),
    address: z.string().nullable(),
    paymentTermsDays: z.number(),
    chorusServiceCode: z.string().nullable(),
    chorusCommitmentNumber: z.string().nullable(),
  }),
  forProfit: z.boolean().nullable(),
  economicDismissalOn: z.string().nullable(),
  economicDismissalUntil: z.string().nullable(),
  /** INSEE catégorie juridique (level 2 or 3) or 'private_individual'; null while unknown. */
  legalForm: z.string().nullable(),
  legalFormLabel: z.string().nullable(),
  /** Whether its hours count for the 480 h cap, from the legal form alone (unknown counts). */
  countsForHoursCap: z.boolean(),
  /** Why, in French, with the source kept in docs/LAW.md. */
  hoursCapReason: z.string(),
  /** A company by legal form: its contracts state an equivalent employee's pay (R5132-20). */
  companyByLegalForm: z.boolean(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Client = z.infer<typeof ClientView>;

export const ExcludedWorkerView = z.object({
  workerId: z.string(),
  name: z.string(),
  reason: z.string().nullable(),
  since: z.string(),
});
export const ClientDetailView = ClientView.extend({
  sites: z.array(SiteView),
  contacts: z.array(ContactView),
  excludedWorkers: z.array(ExcludedWorkerView),
});
export type ClientDetail = z.infer<typeof ClientDetailView>;

export const LegalFormView = z.object({
  code: z.string(),
  level: z.number(),
  label: z.string(),
  countsForHoursCap: z.boolean(),
  hoursCapReason: z.string(),
});
export type LegalForm = z.infer<typeof LegalFormView>;

/** "12 rue …, 94000 Créteil": an address on one line. */
export const addressText = (a: Address) =>
  [a.line, [a.postalCode, a.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ');

// ─── Inputs (the shapes the client sends; the server checks further) ────────────────────────────────────────────

const Uuid = z.uuid();
const OrgParams = z.object({ orgId: Uuid });
const ClientParams = OrgParams.extend({ clientId: Uuid });
const SiteParams = ClientParams.extend({ siteId: Uuid });

export const AddressShape = z.strictObject({
  line: z.string().max(200).optional(),
  postalCode: z.string().optional(),
  communeCode: z.string(),
});
const BillingShape = z.strictObject({
  email: z.string().nullable().optional(),
  address: z.string().max(400).nullable().optional(),
  paymentTermsDays: z.number().int().optional(),
  chorusServiceCode: z.string().max(100).nullable().optional(),
  chorusCommitmentNumber: z.string().max(50).nullable().optional(),
});
const clientFields = {
  name: z.string().max(200),
  kind: z.enum(CLIENT_KINDS),
  siret: z.string().nullable().optional(),
  address: AddressShape,
  contact: z.strictObject({ name: z.string().max(120), email: z.string().max(200), phone: z.string().optional() }),
  forProfit: z.boolean().nullable().optional(),
  billing: BillingShape.optional(),
  economicDismissalOn: z.string().nullable().optional(),
  legalForm: z.string().nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
};
export const CreateClientShape = z.strictObject(clientFields);
export const UpdateClientShape = z.strictObject({
  ...clientFields,
  name: clientFields.name.optional(),
  kind: clientFields.kind.optional(),
  address: AddressShape.optional(),
  contact: z
    .strictObject({
      name: z.string().max(120).nullable().optional(),
      email: z.string().max(200).nullable().optional(),
      phone: z.string().max(30).nullable().optional(),
    })
    .optional(),
  archived: z.boolean().optional(),
});
export const SiteShape = z.strictObject({
  name: z.string().max(200),
  address: AddressShape,
  accessNotes: z.string().max(2000).nullable().optional(),
});
export const ContactShape = z.strictObject({
  name: z.string().max(120),
  role: z.string().max(120).nullable().optional(),
  email: z.string().max(200).nullable().optional(),
  phone: z.string().max(30).nullable().optional(),
});
export const ExclusionShape = z.strictObject({
  workerId: z.uuid('Choisissez un·e salarié·e.'),
  reason: z.string().trim().max(500).nullable().optional(),
});

// ─── Endpoints ──────────────────────────────────────────────────────────────────────────────────────────────────

export const clientsApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/clients',
    params: OrgParams,
    body: CreateClientShape,
    status: 201,
    response: ClientView,
  }),
  createFromNeed: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/needs/:needId/client',
    params: OrgParams.extend({ needId: Uuid }),
    status: 201,
    response: ClientView,
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/clients',
    params: OrgParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
      q: z.string().max(100).optional(),
      kind: z.enum(CLIENT_KINDS).optional(),
      archived: z.enum(['true', 'false']).optional(),
      /** unknown: the clients whose legal form is still to complete (the 480 h cap counts them meanwhile). */
      legalForm: z.enum(['unknown']).optional(),
    }),
    response: listOf(ClientView),
  }),
  legalForms: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/legal-forms',
    params: OrgParams,
    response: z.object({ items: z.array(LegalFormView) }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/clients/:clientId',
    params: ClientParams,
    response: ClientDetailView,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/clients/:clientId',
    params: ClientParams,
    body: UpdateClientShape,
    response: ClientView,
  }),
  createSite: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/clients/:clientId/sites',
    params: ClientParams,
    body: SiteShape,
    status: 201,
    response: SiteView,
  }),
  updateSite: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/clients/:clientId/sites/:siteId',
    params: SiteParams,
    body: SiteShape,
    response: SiteView,
  }),
  deleteSite: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/clients/:clientId/sites/:siteId',
    params: SiteParams,
    status: 204,
    response: NoContent,
  }),
  createContact: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/clients/:clientId/contacts',
    params: ClientParams,
    body: ContactShape,
    status: 201,
    response: ContactView,
  }),
  deleteContact: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/clients/:clientId/contacts/:contactId',
    params: ClientParams.extend({ contactId: Uuid }),
    status: 204,
    response: NoContent,
  }),
  excludeWorker: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/clients/:clientId/excluded-workers',
    params: ClientParams,
    body: ExclusionShape,
    status: 204,
    response: NoContent,
  }),
  includeWorker: endpoint({
    method: 'DELETE',
    path: '/api/orgs/:orgId/clients/:clientId/excluded-workers/:workerId',
    params: ClientParams.extend({ workerId: Uuid }),
    status: 204,
    response: NoContent,
  }),
};
