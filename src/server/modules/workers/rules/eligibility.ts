import { ELIGIBILITY_CRITERIA, LEVEL_1_CRITERIA, LEVEL_2_CRITERIA } from '../../../../shared/workers.js';
import { LEGAL } from '../../settings/legal-figures.js';
import { addDays, addMonths } from './dates.js';

// The criteria and their wording live in src/shared/workers.ts (one list for both sides).
export { LEVEL_1_CRITERIA, LEVEL_2_CRITERIA };

export type Level1Criterion = keyof typeof LEVEL_1_CRITERIA;
export type Level2Criterion = keyof typeof LEVEL_2_CRITERIA;
export type Criterion = Level1Criterion | Level2Criterion;
export const CRITERIA = ELIGIBILITY_CRITERIA;

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
