import { describe, expect, test } from 'vitest';
import { countsForHoursCap, hoursCapGroup, isCompanyByLegalForm, PRIVATE_INDIVIDUAL } from './hours-cap-scope.js';

/** Which users count for the 480 h cap: the employer's legal nature (INSEE catégorie juridique) decides. */
describe('countsForHoursCap by legal form (L5132-9, R5132-18, L2211-1)', () => {
  test.each<[string, string | null, boolean, string]>([
    ['a SAS counts (company)', '5710', true, 'L5132-9, L2211-1'],
    ['a SARL counts, so does a for-profit care home run by one', '5499', true, 'L5132-9, L2211-1'],
    ['an SA d’HLM (conseil d’administration) counts: a company', '5546', true, 'L5132-9, L2211-1'],
    ['an SA d’HLM (directoire) counts: a company', '5646', true, 'L5132-9, L2211-1'],
    ['an individual entrepreneur counts (professional activity)', '1000', true, 'L5132-9 last paragraph'],
    ['a civil society (SCI) counts', '6540', true, 'L2211-1'],
    ['an EPIC counts', '4140', true, 'L2211-1'],
    ['an OPH counts: EPIC by CCH L421-1', '7371', true, 'L2211-1; CCH L421-1'],
    ['an unknown legal form counts (safe side)', null, true, 'L5132-9'],
    ['a private individual does not count', PRIVATE_INDIVIDUAL, false, 'L5132-9 last paragraph'],
    ['a declared association does not count', '9220', false, 'L5132-9 last paragraph; loi 1901 art. 1'],
    ['a non-profit care home run by an association does not count', '92', false, 'L5132-9 last paragraph'],
    ['a foundation does not count', '9300', false, 'L5132-9 last paragraph; loi 87-571 art. 18'],
    ['a mutuelle does not count', '8210', false, 'L5132-9 last paragraph; Code de la mutualité L111-1'],
    ['a ministry (the State) does not count', '7113', false, 'L2211-1'],
    ['a commune does not count', '7210', false, 'L2211-1'],
    ['a public care home (EPA social et médico-social) does not count', '7366', false, 'L2211-1'],
    ['a CCAS does not count', '7361', false, 'L2211-1'],
    ['a GIP does not count', '7410', false, 'L2211-1'],
  ])('%s', (_, legalForm, expected, _source) => {
    expect(countsForHoursCap(legalForm)).toBe(expected);
  });

  test('the longest INSEE prefix decides (7371 OPH before 73 EPA)', () => {
    expect(hoursCapGroup('7371')).toBe('epic');
    expect(hoursCapGroup('7379')).toBe('administrative_public_body');
    expect(hoursCapGroup('73')).toBe('administrative_public_body');
  });
});

describe('company by legal form (equivalent employee’s pay in the contract)', () => {
  test.each<[string, string | null, boolean]>([
    ['a SAS', '5710', true],
    ['an SA d’HLM', '5546', true],
    ['an individual entrepreneur', '1000', true],
    ['an association', '9220', false],
    ['an EPIC', '4140', false],
    ['a private individual', PRIVATE_INDIVIDUAL, false],
    ['unknown', null, false],
  ])('%s', (_, legalForm, expected) => expect(isCompanyByLegalForm(legalForm)).toBe(expected));
});
