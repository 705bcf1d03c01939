import { describe, expect, test } from 'vitest';
import { type Criterion, diagnosisValidUntil, isEligibleForAi } from './eligibility.js';

// Source: PRODUCT.md "Eligibility for an AI: one level-1 criterion or two level-2 criteria";
// arrêté du 1er septembre 2021 (criteria of Les emplois de l'inclusion).
describe('eligibility of a person for an AI', () => {
  test.each<[string, Criterion[], boolean]>([
    ['no criterion', [], false],
    ['RSA alone (level 1)', ['rsa'], true],
    ['ASS alone (level 1)', ['ass'], true],
    ['AAH alone (level 1)', ['aah'], true],
    ['very-long-term unemployed alone (level 1)', ['very_long_term_unemployed'], true],
    ['one level-2 criterion only', ['senior_50'], false],
    ['two level-2 criteria', ['senior_50', 'mobility_problem'], true],
    ['the same level-2 criterion twice counts once', ['young_26', 'young_26'], false],
    ['three level-2 criteria', ['homeless', 'refugee', 'french_below_a1'], true],
    ['one level-1 and one level-2', ['rsa', 'single_parent'], true],
  ])('%s → %s', (_, criteria, expected) => expect(isEligibleForAi(criteria)).toBe(expected));
});

// Source: PRODUCT.md "validity 6 months from a prescriber, 92 days from the AI itself".
describe('validity of a diagnosis', () => {
  test.each<[string, 'prescriber' | 'ai', string, string]>([
    ['a prescriber, mid-month', 'prescriber', '2026-03-15', '2026-09-14'],
    ['a prescriber, end of August (no 31 Feb)', 'prescriber', '2026-08-31', '2027-02-27'],
    ['the AI itself: 92 days', 'ai', '2026-01-01', '2026-04-02'],
    ['the AI itself over a leap day', 'ai', '2028-02-01', '2028-05-02'],
  ])('%s', (_, author, madeOn, until) => expect(diagnosisValidUntil(author, madeOn)).toBe(until));
});
