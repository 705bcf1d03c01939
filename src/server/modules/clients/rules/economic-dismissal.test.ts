import { expect, test } from 'vitest';
import { blockedByEconomicDismissal, economicDismissalUntil } from './economic-dismissal.js';

/** L5132-7: six months after an economic dismissal. */
test.each([
  ['six months later', '2026-05-12', '2026-11-12'],
  ['the end of a shorter month', '2026-08-31', '2027-02-28'],
  ['across the year', '2026-12-01', '2027-06-01'],
])('%s', (_, on, until) => expect(economicDismissalUntil(on)).toBe(until));

test.each([
  ['no flag', null, '2026-11-20', false],
  ['a contract before the end of the 6 months', '2026-12-01', '2026-11-30', true],
  ['a contract from the end date', '2026-12-01', '2026-12-01', false],
])('blocks: %s', (_, until, on, expected) => expect(blockedByEconomicDismissal(until, on)).toBe(expected));
