/**
 * « Déclarer une embauche » (issue 14): a client says it hires a worker of the AI; the worker's support officer
 * confirms it as the worker's exit to employment, with the client as employer. Shared by the API and the web app.
 */

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

export type HireDeclaration = {
  id: string;
  clientId: string;
  clientName: string;
  workerId: string;
  workerName: string;
  hireDate: string;
  contractKind: HireContractKind;
  message: string | null;
  status: HireDeclarationStatus;
  declaredAt: string;
  declaredByName: string | null;
  answeredAt: string | null;
  answerNote: string | null;
  exitId: string | null;
};
