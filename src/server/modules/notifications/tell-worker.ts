import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { workers } from '../workers/queries.js';
import { workerChannels } from './contact-preferences.js';
import { queueEmail } from './queue-email.js';
import { queueSms } from './queue-sms.js';
import { changeTomorrowSms, replacementAcceptedSms, type ShiftFacts } from './rules/sms-texts.js';

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
const parisDay = (d: Date) => PARIS_DAY.format(d);
const frenchWhen = (s: ShiftFacts) => {
  const day = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(s.start);
  const hour = (d: Date) =>
    new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' })
      .format(d)
      .replace(':', 'h');
  return `le ${day} de ${hour(s.start)} à ${hour(s.end)}`;
};
const placeOf = (s: ShiftFacts) => [s.place, s.commune].filter(Boolean).join(', ');

/** The facts an SMS names, from a shift with its site. */
export const shiftFacts = (s: { startAt: Date; endAt: Date; siteName: string; siteCommune: string | null }) => ({
  start: s.startAt,
  end: s.endAt,
  place: s.siteName,
  commune: s.siteCommune,
});

/** True when the instant falls on tomorrow's date in Paris (the day after `now`'s Paris date). */
export function isTomorrow(start: Date, now = new Date()): boolean {
  const today = parisDay(now);
  const [y, m, d] = today.split('-').map(Number);
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return parisDay(start) === tomorrow;
}

/** The address users reach (config.ts publicUrl: PUBLIC_URL, else http://localhost:$PORT). */
const defaultPublicUrl = () => process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`;

/** The worker's own page, where today's and tomorrow's work is listed (web: /moi/:orgId/mon-travail). */
export const workerPageLink = (publicUrl: string, organisationId: string) =>
  `${publicUrl.replace(/\/$/, '')}/moi/${organisationId}/mon-travail`;

type Message = { kind: 'moved' | 'cancelled'; shift: ShiftFacts } | { kind: 'replacement_accepted'; shift: ShiftFacts };

/**
 * Tells one worker something about their work that cannot wait, by the channel they chose (rules/reach-worker.ts):
 * an SMS when they have a mobile and did not say STOP (texts of rules/sms-texts.ts), an e-mail otherwise or as
 * well when they chose both. Queued in the caller's transaction; the same `dedupeKey` twice queues one SMS.
 * Returns the channels used (none when the worker cannot be reached).
 */
export async function tellWorker(o: {
  db: Db;
  organisationId: string;
  workerId: string;
  message: Message;
  publicUrl?: string;
  dedupeKey: string;
  related?: { type: string; id: string };
}): Promise<{ sms: boolean; email: boolean }> {
  const [w] = await o.db
    .select({ firstName: workers.firstName })
    .from(workers)
    .where(and(eq(workers.id, o.workerId), eq(workers.organisationId, o.organisationId)));
  if (!w) return { sms: false, email: false };
  const reach = await workerChannels({ db: o.db, organisationId: o.organisationId, workerId: o.workerId });
  const link = workerPageLink(o.publicUrl ?? defaultPublicUrl(), o.organisationId);
  const m = o.message;
  if (reach.sms) {
    await queueSms({
      db: o.db,
      organisationId: o.organisationId,
      workerId: o.workerId,
      to: reach.sms,
      sms:
        m.kind === 'replacement_accepted'
          ? replacementAcceptedSms({ firstName: w.firstName, shift: m.shift, link })
          : changeTomorrowSms({ firstName: w.firstName, kind: m.kind, shift: m.shift, link }),
      dedupeKey: o.dedupeKey,
      related: o.related,
    });
  }
  if (reach.email) {
    const when = frenchWhen(m.shift);
    const subject =
      m.kind === 'replacement_accepted'
        ? `Ce travail est à vous : ${when}`
        : m.kind === 'cancelled'
          ? `Demain, votre travail est annulé`
          : `Demain, votre travail change`;
    const head =
      m.kind === 'replacement_accepted'
        ? ['Merci.', 'Ce travail est à vous.', `Quand : ${when}.`]
        : m.kind === 'cancelled'
          ? ['Demain, votre travail est annulé.', `C’était ${when}.`, 'Ne venez pas.']
          : ['Demain, votre travail change.', `Nouvel horaire : ${when}.`];
    await queueEmail({
      db: o.db,
      to: reach.email,
      subject,
      text: [`Bonjour ${w.firstName},`, '', ...head, `Où : ${placeOf(m.shift)}.`, '', `Votre travail : ${link}`].join(
        '\n',
      ),
      organisationId: o.organisationId,
      related: o.related,
    });
  }
  return { sms: !!reach.sms, email: !!reach.email };
}

/**
 * A shift of tomorrow changed for these workers: each is told (moved: the new times; cancelled: the old ones).
 * Does nothing for a shift not tomorrow (old or new times), so callers may call it for every change.
 */
export async function tellWorkersOfChangeTomorrow(o: {
  db: Db;
  organisationId: string;
  shiftId: string;
  publicUrl?: string;
  changes: { workerId: string | null; kind: 'moved' | 'cancelled'; shift: ShiftFacts; wasStart?: Date }[];
  now?: Date;
}) {
  for (const c of o.changes) {
    if (!c.workerId) continue;
    const tomorrow = isTomorrow(c.shift.start, o.now) || (c.wasStart ? isTomorrow(c.wasStart, o.now) : false);
    if (!tomorrow) continue;
    await tellWorker({
      db: o.db,
      organisationId: o.organisationId,
      workerId: c.workerId,
      message: { kind: c.kind, shift: c.shift },
      publicUrl: o.publicUrl,
      dedupeKey: `change:${o.shiftId}:${c.workerId}:${c.kind}:${c.shift.start.toISOString()}`,
      related: { type: 'shift', id: o.shiftId },
    });
  }
}
