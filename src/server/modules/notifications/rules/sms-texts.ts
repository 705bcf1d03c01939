import { fitSms } from './sms-length.js';

/**
 * The SMS Passerelle sends to workers, in plain French (short sentences, the day and hours first, one link).
 * Each is cut to fit 2 segments whatever the names: places are shortened, never the link or the hours.
 * sms-texts.test.ts checks every template with long, realistic names.
 */
export const SMS_MAX_SEGMENTS = 2;

const day = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'numeric' })
    .format(d)
    .replace(/\//g, '/');
const hour = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' })
    .format(d)
    .replace(':', 'h');
const short = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}.`);
const firstOf = (name: string) => short(name.trim().split(/\s+/)[0] ?? '', 20);

export type ShiftFacts = { start: Date; end: Date; place: string; commune: string | null };
const where = (s: ShiftFacts) => short([s.place, s.commune].filter(Boolean).join(', '), 40);
const when = (s: ShiftFacts) => `${day(s.start)} de ${hour(s.start)} à ${hour(s.end)}`;

const finish = (lines: string[]) => fitSms(lines.join('\n'), SMS_MAX_SEGMENTS);

/** A shift is proposed: the link opens the page where one tap says yes. */
export function proposalSms(o: { firstName: string; shift: ShiftFacts; link: string }) {
  return finish([
    `Bonjour ${firstOf(o.firstName)}.`,
    'On vous propose un travail.',
    `${when(o.shift)}.`,
    `${where(o.shift)}.`,
    `Oui ou non : ${o.link}`,
  ]);
}

/** Tomorrow's work changed (moved or cancelled): the worker must know tonight. */
export function changeTomorrowSms(o: {
  firstName: string;
  kind: 'moved' | 'cancelled';
  shift: ShiftFacts;
  link: string;
}) {
  return finish([
    `Bonjour ${firstOf(o.firstName)}.`,
    o.kind === 'cancelled' ? 'Demain, votre travail est annulé.' : 'Demain, votre travail change.',
    `${o.kind === 'cancelled' ? 'C’était' : 'Nouveau'} : ${when(o.shift)}.`,
    `${where(o.shift)}.`,
    `Voir : ${o.link}`,
  ]);
}

/** The worker said yes to a replacement and got it: a confirmation to keep. */
export function replacementAcceptedSms(o: { firstName: string; shift: ShiftFacts; link: string }) {
  return finish([
    `Merci ${firstOf(o.firstName)}.`,
    'Ce travail est à vous.',
    `${when(o.shift)}.`,
    `${where(o.shift)}.`,
    `Mon travail : ${o.link}`,
  ]);
}

/** The private link that signs the worker in on their phone (no password to keep). */
export function signInLinkSms(o: { firstName: string; organisationName: string; link: string }) {
  return finish([
    `Bonjour ${firstOf(o.firstName)}.`,
    `${short(o.organisationName, 40)} vous ouvre votre page Passerelle.`,
    `Ouvrez ce lien : ${o.link}`,
    'Ne le donnez à personne.',
  ]);
}
