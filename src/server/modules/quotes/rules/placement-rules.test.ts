import { describe, expect, test } from 'vitest';
import { checkPlacement, equivalentPayProblem, type PlacementFacts } from './placement-rules.js';

const base: PlacementFacts = {
  clientName: 'EHPAD Les Tilleuls',
  economicDismissalUntil: null,
  startDate: '2026-12-01',
  site: { communeCode: '94028', communeName: 'Créteil', departement: '94' },
  territory: [{ kind: 'departement', code: '94' }],
  ownDepartement: '94',
  romeCodes: ['K2204'],
};

test.each<[string, Partial<PlacementFacts>, string]>([
  ['an ordinary placement is allowed', {}, 'ok'],
  ['L5132-7: dismissal less than 6 months ago', { economicDismissalUntil: '2027-01-10' }, 'client_economic_dismissal'],
  ['L5132-7: the 6 months are over', { economicDismissalUntil: '2026-12-01' }, 'ok'],
  [
    'R5132-19: a site in another département',
    { site: { communeCode: '75056', communeName: 'Paris', departement: '75' } },
    'site_outside_territory',
  ],
  [
    'R5132-19: a commune listed in the territory',
    {
      site: { communeCode: '75056', communeName: 'Paris', departement: '75' },
      territory: [
        { kind: 'departement', code: '94' },
        { kind: 'commune', code: '75056' },
      ],
    },
    'ok',
  ],
  [
    'R5132-19: no territory recorded falls back to the AI’s département',
    { territory: [], site: { communeCode: '93066', communeName: 'Saint-Denis', departement: '93' } },
    'site_outside_territory',
  ],
  ['D4154-1: fumigation work', { romeCodes: ['K2204', 'K2305'] }, 'dangerous_job'],
])('%s', (_, patch, expected) => {
  const v = checkPlacement({ ...base, ...patch });
  expect(v.ok ? 'ok' : v.code).toBe(expected);
});

describe('equivalent employee’s pay (R5132-20): required for every company by legal form', () => {
  test.each<[string, string | null, number | null, string | null]>([
    ['R5132-20: a SAS without equivalent pay cannot sign', '5710', null, 'equivalent_pay_required'],
    ['R5132-20: a for-profit care home (SARL) without it cannot sign', '5499', null, 'equivalent_pay_required'],
    ['R5132-20: an SA d’HLM without it cannot sign', '5546', null, 'equivalent_pay_required'],
    ['R5132-20: a company with the pay stated signs', '5710', 1385, null],
    ['R5132-20: an association needs none', '9220', null, null],
    ['R5132-20: a private individual needs none', 'private_individual', null, null],
  ])('%s', (_, legalForm, equivalentPayCents, code) => {
    expect(equivalentPayProblem({ clientName: 'X', legalForm, equivalentPayCents })?.code ?? null).toBe(code);
  });
});
