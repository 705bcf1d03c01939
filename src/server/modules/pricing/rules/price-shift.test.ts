import { describe, expect, test } from 'vitest';
import { parisInstant } from '../../calendar/paris-time.js';
import { aggregateLines, lineAmountCents, priceShift, type Rate, roundHalfUp } from './price-shift.js';

const rate: Rate = {
  hourlyRateCents: 2000,
  nightSurchargePct: 25,
  sundaySurchargePct: 50,
  holidaySurchargePct: 100,
  travelFeeCents: 0,
  minimumBilledMinutes: 0,
};
const at = (d: string, t: string) => parisInstant(d, t);

// Sources: Code du travail L3133-1 (public holidays), L3122-2 (night work between 21:00 and 06:00 by
// default), the AI's own rate table (surcharges, minimum billed duration, travel fee).
describe('pricing an intervention', () => {
  test.each([
    {
      name: 'a weekday morning is all normal minutes',
      start: at('2026-11-17', '08:00'),
      end: at('2026-11-17', '12:00'),
      r: rate,
      minutes: { normal: 240, night: 0, sunday: 0, holiday: 0 },
      total: 8000,
    },
    {
      name: 'crossing midnight splits normal and night at 21:00',
      start: at('2026-11-17', '20:00'),
      end: at('2026-11-18', '02:00'),
      r: rate,
      minutes: { normal: 60, night: 300, sunday: 0, holiday: 0 },
      total: 2000 + 12500,
    },
    {
      name: 'a Sunday that is a public holiday is priced as a holiday (Toussaint 2026)',
      start: at('2026-11-01', '09:00'),
      end: at('2026-11-01', '12:00'),
      r: rate,
      minutes: { normal: 0, night: 0, sunday: 0, holiday: 180 },
      total: 12000,
    },
    {
      name: 'a plain Sunday gets the Sunday surcharge',
      start: at('2026-11-22', '07:00'),
      end: at('2026-11-22', '14:00'),
      r: rate,
      // 06:00–07:00 is not in the shift: all 420 minutes are Sunday day minutes.
      minutes: { normal: 0, night: 0, sunday: 420, holiday: 0 },
      total: 21000,
    },
    {
      name: 'on a Sunday night the higher of Sunday and night applies',
      start: at('2026-11-22', '20:00'),
      end: at('2026-11-22', '23:00'),
      r: { ...rate, nightSurchargePct: 60 },
      minutes: { normal: 0, night: 120, sunday: 60, holiday: 0 },
      total: 3000 + 6400,
    },
    {
      name: 'the night the clocks go forward has one hour less (29/03/2026)',
      start: at('2026-03-28', '21:00'),
      end: at('2026-03-29', '06:00'),
      r: rate,
      minutes: { normal: 0, night: 180, sunday: 300, holiday: 0 },
      total: 7500 + 15000,
    },
    {
      name: 'the night the clocks go back has one hour more (25/10/2026)',
      start: at('2026-10-24', '22:00'),
      end: at('2026-10-25', '05:00'),
      r: { ...rate, sundaySurchargePct: 0 },
      minutes: { normal: 0, night: 480, sunday: 0, holiday: 0 },
      total: 20000,
    },
  ])('$name', ({ start, end, r, minutes, total }) => {
    const priced = priceShift({ start, end, rate: r });
    expect(priced.minutes).toEqual(minutes);
    expect(priced.totalCents).toBe(total);
  });

  test('a short intervention is billed up to the minimum duration on a separate line', () => {
    const priced = priceShift({
      start: at('2026-11-17', '09:00'),
      end: at('2026-11-17', '10:00'),
      rate: { ...rate, minimumBilledMinutes: 120, travelFeeCents: 450 },
    });
    expect(priced.lines.map((l) => [l.kind, l.minutes, l.totalCents])).toEqual([
      ['normal', 60, 2000],
      ['minimum', 60, 2000],
      ['travel', 0, 450],
    ]);
    expect(priced.workedMinutes).toBe(60);
    expect(priced.billedMinutes).toBe(120);
  });

  test('breaks come off the cheapest minutes', () => {
    const priced = priceShift({
      start: at('2026-11-17', '20:00'),
      end: at('2026-11-17', '23:00'),
      breakMinutes: 90,
      rate,
    });
    expect(priced.minutes).toEqual({ normal: 0, night: 90, sunday: 0, holiday: 0 });
  });

  test('a rate change in the middle of the month gives two lines, each at its own price', () => {
    const before = priceShift({ start: at('2026-11-10', '08:00'), end: at('2026-11-10', '10:00'), rate });
    const newRate = { ...rate, hourlyRateCents: 2100 };
    const after = priceShift({ start: at('2026-11-20', '08:00'), end: at('2026-11-20', '10:00'), rate: newRate });
    const lines = aggregateLines([
      { rome: 'K2204', workerId: 'w', rate, priced: before },
      { rome: 'K2204', workerId: 'w', rate: newRate, priced: after },
    ]);
    expect(lines.map((l) => [l.hourlyRateCents, l.minutes, l.totalCents])).toEqual([
      [2000, 120, 4000],
      [2100, 120, 4200],
    ]);
  });

  test.each([
    { n: 61, d: 2, out: 31 },
    { n: 59, d: 2, out: 30 },
    { n: 5, d: 10, out: 1 },
    { n: 4, d: 10, out: 0 },
    { n: 0, d: 7, out: 0 },
  ])('round half up: $n / $d = $out', ({ n, d, out }) => {
    expect(roundHalfUp(n, d)).toBe(out);
  });

  test.each([
    // 20 min × 18,55 € × 1,25 = 7,7291… → 7,73 €
    { minutes: 20, cents: 1855, pct: 25, out: 773 },
    // 1 min × 18,30 € = 0,305 € → 0,31 € (half up)
    { minutes: 1, cents: 1830, pct: 0, out: 31 },
    // 3 min × 10,10 € = 0,505 € → 0,51 €
    { minutes: 3, cents: 1010, pct: 0, out: 51 },
  ])('a line of $minutes min at $cents c/h +$pct % is $out cents', ({ minutes, cents, pct, out }) => {
    expect(lineAmountCents(minutes, cents, pct)).toBe(out);
  });

  test('lines are rounded once, after summing the minutes of the month', () => {
    const r = { ...rate, hourlyRateCents: 1855 };
    const items = [0, 1, 2].map((i) => ({
      rome: 'K2204',
      workerId: 'w',
      rate: r,
      priced: priceShift({ start: at(`2026-11-1${i + 6}`, '08:00'), end: at(`2026-11-1${i + 6}`, '08:20'), rate: r }),
    }));
    // 60 min at 18,55 € = 18,55 €, not 3 × 6,18 € = 18,54 €
    expect(aggregateLines(items)[0].totalCents).toBe(1855);
  });
});
