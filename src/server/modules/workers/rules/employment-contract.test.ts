import { describe, expect, test } from 'vitest';
import { type ContractFacts, type ContractRequest, contractVerdict } from './employment-contract.js';
import { birthDateProblem, passNumberProblem } from './identity.js';

// Source: PRODUCT.md "Contracts: CDD d'usage, CDDI (≥ 4 months, ≤ 24 months total), CDI inclusion
// (57+, after 12 months of pathway, ≤ 20 % of the AI's ETP). Weekly hours may be under 24 h";
// Code du travail L5132-11-1, L5132-15-1.
const facts = (o: Partial<ContractFacts> = {}): ContractFacts => ({
  birthDate: '1990-01-01',
  contracts: [],
  pathwayStart: null,
  conventionEtp: 100,
  cdiInclusionEtp: 0,
  ...o,
});
const req = (o: Partial<ContractRequest>): ContractRequest => ({
  kind: 'cddi',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  weeklyMinutes: 20 * 60,
  ...o,
});

describe('employment contract rules', () => {
  test.each<[string, ContractRequest, ContractFacts, string]>([
    ['a CDDU of one week', req({ kind: 'cddu', endDate: '2026-01-07' }), facts(), 'ok'],
    ['a CDDU without an end', req({ kind: 'cddu', endDate: null }), facts(), 'fixed_term_needs_end'],
    ['a CDDI of 12 h a week (under 24 h is allowed)', req({ weeklyMinutes: 12 * 60 }), facts(), 'ok'],
    ['a CDDI of exactly 4 months', req({ endDate: '2026-04-30' }), facts(), 'ok'],
    ['a CDDI of 4 months minus a day', req({ endDate: '2026-04-29' }), facts(), 'cddi_min_duration'],
    ['a CDDI of 24 months', req({ endDate: '2027-12-31' }), facts(), 'ok'],
    ['a CDDI of 25 months', req({ endDate: '2028-01-31' }), facts(), 'cddi_max_duration'],
    [
      'a second CDDI bringing the total over 24 months',
      req({ startDate: '2027-01-01', endDate: '2027-12-31' }),
      facts({ contracts: [{ kind: 'cddi', startDate: '2025-01-01', endDate: '2026-06-30' }] }),
      'cddi_max_duration',
    ],
    [
      'the same, for a person of 50+ (extension case)',
      req({ startDate: '2027-01-01', endDate: '2027-12-31', extensionReason: 'senior_50' }),
      facts({ contracts: [{ kind: 'cddi', startDate: '2025-01-01', endDate: '2026-06-30' }] }),
      'ok',
    ],
    [
      'overlapping an existing contract',
      req({ startDate: '2026-06-01' }),
      facts({ contracts: [{ kind: 'cddu', startDate: '2026-05-01', endDate: '2026-06-15' }] }),
      'employment_contract_overlap',
    ],
    [
      'starting the day after the previous one ends',
      req({ startDate: '2026-06-16', endDate: '2026-12-31' }),
      facts({ contracts: [{ kind: 'cddu', startDate: '2026-05-01', endDate: '2026-06-15' }] }),
      'ok',
    ],
    [
      'a CDI inclusion at 58 after 12 months',
      req({ kind: 'cdi_inclusion', endDate: null }),
      facts({ birthDate: '1967-06-01', pathwayStart: '2024-12-01' }),
      'ok',
    ],
    [
      'a CDI inclusion at 56',
      req({ kind: 'cdi_inclusion', endDate: null }),
      facts({ birthDate: '1969-06-01', pathwayStart: '2024-12-01' }),
      'cdi_inclusion_age',
    ],
    [
      'a CDI inclusion after 11 months of pathway',
      req({ kind: 'cdi_inclusion', endDate: null }),
      facts({ birthDate: '1960-06-01', pathwayStart: '2025-02-01' }),
      'cdi_inclusion_pathway',
    ],
    [
      'a CDI inclusion over 20 % of the ETP',
      req({ kind: 'cdi_inclusion', endDate: null, weeklyMinutes: 35 * 60 }),
      facts({ birthDate: '1960-06-01', pathwayStart: '2024-01-01', conventionEtp: 10, cdiInclusionEtp: 1.5 }),
      'cdi_inclusion_quota',
    ],
    [
      'a CDI inclusion with an end date',
      req({ kind: 'cdi_inclusion', endDate: '2027-01-01' }),
      facts({ birthDate: '1960-06-01', pathwayStart: '2024-01-01' }),
      'cdi_has_no_end',
    ],
  ])('%s → %s', (_, r, f, code) => {
    const v = contractVerdict(r, f);
    expect(v.ok ? 'ok' : v.code).toBe(code);
  });
});

describe('identity checks', () => {
  test.each<[string, string, boolean]>([
    ['an adult', '1990-05-12', true],
    ['born in the future', '2030-01-01', false],
    ['15 years old', '2011-01-01', false],
    ['exactly 16', '2010-11-23', true],
    ['81 years old', '1945-01-01', false],
    ['30 February', '1990-02-30', false],
  ])('birth date: %s', (_, birth, ok) => expect(birthDateProblem(birth, '2026-11-23') === null).toBe(ok));
  test.each<[string, boolean]>([
    ['999992612345', true],
    ['99999261234', false],
    ['9999926123456', false],
    ['9999 2612345', false],
    ['99999abc1234', false],
  ])('PASS number %s', (n, ok) => expect(passNumberProblem(n) === null).toBe(ok));
});
