/**
 * Particularly dangerous work that an AI may not place anyone on (Code du travail D4154-1, applied to the
 * AI's placements through L5132-14 and PRODUCT.md): work exposing to the chemical agents listed there
 * (fumigants such as methyl bromide and phosphine, benzene, CMR solvents…), to asbestos removal,
 * or to ionising radiation in category A. We flag the ROME jobs whose ordinary tasks are such work;
 * the list is short on purpose — a job not listed may still be refused by the officer.
 */
export const DANGEROUS_JOBS: Record<string, string> = {
  K2305: 'désinsectisation et fumigation (agents chimiques dangereux, D4154-1)',
  F1709: 'démolition avec exposition possible à l’amiante (D4154-1)',
  H2301: 'conduite de ligne en industrie chimique (agents chimiques dangereux, D4154-1)',
  J1306: 'exposition aux rayonnements ionisants de catégorie A (D4154-1)',
};

/** The reason a job is dangerous work, or null when it may be placed. */
export function dangerousWork(rome: string): string | null {
  return DANGEROUS_JOBS[rome] ?? null;
}
