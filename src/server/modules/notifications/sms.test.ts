import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeUser } from '../../../../test/factories.js';
import { makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { type FakeSmsGateway, startFakeSmsGateway } from '../../../../test/fakes/sms-gateway.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { shiftProposals } from '../planning/schema.js';
import { workers as workersTable } from '../workers/schema.js';
import { queueSms } from './queue-sms.js';
import { fitSms } from './rules/sms-length.js';
import { outboxSms } from './schema.js';
import { sendSmsOutbox } from './send-sms-outbox.js';
import { httpSmsSender } from './sms-sender.js';

const TOKEN = 'dev-outbox-token-0123456789abcdef';
const INBOUND = 'inbound-token-0123456789abcdefgh';
const { app, database } = await testApp({ env: { DEV_MAILBOX_TOKEN: TOKEN, SMS_INBOUND_TOKEN: INBOUND } });
const db = database.db;
let gateway: FakeSmsGateway;
let w: Awaited<ReturnType<typeof makePlanningWorld>>;
let cookie: string;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers: { cookie, ...headers }, payload: payload as object });

beforeAll(async () => {
  gateway = await startFakeSmsGateway();
  w = await makePlanningWorld(db, { workers: 3 });
  cookie = await loginCookie(app, w.officer.email);
  // Karim has a mobile and no e-mail; Léa has a landline only.
  await db.update(workersTable).set({ phone: '06 12 34 56 78' }).where(eq(workersTable.id, w.workers[1].id));
  await db.update(workersTable).set({ phone: '01 43 21 00 00' }).where(eq(workersTable.id, w.workers[2].id));
});
afterAll(() => gateway.close());

const sender = () => httpSmsSender({ url: gateway.url, apiKey: gateway.apiKey, sender: 'Passerelle' });

describe('a proposal reaches a worker by SMS', () => {
  test('a mobile is a channel: the SMS is queued in the transaction, then delivered by the gateway', async () => {
    const s = await makeWorldShift(db, w, { date: '2027-05-10', from: '08:00', to: '12:00' });
    const res = await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/proposals`, { workerIds: [w.workers[1].id] });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toMatchObject([{ workerId: w.workers[1].id, channel: 'sms' }]);
    const [sms] = await db.select().from(outboxSms).where(eq(outboxSms.workerId, w.workers[1].id));
    expect(sms).toMatchObject({ to: '+33612345678', status: 'pending', encoding: 'gsm7' });
    expect(sms.text).toContain('On vous propose un travail.');
    expect(sms.text).toMatch(/lundi 10\/05 de 08h00 à 12h00/);
    expect(sms.text).toMatch(/\/proposition\/[A-Za-z0-9_-]{32}$/);
    expect(sms.segments).toBeLessThanOrEqual(2);

    expect(await sendSmsOutbox({ db, sender: sender() })).toEqual({ sent: 1, failed: 0 });
    expect(gateway.received.at(-1)).toMatchObject({
      sender: 'Passerelle',
      recipient: '33612345678',
      content: sms.text,
      tag: sms.id,
      unicodeEnabled: false,
    });
    const [after] = await db.select().from(outboxSms).where(eq(outboxSms.id, sms.id));
    expect(after).toMatchObject({ status: 'sent', attempts: 1 });
    expect(after.providerMessageId).toMatch(/^\d+$/);
    // Sent once: a second run sends nothing.
    expect(await sendSmsOutbox({ db, sender: sender() })).toEqual({ sent: 0, failed: 0 });
  });

  test('a landline is not a channel: the proposal is refused, naming the person', async () => {
    const s = await makeWorldShift(db, w, { date: '2027-05-11', from: '08:00', to: '12:00' });
    const res = await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/proposals`, { workerIds: [w.workers[2].id] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('no_contact_channel');
    expect(res.json().error.message).toContain('téléphone portable');
  });
});

describe('the outbox retries, and never sends twice', () => {
  test('a gateway error is retried on the next run; a refusal (4xx) stops at once', async () => {
    const sms = fitSms('Bonjour Karim.\nTest de renvoi.');
    const id = (await queueSms({ db, organisationId: w.org.id, to: '+33612345678', sms, dedupeKey: 'retry-1' }))!;
    gateway.failNext(503);
    expect(await sendSmsOutbox({ db, sender: sender() })).toEqual({ sent: 0, failed: 1 });
    let [row] = await db.select().from(outboxSms).where(eq(outboxSms.id, id));
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('503');
    expect(await sendSmsOutbox({ db, sender: sender() })).toEqual({ sent: 1, failed: 0 });
    [row] = await db.select().from(outboxSms).where(eq(outboxSms.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    const bad = (await queueSms({ db, organisationId: w.org.id, to: '+33612345678', sms, dedupeKey: 'refused-1' }))!;
    gateway.failNext(400);
    await sendSmsOutbox({ db, sender: sender() });
    [row] = await db.select().from(outboxSms).where(eq(outboxSms.id, bad));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
  });

  test('the same key queues one SMS only', async () => {
    const sms = fitSms('Une seule fois.');
    const first = await queueSms({ db, organisationId: w.org.id, to: '+33612345678', sms, dedupeKey: 'once' });
    const again = await queueSms({ db, organisationId: w.org.id, to: '+33612345678', sms, dedupeKey: 'once' });
    expect(first).toBeTruthy();
    expect(again).toBeNull();
  });

  test('without a gateway, SMS are captured for the dev outbox', async () => {
    await queueSms({ db, organisationId: w.org.id, to: '+33612345678', sms: fitSms('Capturé.'), dedupeKey: 'cap' });
    await sendSmsOutbox({ db });
    const [row] = await db.select().from(outboxSms).where(eq(outboxSms.dedupeKey, 'cap'));
    expect(row.status).toBe('captured');
  });
});

describe('the dev SMS outbox has the mailbox’s protections', () => {
  test('anonymous: 401; a worker reads only their own; the operator token reads all', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/dev/sms' })).statusCode).toBe(401);
    const karim = await makeUser(db, { role: 'worker', organisationId: w.org.id, workerId: w.workers[1].id });
    const awa = await makeUser(db, { role: 'worker', organisationId: w.org.id, workerId: w.workers[0].id });
    const k = await app.inject({
      method: 'GET',
      url: '/api/dev/sms',
      headers: { cookie: await loginCookie(app, karim.email) },
    });
    expect(k.statusCode).toBe(200);
    expect(k.json().items.length).toBeGreaterThan(0);
    expect(k.json().items.every((i: { to: string }) => i.to === '+33612345678')).toBe(true);
    const a = await app.inject({
      method: 'GET',
      url: '/api/dev/sms',
      headers: { cookie: await loginCookie(app, awa.email) },
    });
    expect(a.json()).toEqual({ items: [], total: 0 });
    const op = await app.inject({
      method: 'GET',
      url: '/api/dev/sms?to=%2B33612345678',
      headers: { 'x-dev-mailbox-token': TOKEN },
    });
    expect(op.json().total).toBeGreaterThanOrEqual(k.json().total);
    // The number as a worker record writes it finds the same SMS (stored in E.164, as sent).
    const asWritten = await app.inject({
      method: 'GET',
      url: `/api/dev/sms?to=${encodeURIComponent('06 12 34 56 78')}`,
      headers: { 'x-dev-mailbox-token': TOKEN },
    });
    expect(asWritten.json().total).toBe(op.json().total);
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/dev/sms',
      headers: { 'x-dev-mailbox-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(401);
  });

  test('with a gateway configured, the dev outbox does not exist', async () => {
    const other = await testApp({ env: { SMS_URL: gateway.url, DEV_MAILBOX_TOKEN: TOKEN }, database });
    const res = await other.app.inject({
      method: 'GET',
      url: '/api/dev/sms',
      headers: { 'x-dev-mailbox-token': TOKEN },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('preferred channel and STOP', () => {
  test('« STOP » from the worker’s number: no more SMS, so a proposal without e-mail is refused', async () => {
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/sms/inbound/not-the-token',
      payload: { from: '33612345678', text: 'STOP' },
    });
    expect(wrongToken.statusCode).toBe(404);
    const stop = await app.inject({
      method: 'POST',
      url: `/api/sms/inbound/${INBOUND}`,
      payload: { from: '33612345678', text: ' Stop ' },
    });
    expect(stop.statusCode).toBe(200);
    expect(stop.json().optedOut).toBeGreaterThanOrEqual(1);
    const prefs = await call('GET', `/api/orgs/${w.org.id}/workers/${w.workers[1].id}/contact-preferences`);
    expect(prefs.json()).toMatchObject({ smsOptedOut: true });
    const s = await makeWorldShift(db, w, { date: '2027-05-12', from: '08:00', to: '12:00' });
    const res = await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/proposals`, { workerIds: [w.workers[1].id] });
    expect(res.statusCode).toBe(422);
  });

  test('the worker chooses e-mail only: the proposal goes by e-mail, no SMS', async () => {
    await db
      .update(workersTable)
      .set({ phone: '07 98 76 54 32', email: 'awa@worker.test' })
      .where(eq(workersTable.id, w.workers[0].id));
    const awa = await makeUser(db, { role: 'worker', organisationId: w.org.id, workerId: w.workers[0].id });
    const awaCookie = await loginCookie(app, awa.email);
    const set = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${w.org.id}/me/contact-preferences`,
      headers: { cookie: awaCookie },
      payload: { channel: 'email' },
    });
    expect(set.json()).toEqual({ channel: 'email', smsOptedOut: false, sharePosition: false });
    const s = await makeWorldShift(db, w, { date: '2027-05-13', from: '08:00', to: '12:00' });
    const res = await call('POST', `/api/orgs/${w.org.id}/shifts/${s.id}/proposals`, { workerIds: [w.workers[0].id] });
    expect(res.json().items).toMatchObject([{ channel: 'email' }]);
    const [p] = await db.select().from(shiftProposals).where(eq(shiftProposals.shiftId, s.id));
    const sms = await db.select().from(outboxSms).where(eq(outboxSms.relatedId, p.id));
    expect(sms).toEqual([]);
    // An officer may not give the worker's position consent.
    const officer = await call('PATCH', `/api/orgs/${w.org.id}/workers/${w.workers[0].id}/contact-preferences`, {
      sharePosition: true,
    });
    expect(officer.statusCode).toBe(400);
  });
});
