import { describe, expect, test } from 'vitest';
import { parisInstant } from '../../calendar/paris-time.js';
import {
  ageOn,
  contractHoursBreach,
  DEFAULT_LIMITS,
  dailyHoursBreach,
  sixDaysBreach,
  touchesNight,
  weeklyRestBreach,
} from './working-time.js';

const h = (n: number) => n * 60;
const at = (date: string, time: string) => parisInstant(date, time).getTime();

describe('working-time rules (Code du travail), each row naming its article', () => {
  test.each<[string, number, boolean, string | null]>([
    ['L3121-18: 10 h a day is allowed', h(10), false, null],
    ['L3121-18: 10 h 01 is not', h(10) + 1, false, 'daily_hours_exceeded'],
    ['L3162-1: 8 h a day for a worker under 18', h(8), true, null],
    ['L3162-1: 8 h 30 is too much under 18', h(8.5), true, 'minor_hours_exceeded'],
  ])('%s', (_, dayMinutes, minor, code) => {
    expect(dailyHoursBreach({ dayMinutes, minor, limits: DEFAULT_LIMITS })?.code ?? null).toBe(code);
  });

  test.each<[string, number, number | null, number, string | null]>([
    ['L3123-20: 20 h contract, 22 h worked (a tenth)', h(22), h(20), 0.1, null],
    ['L3123-20: 20 h contract, 22 h 01 worked', h(22) + 1, h(20), 0.1, 'contract_hours_exceeded'],
    ['L3123-21: 20 h contract, 26 h 40 with a third by agreement', h(26) + 40, h(20), 1 / 3, null],
    ['L3123-9: complementary hours never reach 35 h', h(35), h(30), 1 / 3, 'contract_hours_exceeded'],
    ['L3121-27: a full-time contract is bounded by the maxima only', h(42), h(35), 0.1, null],
  ])('%s', (_, weekMinutes, contractWeeklyMinutes, share, code) => {
    const limits = { ...DEFAULT_LIMITS, complementaryShare: share };
    expect(contractHoursBreach({ weekMinutes, contractWeeklyMinutes, limits })?.code ?? null).toBe(code);
  });

  test.each<[string, string[], string | null]>([
    [
      'L3132-1: six days are allowed',
      ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12'],
      null,
    ],
    [
      'L3132-1: seven are not',
      ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'],
      'six_days_a_week',
    ],
    ['L3132-1: two shifts on one day are one day', ['2026-12-07', '2026-12-07'], null],
  ])('%s', (_, workDays, code) => expect(sixDaysBreach({ workDays })?.code ?? null).toBe(code));

  const week = { weekStartMs: at('2026-12-07', '00:00'), weekEndMs: at('2026-12-14', '00:00') };
  test.each<[string, [string, string, string, string][], string | null]>([
    [
      'L3132-2: Saturday 20:00 to Monday 08:00 is 36 h of rest',
      [
        ['2026-12-12', '08:00', '2026-12-12', '20:00'],
        ['2026-12-14', '08:00', '2026-12-14', '12:00'],
      ],
      null,
    ],
    [
      'L3132-2: Saturday 23:00 to Monday 06:00 is 31 h only',
      [
        ['2026-12-06', '20:00', '2026-12-06', '23:00'],
        ['2026-12-07', '06:00', '2026-12-07', '16:00'],
        ['2026-12-08', '06:00', '2026-12-08', '16:00'],
        ['2026-12-09', '06:00', '2026-12-09', '16:00'],
        ['2026-12-10', '06:00', '2026-12-10', '16:00'],
        ['2026-12-11', '06:00', '2026-12-11', '16:00'],
        ['2026-12-12', '13:00', '2026-12-12', '23:00'],
        ['2026-12-14', '06:00', '2026-12-14', '10:00'],
      ],
      'weekly_rest',
    ],
  ])('%s', (_, periods, code) => {
    const work = periods.map(([d1, t1, d2, t2]) => ({ startMs: at(d1, t1), endMs: at(d2, t2) }));
    expect(weeklyRestBreach({ ...week, work })?.code ?? null).toBe(code);
  });

  test.each<[string, number, number, boolean]>([
    ['L3122-2: 21:00–06:00 is night; 08:00–12:00 is not', 8 * 60, 12 * 60, false],
    ['L3122-2: a shift ending at 21:30 touches the night', 17 * 60, 21 * 60 + 30, true],
    ['L3122-2: a shift starting at 05:00 touches the night', 5 * 60, 9 * 60, true],
    ['L3122-2: an overnight shift', 23 * 60, 24 * 60 + 120, true],
  ])('%s', (_, start, end, night) => expect(touchesNight(start, end, '21:00', '06:00')).toBe(night));

  test('age in whole years (L3162-1 applies before the 18th birthday)', () => {
    expect(ageOn('2008-12-08', '2026-12-07')).toBe(17);
    expect(ageOn('2008-12-07', '2026-12-07')).toBe(18);
  });
});
