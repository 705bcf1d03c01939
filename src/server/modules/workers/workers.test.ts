import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeOrg, makeUser, makeWorker } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { addDays, parisToday } from '../calendar/paris-time.js';
import { outboxEmails } from '../notifications/schema.js';
import { employmentContracts, passes, workers } from './schema.js';
import { sendPassAlerts } from './send-pass-alerts.js';

const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let support: string;
let placement: string;
let supportEmail: string;
let supportUserId: string;

beforeAll(async () => {
  const org = await makeOrg(db);
  orgId = org.id;
  const s = await makeUser(db, { role: 'support_officer', organisationId: orgId });
  supportEmail = s.email;
  supportUserId = s.id;
  support = await loginCookie(app, s.email);
  placement = await loginCookie(app, (await makeUser(db, { role: 'placement_officer', organisationId: orgId })).email);
});

const post = (cookie: string, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/orgs/${orgId}${url}`, headers: { cookie }, payload: payload as object });
const get = (cookie: string, url: string) =>
  app.inject({ method: 'GET', url: `/api/orgs/${orgId}${url}`, headers: { cookie } });

const newWorker = (o: Record<string, unknown> = {}) => ({
  firstName: 'Hélène',
  lastName: 'Dupré',
  birthDate: '1975-03-14',
  address: { line: '12 rue des Lilas', postalCode: '94000', communeCode: '94028' },
  jobs: ['K2204'],
  ...o,
});

const workerCount = async () =>
  (await db.select({ n: count() }).from(workers).where(eq(workers.organisationId, orgId)))[0].n;

describe('worker record', () => {
  test('creating a worker as API.md returns 201 with the PASS end computed as start + 730 days − 1', async () => {
    const res = await post(
      placement,
      '/workers',
      newWorker({
        pass: { number: '999992612345', startDate: '2026-01-01', endDate: '2027-12-31' },
        maxHoursPerWeek: 26,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.id).toBeTruthy();
    expect(body.pass.endDate).toBe('2027-12-31');
    expect(body.maxMinutesPerWeek).toBe(26 * 60);
    expect(body.jobs[0]).toMatchObject({ rome: 'K2204', level: 1 });
    expect(body.address.communeName).toBe('Créteil');
  });

  test.each([
    ['a birth date in the future', { birthDate: '2099-01-01' }, 'birthDate', 'futur'],
    ['a 12-year-old', { birthDate: addDays(parisToday(), -12 * 366) }, 'birthDate', '16 ans'],
    ['a 95-year-old', { birthDate: '1930-01-01' }, 'birthDate', 'vérifiez'],
    [
      'a PASS number of 11 characters',
      { pass: { number: '99999261234', startDate: '2026-01-01', endDate: '2027-12-31' } },
      'pass.number',
      '12 caractères',
    ],
  ])('%s is refused with a French message next to the field, and nothing is saved', async (_, patch, path, words) => {
    const before = await workerCount();
    const res = await post(placement, '/workers', newWorker(patch));
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    const detail = error.details.find((d: { path: string }) => d.path === path);
    expect(detail?.message).toContain(words);
    expect(await workerCount()).toBe(before);
  });

  test('the list finds a worker by any part of the name, accents ignored, and puts PASS ending soon first', async () => {
    await post(placement, '/workers', newWorker({ firstName: 'Zoé', lastName: 'Zébulon' }));
    const soon = await post(
      placement,
      '/workers',
      newWorker({
        firstName: 'Amadou',
        lastName: 'Bâ',
        pass: { number: '999992600001', startDate: addDays(parisToday(), -700) },
      }),
    );
    expect(soon.statusCode, soon.body).toBe(201);
    const found = await get(placement, '/workers?q=zebul');
    expect(found.json().items.map((w: { lastName: string }) => w.lastName)).toEqual(['Zébulon']);
    const all = await get(placement, '/workers');
    expect(all.json().items[0].lastName).toBe('Bâ');
    expect(all.json().items[0].passDaysLeft, JSON.stringify(all.json().items[0])).toBe(29);
    const ending = await get(placement, '/workers?passEndingSoon=true');
    expect(ending.json().items.map((w: { lastName: string }) => w.lastName)).toEqual(['Bâ']);
    expect((await get(placement, '/workers/pass-ending-soon/count')).json().count).toBe(1);
    expect((await get(placement, '/workers?job=J1301')).json().total).toBe(0);
  });

  test('a record is changed with PATCH: jobs with level, target jobs, availability, referent', async () => {
    const id = (await post(placement, '/workers', newWorker())).json().id;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${orgId}/workers/${id}`,
      headers: { cookie: placement },
      payload: {
        jobs: [{ rome: 'J1301', level: 2 }],
        targetJobs: ['J1501'],
        weeklyAvailability: { '1': [['08:00', '12:00']] },
        referentUserId: supportUserId,
        maxHoursPerWeek: 20,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      jobs: [{ rome: 'J1301', level: 2 }],
      targetJobs: [{ rome: 'J1501' }],
      weeklyAvailability: { '1': [['08:00', '12:00']] },
      referent: { id: supportUserId },
      maxMinutesPerWeek: 1200,
    });
    expect(res.json().hoursCap).toMatchObject({ countedMinutes: 0, capMinutes: 480 * 60 });
  });

  test('certificates and occupational health visits are kept on the record', async () => {
    const id = (await post(placement, '/workers', newWorker())).json().id;
    expect(
      (
        await post(placement, `/workers/${id}/certificates`, {
          kind: 'food_hygiene',
          label: 'Hygiène alimentaire HACCP',
          obtainedOn: '2025-05-01',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await post(placement, `/workers/${id}/health-visits`, {
          kind: 'Visite d’information et de prévention',
          dueOn: '2020-01-01',
        })
      ).statusCode,
    ).toBe(201);
    const record = (await get(placement, `/workers/${id}`)).json();
    expect(record.certificates[0].label).toBe('Hygiène alimentaire HACCP');
    expect(record.healthVisits[0].overdue).toBe(true);
  });

  test('another AI gets 404 for a worker record', async () => {
    const other = await makeOrg(db);
    const stranger = await loginCookie(
      app,
      (await makeUser(db, { role: 'org_admin', organisationId: other.id })).email,
    );
    const id = (await post(placement, '/workers', newWorker())).json().id;
    expect((await get(stranger, `/workers/${id}`)).statusCode).toBe(404);
    const res = await app.inject({
      method: 'GET',
      url: `/api/orgs/${other.id}/workers/${id}`,
      headers: { cookie: stranger },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('eligibility and PASS IAE', () => {
  test('a diagnosis made by the AI is valid 92 days and says whether the person is eligible', async () => {
    const id = (await post(placement, '/workers', newWorker())).json().id;
    const res = await post(support, `/workers/${id}/diagnoses`, {
      author: 'ai',
      madeOn: '2026-01-01',
      criteria: ['senior_50', 'mobility_problem'],
      evidence: 'Attestation France Travail du 02/01/2026',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ validUntil: '2026-04-02', eligible: true });
    expect(
      (await post(placement, `/workers/${id}/diagnoses`, { author: 'ai', madeOn: '2026-01-01', criteria: ['rsa'] }))
        .statusCode,
    ).toBe(403);
  });

  test('an authorised prescriber’s diagnosis is saved without criteria; the AI’s own needs them', async () => {
    const id = (await post(placement, '/workers', newWorker())).json().id;
    const res = await post(support, `/workers/${id}/diagnoses`, {
      author: 'prescriber',
      prescriberName: 'France Travail Lyon 3e',
      madeOn: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ criteria: [], eligible: true, validUntil: '2026-06-30' });
    const ai = await post(support, `/workers/${id}/diagnoses`, { author: 'ai', madeOn: '2026-01-01' });
    expect(ai.statusCode).toBe(400);
    expect(ai.json().error.details[0].path).toContain('criteria');
  });

  test('a suspension pushes the stored end back, never overlaps; a prolongation waits for the prescriber and the pathway cap holds', async () => {
    const w = (
      await post(
        support,
        '/workers',
        newWorker({ pass: { number: '999992600002', startDate: '2026-01-01', endDate: '2027-12-31' } }),
      )
    ).json();
    const passId = w.pass.id;
    const base = `/workers/${w.id}/passes/${passId}`;
    const sus = await post(support, `${base}/suspensions`, {
      startDate: '2026-03-01',
      endDate: '2026-03-10',
      reason: 'contract_suspended',
      explanation: 'Arrêt maladie',
    });
    expect(sus.statusCode, sus.body).toBe(201);
    expect(sus.json().endDate).toBe('2028-01-10');
    expect(sus.json().suspensions[0]).toMatchObject({ reason: 'contract_suspended', explanation: 'Arrêt maladie' });
    const overlap = await post(support, `${base}/suspensions`, {
      startDate: '2026-03-10',
      endDate: '2026-03-20',
      reason: 'contract_broken',
    });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().error.code).toBe('suspension_overlap');
    const freeText = await post(support, `${base}/suspensions`, {
      startDate: '2026-05-01',
      endDate: '2026-05-02',
      reason: 'Arrêt maladie',
    });
    expect(freeText.statusCode).toBe(400);
    const [stored] = await db.select().from(passes).where(eq(passes.id, passId));
    expect(stored.endDate).toBe('2028-01-10');

    // RQTH needs the authorised prescriber: pending, the end does not move, and a second request waits.
    const asked = await post(support, `${base}/extensions`, { reason: 'rqth', evidence: 'Notification MDPH' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().extensions[0]).toMatchObject({ status: 'pending', decidedOn: null });
    expect(asked.json().endDate).toBe('2028-01-10');
    const again = await post(support, `${base}/extensions`, { reason: 'training', months: 6 });
    expect(again.json().error.code).toBe('pass_extension_pending');
    const extId = asked.json().extensions[0].id;
    const decision = await post(support, `${base}/extensions/${extId}/decision`, {
      decision: 'granted',
      decidedOn: '2027-11-02',
      decidedBy: 'Cap emploi Rhône',
    });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json().endDate).toBe('2029-01-10');
    const twice = await post(support, `${base}/extensions/${extId}/decision`, {
      decision: 'refused',
      decidedOn: '2027-11-03',
      decidedBy: 'Cap emploi Rhône',
    });
    expect(twice.json().error.code).toBe('pass_extension_decided');

    // Training takes effect at once (no prescriber's opinion): 12 months more.
    const training = await post(support, `${base}/extensions`, { reason: 'training', months: 12 });
    expect(training.statusCode, training.body).toBe(201);
    expect(training.json().endDate).toBe('2030-01-10');
    // 24 months used in the pathway: a training cap (2 years) is reached, RQTH (3 years) has 12 months left.
    const over = await post(support, `${base}/extensions`, { reason: 'training', months: 1 });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('pass_extension_cap');
    expect(over.json().error.message).toContain('2 ans');
    expect(training.json().extensionMonthsLeft).toMatchObject({ rqth: 12, training: 0, senior_50: 36 });
    expect((await db.select().from(passes).where(eq(passes.id, passId)))[0].endDate).toBe('2030-01-10');
  });

  test('a new PASS within 2 years of the previous one’s expiry is refused, unless an authorised prescriber vouches (warning)', async () => {
    const w = (
      await post(
        support,
        '/workers',
        newWorker({ pass: { number: '999992600003', startDate: '2023-01-01', endDate: '2024-12-31' } }),
      )
    ).json();
    const res = await post(support, `/workers/${w.id}/passes`, { number: '999992600004', startDate: '2026-01-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('pass_waiting_period');
    expect(
      (
        await post(support, `/workers/${w.id}/diagnoses`, {
          author: 'prescriber',
          prescriberName: 'France Travail',
          madeOn: '2025-12-15',
        })
      ).statusCode,
    ).toBe(201);
    const ok = await post(support, `/workers/${w.id}/passes`, { number: '999992600004', startDate: '2026-01-01' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().warning).toContain('délai de carence');
  });

  test('the daily alert emails the referent once at 60 days and once at 30 days before the end', async () => {
    const w = (
      await post(
        support,
        '/workers',
        newWorker({
          lastName: 'Alerte',
          referentUserId: supportUserId,
          pass: { number: '999992600005', startDate: addDays(parisToday(), -700) },
        }),
      )
    ).json();
    const mails = async () =>
      (
        await db
          .select()
          .from(outboxEmails)
          .where(and(eq(outboxEmails.to, supportEmail), eq(outboxEmails.relatedId, w.id)))
      ).length;
    await sendPassAlerts({ db });
    expect(await mails()).toBe(1);
    await sendPassAlerts({ db });
    expect(await mails()).toBe(1);
    // 45 days before: already alerted at 60 for this end.
    const [subject] = await db
      .select({ s: outboxEmails.subject })
      .from(outboxEmails)
      .where(eq(outboxEmails.relatedId, w.id));
    expect(subject.s).toContain('Alerte');
  });
});

describe('employment contracts', () => {
  const hire = async () =>
    (
      await post(
        support,
        '/workers',
        newWorker({
          pass: { number: `9999${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, startDate: '2026-01-01' },
        }),
      )
    ).json().id;

  test('a CDDI of 26 h a week is created as API.md and its PDF names the contract and the law', async () => {
    const id = await hire();
    const res = await post(support, `/workers/${id}/contracts`, {
      kind: 'cddi',
      startDate: '2026-02-01',
      endDate: '2026-07-31',
      weeklyMinutes: 20 * 60,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'cddi', weeklyMinutes: 1200 });
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/workers/${id}/contracts/${res.json().id}/pdf`,
      headers: { cookie: placement },
    });
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('CDDI');
    expect(text).toContain('L5132-11-1');
    expect(text).toContain('20 h');
  });

  test.each([
    [
      'a CDDI of 3 months',
      { kind: 'cddi', startDate: '2026-02-01', endDate: '2026-04-30', weeklyMinutes: 1200 },
      'cddi_min_duration',
    ],
    [
      'a CDI inclusion for a 51-year-old',
      { kind: 'cdi_inclusion', startDate: '2026-02-01', weeklyMinutes: 1200 },
      'cdi_inclusion_age',
    ],
    [
      'a contract before any PASS',
      { kind: 'cddu', startDate: '2025-06-01', endDate: '2025-06-30', weeklyMinutes: 1200 },
      'pass_not_valid',
    ],
  ])('%s → 422 %s, nothing saved', async (_, body, code) => {
    const id = await hire();
    const res = await post(support, `/workers/${id}/contracts`, body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(await db.select().from(employmentContracts).where(eq(employmentContracts.workerId, id))).toHaveLength(0);
  });

  test('overlapping contracts are refused, by the rule and by the database', async () => {
    const id = await hire();
    expect(
      (
        await post(support, `/workers/${id}/contracts`, {
          kind: 'cddu',
          startDate: '2026-02-01',
          endDate: '2026-02-28',
          weeklyMinutes: 600,
        })
      ).statusCode,
    ).toBe(201);
    const res = await post(support, `/workers/${id}/contracts`, {
      kind: 'cddu',
      startDate: '2026-02-15',
      endDate: '2026-03-15',
      weeklyMinutes: 600,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('employment_contract_overlap');
    await expect(
      db.insert(employmentContracts).values({
        organisationId: orgId,
        workerId: id,
        kind: 'cddu',
        startDate: '2026-02-20',
        endDate: '2026-03-01',
        weeklyMinutes: 600,
      }),
    ).rejects.toThrow();
  });

  test('a placement officer may not sign an employment contract (403)', async () => {
    const id = await hire();
    expect(
      (
        await post(placement, `/workers/${id}/contracts`, {
          kind: 'cddu',
          startDate: '2026-02-01',
          endDate: '2026-02-28',
          weeklyMinutes: 600,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('unavailabilities', () => {
  test('a worker declares their own unavailability, not another worker’s', async () => {
    const me = await makeWorker(db, { organisationId: orgId });
    const other = await makeWorker(db, { organisationId: orgId });
    const cookie = await loginCookie(
      app,
      (await makeUser(db, { role: 'worker', organisationId: orgId, workerId: me.id })).email,
    );
    const body = {
      start: '2026-12-01T08:00:00+01:00',
      end: '2026-12-01T12:00:00+01:00',
      reason: 'Rendez-vous médical',
    };
    const res = await post(cookie, `/workers/${me.id}/unavailabilities`, body);
    expect(res.statusCode, res.body).toBe(201);
    // Another worker is outside the worker's scope (policies/scopes.ts): not found, like a foreign id.
    expect((await post(cookie, `/workers/${other.id}/unavailabilities`, body)).statusCode).toBe(404);
    expect((await get(cookie, `/workers/${me.id}`)).statusCode).toBe(403);
    const list = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/workers/${me.id}/unavailabilities`,
      headers: { cookie: placement },
    });
    expect(list.json().total).toBeGreaterThanOrEqual(0);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${orgId}/workers/${me.id}/unavailabilities/${res.json().id}`,
      headers: { cookie },
    });
    expect(del.statusCode).toBe(204);
  });
});
