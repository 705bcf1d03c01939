import { describe, expect, test } from 'vitest';
import { addMonths, countsForHoursCap, derogationRuns, hoursCapVerdict, hoursCapWindow } from './hours-cap.js';

describe('which users count for the 480 h cap: the legal form (L5132-9, L2211-1)', () => {
  test.each<[string, string | null, boolean, string]>([
    ['a company (SAS)', '5710', true, 'L5132-9, L2211-1'],
    ['a for-profit care home run by a SARL', '5499', true, 'L5132-9, L2211-1'],
    ['a social landlord that is an SA d’HLM', '5546', true, 'L5132-9, L2211-1'],
    ['a social landlord that is an OPH (EPIC)', '7371', true, 'L2211-1; CCH L421-1'],
    ['a non-profit care home run by an association', '9220', false, 'L5132-9 last paragraph'],
    ['a public care home', '7366', false, 'L2211-1'],
    ['a private individual', 'private_individual', false, 'L5132-9 last paragraph'],
    ['a local authority', '7210', false, 'L2211-1'],
    ['a client whose legal form is unknown (safe side)', null, true, 'L5132-9'],
  ])('%s (%s)', (_, legalForm, expected) => expect(countsForHoursCap(legalForm)).toBe(expected));
});

describe('the 480 h verdict (R5132-18)', () => {
  test.each([
    ['under the cap', 20_000, 420, false, 'ok'],
    ['from 80 % the officer is warned', 23_040, 0, false, 'warning'],
    ['reaching exactly 480 h', 28_380, 420, false, 'warning'],
    ['one minute over', 28_381, 420, false, 'enterprise_hours_cap'],
    ['over, with a derogation', 28_381, 420, true, 'ok'],
  ])('%s', (_, placed, added, derog, expected) => expect(hoursCapVerdict(placed, added, derog).code).toBe(expected));
});

describe('the 24-month window opens with the first counted placement', () => {
  const placements = [
    { date: '2025-01-10', minutes: 600 },
    { date: '2026-06-01', minutes: 300 },
    { date: '2027-01-10', minutes: 120 },
    { date: '2027-02-01', minutes: 60 },
  ];
  test.each([
    ['inside the first window', '2026-12-31', '2025-01-10', '2027-01-09', 900],
    ['on the last day of the first window', '2027-01-09', '2025-01-10', '2027-01-09', 900],
    ['after it: the next placement opens a new one', '2027-03-01', '2027-01-10', '2029-01-09', 180],
    ['before any placement', '2024-12-01', null, null, 0],
  ])('%s', (_, date, start, end, minutes) => {
    const w = hoursCapWindow(placements, date);
    expect([w.windowStart, w.windowEnd, w.countedMinutes]).toEqual([start, end, minutes]);
  });
  test('placing on a day without window opens one that holds the placements planned after', () => {
    expect(hoursCapWindow(placements, '2024-12-01', { placingOn: true })).toEqual({
      windowStart: '2024-12-01',
      windowEnd: '2026-11-30',
      countedMinutes: 900,
    });
  });
  test('months are added on the calendar', () => {
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
  test('a derogation runs between its dates', () => {
    expect(derogationRuns('2026-01-01', '2026-12-31', '2026-06-01')).toBe(true);
    expect(derogationRuns('2026-01-01', '2026-12-31', '2027-01-01')).toBe(false);
    expect(derogationRuns(null, null, '2026-06-01')).toBe(false);
  });
});
