import { describe, expect, test } from 'vitest';
import { resolveCommune } from './resolve-commune.js';

// The commune of an imported line. Postal codes: data/codes-postaux.csv (INSEE COG and DGFiP FIMOCT).
describe('resolveCommune', () => {
  test.each([
    // [case, line, code or the start of the problem]
    ['an INSEE code wins', { communeCode: '94028', postalCode: '13001', communeName: 'Marseille' }, '94028'],
    ['an unknown INSEE code', { communeCode: '99999' }, /^Le code commune « 99999 » n’existe pas/],
    ['a postal code and its commune', { postalCode: '94000', communeName: 'Créteil' }, '94028'],
    ['accents, case and « St » do not matter', { postalCode: '93200', communeName: 'ST DENIS' }, '93066'],
    ['a second postal code of the commune', { postalCode: '93210', communeName: 'Saint-Denis' }, '93066'],
    ['the INSEE name with its article', { postalCode: '94270', communeName: 'Le Kremlin-Bicêtre' }, '94043'],
    ['the article left out', { postalCode: '94270', communeName: 'Kremlin Bicetre' }, '94043'],
    ['an apostrophe article, CEDEX code', { postalCode: '94246', communeName: 'L’Haÿ-les-Roses' }, '94038'],
    [
      'a commune renamed since 2018, by its former name',
      { postalCode: '01200', communeName: 'Bellegarde-sur-Valserine' },
      '01033',
    ],
    ['… and by its current one', { postalCode: '01200', communeName: 'Valserhône' }, '01033'],
    ['a Paris arrondissement', { postalCode: '75011', communeName: 'Paris' }, '75056'],
    ['a Paris CEDEX code', { postalCode: '75700' }, '75056'],
    ['a CEDEX code: the name in its département', { postalCode: '94011', communeName: 'Créteil' }, '94028'],
    // « Longeville » in the Doubs (25346, 25330), and « La Longeville » (25347, 25650), which has joined
    // Pays-de-Montbenoît (25390) since: the postal code tells them apart even when the article is left out, and the
    // name as written beats a name without its article.
    [
      'a namesake in the same département, told by its code (the one that has joined another)',
      { postalCode: '25650', communeName: 'Longeville' },
      '25390',
    ],
    ['… and the other one', { postalCode: '25330', communeName: 'Longeville' }, '25346'],
    ['a code of neither: the name as written', { postalCode: '25000', communeName: 'Longeville' }, '25346'],
    ['… with its article: the joined commune', { postalCode: '25000', communeName: 'La Longeville' }, '25390'],
    // Communes that have joined another since 2018 (data/communes-anciennes.csv, INSEE COG via
    // @etalab/decoupage-administratif 6.0.0): found as the commune they joined, by name or by their former code.
    ['a joined commune by its name and postal code', { postalCode: '01340', communeName: 'Étrez' }, '01130'],
    [
      'a joined commune by its name and its own old code',
      { postalCode: '93380', communeName: 'Pierrefitte-sur-Seine' },
      '93066',
    ],
    ['a former INSEE code', { communeCode: '01154' }, '01130'],
    ['a former INSEE code, 2025 merger', { communeCode: '93059' }, '93066'],
    [
      'a commune déléguée that kept the code of its commune nouvelle',
      { postalCode: '50100', communeName: 'Cherbourg-Octeville' },
      '50129',
    ],
    ['a postal code alone, one commune', { postalCode: '94000' }, '94028'],
    ['a postal code alone, shared', { postalCode: '77000' }, /^Le code postal 77000 sert plusieurs communes \(.*Melun/],
    [
      'a name that is not there',
      { postalCode: '94000', communeName: 'Lyon' },
      /^Aucune commune « Lyon » avec le code postal 94000/,
    ],
    ['nothing to go on', { communeName: 'Créteil' }, /^Indiquez le code commune INSEE/],
    [
      'a département, not a postal code',
      { postalCode: '93', communeName: 'Saint-Denis' },
      /^Indiquez le code commune INSEE/,
    ],
  ])('%s', (_, line, expected) => {
    const r = resolveCommune(line);
    if (typeof expected === 'string') expect(r).toMatchObject({ ok: true, code: expected });
    else expect(r.ok ? r.code : r.problem).toMatch(expected);
  });

  test('a former code says where the line goes; a current one says nothing', () => {
    expect(resolveCommune({ communeCode: '01154' })).toEqual({
      ok: true,
      code: '01130',
      note: 'Commune : Étrez (01154) fait désormais partie de Bresse Vallons (01130), la fiche y est enregistrée.',
    });
    expect(resolveCommune({ communeCode: '94028' })).toEqual({ ok: true, code: '94028' });
  });
});
