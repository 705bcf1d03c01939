import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeMission, makeUser, makeWorker } from '../../../../test/factories.js';
import { at, makePlanningWorld } from '../../../../test/factories-planning.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { clients } from '../clients/schema.js';
import { outboxEmails } from '../notifications/schema.js';
import { placementContracts } from '../quotes/schema.js';
import { healthVisits, workers as workersTable } from '../workers/schema.js';

/** The planning's rules of law through the HTTP API: working time, the medical visit, the legal form. */
const { app, database } = await testApp();
const db = database.db;

let w: Awaited<ReturnType<typeof makePlanningWorld>>;
let cookie: string;
let adminCookie: string;
let support: Awaited<ReturnType<typeof makeUser>>;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: { cookie: url.endsWith('/settings') ? adminCookie : cookie },
    payload: payload as object,
  });
const base = () => `/api/orgs/${w.org.id}`;
const shiftFor = (workerId: string, date: string, from: string, to: string) =>
  call('POST', `${base()}/shifts`, {
    missionId: w.mission.id,
    workerId,
    start: at(date, from),
    end: at(to <= from ? nextDay(date) : date, to),
  });
const nextDay = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  w = await makePlanningWorld(db, { workers: 4 });
  support = await makeUser(db, { role: 'support_officer', organisationId: w.org.id });
  cookie = await loginCookie(app, w.officer.email);
  adminCookie = await loginCookie(app, (await makeUser(db, { role: 'org_admin', organisationId: w.org.id })).email);
});

describe('medical information visit (R5132-26-7)', () => {
  test('the first placement makes it due within the month, and tells the support officer', async () => {
    const worker = w.workers[0];
    const res = await shiftFor(worker.id, '2026-12-07', '08:00', '12:00');
    expect(res.statusCode).toBe(201);
    const visits = await db.select().from(healthVisits).where(eq(healthVisits.workerId, worker.id));
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ dueOn: '2027-01-07', doneOn: null });
    const mails = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.to, support.email), eq(outboxEmails.relatedId, worker.id)));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(/R5132-26-7/);
    // A second placement adds nothing.
    await shiftFor(worker.id, '2026-12-08', '08:00', '12:00');
    expect(await db.select().from(healthVisits).where(eq(healthVisits.workerId, worker.id))).toHaveLength(1);
  });

  test('a night shift is refused until the visit is done, then accepted', async () => {
    const worker = w.workers[1];
    const refused = await shiftFor(worker.id, '2026-12-09', '18:00', '22:00');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('information_visit_required');
    expect(refused.json().error.message).toMatch(/visite d’information et de prévention/);
    await db.insert(healthVisits).values({
      organisationId: w.org.id,
      workerId: worker.id,
      kind: 'Visite d’information et de prévention',
      dueOn: '2026-12-01',
      doneOn: '2026-11-20',
    });
    expect((await shiftFor(worker.id, '2026-12-09', '18:00', '22:00')).statusCode).toBe(201);
  });
});

describe('working time on the API paths (Code du travail)', () => {
  test('10 h a day at most (L3121-18): refused in French naming the article; the setting raises it to 12 h', async () => {
    const worker = w.workers[2];
    await db.update(workersTable).set({ maxMinutesPerWeek: null }).where(eq(workersTable.id, worker.id));
    expect((await shiftFor(worker.id, '2026-12-14', '06:00', '12:00')).statusCode).toBe(201);
    const refused = await shiftFor(worker.id, '2026-12-14', '13:00', '18:00');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'daily_hours_exceeded',
      message: expect.stringMatching(/L3121-18/),
    });
    const s = await call('PATCH', `${base()}/settings`, { dailyWorkMaxMinutes: 12 * 60 });
    expect(s.statusCode).toBe(200);
    expect((await shiftFor(worker.id, '2026-12-14', '13:00', '18:00')).statusCode).toBe(201);
    await call('PATCH', `${base()}/settings`, { dailyWorkMaxMinutes: 10 * 60 });
  });

  test('a part-time contract of 26 h bounds the week to 28 h 36 (L3123-20); a third by agreement (L3123-21)', async () => {
    const worker = w.workers[3];
    await db.update(workersTable).set({ maxMinutesPerWeek: null }).where(eq(workersTable.id, worker.id));
    for (const day of ['2026-12-21', '2026-12-22', '2026-12-23']) {
      const res = await shiftFor(worker.id, day, '08:00', '16:00');
      expect([res.statusCode, res.json().error?.message]).toEqual([201, undefined]);
    }
    const refused = await shiftFor(worker.id, '2026-12-24', '08:00', '13:00');
    expect(refused.json().error).toMatchObject({
      code: 'contract_hours_exceeded',
      message: expect.stringMatching(/L3123-20/),
    });
    await call('PATCH', `${base()}/settings`, { complementaryHoursShare: 'third' });
    expect((await shiftFor(worker.id, '2026-12-24', '08:00', '13:00')).statusCode).toBe(201);
    await call('PATCH', `${base()}/settings`, { complementaryHoursShare: 'tenth' });
  });

  test('the former setting publicBodiesCountForHoursCap is gone: the legal form decides', async () => {
    const res = await call('PATCH', `${base()}/settings`, { publicBodiesCountForHoursCap: true });
    expect(res.statusCode).toBe(400);
    const settings = (await call('GET', `${base()}/settings`)).json();
    expect(settings).not.toHaveProperty('publicBodiesCountForHoursCap');
    expect(settings).toMatchObject({ dailyWorkMaxMinutes: 600, complementaryHoursShare: 'tenth' });
  });

  test('the ranking leaves out a worker the rules refuse (a minor, for a night shift)', async () => {
    const minor = await makeWorker(db, { organisationId: w.org.id, firstName: 'Jeune' });
    await db.update(workersTable).set({ birthDate: '2010-01-01' }).where(eq(workersTable.id, minor.id));
    await db.insert(healthVisits).values({
      organisationId: w.org.id,
      workerId: minor.id,
      kind: 'Visite d’information et de prévention',
      dueOn: '2026-12-01',
      doneOn: '2026-11-20',
    });
    const open = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      start: at('2026-12-28', '20:00'),
      end: at('2026-12-28', '23:00'),
    });
    const candidates = (await call('GET', `${base()}/shifts/${open.json().id}/candidates`)).json();
    expect(candidates.items.map((c: { workerId: string }) => c.workerId)).not.toContain(minor.id);
    const refused = await call('POST', `${base()}/shifts/${open.json().id}/assign`, { workerId: minor.id });
    expect(refused.json().error).toMatchObject({ code: 'minor_night_work', message: expect.stringMatching(/L3163-2/) });
  });
});

describe('a client whose legal form is unknown (L5132-9)', () => {
  test('its shifts are flagged on the planning and its hours count, with a warning to complete it', async () => {
    const client = await makeClient(db, { organisationId: w.org.id, kind: 'care_home', legalForm: null });
    const mission = await makeMission(db, { organisationId: w.org.id, client });
    const worker = await makeWorker(db, { organisationId: w.org.id });
    const res = await call('POST', `${base()}/shifts`, {
      missionId: mission.id,
      workerId: worker.id,
      start: at('2026-12-15', '08:00'),
      end: at('2026-12-15', '12:00'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings.join(' ')).toMatch(/forme juridique/);
    const list = (await call('GET', `${base()}/shifts?clientId=${client.id}&from=2026-12-15&to=2026-12-15`)).json();
    expect(list.items[0]).toMatchObject({ clientLegalFormUnknown: true });
    const windows = await db.execute(`SELECT counted_minutes FROM hours_cap_windows WHERE worker_id = '${worker.id}'`);
    expect((windows as unknown as { rows: { counted_minutes: number }[] }).rows[0].counted_minutes).toBe(240);
    // Completed as an association: the hours no longer count, the flag goes.
    await db.update(clients).set({ legalForm: '9220' }).where(eq(clients.id, client.id));
    const after = (await call('GET', `${base()}/shifts?clientId=${client.id}&from=2026-12-15&to=2026-12-15`)).json();
    expect(after.items[0].clientLegalFormUnknown).toBe(false);
  });
});

describe('every worker placed is named in the contract (R5132-20)', () => {
  test('placing a worker not named creates the amendment in the same step; the shift is flagged until signed', async () => {
    const client = await makeClient(db, { organisationId: w.org.id, kind: 'company', email: 'achats@sas.test' });
    const mission = await makeMission(db, { organisationId: w.org.id, client });
    const worker = await makeWorker(db, { organisationId: w.org.id, firstName: 'Nommée' });
    const open = await call('POST', `${base()}/shifts`, {
      missionId: mission.id,
      start: at('2026-12-16', '08:00'),
      end: at('2026-12-16', '12:00'),
    });
    const res = await call('POST', `${base()}/shifts/${open.json().id}/assign`, { workerId: worker.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings.join(' ')).toMatch(/avenant.*R5132-20/);
    const amendments = await db
      .select()
      .from(placementContracts)
      .where(eq(placementContracts.amendsId, mission.contract.id));
    expect(amendments).toHaveLength(1);
    expect(amendments[0]).toMatchObject({ workerIds: [worker.id], signedAt: null });
    const mail = await db.select().from(outboxEmails).where(eq(outboxEmails.relatedId, amendments[0].id));
    expect(mail.map((m) => m.to)).toEqual(['achats@sas.test']);
    const listed = () =>
      call('GET', `${base()}/shifts?clientId=${client.id}&from=2026-12-16&to=2026-12-16`).then(
        (r) => r.json().items[0],
      );
    expect(await listed()).toMatchObject({ contractUnsigned: true });
    // A second shift for the same worker adds no amendment.
    const again = await call('POST', `${base()}/shifts`, {
      missionId: mission.id,
      workerId: worker.id,
      start: at('2026-12-17', '08:00'),
      end: at('2026-12-17', '12:00'),
    });
    expect(again.statusCode).toBe(201);
    expect(
      await db.select().from(placementContracts).where(eq(placementContracts.amendsId, mission.contract.id)),
    ).toHaveLength(1);
    // The client signs: the flag goes.
    await db
      .update(placementContracts)
      .set({ signedAt: new Date('2026-12-01T10:00:00Z') })
      .where(eq(placementContracts.id, amendments[0].id));
    expect(await listed()).toMatchObject({ contractUnsigned: false });
  });
});
