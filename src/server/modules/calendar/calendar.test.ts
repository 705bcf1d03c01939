import { describe, expect, test } from 'vitest';
import { addDays, mondayOf, monthBounds, parisDate, parisInstant, parisParts } from './paris-time.js';
import { easterSunday, isPublicHoliday, isWorkingDay } from './public-holidays.js';

describe('Paris wall-clock time', () => {
  test.each([
    ['winter', '2026-01-15', '08:00', '2026-01-15T07:00:00.000Z'],
    ['summer', '2026-07-15', '08:00', '2026-07-15T06:00:00.000Z'],
    ['the morning clocks go forward', '2026-03-29', '04:00', '2026-03-29T02:00:00.000Z'],
    ['the morning clocks go back', '2026-10-25', '04:00', '2026-10-25T03:00:00.000Z'],
    ['midnight', '2026-11-23', '00:00', '2026-11-22T23:00:00.000Z'],
  ])('%s: %s %s is %s', (_, date, time, iso) => {
    expect(parisInstant(date, time).toISOString()).toBe(iso);
  });

  test('an instant late in the UTC evening is already the next day in Paris', () => {
    expect(parisDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(parisParts(new Date('2026-11-22T23:30:00Z'))).toMatchObject({ hour: 0, minute: 30, weekday: 1 });
  });

  test('date arithmetic', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
  });
});

describe('French public holidays', () => {
  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
  ])('Easter %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  test.each([
    ['Lundi de Pâques 2026', '2026-04-06', true],
    ['Ascension 2026', '2026-05-14', true],
    ['Lundi de Pentecôte 2026', '2026-05-25', true],
    ['Armistice', '2026-11-11', true],
    ['an ordinary Tuesday', '2026-11-24', false],
  ])('%s', (_, date, expected) => expect(isPublicHoliday(date)).toBe(expected));

  test.each([
    ['a Monday', '2026-11-23', true],
    ['a Saturday', '2026-11-28', false],
    ['a Sunday', '2026-11-29', false],
    ['Christmas on a Friday', '2026-12-25', false],
  ])('%s is a working day: %s', (_, date, expected) => expect(isWorkingDay(date)).toBe(expected));
});
