import { LEGAL } from '../../settings/legal-figures.js';

/**
 * PRODUCT.md, State reporting: an AI exit counts for the statistics only after 150 hours worked
 * (ASP guide of the dynamic exit rate). Hours are those of shifts assigned to the worker and already past.
 */
export function exitCountsForStatistics(minutesWorked: number): boolean {
  return minutesWorked >= LEGAL.exitCountingMinMinutes;
}

export const EXIT_LABELS = {
  durable: 'Emploi durable (CDI, CDD ou intérim de 6 mois et plus, fonction publique, création d’entreprise)',
  transition: 'Emploi de transition (CDD ou intérim de moins de 6 mois, contrat aidé)',
  positive: 'Sortie positive (formation qualifiante, embauche dans une autre SIAE)',
  other: 'Autre sortie',
  withdrawn: 'Retrait (sortie neutre : déménagement, maladie, retraite…)',
} as const;
