import { describe, expect, test } from 'vitest';
import type { ClientKind } from '../schema.js';
import { countsForHoursCap } from './hours-cap-scope.js';

/** L5132-9 / R5132-18: which users count for the 480 h cap. */
describe('countsForHoursCap', () => {
  test.each<[string, ClientKind, boolean | null, boolean | null, boolean]>([
    ['a company counts', 'company', null, null, true],
    ['a for-profit care home counts', 'care_home', true, null, true],
    ['a non-profit care home does not', 'care_home', false, null, false],
    ['a care home of unknown status does not', 'care_home', null, null, false],
    ['a for-profit medico-social body counts', 'medico_social', true, null, true],
    ['an individual does not (services à la personne)', 'individual', null, null, false],
    ['an association does not (private non-profit)', 'association', null, null, false],
    ['a local authority is exempt by default', 'local_authority', null, null, false],
    ['a public body is exempt by default', 'public_body', null, null, false],
    ['a social landlord is exempt by default', 'social_landlord', null, null, false],
    ['an EPIC recorded as public body counts when overridden', 'public_body', null, true, true],
    ['a company may be overridden as exempt', 'company', null, false, false],
  ])('%s', (_, kind, forProfit, override, expected) => {
    expect(countsForHoursCap({ kind, forProfit, countsForHoursCapOverride: override })).toBe(expected);
  });
});
