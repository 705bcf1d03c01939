import { describe, expect, test } from 'vitest';
import {
  compactIdentifier,
  isAcceptedApplication,
  parseClientKind,
  parseContractKind,
  parseCriteria,
  parseDate,
  parseDiagnosisAuthor,
  parseRomeCodes,
  parseTime,
  parseWeekdays,
  parseWeeklyMinutes,
  parseYesNo,
} from './cell-values.js';

describe('dates as French spreadsheets write them', () => {
  test.each([
    ['French day first', '14/03/1988', '1988-03-14'],
    ['single-digit day and month', '1/9/2026', '2026-09-01'],
    ['dashes (les-emplois export writes dd/mm/yyyy, older files dd-mm-yyyy)', '01-09-2026', '2026-09-01'],
    ['ISO, as XLSX dates are read', '2026-09-01', '2026-09-01'],
  ])('%s: %s', (_, text, iso) => expect(parseDate(text)).toEqual({ ok: true, value: iso }));

  test.each([
    ['a day that does not exist', '30/02/2026', 'n’existe pas'],
    ['an American date', '03/14/1988', 'n’existe pas'],
    ['words', 'hier', 'n’est pas une date'],
    ['year 9999', '01/01/9999', 'hors des dates possibles'],
  ])('refuses %s', (_, text, problem) => {
    const parsed = parseDate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

test.each([
  ['codes separated by commas', 'K2204, G1603', ['K2204', 'G1603']],
  ['a label holding its code', 'Agent de propreté (K2204)', ['K2204']],
  ['no code', 'Agent de propreté', []],
  ['the same code twice', 'K2204;k2204', ['K2204']],
])('ROME codes: %s', (_, text, codes) => expect(parseRomeCodes(text)).toEqual(codes));

test.each([
  ['whole hours', '24', 1440],
  ['decimal comma', '17,5', 1050],
  ['hours and minutes', '24h30', 1470],
])('weekly hours: %s', (_, text, minutes) => expect(parseWeeklyMinutes(text)).toEqual({ ok: true, value: minutes }));

test('weekly hours above the 48 h maximum (Code du travail L3121-20) are refused', () =>
  expect(parseWeeklyMinutes('50').ok).toBe(false));

test.each([
  ['CDDU', 'cddu'],
  ['CDD d’usage', 'cddu'],
  ['cddi', 'cddi'],
  ['CDI inclusion', 'cdi_inclusion'],
])('contract kind %s', (text, kind) => expect(parseContractKind(text)).toEqual({ ok: true, value: kind }));

test('an interim contract is not a contract of an AI', () => expect(parseContractKind('Intérim').ok).toBe(false));

test.each([
  ['Particulier', 'individual'],
  ['EHPAD', 'care_home'],
  ['Collectivité', 'local_authority'],
  ['Bailleur social', 'social_landlord'],
  ['care_home', 'care_home'],
  ['EHPAD / maison de retraite', 'care_home'],
  ['Autre établissement médico-social', 'medico_social'],
])('client kind %s', (text, kind) => expect(parseClientKind(text)).toEqual({ ok: true, value: kind }));

test('identifiers lose the spaces people type', () =>
  expect(compactIdentifier('999 99 26 12345')).toBe('999992612345'));

test.each([
  ['Candidature acceptée', true],
  ['Candidature refusée', false],
  ['Nouvelle candidature', false],
])('les-emplois application state %s', (text, accepted) => expect(isAcceptedApplication(text)).toBe(accepted));

// Source: how AIs' planning spreadsheets write times and days (templates of issue 17).
test.each([
  ['08:00', '08:00'],
  ['8h', '08:00'],
  ['8h30', '08:30'],
  ['14.15', '14:15'],
  ['0.375', '09:00'],
])('time %s', (text, time) => expect(parseTime(text)).toEqual({ ok: true, value: time }));

test.each(['25:00', '8h75', 'midi'])('not a time: %s', (text) => expect(parseTime(text).ok).toBe(false));

test.each([
  ['lundi, mercredi, vendredi', [1, 3, 5]],
  ['lun mar jeu', [1, 2, 4]],
  ['du lundi au vendredi', [1, 2, 3, 4, 5]],
  ['samedi et dimanche', [0, 6]],
])('weekdays %s', (text, days) => expect(parseWeekdays(text)).toEqual({ ok: true, value: days }));

test('weekdays in numbers are refused with the expected form', () =>
  expect(parseWeekdays('1,3,5')).toMatchObject({ ok: false, problem: expect.stringContaining('toutes lettres') }));

// Source: les-emplois itou/eligibility/enums.py (AdministrativeCriteriaKind, codes and labels).
test.each([
  ['RSA', ['rsa']],
  ['CAP_BEP; JEUNE', ['low_qualification', 'young_26']],
  ['cap bep, senior', ['low_qualification', 'senior_50']],
  ['Demandeur d’emploi de très longue durée (+24 mois)', ['very_long_term_unemployed']],
  ['ZRR; QPV', ['zrr_qpv_resident']],
  ['Parent isolé\nTH', ['single_parent', 'disabled_worker']],
])('criteria %s', (text, criteria) => expect(parseCriteria(text)).toEqual({ ok: true, value: criteria }));

test('an unknown criterion is named with the list of codes', () =>
  expect(parseCriteria('RSA; Magicien')).toMatchObject({
    ok: false,
    problem: expect.stringContaining('« Magicien » : critère inconnu (codes des emplois de l’inclusion : RSA'),
  }));

test.each([
  ['Prescripteur', 'prescriber'],
  ['Prescripteur habilité', 'prescriber'],
  ['France Travail', 'prescriber'],
  ['Structure', 'ai'],
  ['AI', 'ai'],
  ['Employeur', 'ai'],
])('diagnosis author %s', (text, author) => expect(parseDiagnosisAuthor(text)).toEqual({ ok: true, value: author }));

test.each([
  ['oui', true],
  ['Non', false],
])('yes/no %s', (text, value) => expect(parseYesNo(text)).toEqual({ ok: true, value }));
