import { describe, expect, test } from 'vitest';
import { addDays, parisInstant, parisParts } from '../../calendar/paris-time.js';
import { parisClock, parisDay, parisMidnightMs } from './paris-clock.js';

// The fast clock of the planning's hot loops must agree with calendar/paris-time.ts (Intl, the reference) on
// every day and around every change of the clocks (EU rule: last Sundays of March and October, 01:00 UTC).
describe('fast Paris clock against Intl', () => {
  test('Paris midnight of every day from 2024 to 2030', () => {
    for (let d = '2024-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) {
      expect(parisMidnightMs(d), d).toBe(parisInstant(d).getTime());
    }
  });

  test.each([
    ['clocks go forward', '2026-03-29T00:00:00Z'],
    ['clocks go back', '2026-10-25T00:00:00Z'],
    ['new year', '2026-12-31T20:00:00Z'],
    ['an ordinary winter day', '2026-11-30T00:00:00Z'],
  ])('%s: every quarter of an hour for a day from %s', (_, from) => {
    const start = Date.parse(from);
    for (let ms = start; ms < start + 86_400_000; ms += 900_000) {
      const p = parisParts(new Date(ms));
      const c = parisClock(ms);
      expect(parisDay(ms)).toBe(p.date);
      expect(c).toMatchObject({ date: p.date, minuteOfDay: p.hour * 60 + p.minute, weekday: p.weekday });
    }
  });
});
