import { describe, expect, test } from 'vitest';
import { avanceImmediateShares } from './avance-immediate.js';
import { cesuAllocationVerdict } from './cesu-allocation.js';
import { checkIban, isBic, maskIban } from './iban.js';
import { stateOf, URSSAF_REJECT_REASONS, URSSAF_STATUSES } from './urssaf-statuses.js';

describe('IBAN (ISO 13616, MOD 97-10) and BIC (ISO 9362)', () => {
  test.each([
    // [iban, ok, source]
    ['FR76 3000 6000 0112 3456 7890 189', true, 'ISO 13616 example of a French IBAN (check digits 76)'],
    ['FR7630006000011234567890189', true, 'same, electronic form'],
    ['fr7630006000011234567890189', true, 'lower case is accepted (normalised)'],
    ['FR7630006000011234567890188', false, 'one digit changed: MOD 97 ≠ 1'],
    ['FR763000600001123456789018', false, 'French IBAN of 26 characters (27 required, SWIFT IBAN registry)'],
    ['DE89370400440532013000', true, 'SWIFT IBAN registry: the German example'],
    ['GB82WEST12345698765432', true, 'SWIFT IBAN registry: the British example'],
    ['GB82WEST12345698765433', false, 'British example with a wrong digit'],
    ['12345', false, 'no country code'],
  ])('%s → %s (%s)', (iban, ok) => {
    expect(checkIban(iban).ok).toBe(ok);
  });
  test.each([
    ['BNPAFRPP', true, 'ISO 9362: 8 characters'],
    ['BNPAFRPPXXX', true, 'ISO 9362: 11 characters with branch'],
    ['BNPAFRP', false, 'too short'],
    ['1NPAFRPP', false, 'bank code must be letters'],
  ])('BIC %s → %s (%s)', (bic, ok) => {
    expect(isBic(bic)).toBe(ok);
  });
  test('a screen shows the IBAN masked', () => {
    expect(maskIban('FR7630006000011234567890189')).toBe('FR76 **** **** 0189');
  });
});

describe('avance immédiate: URSSAF pays 50 % as the tax credit, the client the rest (CGI 199 sexdecies)', () => {
  test.each([
    // [total, URSSAF share, client share, source]
    [36000, 18000, 18000, 'CGI art. 199 sexdecies, 1: crédit d’impôt égal à 50 % des dépenses'],
    [10001, 5000, 5001, 'odd cent: URSSAF’s half rounded down, the client never pays less than half'],
    [1, 0, 1, 'one cent'],
  ])('%i → URSSAF %i, client %i (%s)', (total, urssaf, client) => {
    expect(avanceImmediateShares(total)).toEqual({ urssafShareCents: urssaf, clientShareCents: client });
  });
});

describe('CESU allocation: never more than the batch has left nor the invoice’s due', () => {
  test.each([
    // [amount, batch left, due, verdict, source]
    [5000, 10000, 8000, 'ok', 'partial allocation of a batch'],
    [8000, 10000, 8000, 'ok', 'the whole due'],
    [9000, 10000, 8000, 'payment_exceeds_due', 'no change is given on a CESU: the rest stays on the batch'],
    [12000, 10000, 20000, 'cesu_exceeds_batch', 'a batch is worth face value × count'],
  ])('%i of %i for %i due → %s (%s)', (amountCents, batchLeftCents, dueCents, verdict) => {
    const v = cesuAllocationVerdict({ amountCents, batchLeftCents, dueCents });
    expect(v.ok ? 'ok' : v.code).toBe(verdict);
  });
});

describe('URSSAF statuses (API Tiers de prestation documentation v1.1.7, § 4.3)', () => {
  test.each([
    ['10', 'sent'],
    ['20', 'sent'],
    ['30', 'sent'],
    ['40', 'refused'],
    ['50', 'sent'],
    ['60', 'sent'],
    ['70', 'paid'],
    ['110', 'cancelled'],
    ['111', 'cancelled'],
    ['112', 'cancelled'],
    ['120', 'cancelled'],
    ['999', 'sent'],
  ])('statut %s → %s', (code, state) => {
    expect(stateOf(code)).toBe(state);
  });
  test('every status and refusal reason has a French label', () => {
    for (const s of Object.values(URSSAF_STATUSES)) expect(s.label).toMatch(/^[A-ZÉ]/);
    expect(Object.keys(URSSAF_REJECT_REASONS)).toContain('CONTEST_ERR_FACT');
  });
});
