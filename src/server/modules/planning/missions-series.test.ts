import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeUser } from '../../../../test/factories.js';
import { at, makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { outboxEmails } from '../notifications/schema.js';
import { workers as workersTable } from '../workers/schema.js';
import { shiftProposals, shiftSeries, shifts } from './schema.js';

const { app, database } = await testApp();
const db = database.db;

let w: Awaited<ReturnType<typeof makePlanningWorld>>;
let cookie: string;
const call = (method: 'GET' | 'POST', url: string, payload?: unknown, c = cookie) =>
  app.inject({ method, url, headers: { cookie: c }, payload: payload as object });
const base = () => `/api/orgs/${w.org.id}`;
type Occ = { id: string | null; date: string; status: string; problem: { code: string; message: string } | null };

beforeAll(async () => {
  w = await makePlanningWorld(db, { workers: 4 });
  cookie = await loginCookie(app, w.officer.email);
});

const seriesShifts = async (seriesId: string) =>
  db
    .select()
    .from(shifts)
    .where(and(eq(shifts.seriesId, seriesId), eq(shifts.organisationId, w.org.id)));

describe('missions of a contract', () => {
  test('lists the missions of a placement contract and shows one with its series', async () => {
    const m = await call('POST', `${base()}/missions`, {
      placementContractId: w.mission.contract.id,
      rome: 'K2204',
      startDate: '2027-03-01',
      endDate: '2027-06-30',
      notes: 'Badge à l’accueil',
    });
    expect(m.statusCode).toBe(201);
    const list = await call('GET', `${base()}/missions?placementContractId=${w.mission.contract.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(m.json().id);
    const page = await call('GET', `${base()}/missions/${m.json().id}`);
    expect(page.json()).toMatchObject({ notes: 'Badge à l’accueil', series: [], shiftsTotal: 0 });
    const other = await makePlanningWorld(db, { workers: 1 });
    const foreign = await call('GET', `${base()}/missions/${other.mission.id}`);
    expect(foreign.statusCode).toBe(404);
  });
});

describe('a series checked occurrence by occurrence', () => {
  const body = () => ({
    missionId: w.mission.id,
    workerId: w.workers[0].id,
    weekdays: [1, 3, 5],
    startTime: '08:00',
    endTime: '12:00',
    startDate: '2027-03-08',
    endDate: '2027-03-12',
  });

  test('the preview gives each day its verdict in French and writes nothing', async () => {
    await makeWorldShift(db, w, { date: '2027-03-10', from: '10:00', to: '14:00', workerId: w.workers[0].id });
    const before = (await db.select().from(shifts)).length;
    const seriesBefore = (await db.select().from(shiftSeries)).length;
    const res = await call('POST', `${base()}/shift-series/preview`, body());
    expect(res.statusCode).toBe(200);
    const occ: Occ[] = res.json().shifts;
    expect(occ.map((o) => [o.date, o.status])).toEqual([
      ['2027-03-08', 'assigned'],
      ['2027-03-10', 'open'],
      ['2027-03-12', 'assigned'],
    ]);
    expect(occ[1].problem?.code).toBe('worker_overlap');
    expect(occ[1].problem?.message).toContain(w.workers[0].firstName);
    expect((await db.select().from(shifts)).length).toBe(before);
    expect((await db.select().from(shiftSeries)).length).toBe(seriesBefore);
  });

  test('with skipRefused, the refused day is not created and the rest is', async () => {
    const res = await call('POST', `${base()}/shift-series`, { ...body(), skipRefused: true });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ created: 2, assigned: 2, open: 0, refused: 1 });
    const refused = res.json().shifts.find((o: Occ) => o.date === '2027-03-10');
    expect(refused).toMatchObject({ id: null, status: 'refused' });
    const rows = await seriesShifts(res.json().id);
    expect(rows.map((r) => r.status)).toEqual(['assigned', 'assigned']);
  });

  test('without it, the refused day is created open with its reason', async () => {
    await makeWorldShift(db, w, { date: '2027-03-17', from: '11:00', to: '13:00', workerId: w.workers[0].id });
    const res = await call('POST', `${base()}/shift-series`, {
      ...body(),
      startDate: '2027-03-15',
      endDate: '2027-03-19',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ created: 3, assigned: 2, open: 1, refused: 1 });
    const refused = res.json().shifts.find((o: Occ) => o.date === '2027-03-17');
    expect(refused.problem.code).toBe('worker_overlap');
    const [row] = await db.select().from(shifts).where(eq(shifts.id, refused.id));
    expect(row).toMatchObject({ status: 'open', workerId: null });
  });
});

describe('editing and cancelling a series from a date', () => {
  let seriesId: string;
  test('edit: earlier shifts untouched, same days moved in place, dropped days cancelled, new days created', async () => {
    const created = await call('POST', `${base()}/shift-series`, {
      missionId: w.mission.id,
      workerId: w.workers[2].id,
      weekdays: [1, 3, 5],
      startTime: '08:00',
      endTime: '12:00',
      startDate: '2027-04-05',
      endDate: '2027-04-23',
    });
    expect(created.json().created).toBe(9);
    seriesId = created.json().id;
    const before = await seriesShifts(seriesId);
    const monday12 = before.find((s) => s.startAt.toISOString() === at('2027-04-12', '08:00'))!;

    const preview = await call('POST', `${base()}/shift-series/${seriesId}/edit/preview`, {
      fromDate: '2027-04-12',
      endDate: '2027-04-23',
      weekdays: [1, 2],
      startTime: '09:00',
      endTime: '13:00',
    });
    expect(preview.statusCode).toBe(200);
    expect((await seriesShifts(seriesId)).filter((s) => s.status !== 'cancelled')).toHaveLength(9);

    const res = await call('POST', `${base()}/shift-series/${seriesId}/edit`, {
      fromDate: '2027-04-12',
      endDate: '2027-04-23',
      weekdays: [1, 2],
      startTime: '09:00',
      endTime: '13:00',
    });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.cancelled.map((c: { date: string }) => c.date)).toEqual([
      '2027-04-14',
      '2027-04-16',
      '2027-04-21',
      '2027-04-23',
    ]);
    expect(out.shifts.map((o: Occ) => [o.date, o.status])).toEqual([
      ['2027-04-12', 'assigned'],
      ['2027-04-13', 'assigned'],
      ['2027-04-19', 'assigned'],
      ['2027-04-20', 'assigned'],
    ]);
    const [moved] = await db.select().from(shifts).where(eq(shifts.id, monday12.id));
    expect(moved).toMatchObject({ status: 'assigned', workerId: w.workers[2].id, seriesId: out.id });
    expect(moved.startAt.toISOString()).toBe(at('2027-04-12', '09:00'));
    const old = await seriesShifts(seriesId);
    expect(old.map((s) => s.startAt.toISOString()).sort()).toEqual(
      [at('2027-04-05', '08:00'), at('2027-04-07', '08:00'), at('2027-04-09', '08:00')].sort(),
    );
    const [oldRow] = await db.select().from(shiftSeries).where(eq(shiftSeries.id, seriesId));
    expect(oldRow.endDate).toBe('2027-04-11');
    seriesId = out.id;
  });

  test('cancel: shifts from the date are cancelled, earlier ones stay, a second cancel is refused', async () => {
    const res = await call('POST', `${base()}/shift-series/${seriesId}/cancel`, { fromDate: '2027-04-19' });
    expect(res.statusCode).toBe(200);
    expect(res.json().cancelled.map((c: { date: string }) => c.date)).toEqual(['2027-04-19', '2027-04-20']);
    const rows = await seriesShifts(seriesId);
    const live = rows.filter((r) => r.status !== 'cancelled').map((r) => r.startAt.toISOString());
    expect(live.sort()).toEqual([at('2027-04-12', '09:00'), at('2027-04-13', '09:00')].sort());
    const again = await call('POST', `${base()}/shift-series/${seriesId}/cancel`, { fromDate: '2027-04-20' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('series_cancelled');
    const outside = await call('POST', `${base()}/shift-series/${seriesId}/cancel`, { fromDate: '2026-01-01' });
    expect(outside.statusCode).toBe(400);
  });
});

describe('proposals say how they reached each person', () => {
  test('refuses to propose to someone who cannot be reached, and names them', async () => {
    const s = await makeWorldShift(db, w, { date: '2027-05-03', from: '08:00', to: '12:00' });
    const res = await call('POST', `${base()}/shifts/${s.id}/proposals`, { workerIds: [w.workers[3].id] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('no_contact_channel');
    expect(res.json().error.message).toContain(w.workers[3].firstName);
    expect(await db.select().from(shiftProposals).where(eq(shiftProposals.shiftId, s.id))).toEqual([]);
  });

  test('records the channel, reports the unreachable, shows pending proposals, and the planner leaves them', async () => {
    const [a, , , d] = w.workers;
    await db.update(workersTable).set({ email: 'awa@worker.test' }).where(eq(workersTable.id, a.id));
    const s = await makeWorldShift(db, w, { date: '2027-05-04', from: '08:00', to: '12:00' });
    const res = await call('POST', `${base()}/shifts/${s.id}/proposals`, { workerIds: [a.id, d.id] });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toMatchObject([{ workerId: a.id, channel: 'email' }]);
    expect(res.json().unreachable).toMatchObject([{ workerId: d.id }]);
    expect(res.json().unreachable[0].message).toContain('adresse e-mail');
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'awa@worker.test'))).toHaveLength(1);

    const list = await call('GET', `${base()}/shifts/${s.id}/proposals`);
    expect(list.json().items).toMatchObject([{ workerId: a.id, channel: 'email', status: 'pending' }]);
    const grid = await call('GET', `${base()}/planning/grid?from=2027-05-03&days=7`);
    const chip = grid.json().openShifts.find((x: { id: string }) => x.id === s.id);
    expect(chip.pendingProposals).toBe(1);

    const plan = await call('POST', `${base()}/autoplan`, { from: '2027-05-03', to: '2027-05-09' });
    expect(plan.json().assignments.map((x: { shiftId: string }) => x.shiftId)).not.toContain(s.id);
    expect(plan.json().leftAlone.map((x: { shiftId: string }) => x.shiftId)).toContain(s.id);
    const all = await call('POST', `${base()}/autoplan`, {
      from: '2027-05-03',
      to: '2027-05-09',
      includeProposed: true,
    });
    expect(all.json().assignments.map((x: { shiftId: string }) => x.shiftId)).toContain(s.id);
  });
});

describe('recording an exit frees the person’s shifts', () => {
  test('refused without confirmation, then the named shifts become open', async () => {
    const support = await makeUser(db, { role: 'support_officer', organisationId: w.org.id });
    const sCookie = await loginCookie(app, support.email);
    const leaver = w.workers[1];
    const a = await makeWorldShift(db, w, { date: '2027-06-01', from: '08:00', to: '12:00', workerId: leaver.id });
    const b = await makeWorldShift(db, w, { date: '2027-06-02', from: '08:00', to: '12:00', workerId: leaver.id });
    const exit = { date: '2027-05-28', category: 'durable', reason: 'CDI chez un client' };
    const refused = await call('POST', `${base()}/workers/${leaver.id}/exits`, exit, sCookie);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('exit_with_future_shifts');
    const preview = await call(
      'GET',
      `${base()}/workers/${leaver.id}/shifts-after?date=2027-05-28`,
      undefined,
      sCookie,
    );
    expect(preview.statusCode).toBe(200);
    const previewIds = preview.json().items.map((x: { id: string }) => x.id);
    expect(previewIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(preview.json().count).toBe(previewIds.length);
    const ok = await call('POST', `${base()}/workers/${leaver.id}/exits`, { ...exit, freeShifts: true }, sCookie);
    expect(ok.statusCode).toBe(201);
    for (const id of previewIds) {
      const [row] = await db.select().from(shifts).where(eq(shifts.id, id));
      expect(row).toMatchObject({ status: 'open', workerId: null, uncoveredWorkerId: leaver.id });
    }
  });
});
