import { describe, expect, test } from 'vitest';
import { fitSms, isGsm7, mobileE164, smsLength } from './sms-length.js';
import {
  changeTomorrowSms,
  proposalSms,
  replacementAcceptedSms,
  SMS_MAX_SEGMENTS,
  signInLinkSms,
} from './sms-texts.js';

// Source: 3GPP TS 23.038 (GSM 7-bit default alphabet and extension table) and TS 23.040 (concatenated SMS:
// 153 septets or 67 UCS-2 characters per segment, because of the 6-byte user data header).
describe('SMS length', () => {
  test.each([
    ['Bonjour', 'gsm7', 7, 1],
    ['é è ù à Ç É', 'gsm7', 11, 1], // in the basic table; ç (lowercase) is not: UCS-2
    ['ç', 'ucs2', 1, 1],
    ['ê', 'ucs2', 1, 1],
    ['€', 'gsm7', 2, 1], // extension table: escape + character
    ['a'.repeat(160), 'gsm7', 160, 1],
    ['a'.repeat(161), 'gsm7', 161, 2],
    ['a'.repeat(306), 'gsm7', 306, 2],
    ['a'.repeat(307), 'gsm7', 307, 3],
    [`ê${'a'.repeat(69)}`, 'ucs2', 70, 1],
    [`ê${'a'.repeat(70)}`, 'ucs2', 71, 2],
    [`ê${'a'.repeat(133)}`, 'ucs2', 134, 2],
    [`ê${'a'.repeat(134)}`, 'ucs2', 135, 3],
  ])('%j is %s, %i units, %i segment(s)', (text, encoding, units, segments) => {
    expect(smsLength(text)).toEqual({ encoding, units, segments });
  });

  test('typography that forces UCS-2 is replaced, accents kept while they fit', () => {
    expect(fitSms('C’est « noté »').text).toBe('C\'est "noté"');
    expect(isGsm7(fitSms('C’est\u00a0noté – merci…').text)).toBe(true);
    const fête = fitSms('Bonne fête');
    expect(fête).toEqual({ text: 'Bonne fête', encoding: 'ucs2', segments: 1 });
    const long = fitSms(`Fête ${'a'.repeat(200)}`, 2);
    expect(long.encoding).toBe('gsm7');
    expect(long.text.startsWith('Fete ')).toBe(true);
  });

  test.each([
    ['06 12 34 56 78', '+33612345678'],
    ['07.12.34.56.78', '+33712345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['01 43 21 00 00', null], // a landline cannot receive SMS
    ['+33 1 43 21 00 00', null],
    ['+32 470 12 34 56', '+32470123456'],
    ['', null],
    ['abc', null],
  ])('mobile %j → %j', (phone, e164) => {
    expect(mobileE164(phone)).toBe(e164);
  });
});

// Realistic worst cases from the demo world and French reality: long compound first names, long care-home names,
// long communes, a production address and a 32-character token.
const LONG = {
  firstName: 'Marie-Christine',
  place: 'EHPAD Résidence Les Jardins de la Marne et du Val-de-Bièvre',
  commune: 'Saint-Maur-des-Fossés',
  organisationName: 'Association Intermédiaire Trait d’Union Emploi du Val-de-Marne',
  link: `https://passerelle.association-exemple.fr/proposition/${'x'.repeat(32)}`,
};
const shift = {
  start: new Date('2026-12-05T14:00:00Z'),
  end: new Date('2026-12-05T18:30:00Z'),
  place: LONG.place,
  commune: LONG.commune,
};

describe('every SMS template stays within 2 segments', () => {
  const cases = {
    proposal: proposalSms({ firstName: LONG.firstName, shift, link: LONG.link }),
    moved: changeTomorrowSms({ firstName: LONG.firstName, kind: 'moved', shift, link: LONG.link }),
    cancelled: changeTomorrowSms({ firstName: LONG.firstName, kind: 'cancelled', shift, link: LONG.link }),
    accepted: replacementAcceptedSms({ firstName: LONG.firstName, shift, link: LONG.link }),
    signIn: signInLinkSms({ firstName: LONG.firstName, organisationName: LONG.organisationName, link: LONG.link }),
    short: proposalSms({
      firstName: 'Awa Diallo',
      shift: { ...shift, place: 'EHPAD Les Tilleuls', commune: 'Créteil' },
      link: 'http://localhost:3000/proposition/abc',
    }),
  };
  test.each(Object.entries(cases))('%s', (_name, sms) => {
    expect(sms.segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
    expect(smsLength(sms.text)).toMatchObject({ encoding: sms.encoding, segments: sms.segments });
    // The link and the hours are never cut.
    if (_name !== 'short') expect(sms.text).toContain(LONG.link);
    if (_name !== 'signIn') expect(sms.text).toMatch(/15h00 à 19h30/);
    // Plain words: short lines (FALC), no line longer than 12 words.
    for (const line of sms.text.split('\n')) expect(line.split(/\s+/).length).toBeLessThanOrEqual(12);
  });

  test('the proposal reads in plain words', () => {
    expect(cases.short.text).toBe(
      'Bonjour Awa.\nOn vous propose un travail.\nsamedi 05/12 de 15h00 à 19h30.\nEHPAD Les Tilleuls, Créteil.\nOui ou non : http://localhost:3000/proposition/abc',
    );
    expect(cases.short.encoding).toBe('gsm7');
  });
});
