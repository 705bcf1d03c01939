import { describe, expect, test } from 'vitest';
import { TIMESHEET_STATUSES, timesheetStatusLabel } from './timesheets';

describe('timesheet status in the words of who reads it', () => {
  // Source: the client's words in docs/guide/cloture-et-portail-client.md (« Les relevés à traiter, tous mois confondus »).
  test.each([
    ['draft', false, 'À envoyer'],
    ['draft', true, 'En cours'],
    ['sent', false, 'En attente du client'],
    ['sent', true, 'À valider'],
    ['disputed', false, 'Contesté'],
    ['disputed', true, 'Contesté'],
    ['validated', false, 'Validé'],
    ['validated', true, 'Validé'],
  ])('%s, client %s → %s', (status, forClient, label) => {
    expect(timesheetStatusLabel(status, forClient)).toBe(label);
  });

  test('every status has a label on both sides', () => {
    for (const s of TIMESHEET_STATUSES) {
      expect(timesheetStatusLabel(s, true)).not.toBe(s);
      expect(timesheetStatusLabel(s, false)).not.toBe(s);
    }
  });
});
