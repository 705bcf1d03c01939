import { describe, expect, test } from 'vitest';
import type { Rate } from './price-shift.js';
import { scheduleRange, splitQuoteHours } from './quote-hours.js';

const rate: Rate = {
  hourlyRateCents: 2000,
  nightSurchargePct: 25,
  sundaySurchargePct: 50,
  holidaySurchargePct: 100,
  travelFeeCents: 0,
  minimumBilledMinutes: 0,
};

describe('schedule ranges read from the diagnostic', () => {
  test.each([
    ['21h-7h', { from: 1260, to: 420 }],
    ['de 20:00 à 08:00', { from: 1200, to: 480 }],
    ['6h30 – 14h', { from: 390, to: 840 }],
    ['le matin', null],
  ])('%s', (text, expected) => expect(scheduleRange(text)).toEqual(expected));
});

// Rows: the organisation's rate card (night 21:00–06:00, Sunday, public holiday surcharges, as on invoices).
describe('a quote splits its hours into normal, night, Sunday and holiday lines', () => {
  test.each([
    [
      'weekdays by day: all normal (Mon 5 – Sat 10 Oct 2026, 6 days)',
      {
        minutes: 3600,
        schedule: '8h-12h',
        nights: false,
        weekends: false,
        startDate: '2026-10-05',
        endDate: '2026-10-10',
      },
      { normal: 3600 },
    ],
    [
      'nights and weekends over a week with no holiday (Mon 5 – Sun 11 Oct 2026): 1/7 Sunday, 9 of 10 night hours',
      {
        minutes: 4200,
        schedule: '21h-7h',
        nights: true,
        weekends: true,
        startDate: '2026-10-05',
        endDate: '2026-10-11',
      },
      { sunday: 600, night: 3240, normal: 360 },
    ],
    [
      'nights stated without a schedule: all night (Mon–Sat)',
      { minutes: 600, schedule: null, nights: true, weekends: false, startDate: '2026-10-05', endDate: '2026-10-10' },
      { night: 600 },
    ],
    [
      'a week with 11 November (holiday, Wednesday) and a Sunday, every day worked',
      {
        minutes: 700,
        schedule: '8h-18h',
        nights: false,
        weekends: true,
        startDate: '2026-11-09',
        endDate: '2026-11-15',
      },
      { holiday: 100, sunday: 100, normal: 500 },
    ],
  ])('%s', (_, input, expected) => {
    const lines = splitQuoteHours(input, rate);
    expect(Object.fromEntries(lines.map((l) => [l.kind, l.minutes]))).toEqual(expected);
    expect(lines.reduce((s, l) => s + l.minutes, 0)).toBe(input.minutes);
    for (const l of lines) expect(l.surchargePct).toBe({ normal: 0, night: 25, sunday: 50, holiday: 100 }[l.kind]);
  });
});
