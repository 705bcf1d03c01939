import { LEGAL } from '../../settings/legal-figures.js';
import { addDays, addMonths } from './dates.js';

/**
 * Eligibility criteria of the IAE for an AI (PRODUCT.md; lists from Les emplois de l'inclusion,
 * arrêté du 1er septembre 2021 fixant les critères d'éligibilité).
 */
export const LEVEL_1_CRITERIA = {
  rsa: 'Bénéficiaire du RSA',
  ass: 'Allocataire de l’ASS',
  aah: 'Allocataire de l’AAH',
  very_long_term_unemployed: 'Demandeur d’emploi de très longue durée (24 mois et plus)',
} as const;

export const LEVEL_2_CRITERIA = {
  low_qualification: 'Niveau d’études 3 ou infra (CAP, BEP ou sans diplôme)',
  senior_50: 'Senior (50 ans et plus)',
  young_26: 'Jeune de moins de 26 ans',
  ase_leaver: 'Sortant de l’aide sociale à l’enfance',
  long_term_unemployed: 'Demandeur d’emploi de longue durée (12 mois et plus)',
  disabled_worker: 'Travailleur handicapé (RQTH)',
  single_parent: 'Parent isolé',
  homeless: 'Sans hébergement ou hébergé',
  refugee: 'Réfugié ou protection subsidiaire',
  zrr_qpv_resident: 'Résident en ZRR ou en QPV',
  under_justice: 'Personne sous main de justice',
  french_below_a1: 'Maîtrise de la langue française inférieure au niveau A1',
  mobility_problem: 'Problème de mobilité',
} as const;

export type Level1Criterion = keyof typeof LEVEL_1_CRITERIA;
export type Level2Criterion = keyof typeof LEVEL_2_CRITERIA;
export type Criterion = Level1Criterion | Level2Criterion;
export const CRITERIA = [...Object.keys(LEVEL_1_CRITERIA), ...Object.keys(LEVEL_2_CRITERIA)] as [
  Criterion,
  ...Criterion[],
];

export const criterionLevel = (c: Criterion): 1 | 2 => (c in LEVEL_1_CRITERIA ? 1 : 2);

/** For an AI: one level-1 criterion, or two level-2 criteria. */
export function isEligibleForAi(criteria: readonly Criterion[]): boolean {
  const unique = [...new Set(criteria)];
  return unique.some((c) => criterionLevel(c) === 1) || unique.filter((c) => criterionLevel(c) === 2).length >= 2;
}

/**
 * Last day a diagnosis is valid: 6 months when a prescriber made it, 92 days when the AI made it itself
 * (PRODUCT.md; Les emplois de l'inclusion). The day it was made counts as the first day.
 */
export function diagnosisValidUntil(author: 'prescriber' | 'ai', madeOn: string): string {
  return author === 'prescriber'
    ? addDays(addMonths(madeOn, LEGAL.eligibilityPrescriberMonths), -1)
    : addDays(madeOn, LEGAL.eligibilityAiDays - 1);
}

/**
 * Whether a diagnosis makes the person eligible to an AI: an authorised prescriber's always does (the criteria
 * are theirs to check, les-emplois itou/eligibility: criteria are required of the SIAE only); the AI's own
 * needs one level-1 criterion or two level-2 criteria.
 */
export function diagnosisEligible(author: 'prescriber' | 'ai', criteria: readonly Criterion[]): boolean {
  return author === 'prescriber' || isEligibleForAi(criteria);
}
