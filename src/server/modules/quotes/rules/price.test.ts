import { describe, expect, test } from 'vitest';
import { parisInstant } from '../../calendar/paris-time.js';
import { pickRate } from './pick-rate.js';
import { lineTotalCents, priceShift, quoteTotalCents, surchargeMinutes } from './price.js';

const rate = {
  hourlyRateCents: 2000,
  nightSurchargePct: 25,
  sundaySurchargePct: 50,
  holidaySurchargePct: 100,
  travelFeeCents: 0,
  minimumBilledMinutes: 0,
};
const at = (date: string, time: string) => parisInstant(date, time);

describe('quote line totals (API.md: round(minutes × hourlyRateCents / 60))', () => {
  test.each([
    ['whole hours', 600, 2350, 23500],
    ['a quarter of an hour rounds to the cent', 15, 2333, 583],
    ['half a cent rounds up', 1, 30, 1],
    ['35 h at 21,40 €', 2100, 2140, 74900],
  ])('%s', (_, minutes, rateCents, expected) => expect(lineTotalCents(minutes, rateCents)).toBe(expected));

  test('the quote total is the sum of its rounded lines', () => {
    expect(
      quoteTotalCents([
        { minutes: 15, hourlyRateCents: 2333 },
        { minutes: 15, hourlyRateCents: 2333 },
      ]),
    ).toBe(1166);
  });
});

describe('surcharges of a period (Paris time)', () => {
  test.each([
    // label, start date, start time, end date, end time, minutes, night, sunday, holiday
    ['a weekday morning has none', '2026-11-18', '08:00', '2026-11-18', '12:00', 240, 0, 0, 0],
    ['a night shift crossing midnight', '2026-11-18', '20:00', '2026-11-19', '07:00', 660, 540, 0, 0],
    ['Saturday night into Sunday', '2026-11-21', '21:00', '2026-11-22', '07:00', 600, 540, 420, 0],
    [
      'a Sunday that is a public holiday counts once, as a holiday',
      '2026-11-01',
      '08:00',
      '2026-11-01',
      '12:00',
      240,
      0,
      0,
      240,
    ],
    ['Easter Monday is a public holiday', '2027-03-29', '08:00', '2027-03-29', '10:00', 120, 0, 0, 120],
    [
      'the night the clocks go back lasts one hour longer',
      '2026-10-24',
      '22:00',
      '2026-10-25',
      '06:00',
      540,
      540,
      420,
      0,
    ],
  ])('%s', (_, d1, t1, d2, t2, minutes, night, sunday, holiday) => {
    expect(surchargeMinutes(at(d1, t1), at(d2, t2))).toEqual({
      minutes,
      nightMinutes: night,
      sundayMinutes: sunday,
      holidayMinutes: holiday,
    });
  });
});

describe('price of a period under a rate', () => {
  test('night surcharge crossing midnight', () => {
    const p = priceShift(at('2026-11-18', '20:00'), at('2026-11-19', '07:00'), rate);
    expect(p.baseCents).toBe(22000);
    expect(p.nightCents).toBe(4500); // 9 h × 5 €
    expect(p.totalCents).toBe(26500);
  });

  test('a Sunday that is a public holiday takes the holiday surcharge only', () => {
    const p = priceShift(at('2026-11-01', '08:00'), at('2026-11-01', '12:00'), rate);
    expect(p.sundayCents).toBe(0);
    expect(p.holidayCents).toBe(8000);
    expect(p.totalCents).toBe(16000);
  });

  test('a short intervention is billed the minimum duration, plus the travel fee', () => {
    const p = priceShift(at('2026-11-18', '09:00'), at('2026-11-18', '10:00'), {
      ...rate,
      minimumBilledMinutes: 120,
      travelFeeCents: 500,
    });
    expect(p.minutes).toBe(60);
    expect(p.billedMinutes).toBe(120);
    expect(p.totalCents).toBe(4000 + 500);
  });
});

describe('choosing the rate (most specific, effective that day)', () => {
  const rates = [
    { id: 'default', rome: null, clientKind: null, effectiveFrom: '2026-01-01', effectiveTo: null },
    { id: 'care-home', rome: null, clientKind: 'care_home', effectiveFrom: '2026-01-01', effectiveTo: null },
    { id: 'cleaning-old', rome: 'K2204', clientKind: null, effectiveFrom: '2026-01-01', effectiveTo: '2026-11-15' },
    { id: 'cleaning-new', rome: 'K2204', clientKind: null, effectiveFrom: '2026-11-16', effectiveTo: null },
    { id: 'cleaning-care', rome: 'K2204', clientKind: 'care_home', effectiveFrom: '2026-06-01', effectiveTo: null },
  ];
  test.each([
    ['job and kind beat job only', 'K2204', 'care_home', '2026-11-20', 'cleaning-care'],
    ['job beats kind', 'K2204', 'company', '2026-11-20', 'cleaning-new'],
    ['a rate change mid-month: before the change, the old price', 'K2204', 'company', '2026-11-15', 'cleaning-old'],
    ['a rate change mid-month: from the change, the new price', 'K2204', 'company', '2026-11-16', 'cleaning-new'],
    ['kind only when the job has no rate', 'J1301', 'care_home', '2026-11-20', 'care-home'],
    ['the default otherwise', 'J1301', 'individual', '2026-11-20', 'default'],
    ['before the job-and-kind rate began', 'K2204', 'care_home', '2026-05-31', 'cleaning-old'],
  ])('%s', (_, rome, clientKind, on, expected) => {
    expect(pickRate(rates, { rome, clientKind, on })?.id).toBe(expected);
  });
  test('nothing before any rate', () => {
    expect(pickRate(rates, { rome: 'K2204', clientKind: 'company', on: '2025-12-31' })).toBeNull();
  });
});
