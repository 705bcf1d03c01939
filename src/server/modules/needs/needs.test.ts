import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeMission, makeNetwork, makeShift, makeUser, makeWorker } from '../../../../test/factories.js';
import { freshIp, makeRoutableAi, needPayload, postNeed } from '../../../../test/factories-needs.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { networks } from '../accounts/schema.js';
import { addDays, parisInstant, parisToday } from '../calendar/paris-time.js';
import { outboxEmails } from '../notifications/schema.js';
import { recordExit } from '../support/record-exit.js';
import { flagOverdueNeeds } from './flag-overdue-needs.js';
import { getNeed } from './get-need.js';
import { needRoutes, needs } from './schema.js';
import { SUBMISSION_LIMITS } from './submit-need.js';

const { app, database } = await testApp();
const db = database.db;

const routedIds = (res: { json: () => { routedTo: { organisationId: string }[] } }) =>
  res.json().routedTo.map((r) => r.organisationId);

describe('routing a need to the right AIs', () => {
  test('goes to AIs whose territory covers the commune and that offer a job, nearest first, family match included', async () => {
    const network = await makeNetwork(db);
    // Essonne (91): the need comes from Étiolles (91225).
    const near = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '91600',
      departements: ['91'],
      jobs: ['J1301'],
    });
    const family = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '91247',
      departements: ['91'],
      jobs: ['J1305'],
    });
    const byCommune = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '77389',
      communes: ['91225'],
      jobs: ['J1301'],
    });
    const otherTerritory = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '91553',
      departements: ['77'],
      jobs: ['J1301'],
    });
    const otherJob = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '91553',
      departements: ['91'],
      jobs: ['K2204'],
    });
    const inactive = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '91553',
      departements: ['91'],
      jobs: ['J1301'],
      active: false,
    });

    const res = await postNeed(
      app,
      needPayload({ communeCode: '91225', postalCode: '91450', jobs: [{ rome: 'J1301' }] }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.reference).toMatch(/^B-\d{4}-[0-9A-Z]{6}$/);
    // Soisy (≈1.6 km), then Rochette by commune entry (≈20 km), then Forêt-le-Roi (family J13, ≈37 km).
    expect(routedIds(res)).toEqual([near.id, byCommune.id, family.id]);
    expect(body.routedTo[0].distanceKm).toBeLessThan(body.routedTo[1].distanceKm);
    for (const excluded of [otherTerritory.id, otherJob.id, inactive.id])
      expect(routedIds(res)).not.toContain(excluded);
  });

  test('goes to at most 5 AIs, or the network’s own limit, and a structure’s page puts that AI first', async () => {
    const network = await makeNetwork(db);
    const ais = [];
    for (const commune of ['78068', '78344', '78082', '78147', '78068', '78344', '78082']) {
      ais.push(
        await makeRoutableAi(db, {
          networkId: network.id,
          communeCode: commune,
          departements: ['78'],
          jobs: ['K2204'],
        }),
      );
    }
    const payload = needPayload({ communeCode: '78147', postalCode: '78270', jobs: [{ rome: 'K2204' }] });
    const five = await postNeed(app, payload);
    expect(five.json().routedTo).toHaveLength(5);
    expect(routedIds(five)[0]).toBe(ais[3].id);

    const farthest = ais.find((a) => !routedIds(five).includes(a.id))!;
    const preferred = await postNeed(app, { ...payload, preferredOrganisationId: farthest.id });
    expect(routedIds(preferred)[0]).toBe(farthest.id);
    expect(preferred.json().routedTo).toHaveLength(5);

    await db
      .update(networks)
      .set({ settings: { routingLimit: 3 } })
      .where(eq(networks.id, network.id));
    const three = await postNeed(app, payload);
    expect(three.json().routedTo).toHaveLength(3);
  });

  test('a need no AI can answer is saved as unrouted and shows in the network console', async () => {
    const network = await makeNetwork(db);
    await makeRoutableAi(db, { networkId: network.id, communeCode: '95063', departements: ['95'], jobs: ['A1203'] });
    const coordinator = await makeUser(db, { role: 'network_coordinator', networkId: network.id });
    const res = await postNeed(
      app,
      needPayload({ communeCode: '95063', postalCode: '95870', jobs: [{ rome: 'J1506' }] }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().routedTo).toEqual([]);
    const cookie = await loginCookie(app, coordinator.email);
    const list = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/needs?status=unrouted`,
      headers: { cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: res.json().id, status: 'unrouted', routedTo: [], urgency: 'urgent' }),
    ]);
  });
});

describe('the public form refuses bad input with a French message next to the field, and saves nothing', () => {
  test.each([
    [
      'an unknown commune',
      needPayload({ communeCode: '99999' }),
      'establishment.address.communeCode',
      /Commune inconnue/,
    ],
    [
      // Étrez has joined Bresse Vallons (INSEE COG, data/communes-anciennes.csv): its former code names the commune.
      'the code of a commune that has joined another',
      needPayload({ communeCode: '01154', postalCode: '01340' }),
      'establishment.address.communeCode',
      /^Étrez \(01154\) fait désormais partie de la commune de Bresse Vallons \(01130\) : choisissez Bresse Vallons\.$/,
    ],
    [
      'a start date in the past',
      needPayload({ jobs: [{ rome: 'J1301', startDate: addDays(parisToday(), -1) }] }),
      'jobs.0.startDate',
      /passée/,
    ],
    [
      'an end before the start',
      needPayload({
        jobs: [{ rome: 'J1301', startDate: addDays(parisToday(), 5), endDate: addDays(parisToday(), 4) }],
      }),
      'jobs.0.endDate',
      /fin doit être/,
    ],
    [
      'zero headcount',
      needPayload({ jobs: [{ rome: 'J1301', headcount: 0 }] }),
      'jobs.0.headcount',
      /au moins une personne/,
    ],
    ['no consent', { ...needPayload(), consent: false }, 'consent', /accepter le traitement/],
    ['an unknown job', needPayload({ jobs: [{ rome: 'Z9999' }] }), 'jobs.0.rome', /métier est inconnu/],
    ['an unknown field', { ...needPayload(), colour: 'red' }, '', /./],
  ])('%s', async (_, payload, path, message) => {
    const [before] = await db.select({ n: count() }).from(needs);
    const res = await postNeed(app, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    if (path) expect(res.json().error.details).toContainEqual({ path, message: expect.stringMatching(message) });
    const [after] = await db.select({ n: count() }).from(needs);
    expect(after.n).toBe(before.n);
  });

  test('a robot filling the hidden field gets a normal answer but nothing is saved or sent', async () => {
    const [before] = await db.select({ n: count() }).from(needs);
    const res = await postNeed(app, needPayload({ website: 'http://spam.example', email: 'robot@spam.test' }));
    expect(res.statusCode).toBe(201);
    const [after] = await db.select({ n: count() }).from(needs);
    expect(after.n).toBe(before.n);
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'robot@spam.test'));
    expect(mails).toEqual([]);
  });

  test('one IP may send only a few needs an hour (429 rate_limited), others still can', async () => {
    const ip = freshIp();
    for (let i = 0; i < SUBMISSION_LIMITS.perIp; i++)
      expect((await postNeed(app, needPayload(), ip)).statusCode).toBe(201);
    const blocked = await postNeed(app, needPayload(), ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
    expect((await postNeed(app, needPayload())).statusCode).toBe(201);
  });
});

describe('an AI answers a need', () => {
  let network: Awaited<ReturnType<typeof makeNetwork>>;
  let first: Awaited<ReturnType<typeof makeRoutableAi>>;
  let second: Awaited<ReturnType<typeof makeRoutableAi>>;
  let outsider: Awaited<ReturnType<typeof makeRoutableAi>>;
  let cookies: { first: string; second: string; outsider: string; coordinator: string };

  beforeAll(async () => {
    network = await makeNetwork(db);
    // Val-de-Marne (94), a care home in Créteil.
    first = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '94028',
      departements: ['94'],
      jobs: ['J1301', 'K2204'],
      name: 'Trait d’Union Test',
    });
    second = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '94081',
      departements: ['94'],
      jobs: ['J1301'],
    });
    outsider = await makeRoutableAi(db, {
      networkId: network.id,
      communeCode: '93066',
      departements: ['93'],
      jobs: ['J1301'],
    });
    await makeUser(db, { role: 'org_admin', organisationId: first.id, email: `admin-${first.id}@test.passerelle` });
    const coordinator = await makeUser(db, { role: 'network_coordinator', networkId: network.id });
    cookies = {
      first: await loginCookie(app, first.officer.email),
      second: await loginCookie(app, second.officer.email),
      outsider: await loginCookie(app, outsider.officer.email),
      coordinator: await loginCookie(app, coordinator.email),
    };
  });

  const submit = async (o: Parameters<typeof needPayload>[0] = {}) => {
    const res = await postNeed(app, needPayload({ jobs: [{ rome: 'J1301' }], ...o }));
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; reference: string; routedTo: { organisationId: string }[] };
  };

  test('the routed AIs and the establishment are emailed; the private link shows the need to the establishment', async () => {
    const need = await submit({ email: 'suivi@ehpad.test' });
    const toFirst = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.relatedId, need.id), eq(outboxEmails.to, first.officer.email)));
    expect(toFirst).toHaveLength(1);
    expect(toFirst[0].text).toContain(`/ai/${first.id}/besoins/${need.id}`);
    const admins = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.relatedId, need.id), eq(outboxEmails.to, `admin-${first.id}@test.passerelle`)));
    expect(admins).toHaveLength(1);
    const [receipt] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'suivi@ehpad.test'));
    expect(receipt.subject).toContain(need.reference);
    const token = /besoin\/suivi\/([A-Za-z0-9_-]+)/.exec(receipt.text)![1];
    const [stored] = await db.select().from(needs).where(eq(needs.id, need.id));
    expect(stored.followTokenHash).not.toBe(token);
    const follow = await app.inject({ method: 'GET', url: `/api/public/needs/follow/${token}` });
    expect(follow.statusCode).toBe(200);
    expect(follow.json()).toMatchObject({
      reference: need.reference,
      status: 'routed',
      routedCount: 2,
      claimedBy: null,
    });
    expect((await app.inject({ method: 'GET', url: `/api/public/needs/follow/${'x'.repeat(32)}` })).statusCode).toBe(
      404,
    );
  });

  test('the inbox lists the new need, opening it marks it viewed', async () => {
    const need = await submit();
    const inbox = await app.inject({
      method: 'GET',
      url: `/api/orgs/${second.id}/needs?status=new`,
      headers: { cookie: cookies.second },
    });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((i: { id: string }) => i.id)).toContain(need.id);
    const routed = await app.inject({
      method: 'GET',
      url: `/api/orgs/${second.id}/needs?status=routed`,
      headers: { cookie: cookies.second },
    });
    expect(routed.json().items.map((i: { id: string }) => i.id)).toContain(need.id);
    const detail = await app.inject({
      method: 'GET',
      url: `/api/orgs/${second.id}/needs/${need.id}`,
      headers: { cookie: cookies.second },
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ inboxStatus: 'new', contact: { email: 'direction@ehpad-tilleuls.test' } });
    const [route] = await db
      .select()
      .from(needRoutes)
      .where(and(eq(needRoutes.needId, need.id), eq(needRoutes.organisationId, second.id)));
    expect(route.status).toBe('viewed');
    expect(route.viewedAt).not.toBeNull();
    const summary = await app.inject({
      method: 'GET',
      url: `/api/orgs/${second.id}/needs/summary`,
      headers: { cookie: cookies.second },
    });
    expect(summary.json().new).toBeGreaterThan(0);
  });

  test('two AIs claiming at the same instant: one wins, the other gets 409 need_already_claimed', async () => {
    const need = await submit();
    const [a, b] = await Promise.all([
      app.inject({
        method: 'POST',
        url: `/api/orgs/${first.id}/needs/${need.id}/claim`,
        headers: { cookie: cookies.first },
      }),
      app.inject({
        method: 'POST',
        url: `/api/orgs/${second.id}/needs/${need.id}/claim`,
        headers: { cookie: cookies.second },
      }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(winner.json()).toEqual({ status: 'claimed' });
    expect(loser.json().error.code).toBe('need_already_claimed');
    const claims = await db
      .select()
      .from(needRoutes)
      .where(and(eq(needRoutes.needId, need.id), eq(needRoutes.status, 'claimed')));
    expect(claims).toHaveLength(1);
    // The loser now sees it as taken, without the establishment's contact.
    const loserOrg = a.statusCode === 409 ? first : second;
    const loserCookie = a.statusCode === 409 ? cookies.first : cookies.second;
    const seen = await app.inject({
      method: 'GET',
      url: `/api/orgs/${loserOrg.id}/needs/${need.id}`,
      headers: { cookie: loserCookie },
    });
    expect(seen.json()).toMatchObject({ inboxStatus: 'taken', contact: null });
  });

  test('many simultaneous claims by both AIs still give exactly one owner', async () => {
    const need = await submit();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const [org, cookie] = i % 2 ? [first, cookies.first] : [second, cookies.second];
        return app.inject({ method: 'POST', url: `/api/orgs/${org.id}/needs/${need.id}/claim`, headers: { cookie } });
      }),
    );
    const winners = new Set(results.flatMap((r, i) => (r.statusCode === 200 ? [i % 2 ? first.id : second.id] : [])));
    expect(winners.size).toBe(1);
    const [stored] = await db.select().from(needs).where(eq(needs.id, need.id));
    expect(stored.claimedByOrganisationId).toBe([...winners][0]);
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
  });

  test('another AI, not routed, gets 404 for the need; a non-member gets 404 for the AI', async () => {
    const need = await submit();
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/orgs/${outsider.id}/needs/${need.id}`,
      headers: { cookie: cookies.outsider },
    });
    expect(foreign.statusCode).toBe(404);
    const claim = await app.inject({
      method: 'POST',
      url: `/api/orgs/${outsider.id}/needs/${need.id}/claim`,
      headers: { cookie: cookies.outsider },
    });
    expect(claim.statusCode).toBe(404);
    const otherTenant = await app.inject({
      method: 'GET',
      url: `/api/orgs/${first.id}/needs/${need.id}`,
      headers: { cookie: cookies.outsider },
    });
    expect(otherTenant.statusCode).toBe(404);
    const inbox = await app.inject({
      method: 'GET',
      url: `/api/orgs/${outsider.id}/needs`,
      headers: { cookie: cookies.outsider },
    });
    expect(inbox.json().items.map((i: { id: string }) => i.id)).not.toContain(need.id);
  });

  test('an AI declines with a reason; the coordinator sees it', async () => {
    const need = await submit();
    const empty = await app.inject({
      method: 'POST',
      url: `/api/orgs/${second.id}/needs/${need.id}/decline`,
      headers: { cookie: cookies.second },
      payload: { reason: '' },
    });
    expect(empty.statusCode).toBe(400);
    const res = await app.inject({
      method: 'POST',
      url: `/api/orgs/${second.id}/needs/${need.id}/decline`,
      headers: { cookie: cookies.second },
      payload: { reason: 'Personne de disponible la nuit' },
    });
    expect(res.statusCode).toBe(200);
    const console = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/needs/${need.id}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(console.json().routedTo).toContainEqual(
      expect.objectContaining({
        organisationId: second.id,
        status: 'declined',
        declineReason: 'Personne de disponible la nuit',
      }),
    );
  });

  test('the HR diagnostic is saved on a claimed need and read back by getNeed', async () => {
    const need = await submit();
    const diagnostic = {
      jobs: [
        {
          rome: 'J1301',
          headcount: 2,
          minutesPerWeek: 35 * 60,
          schedule: 'Nuits 21 h–7 h, week-ends',
          skills: 'Bio-nettoyage',
          certificates: '',
        },
      ],
      startDate: addDays(parisToday(), 7),
      endDate: null,
      protectiveEquipment: 'Blouse, gants, chaussures de sécurité',
      equipmentSuppliedBy: 'client',
      accessConstraints: 'Badge à l’accueil',
      carePathwayInterest: true,
      notes: '',
    };
    const early = await app.inject({
      method: 'PUT',
      url: `/api/orgs/${first.id}/needs/${need.id}/diagnostic`,
      headers: { cookie: cookies.first },
      payload: diagnostic,
    });
    expect(early.statusCode).toBe(422);
    await app.inject({
      method: 'POST',
      url: `/api/orgs/${first.id}/needs/${need.id}/claim`,
      headers: { cookie: cookies.first },
    });
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/orgs/${first.id}/needs/${need.id}/diagnostic`,
      headers: { cookie: cookies.first },
      payload: diagnostic,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      status: 'in_diagnostic',
      inboxStatus: 'in_diagnostic',
      diagnostic: { protectiveEquipment: 'Blouse, gants, chaussures de sécurité' },
    });
    const view = await getNeed({
      db,
      actor: {
        userId: first.officer.id,
        organisationId: first.id,
        role: 'placement_officer',
        clientId: null,
        workerId: null,
      },
      needId: need.id,
    });
    expect(view.diagnostic?.jobs[0].minutesPerWeek).toBe(2100);
    expect(view.establishment.address.communeCode).toBe('94028');
    const won = await app.inject({
      method: 'POST',
      url: `/api/orgs/${first.id}/needs/${need.id}/status`,
      headers: { cookie: cookies.first },
      payload: { status: 'won' },
    });
    expect(won.statusCode).toBe(200);
    const wonList = await app.inject({
      method: 'GET',
      url: `/api/orgs/${first.id}/needs?status=won`,
      headers: { cookie: cookies.first },
    });
    expect(wonList.json().items.map((i: { id: string }) => i.id)).toContain(need.id);
  });

  test('the coordinator re-routes an unclaimed need to another AI of the network, who can then claim it', async () => {
    const need = await submit();
    const candidates = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/needs/${need.id}/candidates?radiusKm=30`,
      headers: { cookie: cookies.coordinator },
    });
    expect(candidates.json().items).toContainEqual(
      expect.objectContaining({ organisationId: outsider.id, coversTerritory: false, routeStatus: null }),
    );
    const res = await app.inject({
      method: 'POST',
      url: `/api/networks/${network.id}/needs/${need.id}/route`,
      headers: { cookie: cookies.coordinator },
      payload: { organisationIds: [outsider.id] },
    });
    expect(res.statusCode).toBe(200);
    const mails = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.relatedId, need.id), eq(outboxEmails.to, outsider.officer.email)));
    expect(mails).toHaveLength(1);
    const claim = await app.inject({
      method: 'POST',
      url: `/api/orgs/${outsider.id}/needs/${need.id}/claim`,
      headers: { cookie: cookies.outsider },
    });
    expect(claim.statusCode).toBe(200);
    const again = await app.inject({
      method: 'POST',
      url: `/api/networks/${network.id}/needs/${need.id}/route`,
      headers: { cookie: cookies.coordinator },
      payload: { organisationIds: [first.id] },
    });
    expect(again.statusCode).toBe(409);
    const list = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/needs?status=claimed`,
      headers: { cookie: cookies.coordinator },
    });
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ id: need.id, claimedBy: expect.objectContaining({ organisationId: outsider.id }) }),
    );
  });

  test('re-routing to a structure outside the network is refused; another network sees nothing', async () => {
    const need = await submit();
    const elsewhere = await makeNetwork(db);
    const stranger = await makeRoutableAi(db, { networkId: elsewhere.id, communeCode: '94028', departements: ['60'] });
    const res = await app.inject({
      method: 'POST',
      url: `/api/networks/${network.id}/needs/${need.id}/route`,
      headers: { cookie: cookies.coordinator },
      payload: { organisationIds: [stranger.id] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('organisation_not_in_network');
    const otherCoordinator = await makeUser(db, { role: 'network_coordinator', networkId: elsewhere.id });
    const cookie = await loginCookie(app, otherCoordinator.email);
    const hidden = await app.inject({
      method: 'GET',
      url: `/api/networks/${elsewhere.id}/needs/${need.id}`,
      headers: { cookie },
    });
    expect(hidden.statusCode).toBe(404);
    const foreignNetwork = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/needs`,
      headers: { cookie },
    });
    expect(foreignNetwork.statusCode).toBe(404);
  });

  test('an urgent need unclaimed after 4 hours is flagged overdue once, and the AIs are reminded once', async () => {
    const need = await submit();
    const [row] = await db.select().from(needs).where(eq(needs.id, need.id));
    expect(row.deadlineAt!.getTime() - row.createdAt.getTime()).toBe(4 * 3_600_000);
    const later = new Date(row.createdAt.getTime() + 4 * 3_600_000 + 60_000);
    const run1 = await flagOverdueNeeds({ db, now: later, publicUrl: 'http://passerelle.test' });
    expect(run1.flagged).toBeGreaterThanOrEqual(1);
    const reminders = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.relatedId, need.id), eq(outboxEmails.to, first.officer.email)));
    expect(reminders.map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Rappel/));
    await flagOverdueNeeds({ db, now: new Date(later.getTime() + 600_000), publicUrl: 'http://passerelle.test' });
    const after = await db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.relatedId, need.id), eq(outboxEmails.to, first.officer.email)));
    expect(after).toHaveLength(reminders.length);
    const [flagged] = await db.select().from(needs).where(eq(needs.id, need.id));
    expect(flagged.overdueAt).not.toBeNull();
  });

  test('the network console lists overdue needs first', async () => {
    const need = await submit();
    await db
      .update(needs)
      .set({ deadlineAt: new Date(Date.now() - 60_000) })
      .where(eq(needs.id, need.id));
    const res = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/needs`,
      headers: { cookie: cookies.coordinator },
    });
    expect(res.statusCode).toBe(200);
    const [top] = res.json().items;
    expect(top).toMatchObject({ overdue: true, status: 'routed' });
    const overdue = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/needs?status=overdue`,
      headers: { cookie: cookies.coordinator },
    });
    expect(overdue.json().items.map((i: { id: string }) => i.id)).toContain(need.id);
  });

  test('network stats count needs, claims, the median time to claim and the minutes delivered to care homes', async () => {
    const client = await makeClient(db, { organisationId: first.id, kind: 'care_home' });
    const mission = await makeMission(db, { organisationId: first.id, client });
    const worker = await makeWorker(db, { organisationId: first.id });
    const day = addDays(parisToday(), -2);
    await makeShift(db, {
      organisationId: first.id,
      missionId: mission.id,
      clientId: client.id,
      workerId: worker.id,
      start: parisInstant(day, '08:00').toISOString(),
      end: parisInstant(day, '12:00').toISOString(),
    });
    const res = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/stats?from=${addDays(parisToday(), -7)}&to=${parisToday()}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.needs).toBeGreaterThan(5);
    expect(stats.claimed).toBeGreaterThanOrEqual(3);
    expect(stats.medianMinutesToClaim).toBeGreaterThanOrEqual(0);
    expect(stats.minutesDelivered).toBe(240);
    expect(stats.hiresByClients).toBe(0);

    // The care home hires the worker: an exit to employment naming the client counts as a hire.
    const officer = await makeUser(db, { role: 'support_officer', organisationId: first.id });
    await recordExit({
      db,
      actor: { userId: officer.id, organisationId: first.id, role: 'support_officer', clientId: null, workerId: null },
      workerId: worker.id,
      input: { date: parisToday(), category: 'durable', reason: 'CDI d’agent de service', hiredByClientId: client.id },
    });
    const after = await app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/stats?from=${addDays(parisToday(), -7)}&to=${parisToday()}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(after.json().hiresByClients).toBe(1);
  });
});

test('the needs API is published in the OpenAPI document', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const paths = Object.keys(res.json().paths);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/api/public/needs',
      '/api/orgs/{orgId}/needs/{needId}/claim',
      '/api/networks/{networkId}/needs/{needId}/route',
      '/api/networks/{networkId}/stats',
    ]),
  );
});
