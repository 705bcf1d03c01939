import { describe, expect, test } from 'vitest';
import { parisInstant } from '../../calendar/paris-time.js';
import { claimDeadline, isOverdue } from './claim-deadline.js';

// Dates in Paris time. Public holidays of 2026 (L3133-1): 1 Jan, 6 Apr (Easter Monday), 1 May, 8 May,
// 14 May (Ascension), 25 May (Whit Monday), 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec.
describe('structural need: 3 working days, weekends and public holidays excluded', () => {
  test.each([
    ['Monday morning → Thursday same time', '2026-11-16', '10:15', '2026-11-19', '10:15'],
    ['Wednesday → Monday (weekend skipped)', '2026-11-18', '09:00', '2026-11-23', '09:00'],
    ['Friday afternoon → Wednesday', '2026-11-20', '16:30', '2026-11-25', '16:30'],
    ['Saturday: clock starts Monday 00:00 → Thursday 00:00', '2026-11-21', '11:00', '2026-11-26', '00:00'],
    ['Sunday night: same as Saturday', '2026-11-22', '23:50', '2026-11-26', '00:00'],
    ['Tuesday 10 Nov: Armistice (Wed 11) skipped → Monday 16', '2026-11-10', '14:00', '2026-11-16', '14:00'],
    [
      'Thursday 24 Dec: Christmas (Fri 25) and weekend skipped → Wednesday 30',
      '2026-12-24',
      '08:00',
      '2026-12-30',
      '08:00',
    ],
    [
      'on a holiday (Ascension Thu 14 May): starts Friday 00:00 → Wednesday 20 May 00:00',
      '2026-05-14',
      '12:00',
      '2026-05-20',
      '00:00',
    ],
    ['Thursday 30 April: 1 May and weekend skipped → Wednesday 6 May', '2026-04-30', '10:00', '2026-05-06', '10:00'],
    ['Wednesday 6 May: 8 May skipped → Tuesday 12 May', '2026-05-06', '10:00', '2026-05-12', '10:00'],
    ['Friday 22 May: Whit Monday skipped → Thursday 28 May', '2026-05-22', '17:00', '2026-05-28', '17:00'],
    ['across the autumn clock change (Fri 23 Oct) keeps Paris time', '2026-10-23', '09:00', '2026-10-28', '09:00'],
  ])('%s', (_, date, time, expectedDate, expectedTime) => {
    expect(claimDeadline(parisInstant(date, time), 'structural').toISOString()).toBe(
      parisInstant(expectedDate, expectedTime).toISOString(),
    );
  });
});

describe('urgent need: 4 hours round the clock', () => {
  test.each([
    ['a weekday morning', '2026-11-23', '08:00', '2026-11-23', '12:00'],
    ['Saturday night, across midnight', '2026-11-21', '22:30', '2026-11-22', '02:30'],
    ['Christmas day counts like any day', '2026-12-25', '10:00', '2026-12-25', '14:00'],
  ])('%s', (_, date, time, expectedDate, expectedTime) => {
    expect(claimDeadline(parisInstant(date, time), 'urgent').toISOString()).toBe(
      parisInstant(expectedDate, expectedTime).toISOString(),
    );
  });
});

test('only an unclaimed, routed need past its deadline is overdue', () => {
  const deadlineAt = parisInstant('2026-11-23', '12:00');
  const after = parisInstant('2026-11-23', '12:01');
  const before = parisInstant('2026-11-23', '11:59');
  expect(isOverdue({ status: 'routed', deadlineAt }, after)).toBe(true);
  expect(isOverdue({ status: 'routed', deadlineAt }, before)).toBe(false);
  expect(isOverdue({ status: 'claimed', deadlineAt }, after)).toBe(false);
});
