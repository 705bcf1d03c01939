import { expect, test } from 'vitest';
import { exitCountsForStatistics } from './exit-counting.js';

// Source: PRODUCT.md "an AI exit counts only after ≥ 150 h worked".
test.each<[string, number, boolean]>([
  ['no hour worked', 0, false],
  ['149 h 59', 150 * 60 - 1, false],
  ['exactly 150 h', 150 * 60, true],
  ['400 h', 400 * 60, true],
])('an exit after %s counts: %s', (_, minutes, counts) => expect(exitCountsForStatistics(minutes)).toBe(counts));
