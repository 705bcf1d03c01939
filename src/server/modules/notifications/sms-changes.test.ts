/**
 * Issue 18, « Reaching workers »: SMS for what cannot wait — a change tomorrow (a shift moved, cancelled, or given to
 * someone else) and a replacement accepted — follow the worker's preferred channel and their STOP
 * (rules/reach-worker.ts), land in the dev outbox, and are never sent for a change that is not tomorrow.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { parisInstant } from '../calendar/paris-time.js';
import { workers as workersTable } from '../workers/schema.js';
import { outboxEmails, outboxSms } from './schema.js';
import { isTomorrow } from './tell-worker.js';

const { app, database } = await testApp();
const db = database.db;
let w: Awaited<ReturnType<typeof makePlanningWorld>>;
let cookie: string;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie }, payload: payload as object });

const parisDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const today = parisDay(new Date());
const tomorrow = addDays(today, 1);
const later = addDays(today, 9);
const smsOf = (workerId: string) => db.select().from(outboxSms).where(eq(outboxSms.workerId, workerId));
const smsAbout = async (workerId: string, shiftId: string) =>
  (await smsOf(workerId)).filter((s) => s.relatedId === shiftId);

beforeAll(async () => {
  w = await makePlanningWorld(db, { workers: 4 });
  cookie = await loginCookie(app, w.officer.email);
  // Awa: mobile + e-mail; Karim, Léa, Yacine: a mobile only (the default preference: both channels).
  await db
    .update(workersTable)
    .set({ phone: '07 98 76 54 32', email: 'awa@worker.test' })
    .where(eq(workersTable.id, w.workers[0].id));
  for (const [i, phone] of [
    [1, '06 12 34 56 78'],
    [2, '06 22 33 44 55'],
    [3, '06 33 44 55 66'],
  ] as const) {
    await db.update(workersTable).set({ phone, email: null }).where(eq(workersTable.id, w.workers[i].id));
  }
});

describe('« tomorrow » is the next calendar day in Paris', () => {
  test('23:30 in Paris: tomorrow starts in half an hour', () => {
    const now = parisInstant('2027-03-10', '23:30');
    expect(isTomorrow(parisInstant('2027-03-11', '00:15'), now)).toBe(true);
    expect(isTomorrow(parisInstant('2027-03-10', '23:45'), now)).toBe(false);
    expect(isTomorrow(parisInstant('2027-03-12', '08:00'), now)).toBe(false);
    // Across the change to summer time (last Sunday of March).
    expect(isTomorrow(parisInstant('2027-03-28', '08:00'), parisInstant('2027-03-27', '08:00'))).toBe(true);
  });
});

describe('a change tomorrow', () => {
  test('a shift of tomorrow cancelled: its worker gets an SMS tonight', async () => {
    const s = await makeWorldShift(db, w, { date: tomorrow, from: '08:00', to: '10:00', workerId: w.workers[1].id });
    expect((await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/cancel`, {})).statusCode).toBe(200);
    const [sms] = await smsAbout(w.workers[1].id, s.id);
    expect(sms).toMatchObject({ to: '+33612345678', status: 'pending' });
    expect(sms.text).toContain('Demain, votre travail est annulé.');
    expect(sms.text).toMatch(/de 08h00 à 10h00/);
    expect(sms.text).toContain(`/moi/${w.org.id}/mon-travail`);
    expect(sms.segments).toBeLessThanOrEqual(2);
  });

  test('a shift in nine days cancelled: no SMS (it can wait for the worker’s page)', async () => {
    const s = await makeWorldShift(db, w, { date: later, from: '08:00', to: '10:00', workerId: w.workers[1].id });
    expect((await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/cancel`, {})).statusCode).toBe(200);
    expect(await smsAbout(w.workers[1].id, s.id)).toEqual([]);
  });

  test('a shift of tomorrow moved: the new times; given to someone else: both are told', async () => {
    const s = await makeWorldShift(db, w, { date: tomorrow, from: '10:30', to: '12:00', workerId: w.workers[1].id });
    const start = parisInstant(tomorrow, '13:00').toISOString();
    const end = parisInstant(tomorrow, '15:00').toISOString();
    expect((await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/move`, { start, end })).statusCode).toBe(200);
    const [moved] = await smsAbout(w.workers[1].id, s.id);
    expect(moved.text).toContain('Demain, votre travail change.');
    expect(moved.text).toMatch(/Nouveau : .* de 13h00 à 15h00/);

    // The same shift to Yacine: Karim loses it, Yacine gets it.
    const res = await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/move`, {
      start,
      end,
      workerId: w.workers[3].id,
    });
    expect(res.statusCode).toBe(200);
    const karim = await smsAbout(w.workers[1].id, s.id);
    expect(karim.map((x) => x.text.split('\n')[1])).toEqual([
      'Demain, votre travail change.',
      'Demain, votre travail est annulé.',
    ]);
    const [yacine] = await smsAbout(w.workers[3].id, s.id);
    expect(yacine.text).toContain('Demain, votre travail change.');
  });

  test('taken off a shift of tomorrow (unassigned): the worker is told', async () => {
    const s = await makeWorldShift(db, w, { date: tomorrow, from: '21:00', to: '22:00', workerId: w.workers[3].id });
    expect((await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/unassign`, {})).statusCode).toBe(200);
    const [sms] = await smsAbout(w.workers[3].id, s.id);
    expect(sms.text).toContain('Demain, votre travail est annulé.');
  });

  test('a worker who prefers e-mail gets an e-mail, not an SMS', async () => {
    const awa = w.workers[0].id;
    const set = await call('PATCH', `/api/orgs/${w.org.id}/workers/${awa}/contact-preferences`, { channel: 'email' });
    expect(set.statusCode).toBe(200);
    const s = await makeWorldShift(db, w, { date: tomorrow, from: '16:00', to: '18:00', workerId: awa });
    expect((await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/cancel`, {})).statusCode).toBe(200);
    expect(await smsAbout(awa, s.id)).toEqual([]);
    const mails = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.to, 'awa@worker.test'), eq(outboxEmails.relatedId, s.id)));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Demain, votre travail est annulé');
    expect(mails[0].text).toContain('Ne venez pas.');
  });

  test('an absence declared by the officer: the worker learns tomorrow’s work is off', async () => {
    const lea = w.workers[2].id;
    const s = await makeWorldShift(db, w, { date: tomorrow, from: '06:00', to: '07:00', workerId: lea });
    const res = await call('POST', `/api/orgs/${w.org.id}/absences`, {
      workerId: lea,
      start: parisInstant(tomorrow, '00:00').toISOString(),
      end: parisInstant(tomorrow, '07:30').toISOString(),
      reason: 'maladie',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().uncoveredShiftIds).toEqual([s.id]);
    const [sms] = await smsAbout(lea, s.id);
    expect(sms.text).toContain('Demain, votre travail est annulé.');
  });
});

describe('a replacement accepted', () => {
  test('the officer gives an uncovered shift to Karim: « Ce travail est à vous »', async () => {
    // Léa's shift of tomorrow, uncovered by her absence above.
    const [open] = await smsOf(w.workers[2].id);
    const shiftId = open.relatedId!;
    const res = await call('POST', `/api/orgs/${w.org.id}/shifts/${shiftId}/assign`, { workerId: w.workers[1].id });
    expect(res.statusCode).toBe(200);
    const [sms] = (await smsAbout(w.workers[1].id, shiftId)).filter((x) => x.text.includes('à vous'));
    expect(sms.text.split('\n').slice(0, 2)).toEqual(['Merci Karim.', 'Ce travail est à vous.']);
    expect(sms.dedupeKey).toBe(`replacement:${shiftId}:${w.workers[1].id}`);
  });

  test('a proposal accepted on the phone for an absent worker’s shift: the SMS confirms it', async () => {
    const yacine = w.workers[3].id;
    const day = addDays(today, 5);
    const s = await makeWorldShift(db, w, { date: day, from: '09:00', to: '11:00', workerId: yacine });
    expect((await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/unassign`, {})).statusCode).toBe(200);
    const p = await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/proposals`, { workerIds: [w.workers[2].id] });
    expect(p.statusCode).toBe(201);
    const [proposal] = await db.select().from(outboxSms).where(eq(outboxSms.relatedId, p.json().items[0].id));
    const token = proposal.text.match(/\/proposition\/([A-Za-z0-9_-]+)$/)![1];
    const accept = await app.inject({ method: 'POST', url: `/api/public/proposals/${token}/accept` });
    expect(accept.json()).toEqual({ status: 'accepted' });
    const [sms] = await smsAbout(w.workers[2].id, s.id);
    expect(sms.text).toContain('Ce travail est à vous.');
    // A new shift given for the first time is no replacement: no such SMS.
    const fresh = await makeWorldShift(db, w, { date: addDays(today, 6), from: '09:00', to: '11:00' });
    await call('POST', `/api/orgs/${w.org.id}/shifts/${fresh.id}/assign`, { workerId: w.workers[2].id });
    expect(await smsAbout(w.workers[2].id, fresh.id)).toEqual([]);
  });

  test('after STOP, no SMS at all (and without e-mail, nothing is queued)', async () => {
    const karim = w.workers[1].id;
    const stop = await call('PATCH', `/api/orgs/${w.org.id}/workers/${karim}/contact-preferences`, {
      smsOptedOut: true,
    });
    expect(stop.statusCode).toBe(200);
    const s = await makeWorldShift(db, w, { date: tomorrow, from: '19:00', to: '21:00', workerId: karim });
    expect((await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/cancel`, {})).statusCode).toBe(200);
    expect(await smsAbout(karim, s.id)).toEqual([]);
  });
});
