import { describe, expect, test } from 'vitest';
import { findCommune, postalCodeProblem, searchCommunes } from './communes.js';

describe('searchCommunes', () => {
  // Issue 14's walk: a care home in Saint-Denis (93) typed « Saint-Denis » and never saw its commune, behind a
  // dozen « Saint-Denis-… » of lower codes.
  test('the communes named exactly so come first, before the longer names that start the same', () => {
    const found = searchCommunes('Saint-Denis');
    const exact = found.filter((c) => c.name === 'Saint-Denis');
    expect(exact.map((c) => c.code)).toContain('93066');
    expect(found.slice(0, exact.length)).toEqual(exact);
  });

  test('accents and case do not matter; a code prefix still finds its communes', () => {
    expect(searchCommunes('creteil')[0]).toMatchObject({ code: '94028', name: 'Créteil' });
    expect(searchCommunes('9402').every((c) => c.code.startsWith('9402'))).toBe(true);
  });

  // INSEE's Code officiel géographique writes the article and renames communes (data/communes-centroides.csv, migration
  // 0048); a person may type the article or not, the former name or the current one.
  test.each([
    ['Le Havre', '76351', 'Le Havre'],
    ['havre', '76351', 'Le Havre'],
    ['Kremlin-Bicêtre', '94043', 'Le Kremlin-Bicêtre'],
    ['le kremlin', '94043', 'Le Kremlin-Bicêtre'],
    ['La Courneuve', '93027', 'La Courneuve'],
    ['courneuve', '93027', 'La Courneuve'],
    ['l’hay les roses', '94038', "L'Haÿ-les-Roses"],
    ['Hay-les-Roses', '94038', "L'Haÿ-les-Roses"],
    ['les lilas', '93045', 'Les Lilas'],
    // Renamed since 2018 (the current name, then the former one still found).
    ['Valserhône', '01033', 'Valserhône'],
    ['Bellegarde-sur-Valserine', '01033', 'Valserhône'],
    ['culoz', '01138', 'Culoz-Béon'],
  ])('« %s » finds %s (%s), article or not, current name or former', (query, code, name) => {
    expect(searchCommunes(query)[0]).toMatchObject({ code, name });
  });

  test('a renamed commune carries its former name; the others none', () => {
    expect(findCommune('01033')).toMatchObject({ name: 'Valserhône', formerName: 'Bellegarde-sur-Valserine' });
    expect(findCommune('94028')).toMatchObject({ name: 'Créteil', formerName: null });
  });
});

// Postal codes: data/codes-postaux.csv (La Poste's codes per commune: INSEE COG and DGFiP FIMOCT, via the codes-postaux
// package of the Base Adresse Nationale).
describe('postal codes', () => {
  test.each([
    // [query, the commune found first]
    ['94000', '94028'], // Créteil
    ['93200', '93066'], // Saint-Denis
    ['93210', '93066'], // Saint-Denis, its second code (La Plaine)
    ['75011', '75056'], // Paris: the codes of its arrondissements
    ['13008', '13055'], // Marseille
    ['69003', '69123'], // Lyon
  ])('« %s » finds %s first', (query, code) => {
    expect(searchCommunes(query)[0]?.code).toBe(code);
  });

  test('a code shared by several communes lists each of them first (77000: Melun, La Rochette, Vaux-le-Pénil…)', () => {
    const found = searchCommunes('77000', 50);
    const serving = found.filter((c) => c.postalCodes.includes('77000'));
    expect(serving.map((c) => c.code)).toEqual(expect.arrayContaining(['77288', '77389', '77487']));
    expect(found.slice(0, serving.length)).toEqual(serving);
  });

  test('a postal code prefix finds the communes it serves, beside the INSEE codes that start the same', () => {
    const found = searchCommunes('9420', 50);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.code.startsWith('9420') || c.postalCodes.some((p) => p.startsWith('9420')))).toBe(true);
    expect(found.map((c) => c.name)).toContain('Ivry-sur-Seine'); // 94200, INSEE 94041
  });

  test('each commune carries its codes, Paris all twenty arrondissements', () => {
    expect(findCommune('94028')?.postalCodes).toEqual(['94000']);
    expect(findCommune('93066')?.postalCodes).toEqual(['93200', '93210']);
    expect(findCommune('75056')?.postalCodes).toHaveLength(21); // 75001 … 75020 and 75116
  });

  test.each([
    // [postal code, commune, accepted] — the département check stays for codes in no list (CEDEX) and border communes.
    ['94000', '94028', true], // Créteil's own
    ['94011', '94028', true], // Créteil CEDEX: not a commune's code, in its département
    ['93210', '93066', true], // Saint-Denis's second code
    ['13001', '94028', false], // Marseille's, for Créteil
    ['73670', '38442', true], // Saint-Pierre-d'Entremont (Isère), served from Savoie
  ])('%s for %s: accepted %s', (postalCode, commune, accepted) => {
    expect(postalCodeProblem(postalCode, commune) === null).toBe(accepted);
  });
});
