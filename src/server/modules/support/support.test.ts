import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  makeClient,
  makeMission,
  makeNetwork,
  makeOrg,
  makeShift,
  makeUser,
  makeWorker,
} from '../../../../test/factories.js';
import { makeExit, makeSupportFile } from '../../../../test/factories-workers.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { networkOrganisations } from '../accounts/schema.js';
import { auditEvents } from '../audit/schema.js';
import { addDays, parisToday } from '../calendar/paris-time.js';
import { anonymiseExpiredWorkers } from '../workers/anonymise-expired-workers.js';
import { workers } from '../workers/schema.js';
import { exitStatistics } from './exit-statistics.js';
import { barriers, workerExits } from './schema.js';

const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let support: string;
let admin: string;
let placement: string;
let clientUser: string;
let strangerSupport: string;
let coordinator: string;
let supportUserId: string;
let client: Awaited<ReturnType<typeof makeClient>>;

beforeAll(async () => {
  const network = await makeNetwork(db);
  const org = await makeOrg(db, { networkId: network.id });
  orgId = org.id;
  const s = await makeUser(db, { role: 'support_officer', organisationId: orgId });
  supportUserId = s.id;
  support = await loginCookie(app, s.email);
  admin = await loginCookie(app, (await makeUser(db, { role: 'org_admin', organisationId: orgId })).email);
  placement = await loginCookie(app, (await makeUser(db, { role: 'placement_officer', organisationId: orgId })).email);
  client = await makeClient(db, { organisationId: orgId });
  clientUser = await loginCookie(
    app,
    (await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: client.id })).email,
  );
  const other = await makeOrg(db, { networkId: network.id });
  strangerSupport = await loginCookie(
    app,
    (await makeUser(db, { role: 'support_officer', organisationId: other.id })).email,
  );
  await db.insert(networkOrganisations).values({ networkId: network.id, organisationId: orgId }).onConflictDoNothing();
  coordinator = await loginCookie(
    app,
    (await makeUser(db, { role: 'network_coordinator', networkId: network.id })).email,
  );
});

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url: `/api/orgs/${orgId}${url}`, headers: { cookie }, payload });

describe('support file', () => {
  test('a support officer records interviews, barriers, actions, an immersion, a training and a Parcours EHPAD', async () => {
    const w = await makeWorker(db, { organisationId: orgId });
    const base = `/workers/${w.id}/support`;
    expect(
      (
        await call(support, 'POST', `${base}/interviews`, {
          heldOn: '2026-03-02',
          kind: 'reception',
          notes: 'Premier entretien',
        })
      ).statusCode,
    ).toBe(201);
    const barrier = await call(support, 'POST', `${base}/barriers`, {
      category: 'mobility',
      intensity: 2,
      details: 'Pas de permis',
    });
    expect(barrier.statusCode, barrier.body).toBe(201);
    expect(barrier.json().status).toBe('identified');
    const lifted = await call(support, 'PATCH', `${base}/barriers/${barrier.json().id}`, { status: 'lifted' });
    expect(lifted.json()).toMatchObject({ status: 'lifted', liftedOn: parisToday() });
    expect(
      (
        await call(support, 'POST', `${base}/actions`, {
          label: 'Inscription auto-école sociale',
          partner: 'Auto-école solidaire',
          barrierId: barrier.json().id,
        })
      ).statusCode,
    ).toBe(201);
    const immersion = await call(support, 'POST', `${base}/immersions`, {
      host: 'EHPAD Les Tilleuls',
      startDate: '2026-04-06',
      endDate: '2026-04-17',
      objective: 'Découvrir le métier d’agent de service hospitalier',
    });
    expect(immersion.statusCode, immersion.body).toBe(201);
    expect(
      (await call(support, 'PATCH', `${base}/immersions/${immersion.json().id}`, { outcome: 'Très positive' })).json()
        .outcome,
    ).toBe('Très positive');
    expect(
      (await call(support, 'POST', `${base}/trainings`, { title: 'Gestes et postures', startDate: '2026-05-01' }))
        .statusCode,
    ).toBe(201);
    const pathway = await call(support, 'POST', `${base}/pathways`, { template: 'ehpad' });
    expect(pathway.statusCode).toBe(201);
    expect(pathway.json().steps.map((s: { kind: string }) => s.kind)).toEqual([
      'immersion',
      'training',
      'missions',
      'vae',
      'hire',
    ]);
    const step = pathway.json().steps[0];
    const done = await call(support, 'PATCH', `${base}/pathways/${pathway.json().id}/steps/${step.id}`, {
      status: 'done',
    });
    expect(done.json().status).toBe('done');
    const file = (await call(admin, 'GET', base)).json();
    expect(file.barriers).toHaveLength(1);
    expect(file.immersions[0].host).toBe('EHPAD Les Tilleuls');
    expect(file.pathways[0].steps[0].status).toBe('done');
  });

  test('every read of a support file is logged with who read it', async () => {
    const w = await makeWorker(db, { organisationId: orgId });
    await makeSupportFile(db, { organisationId: orgId, workerId: w.id });
    await call(support, 'GET', `/workers/${w.id}/support`);
    const logs = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'support.read'), eq(auditEvents.recordId, w.id)));
    expect(logs).toHaveLength(1);
    expect(logs[0].userId).toBe(supportUserId);
  });
});

describe('privacy of barriers and interview notes', () => {
  test('placement officers, clients, another AI and the network get no barrier detail anywhere', async () => {
    const w = await makeWorker(db, { organisationId: orgId });
    const { secret } = await makeSupportFile(db, { organisationId: orgId, workerId: w.id });
    // The support staff see it; the director only once granted the sensitive data right (issue 12, finding 3).
    expect((await call(support, 'GET', `/workers/${w.id}/support`)).body).toContain(secret);
    expect((await call(support, 'GET', `/workers/${w.id}/export`)).body).toContain(secret);
    const adminFile = await call(admin, 'GET', `/workers/${w.id}/support`);
    expect(adminFile.statusCode).toBe(200);
    expect(adminFile.body).not.toContain(secret);
    expect(adminFile.json().barriers[0]).toMatchObject({ details: null, restricted: true });
    expect((await call(admin, 'GET', `/workers/${w.id}/export`)).statusCode).toBe(403);
    // Nobody else.
    expect((await call(placement, 'GET', `/workers/${w.id}/support`)).statusCode).toBe(403);
    expect((await call(placement, 'GET', `/workers/${w.id}/export`)).statusCode).toBe(403);
    expect((await call(placement, 'GET', `/workers/${w.id}/export.pdf`)).statusCode).toBe(403);
    expect((await call(clientUser, 'GET', `/workers/${w.id}/support`)).statusCode).toBe(403);
    expect((await call(clientUser, 'GET', `/workers/${w.id}`)).statusCode).toBe(403);
    expect((await call(strangerSupport, 'GET', `/workers/${w.id}/support`)).statusCode).toBe(404);
    expect((await call(strangerSupport, 'GET', `/workers/${w.id}/export`)).statusCode).toBe(404);
    expect((await call(coordinator, 'GET', `/workers/${w.id}/support`)).statusCode).toBe(404);
    // Nothing in the lists and records a placement officer reads.
    for (const url of ['/workers?limit=200', `/workers/${w.id}`, '/workers?status=all&limit=200']) {
      const res = await call(placement, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(secret);
    }
    // A placement officer's reads never logged a support read.
    const logs = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'support.read'), eq(auditEvents.recordId, w.id)));
    expect(logs).toHaveLength(3);
    expect(logs.filter((l) => (l.details as { sensitive: boolean }).sensitive)).toHaveLength(2);
  });

  test('the data export is JSON and a readable PDF with the support file', async () => {
    const w = await makeWorker(db, { organisationId: orgId, firstName: 'Fatou' });
    await makeSupportFile(db, { organisationId: orgId, workerId: w.id, secret: 'LOGEMENT-URGENT' });
    const json = (await call(support, 'GET', `/workers/${w.id}/export`)).json();
    expect(json.worker.firstName).toBe('Fatou');
    expect(json.supportFile.barriers[0].details).toContain('LOGEMENT-URGENT');
    const pdf = await call(support, 'GET', `/workers/${w.id}/export.pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Fatou');
    expect(text).toContain('Santé');
  });
});

describe('exits', () => {
  test('an exit is recorded as API.md; a second one conflicts', async () => {
    const w = await makeWorker(db, { organisationId: orgId });
    const res = await call(support, 'POST', `/workers/${w.id}/exits`, {
      date: parisToday(),
      category: 'durable',
      reason: 'CDI agent de service à l’EHPAD',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ category: 'durable', countsForStatistics: false });
    expect(
      (await call(support, 'POST', `/workers/${w.id}/exits`, { date: parisToday(), category: 'other', reason: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call(placement, 'POST', `/workers/${w.id}/exits`, { date: parisToday(), category: 'other', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const list = (await call(placement, 'GET', '/workers?status=exited')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(w.id);
  });

  test('an exit is refused while shifts remain after its date', async () => {
    const w = await makeWorker(db, { organisationId: orgId });
    const mission = await makeMission(db, { organisationId: orgId, client });
    const day = addDays(parisToday(), 3);
    await makeShift(db, {
      organisationId: orgId,
      missionId: mission.id,
      clientId: client.id,
      workerId: w.id,
      start: `${day}T08:00:00+01:00`,
      end: `${day}T12:00:00+01:00`,
    });
    const res = await call(support, 'POST', `/workers/${w.id}/exits`, {
      date: parisToday(),
      category: 'transition',
      reason: 'CDD 3 mois',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('exit_with_future_shifts');
  });

  test('exit statistics count an exit only after 150 hours worked', async () => {
    const org = await makeOrg(db);
    const c = await makeClient(db, { organisationId: org.id });
    const mission = await makeMission(db, { organisationId: org.id, client: c });
    const worked = await makeWorker(db, { organisationId: org.id });
    const brief = await makeWorker(db, { organisationId: org.id });
    // 38 shifts of 4 h = 152 h for one, 10 shifts = 40 h for the other, all in the past.
    for (let i = 0; i < 38; i++) {
      const day = addDays('2026-01-05', i);
      await makeShift(db, {
        organisationId: org.id,
        missionId: mission.id,
        clientId: c.id,
        workerId: worked.id,
        start: `${day}T08:00:00+01:00`,
        end: `${day}T12:00:00+01:00`,
      });
      if (i < 10)
        await makeShift(db, {
          organisationId: org.id,
          missionId: mission.id,
          clientId: c.id,
          workerId: brief.id,
          start: `${day}T13:00:00+01:00`,
          end: `${day}T17:00:00+01:00`,
        });
    }
    await makeExit(db, { organisationId: org.id, workerId: worked.id, date: '2026-03-31', category: 'durable' });
    await makeExit(db, { organisationId: org.id, workerId: brief.id, date: '2026-03-31', category: 'positive' });
    const stats = await exitStatistics({ db, organisationId: org.id, from: '2026-01-01', to: '2026-12-31' });
    expect(stats).toEqual({
      byCategory: { durable: 1, transition: 0, positive: 0, other: 0, withdrawn: 0 },
      notCounted: 1,
    });
    expect(
      (await exitStatistics({ db, organisationId: org.id, from: '2026-04-01', to: '2026-12-31' })).notCounted,
    ).toBe(0);
  });
});

describe('retention', () => {
  test('a worker whose exit is older than 5 years is anonymised; statistics keep the exit', async () => {
    const old = await makeWorker(db, { organisationId: orgId, firstName: 'Ancien', lastName: 'Salarié' });
    const recent = await makeWorker(db, { organisationId: orgId, firstName: 'Récent' });
    await makeSupportFile(db, { organisationId: orgId, workerId: old.id });
    await makeExit(db, { organisationId: orgId, workerId: old.id, date: addDays(parisToday(), -5 * 366 - 2) });
    await makeExit(db, { organisationId: orgId, workerId: recent.id, date: addDays(parisToday(), -4 * 365) });
    const res = await anonymiseExpiredWorkers({ db, organisationId: orgId });
    expect(res.anonymised).toBe(1);
    const [o] = await db.select().from(workers).where(eq(workers.id, old.id));
    expect(o.firstName).toBe('Personne');
    expect(o.phone).toBeNull();
    expect(o.anonymisedAt).not.toBeNull();
    expect((await db.select().from(barriers).where(eq(barriers.workerId, old.id)))[0].details).toBeNull();
    expect((await db.select().from(workerExits).where(eq(workerExits.workerId, old.id)))[0].category).toBe('durable');
    const [r] = await db.select().from(workers).where(eq(workers.id, recent.id));
    expect(r.firstName).toBe('Récent');
    expect((await anonymiseExpiredWorkers({ db, organisationId: orgId })).anonymised).toBe(0);
  });
});
