import { describe, expect, test } from 'vitest';
import { communeChoiceLabel, postalCodeAfterPick, postalCodeHint } from './directory.js';

// Postal codes from data/codes-postaux.csv (La Poste's codes per commune, INSEE COG and DGFiP FIMOCT).
const creteil = { name: 'Créteil', departement: '94', postalCodes: ['94000'] };
const saintDenis = { name: 'Saint-Denis', departement: '93', postalCodes: ['93200', '93210', '93380'] };
const boissey = { name: 'Boissey', departement: '01', postalCodes: ['01190', '01380'] };
const paris = { name: 'Paris', departement: '75', postalCodes: ['75001', '75002', '75003', '75116'] };
const noCode = { name: 'Commune sans code', departement: '01', postalCodes: [] };

describe('communeChoiceLabel: a commune is told apart from its namesakes', () => {
  test.each([
    [creteil, 'Créteil (94000)'],
    [boissey, 'Boissey (01190, 01380)'],
    [saintDenis, 'Saint-Denis (93)'],
    [paris, 'Paris (75)'],
    [noCode, 'Commune sans code (01)'],
    // Found by the name of a commune that has joined it (data/communes-anciennes.csv).
    [
      { name: 'Bresse Vallons', departement: '01', postalCodes: ['01340'], joinedName: 'Étrez' },
      'Bresse Vallons, qui inclut Étrez (01340)',
    ],
    // Renamed since 2018 (data/communes-centroides.csv, column nom_2018).
    [
      { name: 'Valserhône', departement: '01', postalCodes: ['01200'], formerName: 'Bellegarde-sur-Valserine' },
      'Valserhône, anciennement Bellegarde-sur-Valserine (01200)',
    ],
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
    ['empty field, a commune without codes', '', 'Commune', noCode, null, ''],
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

describe('postalCodeHint: a postal code typed first finds its commune; a commune picked is never replaced', () => {
  // Search results as GET /api/public/communes?q=<code> returns them (exact postal code first, then INSEE prefixes).
  const c = (code: string, name: string, postalCodes: string[]) => ({ code, name, postalCodes });
  const creteil94 = c('94028', 'Créteil', ['94000']);
  const stDenis = c('93066', 'Saint-Denis', ['93200', '93210']);
  // 77000 serves four communes (data/codes-postaux.csv).
  const melun = c('77288', 'Melun', ['77000']);
  const rochette = c('77389', 'Rochette', ['77000']);
  const vaux = c('77487', 'Vaux-le-Pénil', ['77000']);
  const livry = c('77255', 'Livry-sur-Seine', ['77000']);
  // An INSEE code starting with the digits typed, which the postal code does not serve.
  const inseePrefix = c('94000', 'Une commune au code INSEE 94000', ['94999']);
  const many = Array.from({ length: 12 }, (_, i) => c(`51${String(i).padStart(3, '0')}`, `Commune ${i}`, ['51300']));
  test.each([
    // [case, postal code, commune picked, found, expected kind, communes named]
    ['an incomplete code says nothing', '9400', '', [creteil94], 'none', []],
    ['nothing while the search loads', '94000', '', null, 'none', []],
    ['one commune: it is filled', '94000', '', [creteil94, inseePrefix], 'fill', ['94028']],
    ['spaces around the code are ignored', ' 94000 ', '', [creteil94], 'fill', ['94028']],
    [
      'a few communes: the person chooses',
      '77000',
      '',
      [rochette, livry, melun, vaux],
      'choose',
      ['77389', '77255', '77288', '77487'],
    ],
    ['too many to list: type the name (51300 serves 46)', '51300', '', many, 'many', []],
    ['no commune (a CEDEX code): pick by name', '94011', '', [inseePrefix], 'unknown', []],
    ['the commune picked is served: nothing to say', '77000', '77288', [rochette, livry, melun, vaux], 'none', []],
    ['a commune with several codes, one of them typed', '93210', '93066', [stDenis], 'none', []],
    ['the commune picked is not served: offer those served', '94000', '93066', [creteil94], 'other', ['94028']],
    ['a CEDEX code beside a commune: not questioned', '94011', '94028', [inseePrefix], 'none', []],
    ['too many served to be sure: not questioned', '51300', '93066', many, 'none', []],
  ] as const)('%s', (_, postalCode, communeCode, found, kind, named) => {
    const hint = postalCodeHint(postalCode, communeCode, found ? [...found] : null);
    expect(hint.kind).toBe(kind);
    const communes = hint.kind === 'fill' ? [hint.commune] : 'communes' in hint ? hint.communes : [];
    expect(communes.map((x) => x.code)).toEqual(named);
  });
});
