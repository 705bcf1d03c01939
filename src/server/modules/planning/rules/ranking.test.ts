import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestOf } from './ranking.js';

describe('bestOf', () => {
  it('keeps the same candidates in the same order as a stable sort of all of them, then a slice', () => {
    // Few distinct scores and names: many ties, which a stable sort leaves in their first order.
    const item = fc.record({
      score: fc.integer({ min: 0, max: 4 }),
      km: fc.option(fc.integer({ min: 0, max: 3 })),
      name: fc.constantFrom('Awa', 'Ana', 'Éric', 'eric'),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.integer({ min: -1, max: 15 }), (items, limit) => {
        const tagged = items.map((x, i) => ({ ...x, i }));
        const compare = (a: (typeof tagged)[number], b: (typeof tagged)[number]) =>
          b.score - a.score || (a.km ?? 999) - (b.km ?? 999) || a.name.localeCompare(b.name);
        const expected = limit <= 0 ? [] : [...tagged].sort(compare).slice(0, limit);
        expect(bestOf(tagged, limit, compare)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
