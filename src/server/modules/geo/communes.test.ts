import { describe, expect, test } from 'vitest';
import {
  communeCodeProblem,
  communes,
  findCommune,
  formerCommune,
  postalCodeProblem,
  searchCommunes,
} from './communes.js';

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

  // Communes that have joined another (data/communes-anciennes.csv: INSEE COG via @etalab/decoupage-administratif
  // 6.0.0): their names still find the commune they joined, after any commune of its own so named.
  test.each([
    ['Étrez', '01130', 'Bresse Vallons', 'Étrez'],
    ['Pierrefitte-sur-Seine', '93066', 'Saint-Denis', 'Pierrefitte-sur-Seine'],
    ['Cherbourg-Octeville', '50129', 'Cherbourg-en-Cotentin', 'Cherbourg-Octeville'],
    ['Courcouronnes', '91228', 'Évry-Courcouronnes', null], // its own name contains it
  ])('« %s » finds %s (%s), which the commune %s has joined', (query, code, name, joinedName) => {
    expect(searchCommunes(query)[0]).toMatchObject({ code, name, joinedName });
  });

  test('a commune named so comes before one that a commune of that name has joined', () => {
    // Longeville (25346) is a commune; La Longeville (25347) has joined Pays-de-Montbenoît (25390).
    const found = searchCommunes('Longeville', 50).map((c) => c.code);
    expect(found.indexOf('25346')).toBeLessThan(found.indexOf('25390'));
    expect(found).toContain('25390');
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
    // Saint-Denis has served Pierrefitte-sur-Seine's 93380 too since the two merged (2025).
    expect(findCommune('93066')?.postalCodes).toEqual(['93200', '93210', '93380']);
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

// INSEE's current list (Code officiel géographique 2026 via @etalab/decoupage-administratif 6.0.0): the communes of
// metropolitan France and the overseas départements; a commune of the 2018 list that has joined another is a former
// commune, its code refused with the commune it joined named.
describe('the current list of communes', () => {
  test('34 875 communes, each with a centroid in France and at least one postal code', () => {
    expect(communes().size).toBe(34_875);
    for (const c of communes().values()) {
      expect(c.postalCodes.length, c.code).toBeGreaterThan(0);
      expect(Number.isFinite(c.lat) && Number.isFinite(c.lon), c.code).toBe(true);
    }
  });

  test.each([
    // [code, current commune, why]
    ['01154', '01130', 'Étrez joined Bresse Vallons (2019)'],
    ['93059', '93066', 'Pierrefitte-sur-Seine joined Saint-Denis (2025)'],
    ['12076', '12218', 'Conques-en-Rouergue took a new code (12218)'],
    ['25347', '25390', 'La Longeville joined Pays-de-Montbenoît'],
  ])('%s is a former commune of %s: %s', (code, to) => {
    expect(findCommune(code)).toBeUndefined();
    expect(formerCommune(code)?.commune.code).toBe(to);
    expect(findCommune(to)).toBeDefined();
  });

  test('communes created or re-established since 2018 are listed (Aurseulles, Sannerville, L’Oie)', () => {
    expect(findCommune('14581')).toMatchObject({ name: 'Aurseulles', departement: '14' });
    expect(findCommune('14666')).toMatchObject({ name: 'Sannerville', departement: '14' });
    expect(findCommune('85165')).toMatchObject({ name: "L'Oie", departement: '85' });
    expect(findCommune('85165')?.postalCodes).toEqual(['85140']);
  });

  test.each([
    ['94028', null],
    [
      '01154',
      'Étrez (01154) fait désormais partie de la commune de Bresse Vallons (01130) : choisissez Bresse Vallons.',
    ],
    ['99999', 'Inconnue.'],
  ])('the code %s: %s', (code, problem) => {
    expect(communeCodeProblem(code, 'Inconnue.')).toBe(problem);
  });
});
