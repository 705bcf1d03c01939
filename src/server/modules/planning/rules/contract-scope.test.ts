import { describe, expect, test } from 'vitest';
import { jobOutsideContract } from './contract-scope.js';

describe('a mission’s job is one of its contract’s (R5132-20)', () => {
  test.each<[string, string, string[] | null, boolean]>([
    ['R5132-20: a job of the contract', 'K2204', ['K2204', 'J1301'], false],
    ['R5132-20: a job the contract does not name', 'N1103', ['K2204'], true],
    ['R5132-20: a contract without job codes cannot be checked', 'N1103', null, false],
  ])('%s', (_, rome, romes, outside) => expect(jobOutsideContract(rome, romes)).toBe(outside));
});
