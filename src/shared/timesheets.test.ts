import { describe, expect, test } from 'vitest';
import {
  statusesOf,
  TIMESHEET_STATUSES,
  TimesheetStatusFilter,
  TO_VALIDATE_FILTER,
  timesheetStatusLabel,
} from './timesheets';

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

describe('a status filter names one status or several', () => {
  // Source: the home tile « Relevés d'heures à faire valider » (docs/guide/cloture-et-portail-client.md).
  test.each([
    ['draft', true, ['draft']],
    [TO_VALIDATE_FILTER, true, ['draft', 'sent']],
    ['sent,sent', true, ['sent']],
    ['draft,lost', false, []],
    ['draft,', false, []],
    ['', false, []],
    ['DRAFT', false, []],
  ])('« %s » valid %s → %j', (filter, valid, statuses) => {
    expect(TimesheetStatusFilter.safeParse(filter).success).toBe(valid);
    if (valid) expect(statusesOf(filter)).toEqual(statuses);
  });
});
