import { describe, expect, test } from 'vitest';
import { countOf } from './format.js';

describe('countOf: French takes the singular for 0 and 1', () => {
  test.each([
    [0, 'embauche', undefined, '0 embauche'],
    [1, 'embauche', undefined, '1 embauche'],
    [2, 'embauche', undefined, '2 embauches'],
    [1, 'besoin orienté', 'besoins orientés', '1 besoin orienté'],
    [3, 'besoin orienté', 'besoins orientés', '3 besoins orientés'],
    [6200, 'intervention', undefined, '6\u202f200 interventions'],
  ])('%i %s', (n, one, many, expected) => {
    expect(countOf(n, one, many)).toBe(expected);
  });
});
