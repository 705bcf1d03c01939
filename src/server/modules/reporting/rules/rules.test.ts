import { describe, expect, test } from 'vitest';
import { ETP_MINUTES_PER_YEAR, etpConsumption, etpOf } from './etp.js';
import { dynamicExitRate, median } from './exit-rate.js';

const exits = (durable: number, transition: number, positive: number, other: number, withdrawn: number) => ({
  durable,
  transition,
  positive,
  other,
  withdrawn,
});

describe('dynamic exit rate (DGEFP: dynamic exits / (exits − withdrawals), persons ≥ 150 h only)', () => {
  test.each([
    ['no exit at all: no rate', exits(0, 0, 0, 0, 0), null],
    ['only withdrawals: neutral, so no rate (DGEFP: retraits excluded)', exits(0, 0, 0, 0, 3), null],
    ['one durable employment out of one', exits(1, 0, 0, 0, 0), 1],
    ['durable + transition + positive all count as dynamic (PRODUCT.md, ASP categories)', exits(1, 1, 1, 1, 0), 0.75],
    ['withdrawals leave the denominator (DGEFP)', exits(1, 0, 0, 1, 2), 0.5],
    ['other exits only: rate 0', exits(0, 0, 0, 4, 0), 0],
    ['rounded to the thousandth: 2 / 3', exits(2, 0, 0, 1, 0), 0.667],
  ])('%s', (_, e, expected) => expect(dynamicExitRate(e)).toBe(expected));
});

describe('ETP (PRODUCT.md: 1 ETP = 1 607 h a year for an AI; L3121-41 annual reference)', () => {
  test.each([
    ['1 607 h over a year is one ETP', 1607 * 60, 365, 1],
    ['nothing worked', 0, 365, 0],
    ['a month: 1 607 h × 31/365 is one ETP for the month', Math.round(1607 * 60 * (31 / 365)), 31, 1],
    ['half of the year’s hours over the year', (1607 * 60) / 2, 365, 0.5],
    ['100 ETP of the reference AI (PRODUCT.md scale)', 100 * 1607 * 60, 365, 100],
    ['empty period', 600, 0, 0],
  ])('%s', (_, minutes, days, expected) => expect(etpOf(minutes, days)).toBe(expected));

  test('the constant is 1 607 h in minutes', () => expect(ETP_MINUTES_PER_YEAR).toBe(96_420));

  test.each([
    ['no convention: no share', 10, null, null],
    ['half of the convention', 5, 10, 0.5],
    ['over the convention (aide au poste capped at it)', 12, 10, 1.2],
  ])('%s', (_, etp, convention, expected) => expect(etpConsumption(etp, convention)).toBe(expected));
});

describe('median', () => {
  test.each([
    ['empty', [], null],
    ['odd count', [30, 10, 20], 20],
    ['even count: mean of the middle two', [10, 20, 30, 40], 25],
  ])('%s', (_, values, expected) => expect(median(values)).toBe(expected));
});
