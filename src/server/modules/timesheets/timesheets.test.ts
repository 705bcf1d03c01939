import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { makeShift, makeUser } from '../../../../test/factories.js';
import { makeBillingWorld } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { TO_VALIDATE_FILTER } from '../../../shared/timesheets.js';
import { addDays, parisInstant, parisToday } from '../calendar/paris-time.js';
import { outboxEmails } from '../notifications/schema.js';

const { app, database } = await testApp();
const db = database.db;

async function setup() {
  const w = await makeBillingWorld(db, { clientCount: 2, shiftsPerClient: 3 });
  const officer = await loginCookie(app, w.placement.email);
  const prepared = await app.inject({
    method: 'POST',
    url: `/api/orgs/${w.org.id}/timesheets/prepare`,
    headers: { cookie: officer },
    payload: { month: w.month },
  });
  expect(prepared.statusCode).toBe(200);
  expect(prepared.json()).toMatchObject({ added: 6 });
  const list = await app.inject({
    method: 'GET',
    url: `/api/orgs/${w.org.id}/timesheets?month=${w.month}`,
    headers: { cookie: officer },
  });
  expect(list.statusCode).toBe(200);
  const sheet = list.json().items.find((t: { clientId: string }) => t.clientId === w.clients[0].client.id);
  const base = `/api/orgs/${w.org.id}/timesheets/${sheet.id}`;
  return { w, officer, sheet, base };
}

describe('timesheets', () => {
  test('built from the shifts: one per client and month, with the planned times as actual times', async () => {
    const { sheet, base, officer } = await setup();
    expect(sheet).toMatchObject({ status: 'draft', entries: 3, minutes: 720 });
    const detail = (await app.inject({ method: 'GET', url: base, headers: { cookie: officer } })).json();
    expect(detail.entries).toHaveLength(3);
    expect(detail.entries[0].actualStart).toBe(detail.entries[0].plannedStart);
  });

  test('a correction needs a reason and keeps the history', async () => {
    const { w, base, officer } = await setup();
    const detail = (await app.inject({ method: 'GET', url: base, headers: { cookie: officer } })).json();
    const entry = detail.entries[0];
    const url = `/api/orgs/${w.org.id}/timesheet-entries/${entry.id}`;
    const noReason = await app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: officer },
      payload: { breakMinutes: 30 },
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: officer },
      payload: { breakMinutes: 30, reason: 'Pause déjeuner oubliée' },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: officer },
      payload: { actualEnd: entry.actualStart, reason: 'Erreur de saisie' },
    });
    expect(bad.statusCode).toBe(422);
    const after = (await app.inject({ method: 'GET', url: base, headers: { cookie: officer } })).json();
    expect(after.minutes).toBe(720 - 30);
    expect(after.entries[0].corrections).toHaveLength(1);
    expect(after.entries[0].corrections[0]).toMatchObject({
      reason: 'Pause déjeuner oubliée',
      role: 'placement_officer',
    });
    expect(after.entries[0].corrections[0].before.breakMinutes).toBe(0);
  });

  test('sent by email with a private link; the client disputes, the officer resolves, the client validates; then it is locked', async () => {
    const { w, base, officer } = await setup();
    const sent = await app.inject({ method: 'POST', url: `${base}/send`, headers: { cookie: officer } });
    expect(sent.statusCode).toBe(200);
    const token = sent.json().link.split('/releve/')[1];
    const emails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'compta0@client.test'));
    expect(emails.at(-1)!.text).toContain(`/releve/${token}`);
    const pub = await app.inject({ method: 'GET', url: `/api/public/timesheets/${token}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().entries).toHaveLength(3);
    const dispute = await app.inject({
      method: 'POST',
      url: `/api/public/timesheets/${token}/dispute`,
      payload: { name: 'Mme Durand', reason: 'Le 3 octobre, arrivée à 6 h 30' },
    });
    expect(dispute.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: base, headers: { cookie: officer } })).json().status).toBe(
      'disputed',
    );
    const resolved = await app.inject({
      method: 'POST',
      url: `${base}/resolve`,
      headers: { cookie: officer },
      payload: { resolution: 'Heure corrigée' },
    });
    expect(resolved.json().status).toBe('sent');
    const valid = await app.inject({
      method: 'POST',
      url: `/api/public/timesheets/${token}/validate`,
      payload: { name: 'Mme Durand' },
    });
    expect(valid.statusCode).toBe(200);
    // Locked: the link is spent, corrections are refused.
    expect((await app.inject({ method: 'GET', url: `/api/public/timesheets/${token}` })).statusCode).toBe(404);
    const detail = (await app.inject({ method: 'GET', url: base, headers: { cookie: officer } })).json();
    expect(detail).toMatchObject({ status: 'validated', locked: true });
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${w.org.id}/timesheet-entries/${detail.entries[0].id}`,
      headers: { cookie: officer },
      payload: { breakMinutes: 10, reason: 'Trop tard' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('timesheet_locked');
  });

  test('the client validates in its portal and never sees another client’s timesheet', async () => {
    const { w, sheet, base } = await setup();
    const user = await makeUser(db, {
      role: 'client_user',
      organisationId: w.org.id,
      clientId: w.clients[0].client.id,
    });
    const cookie = await loginCookie(app, user.email);
    const list = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/timesheets?month=${w.month}`,
      headers: { cookie },
    });
    expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([sheet.id]);
    const others = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/timesheets?month=${w.month}`,
      headers: { cookie: await loginCookie(app, w.placement.email) },
    });
    const other = others.json().items.find((t: { id: string }) => t.id !== sheet.id);
    expect(
      (await app.inject({ method: 'GET', url: `/api/orgs/${w.org.id}/timesheets/${other.id}`, headers: { cookie } }))
        .statusCode,
    ).toBe(404);
    const ok = await app.inject({ method: 'POST', url: `${base}/validate`, headers: { cookie } });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `${base}/validate`, headers: { cookie } })).statusCode).toBe(409);
  });

  test('without a month: what is still to handle in every month, oldest month first, as the home tiles count it', async () => {
    const { w, officer, sheet, base } = await setup();
    // A second month for the first client: a shift of November, prepared into its own timesheet.
    const { client, mission, workers } = w.clients[0];
    await makeShift(db, {
      organisationId: w.org.id,
      missionId: mission.id,
      clientId: client.id,
      workerId: workers[0].id,
      start: parisInstant('2026-11-03', '06:00').toISOString(),
      end: parisInstant('2026-11-03', '10:00').toISOString(),
    });
    const prepare = (month: string) =>
      app.inject({
        method: 'POST',
        url: `/api/orgs/${w.org.id}/timesheets/prepare`,
        headers: { cookie: officer },
        payload: { month },
      });
    expect((await prepare('2026-11')).statusCode).toBe(200);
    const open = async (cookie: string, query = '') => {
      const r = await app.inject({
        method: 'GET',
        url: `/api/orgs/${w.org.id}/timesheets${query}`,
        headers: { cookie },
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        items: { id: string; month: string; clientId: string; status: string }[];
        total: number;
        pendingShifts: number;
      };
    };
    const before = await open(officer);
    expect(before.items.map((t) => [t.month, t.clientId])).toEqual([
      ['2026-10', w.clients[0].client.id],
      ['2026-10', w.clients[1].client.id],
      ['2026-11', w.clients[0].client.id],
    ]);
    expect(before.total).toBe(3);
    // Validated leaves the list (it waits for the close, not for someone); a dispute comes first.
    expect(
      (await app.inject({ method: 'POST', url: `${base}/validate`, headers: { cookie: officer } })).statusCode,
    ).toBe(200);
    const other = before.items.find((t) => t.clientId === w.clients[1].client.id && t.id !== sheet.id);
    const otherBase = `/api/orgs/${w.org.id}/timesheets/${other?.id}`;
    expect(
      (await app.inject({ method: 'POST', url: `${otherBase}/send`, headers: { cookie: officer } })).statusCode,
    ).toBe(200);
    const portalUser = await makeUser(db, {
      role: 'client_user',
      organisationId: w.org.id,
      clientId: w.clients[1].client.id,
    });
    const portal = await loginCookie(app, portalUser.email);
    expect((await open(portal)).items.map((t) => t.id)).toEqual([other?.id]);
    const disputed = await app.inject({
      method: 'POST',
      url: `${otherBase}/dispute`,
      headers: { cookie: portal },
      payload: { reason: 'Le 2 octobre, l’intervenante est partie à 9 h.' },
    });
    expect(disputed.statusCode, disputed.body).toBe(200);
    const after = await open(officer);
    expect(after.items.map((t) => [t.month, t.status])).toEqual([
      ['2026-10', 'disputed'],
      ['2026-11', 'draft'],
    ]);
    expect((await open(officer, '?status=validated')).items.map((t) => t.id)).toEqual([sheet.id]);
    // Ended shifts not yet in a timesheet: those of the months being handled (last month on) are work to do; an
    // older one is history, not counted.
    for (const day of [addDays(parisToday(), -1), '2025-01-06'])
      await makeShift(db, {
        organisationId: w.org.id,
        missionId: mission.id,
        clientId: client.id,
        workerId: workers[0].id,
        start: parisInstant(day, '14:00').toISOString(),
        end: parisInstant(day, '16:00').toISOString(),
      });
    expect((await open(officer)).pendingShifts).toBe(1);
    expect((await open(officer, '?month=2025-01')).pendingShifts).toBe(1);
    // The home's tiles lead here: « to have validated » counts the draft and sent ones, « disputed » its own.
    const home = await app.inject({ method: 'GET', url: `/api/orgs/${w.org.id}/home`, headers: { cookie: officer } });
    const tile = (key: string) => home.json().tiles.find((t: { key: string }) => t.key === key)?.count;
    expect(tile('timesheets_to_validate')).toBe(1);
    expect(tile('timesheets_disputed')).toBe(1);
    // …and each tile's list holds what it counts (the « à faire valider » one: to send or waiting, not disputed).
    const toValidate = await open(officer, `?status=${encodeURIComponent(TO_VALIDATE_FILTER)}`);
    expect(toValidate.items.map((t) => t.status)).toEqual(['draft']);
    expect(toValidate.total).toBe(tile('timesheets_to_validate'));
    expect((await open(officer, '?status=disputed')).total).toBe(tile('timesheets_disputed'));
    const badStatus = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/timesheets?status=draft,lost`,
      headers: { cookie: officer },
    });
    expect(badStatus.statusCode).toBe(400);
    expect(JSON.stringify(badStatus.json().error.details)).toMatch(/Statut inconnu/);
    // The client sees only its own: not the first client's November draft.
    expect((await open(portal)).items.map((t) => t.id)).toEqual([other?.id]);
    const badMonth = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/timesheets?month=2026-13`,
      headers: { cookie: officer },
    });
    expect(badMonth.statusCode).toBe(400);
  });

  test('a worker corrects only their own interventions', async () => {
    const { w, base, officer } = await setup();
    const detail = (await app.inject({ method: 'GET', url: base, headers: { cookie: officer } })).json();
    const mine = await makeUser(db, { role: 'worker', organisationId: w.org.id, workerId: detail.entries[0].workerId });
    const other = await makeUser(db, {
      role: 'worker',
      organisationId: w.org.id,
      workerId: w.clients[1].workers[0].id,
    });
    const url = `/api/orgs/${w.org.id}/timesheet-entries/${detail.entries[0].id}`;
    const payload = { breakMinutes: 15, reason: 'Pause prise' };
    expect(
      (await app.inject({ method: 'PATCH', url, headers: { cookie: await loginCookie(app, other.email) }, payload }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'PATCH', url, headers: { cookie: await loginCookie(app, mine.email) }, payload }))
        .statusCode,
    ).toBe(200);
  });
});

describe('the worker’s own hours', () => {
  test('the worker sees their past shifts and corrects one with a reason; locked once the client validated', async () => {
    const today = new Date();
    const month = parisToday(today).slice(0, 7);
    const previous = month.endsWith('-01')
      ? `${Number(month.slice(0, 4)) - 1}-12`
      : `${month.slice(0, 5)}${String(Number(month.slice(5)) - 1).padStart(2, '0')}`;
    const w = await makeBillingWorld(db, { clientCount: 2, shiftsPerClient: 3, month: previous });
    const workerId = w.clients[0].workers[0].id;
    const me = await makeUser(db, { role: 'worker', organisationId: w.org.id, workerId });
    const cookie = await loginCookie(app, me.email);
    const base = `/api/orgs/${w.org.id}/me/hours`;
    const hours = async () => (await app.inject({ method: 'GET', url: base, headers: { cookie } })).json();
    const before = await hours();
    expect(before.items).toHaveLength(3);
    expect(before.items[0]).toMatchObject({ state: 'none', entryId: null, minutes: 240, lastCorrection: null });
    const target = before.items.at(-1);
    const correct = (shiftId: string, payload: object, as = cookie) =>
      app.inject({ method: 'POST', url: `${base}/${shiftId}/correction`, headers: { cookie: as }, payload });
    const lateStart = new Date(Date.parse(target.plannedStart) + 15 * 60000).toISOString();
    expect((await correct(target.shiftId, { actualStart: lateStart, breakMinutes: 15 })).statusCode).toBe(400);
    const ok = await correct(target.shiftId, { actualStart: lateStart, breakMinutes: 15, reason: 'Bus en retard' });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await hours()).items.find((i: { shiftId: string }) => i.shiftId === target.shiftId);
    expect(after).toMatchObject({
      state: 'open',
      actualStart: lateStart,
      breakMinutes: 15,
      minutes: 210,
      lastCorrection: { reason: 'Bus en retard', byMe: true },
    });
    // Someone else's shift, or an officer on the worker's page: nothing to see.
    expect((await correct(w.clients[1].shifts[0].id, { breakMinutes: 5, reason: 'Pause' })).statusCode).toBe(404);
    const officer = await loginCookie(app, w.placement.email);
    expect((await correct(target.shiftId, { breakMinutes: 5, reason: 'Pause' }, officer)).statusCode).toBe(403);
    // The officer sees the worker's correction in the timesheet; once validated, the worker can no longer change it.
    const sheet = (
      await app.inject({
        method: 'GET',
        url: `/api/orgs/${w.org.id}/timesheets?month=${previous}`,
        headers: { cookie: officer },
      })
    )
      .json()
      .items.find((t: { clientId: string }) => t.clientId === w.clients[0].client.id);
    const detail = (
      await app.inject({
        method: 'GET',
        url: `/api/orgs/${w.org.id}/timesheets/${sheet.id}`,
        headers: { cookie: officer },
      })
    ).json();
    expect(detail.entries.find((e: { shiftId: string }) => e.shiftId === target.shiftId).corrections[0]).toMatchObject({
      role: 'worker',
      reason: 'Bus en retard',
    });
    await app.inject({
      method: 'POST',
      url: `/api/orgs/${w.org.id}/timesheets/${sheet.id}/validate`,
      headers: { cookie: officer },
    });
    const locked = await correct(target.shiftId, { breakMinutes: 0, reason: 'Finalement pas de pause' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('timesheet_locked');
    expect((await hours()).items.find((i: { shiftId: string }) => i.shiftId === target.shiftId).state).toBe(
      'validated',
    );
  });

  // A timesheet holds a shift once it has ended (sync-timesheets.ts): the worker's hours list and correction follow
  // the same rule, so a shift under way is neither listed nor correctable (the phone page offered « Corriger mes
  // heures » between 07:00 and 14:00 on a shift of those hours, and the correction answered « introuvable »).
  test('a shift under way is not yet in the worker’s hours; correcting it says when it can be', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 1, month: '2026-01' });
    const workerId = w.clients[0].workers[0].id;
    const me = await makeUser(db, { role: 'worker', organisationId: w.org.id, workerId });
    const cookie = await loginCookie(app, me.email);
    const now = Date.now();
    const underWay = await makeShift(db, {
      organisationId: w.org.id,
      missionId: w.clients[0].mission.id,
      clientId: w.clients[0].client.id,
      workerId,
      start: new Date(now - 2 * 3600_000).toISOString(),
      end: new Date(now + 3 * 3600_000).toISOString(),
    });
    const base = `/api/orgs/${w.org.id}/me/hours`;
    const listed = (await app.inject({ method: 'GET', url: base, headers: { cookie } })).json().items;
    expect(listed.map((i: { shiftId: string }) => i.shiftId)).not.toContain(underWay.id);
    const res = await app.inject({
      method: 'POST',
      url: `${base}/${underWay.id}/correction`,
      headers: { cookie },
      payload: { breakMinutes: 10, reason: 'Pause' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'shift_not_ended' });
    expect(res.json().error.message).toMatch(
      /^Ce travail n’est pas fini : vous pourrez corriger vos heures après \d\d:\d\d\.$/,
    );
  });
});
