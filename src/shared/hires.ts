/**
 * « Déclarer une embauche » (issue 14): a client says it hires a worker of the AI; the worker's support officer
 * confirms it as the worker's exit to employment, with the client as employer. Shared by the API and the web app:
 * the contract kinds and statuses with their labels, the declaration's shape and the endpoints.
 */
import { z } from 'zod';
import { endpoint } from './http.js';

export const HIRE_CONTRACT_KINDS = ['cdi', 'cdd_6_months_or_more', 'cdd_under_6_months'] as const;
export type HireContractKind = (typeof HIRE_CONTRACT_KINDS)[number];

/** What the client chooses, in its words. */
export const HIRE_CONTRACT_LABELS: Record<HireContractKind, string> = {
  cdi: 'CDI',
  cdd_6_months_or_more: 'CDD de 6 mois ou plus',
  cdd_under_6_months: 'CDD de moins de 6 mois',
};

/**
 * The exit each contract is, in the ASP's typology (support/rules/asp-exit-reasons.ts, DGEFP definitions):
 * a CDI or a CDD of 6 months and more is an exit to durable employment, a shorter CDD to transitional employment.
 */
export const HIRE_EXIT = {
  cdi: { category: 'durable', aspReason: 'cdi' },
  cdd_6_months_or_more: { category: 'durable', aspReason: 'cdd_6_months_or_more' },
  cdd_under_6_months: { category: 'transition', aspReason: 'cdd_under_6_months' },
} as const satisfies Record<HireContractKind, { category: string; aspReason: string }>;

export const HIRE_STATUS_LABELS = {
  pending: 'En attente de confirmation',
  confirmed: 'Confirmée',
  declined: 'Non retenue',
} as const;
export type HireDeclarationStatus = keyof typeof HIRE_STATUS_LABELS;

export const HIRE_DECLARATION_STATUSES = ['pending', 'confirmed', 'declined'] as const;

export const HireDeclarationView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  workerId: z.uuid(),
  workerName: z.string(),
  hireDate: z.string(),
  contractKind: z.enum(HIRE_CONTRACT_KINDS),
  message: z.string().nullable(),
  status: z.enum(HIRE_DECLARATION_STATUSES),
  declaredAt: z.string(),
  declaredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  exitId: z.uuid().nullable(),
});
export type HireDeclaration = z.infer<typeof HireDeclarationView>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue (AAAA-MM-JJ).');
const OrgParams = z.object({ orgId: z.uuid() });
const DeclarationParams = OrgParams.extend({ declarationId: z.uuid() });

export const DeclareHireShape = z.strictObject({
  workerId: z.uuid(),
  hireDate: Day,
  contractKind: z.enum(HIRE_CONTRACT_KINDS),
  message: z.string().max(2000).nullable().optional(),
});
export const ConfirmHireShape = z.strictObject({
  exitDate: Day.optional(),
  note: z.string().max(2000).nullable().optional(),
  freeShifts: z.boolean().optional(),
});

export const hiresApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/hire-declarations',
    params: OrgParams,
    response: z.object({ items: z.array(HireDeclarationView), pending: z.number().int() }),
  }),
  candidates: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/hire-declarations/candidates',
    params: OrgParams,
    response: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
  }),
  declare: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/hire-declarations',
    params: OrgParams,
    body: DeclareHireShape,
    status: 201,
    response: HireDeclarationView,
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/hire-declarations/:declarationId/confirm',
    params: DeclarationParams,
    body: ConfirmHireShape,
    response: HireDeclarationView,
  }),
  decline: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/hire-declarations/:declarationId/decline',
    params: DeclarationParams,
    body: z.strictObject({ note: z.string().trim().min(1, { message: 'Ce champ est obligatoire.' }).max(2000) }),
    response: HireDeclarationView,
  }),
};
