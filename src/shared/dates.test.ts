import { describe, expect, test } from 'vitest';
import { addDays, addMonths, daysBetween, mondayOf, weekdayOf } from './dates.js';
import { formatDate, formatMinutes, formatWholeHours, frenchMonth } from './format.js';

describe('calendar days', () => {
  test.each([
    ['a month later', '2026-01-15', 1, '2026-02-15'],
    ['31 January + 1 month is the end of February', '2026-01-31', 1, '2026-02-28'],
    ['in a leap year', '2028-01-31', 1, '2028-02-29'],
    ['over a year end', '2026-11-30', 3, '2027-02-28'],
    ['24 months (the 480 h window, L5132-9)', '2025-03-01', 24, '2027-03-01'],
    ['backwards', '2026-03-31', -1, '2026-02-28'],
  ])('addMonths: %s', (_, date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  test.each([
    ['a Wednesday', '2026-11-25', '2026-11-23'],
    ['a Monday is its own', '2026-11-23', '2026-11-23'],
    ['a Sunday belongs to the week before', '2026-11-29', '2026-11-23'],
    ['across a month', '2026-12-03', '2026-11-30'],
  ])('mondayOf: %s', (_, date, expected) => expect(mondayOf(date)).toBe(expected));

  test('adds days across the autumn clock change and counts them back', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(weekdayOf('2026-11-29')).toBe(0);
  });
});

describe('French formats', () => {
  test.each([
    [0, '0 h'],
    [420, '7 h'],
    [425, '7 h 05'],
    [450, '7 h 30'],
  ])('formatMinutes(%i) = %s', (minutes, expected) => expect(formatMinutes(minutes)).toBe(expected));

  test('whole hours, days and months', () => {
    expect(formatWholeHours(74_070)).toBe('1\u202f235 h');
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
    expect(frenchMonth('2026-02')).toBe('février 2026');
  });
});
