import { describe, expect, test } from 'vitest';
import type { HomeTile } from '../../shared/reporting';
import { TILE_TEXT } from './tiles';

const HOUR = 3_600_000;
const tile = (deadlineAt: string | null): HomeTile => ({ key: 'needs_to_claim', count: 2, deadlineAt }) as HomeTile;

describe('the « besoins à prendre en charge » tile says when its first deadline has passed', () => {
  // The claim deadline (PRODUCT.md: urgent 4 h, structural 3 working days): once passed, the network may route
  // the need to another structure, so « première échéance » would read as time still left.
  test.each([
    ['no deadline', null, undefined],
    ['in two hours', new Date(Date.now() + 2 * HOUR).toISOString(), /^Première échéance : /],
    ['an hour ago', new Date(Date.now() - HOUR).toISOString(), /^Échéance dépassée depuis le /],
    ['yesterday', new Date(Date.now() - 24 * HOUR).toISOString(), /^Échéance dépassée depuis le /],
  ])('%s', (_, deadlineAt, expected) => {
    const hint = TILE_TEXT.needs_to_claim.hint?.(tile(deadlineAt));
    if (expected === undefined) expect(hint).toBeUndefined();
    else expect(hint).toMatch(expected);
  });
});
