import { describe, expect, test } from 'vitest';
import { communeChoiceLabel, postalCodeAfterPick } from './directory.js';

// Postal codes from data/codes-postaux.csv (La Poste's codes per commune, INSEE COG and DGFiP FIMOCT).
const creteil = { name: 'Créteil', departement: '94', postalCodes: ['94000'] };
const saintDenis = { name: 'Saint-Denis', departement: '93', postalCodes: ['93200', '93210'] };
const paris = { name: 'Paris', departement: '75', postalCodes: ['75001', '75002', '75003', '75116'] };
const merged = { name: 'Étrez', departement: '01', postalCodes: [] };

describe('communeChoiceLabel: a commune is told apart from its namesakes', () => {
  test.each([
    [creteil, 'Créteil (94000)'],
    [saintDenis, 'Saint-Denis (93200, 93210)'],
    [paris, 'Paris (75)'],
    [merged, 'Étrez (01)'],
  ])('%o', (commune, expected) => {
    expect(communeChoiceLabel(commune)).toBe(expected);
  });
});

describe('postalCodeAfterPick: the address form writes the postal code it can know, never over the person’s own', () => {
  test.each([
    // [case, current, search, picked, previous, expected]
    ['empty field, a commune with one code', '', 'Créteil', creteil, null, '94000'],
    ['empty field, searched by its postal code', '', '93210', saintDenis, null, '93210'],
    ['empty field, several codes: the person chooses', '', 'saint-denis', saintDenis, null, ''],
    ['empty field, a merged commune without codes', '', 'Étrez', merged, null, ''],
    ['a CEDEX code typed first stays', '94011', 'Créteil', creteil, null, '94011'],
    ['a code of the new commune stays', '93210', 'Saint', saintDenis, null, '93210'],
    ['the previous commune’s code is replaced', '94000', 'Saint-Denis', saintDenis, creteil, ''],
    ['… by the code searched', '94000', '93200', saintDenis, creteil, '93200'],
    ['… by the only code', '93200', 'creteil', creteil, saintDenis, '94000'],
    ['a code foreign to both communes stays (the server checks it)', '13001', 'creteil', creteil, saintDenis, '13001'],
    ['blank spaces count as empty', '  ', 'creteil', creteil, null, '94000'],
  ])('%s', (_, current, search, picked, previous, expected) => {
    expect(postalCodeAfterPick(current, search, picked, previous)).toBe(expected);
  });
});
