import { describe, expect, test } from 'vitest';
import {
  type Extension,
  extensionVerdict,
  newPassVerdict,
  passEffectiveEnd,
  reachedThresholds,
  type Suspension,
  suspensionVerdict,
} from './pass-dates.js';

// Source: PRODUCT.md "PASS IAE … 2 years (end = start + 730 days − 1), suspensions (≤ 36 months each) push the
// end back, extensions of 12 months with caps per reason (RQTH 3 years, 50+ 5 years, particular difficulties
// 3 years, 57+ CDI up to 10 years)"; Code du travail R5132-1-8 to R5132-1-17.
describe('effective end of a PASS IAE', () => {
  test.each<[string, string, Suspension[], Extension[], string]>([
    ['a plain PASS: 730 days', '2026-01-01', [], [], '2027-12-31'],
    ['a PASS starting on a leap year', '2028-01-01', [], [], '2029-12-30'],
    [
      'a 10-day suspension pushes the end 10 days',
      '2026-01-01',
      [{ startDate: '2026-03-01', endDate: '2026-03-10' }],
      [],
      '2028-01-10',
    ],
    [
      'two suspensions add up',
      '2026-01-01',
      [
        { startDate: '2026-03-01', endDate: '2026-03-10' },
        { startDate: '2026-06-01', endDate: '2026-06-30' },
      ],
      [],
      '2028-02-09',
    ],
    ['a 12-month extension', '2026-01-01', [], [{ reason: 'rqth', months: 12 }], '2028-12-31'],
    [
      'an extension and a suspension',
      '2026-01-01',
      [{ startDate: '2026-02-01', endDate: '2026-02-28' }],
      [{ reason: 'senior_50', months: 12 }],
      '2029-01-28',
    ],
  ])('%s', (_, start, suspensions, extensions, end) =>
    expect(passEffectiveEnd(start, suspensions, extensions)).toBe(end),
  );
});

describe('suspensions', () => {
  const pass = { startDate: '2026-01-01', endDate: '2027-12-31' };
  test.each<[string, Suspension, string]>([
    ['a month', { startDate: '2026-05-01', endDate: '2026-05-31' }, 'ok'],
    ['exactly 36 months', { startDate: '2026-05-01', endDate: '2029-04-30' }, 'ok'],
    ['36 months and a day', { startDate: '2026-05-01', endDate: '2029-05-01' }, 'suspension_too_long'],
    ['before the PASS', { startDate: '2025-12-01', endDate: '2026-01-10' }, 'suspension_outside_pass'],
    ['ending before it starts', { startDate: '2026-05-10', endDate: '2026-05-01' }, 'suspension_dates'],
  ])('%s → %s', (_, s, code) => {
    const v = suspensionVerdict(pass, s);
    expect(v.ok ? 'ok' : v.code).toBe(code);
  });
});

describe('extensions and their caps per reason', () => {
  const twelve = (reason: Extension['reason'], n: number): Extension[] =>
    Array.from({ length: n }, () => ({ reason, months: 12 }));
  test.each<[string, Extension[], Extension, string]>([
    ['a first RQTH extension', [], { reason: 'rqth', months: 12 }, 'ok'],
    ['the third RQTH year (3 years cap)', twelve('rqth', 2), { reason: 'rqth', months: 12 }, 'ok'],
    ['a fourth RQTH year', twelve('rqth', 3), { reason: 'rqth', months: 12 }, 'pass_extension_cap'],
    ['the fifth 50+ year (5 years cap)', twelve('senior_50', 4), { reason: 'senior_50', months: 12 }, 'ok'],
    ['a sixth 50+ year', twelve('senior_50', 5), { reason: 'senior_50', months: 12 }, 'pass_extension_cap'],
    [
      'a fourth year for particular difficulties',
      twelve('particular_difficulties', 3),
      { reason: 'particular_difficulties', months: 12 },
      'pass_extension_cap',
    ],
    ['caps are per reason', twelve('rqth', 3), { reason: 'senior_50', months: 12 }, 'ok'],
    ['57+ CDI inclusion: 10 years at once', [], { reason: 'cdi_inclusion_57', months: 120 }, 'ok'],
    [
      '57+ CDI inclusion beyond 10 years',
      [{ reason: 'cdi_inclusion_57', months: 120 }],
      { reason: 'cdi_inclusion_57', months: 1 },
      'pass_extension_cap',
    ],
    ['13 months at once', [], { reason: 'rqth', months: 13 }, 'pass_extension_length'],
  ])('%s → %s', (_, existing, added, code) => {
    const v = extensionVerdict(existing, added);
    expect(v.ok ? 'ok' : v.code).toBe(code);
  });
});

// Source: PRODUCT.md "the 2-year waiting period after expiry before a new PASS".
describe('a new PASS after a previous one', () => {
  test.each<[string, { endDate: string }[], string, string]>([
    ['a first PASS', [], '2026-01-01', 'ok'],
    ['while the previous is still valid', [{ endDate: '2026-06-30' }], '2026-06-01', 'pass_already_valid'],
    ['a day after expiry', [{ endDate: '2026-06-30' }], '2026-07-01', 'pass_waiting_period'],
    ['2 years minus a day after expiry', [{ endDate: '2026-06-30' }], '2028-06-30', 'pass_waiting_period'],
    ['2 years after expiry', [{ endDate: '2026-06-30' }], '2028-07-01', 'ok'],
  ])('%s → %s', (_, previous, start, code) => {
    const v = newPassVerdict(previous, start);
    expect(v.ok ? 'ok' : v.code).toBe(code);
  });
});

describe('alert thresholds before the end', () => {
  test.each<[string, string, number[]]>([
    ['61 days left: none', '2026-01-01', []],
    ['60 days left: the 60-day alert', '2026-01-02', [60]],
    ['30 days left: both', '2026-02-01', [30, 60]],
    ['the last day', '2026-03-03', [30, 60]],
    ['expired', '2026-03-04', []],
  ])('%s', (_, today, expected) => expect(reachedThresholds('2026-03-03', today)).toEqual(expected));
});
