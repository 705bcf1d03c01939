import { expect, test } from 'vitest';
import { isValidSiret, siretProblem, withLuhnDigit } from './siret.js';

test.each([
  ['a valid SIRET (INSEE example)', '73282932000074', true],
  ['one digit changed', '73282932000075', false],
  ['13 digits', '7328293200007', false],
  ['letters', '7328293200007A', false],
  ['La Poste head office', '35600000000048', true],
  ['a La Poste establishment valid only by the multiple-of-5 rule', '35600000049837', true],
  ['a La Poste number failing both rules', '35600000049838', false],
])('%s', (_, siret, valid) => expect(isValidSiret(siret)).toBe(valid));

test('completes a Luhn-valid SIRET', () => {
  expect(isValidSiret(withLuhnDigit('1234567800001'))).toBe(true);
});

test('explains the problem in French', () => {
  expect(siretProblem('123')).toMatch(/14 chiffres/);
  expect(siretProblem('73282932000075')).toMatch(/clé de contrôle/);
  expect(siretProblem('73282932000074')).toBeNull();
});
