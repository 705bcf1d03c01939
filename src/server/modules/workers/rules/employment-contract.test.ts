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

// Source: Code du travail L5132-11-1 (CDDI beyond 24 months: to finish a training under way, or for a person
// aged 50 or more or a recognised disabled worker, on France Travail's decision; at most 60 months).
describe('CDDI beyond 24 months', () => {
  const before = facts({ contracts: [{ kind: 'cddi', startDate: '2025-01-01', endDate: '2026-06-30' }] });
  const senior = facts({ birthDate: '1970-01-01', contracts: before.contracts });
  const third = { startDate: '2027-01-01', endDate: '2027-12-31' };
  test.each<[string, ContractRequest, ContractFacts, string]>([
    ['no case given (L5132-11-1)', req(third), before, 'cddi_max_duration'],
    ['to finish a training (L5132-11-1)', req({ ...third, extensionReason: 'training' }), before, 'ok'],
    [
      'aged 57, on France Travail’s decision (L5132-11-1)',
      req({ ...third, extensionReason: 'senior_50', extensionDecisionOn: '2026-12-01' }),
      senior,
      'ok',
    ],
    [
      'aged 57 without France Travail’s decision',
      req({ ...third, extensionReason: 'senior_50' }),
      senior,
      'cddi_extension_reason',
    ],
    [
      'aged 36, said to be 50+',
      req({ ...third, extensionReason: 'senior_50', extensionDecisionOn: '2026-12-01' }),
      before,
      'cddi_extension_reason',
    ],
    [
      'RQTH on France Travail’s decision (L5132-11-1)',
      req({ ...third, extensionReason: 'rqth', extensionDecisionOn: '2026-12-01' }),
      before,
      'ok',
    ],
    [
      'particular difficulties alone no longer extend (L5132-11-1 as amended)',
      req({ ...third, extensionReason: 'particular_difficulties' as ContractRequest['extensionReason'] }),
      before,
      'cddi_extension_reason',
    ],
    [
      'beyond 60 months even with a case (L5132-11-1: 60 months)',
      req({ startDate: '2029-01-01', endDate: '2030-12-31', extensionReason: 'training' }),
      facts({ contracts: [{ kind: 'cddi', startDate: '2025-01-01', endDate: '2028-12-31' }] }),
      'cddi_max_duration',
    ],
  ])('%s → %s', (_, r, f, code) => {
    const v = contractVerdict(r, f);
    expect(v.ok ? 'ok' : v.code).toBe(code);
  });
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
