import { describe, expect, test } from 'vitest';
import { searchCommunes } from './communes.js';

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
});
