import { describe, expect, test } from 'vitest';
import type { ExitCategory } from '../schema.js';
import { ASP_EXIT_REASONS, type AspExitReason, aspReasonProblem } from './asp-exit-reasons.js';

// Source: DGEFP exit typology as restated by the GIP de l'inclusion ("Les sorties dynamiques dans l'IAE",
// communaute.inclusion.beta.gouv.fr/forum/les-sorties-dynamiques-dans-liae-115).
describe('ASP exit reasons and their category', () => {
  test.each<[string, ExitCategory, AspExitReason | null, boolean]>([
    ['a CDI is a durable exit', 'durable', 'cdi', true],
    ['a CDD of 6 months or more is durable', 'durable', 'cdd_6_months_or_more', true],
    ['a CDD under 6 months is a transition', 'transition', 'cdd_under_6_months', true],
    ['a CDD under 6 months is not durable', 'durable', 'cdd_under_6_months', false],
    ['a qualifying training is a positive exit', 'positive', 'qualifying_training', true],
    ['a hire in another SIAE is positive', 'positive', 'other_siae', true],
    ['unemployed is another exit', 'other', 'unemployed', true],
    ['a long sickness is withdrawn from the exits', 'withdrawn', 'long_sickness', true],
    ['no ASP reason given (exits recorded before)', 'other', null, true],
  ])('%s', (_, category, reason, ok) => expect(aspReasonProblem(category, reason) === null).toBe(ok));

  test('every category has at least one reason', () => {
    const categories = new Set(Object.values(ASP_EXIT_REASONS).map((r) => r.category));
    expect([...categories].sort()).toEqual(['durable', 'other', 'positive', 'transition', 'withdrawn']);
  });
});
