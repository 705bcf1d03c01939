import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeOrg, makeUser, makeWorker } from '../../../../test/factories.js';
import { at, makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { addDays } from '../../../shared/dates.js';
import { clientExcludedWorkers } from '../clients/schema.js';
import { outboxEmails } from '../notifications/schema.js';
import { workers as workersTable } from '../workers/schema.js';
import { hoursCapStatus } from './hours-cap-status.js';
import { shifts } from './schema.js';

const { app, database } = await testApp();
const db = database.db;

let w: Awaited<ReturnType<typeof makePlanningWorld>>;
let cookie: string;
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, c = cookie) =>
  app.inject({ method, url, headers: { cookie: c }, payload: payload as object });
const base = () => `/api/orgs/${w.org.id}`;

beforeAll(async () => {
  w = await makePlanningWorld(db, { workers: 4 });
  cookie = await loginCookie(app, w.officer.email);
});

describe('missions and shifts', () => {
  test('creates a mission under a placement contract and an open shift in it', async () => {
    const m = await call('POST', `${base()}/missions`, {
      placementContractId: w.mission.contract.id,
      rome: 'K2204',
      startDate: '2026-12-01',
      endDate: '2026-12-31',
    });
    expect(m.statusCode).toBe(201);
    const s = await call('POST', `${base()}/shifts`, {
      missionId: m.json().id,
      start: at('2026-12-02', '08:00'),
      end: at('2026-12-02', '12:00'),
    });
    expect(s.statusCode).toBe(201);
    expect(s.json()).toMatchObject({ status: 'open' });
  });

  test('gives a shift to a worker who passes every check', async () => {
    const res = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      workerId: w.workers[0].id,
      start: at('2026-12-07', '08:00'),
      end: at('2026-12-07', '12:00'),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'assigned' });
  });

  test('refuses a shift that overlaps another of the same worker (409 worker_overlap)', async () => {
    const res = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      workerId: w.workers[0].id,
      start: at('2026-12-07', '10:00'),
      end: at('2026-12-07', '14:00'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('worker_overlap');
    expect(res.json().error.message).toContain(w.workers[0].firstName);
  });

  test('refuses a shift that ends before it starts or lasts more than 12 h, and writes nothing', async () => {
    const before = (await db.select().from(shifts)).length;
    const backwards = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      start: at('2026-12-08', '12:00'),
      end: at('2026-12-08', '08:00'),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe('end');
    const long = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      start: at('2026-12-08', '06:00'),
      end: at('2026-12-08', '19:00'),
    });
    expect(long.statusCode).toBe(400);
    expect((await db.select().from(shifts)).length).toBe(before);
  });

  test('an unknown worker or a worker of another AI is not found, nothing changes', async () => {
    const other = await makeOrg(db);
    const stranger = await makeWorker(db, { organisationId: other.id });
    for (const workerId of [stranger.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await call('POST', `${base()}/shifts`, {
        missionId: w.mission.id,
        workerId,
        start: at('2026-12-09', '08:00'),
        end: at('2026-12-09', '10:00'),
      });
      expect(res.statusCode).toBe(404);
    }
  });

  test('refuses a worker without a valid PASS IAE that day (422 pass_not_valid)', async () => {
    const expired = await makeWorker(db, { organisationId: w.org.id, pass: 'expired', firstName: 'Moussa' });
    const res = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      workerId: expired.id,
      start: at('2026-12-09', '08:00'),
      end: at('2026-12-09', '10:00'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('pass_not_valid');
    expect(res.json().error.message).toMatch(/PASS IAE de Moussa .* a expiré le 31\/12\/2024/);
  });

  test('refuses a worker without an employment contract, a job not held, a client’s do-not-send list', async () => {
    const noContract = await makeWorker(db, { organisationId: w.org.id, contract: false });
    const otherJob = await makeWorker(db, { organisationId: w.org.id, jobs: ['G1605'] });
    const excluded = await makeWorker(db, { organisationId: w.org.id });
    await db
      .insert(clientExcludedWorkers)
      .values({ organisationId: w.org.id, clientId: w.client.id, workerId: excluded.id });
    const codes = [];
    for (const worker of [noContract, otherJob, excluded]) {
      const res = await call('POST', `${base()}/shifts`, {
        missionId: w.mission.id,
        workerId: worker.id,
        start: at('2026-12-10', '08:00'),
        end: at('2026-12-10', '10:00'),
      });
      codes.push(res.json().error?.code);
    }
    expect(codes).toEqual(['no_employment_contract', 'job_not_held', 'worker_excluded_by_client']);
  });

  test('refuses less than 11 h of rest and more than the weekly maximum', async () => {
    const worker = w.workers[1];
    await makeWorldShift(db, w, { date: '2026-12-14', from: '14:00', to: '22:00', workerId: worker.id });
    const rest = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      workerId: worker.id,
      start: at('2026-12-15', '06:00'),
      end: at('2026-12-15', '10:00'),
    });
    expect(rest.json().error.code).toBe('daily_rest');
    // 35 h a week at most for this worker: 8 h already, 3 × 8 h more, then 4 h is too much.
    for (const day of ['2026-12-16', '2026-12-17', '2026-12-18']) {
      await makeWorldShift(db, w, { date: day, from: '12:00', to: '20:00', workerId: worker.id });
    }
    const week = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      workerId: worker.id,
      start: at('2026-12-19', '12:00'),
      end: at('2026-12-19', '16:00'),
    });
    expect(week.json().error.code).toBe('weekly_hours_exceeded');
  });

  test('refuses a shift during a declared unavailability', async () => {
    const worker = await makeWorker(db, { organisationId: w.org.id });
    await db
      .update(workersTable)
      .set({ weeklyAvailability: { '1': [['08:00', '12:00']] } })
      .where(eq(workersTable.id, worker.id));
    const res = await call('POST', `${base()}/shifts`, {
      missionId: w.mission.id,
      workerId: worker.id,
      start: at('2026-12-21', '13:00'),
      end: at('2026-12-21', '15:00'),
    });
    expect(res.json().error.code).toBe('worker_unavailable');
  });

  test('lists shifts with the filters of API.md', async () => {
    const res = await call('GET', `${base()}/shifts?from=2026-12-07&to=2026-12-07&workerId=${w.workers[0].id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ workerId: w.workers[0].id, status: 'assigned' });
    expect(Object.keys(res.json().items[0])).toEqual(
      expect.arrayContaining(['id', 'missionId', 'workerId', 'start', 'end', 'status']),
    );
  });

  test('a weekly series flags public holidays and skips exceptions', async () => {
    const res = await call('POST', `${base()}/shift-series`, {
      missionId: w.mission.id,
      weekdays: [5],
      startTime: '09:00',
      endTime: '11:00',
      startDate: '2026-12-18',
      endDate: '2027-01-08',
      exceptDates: ['2027-01-08'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.created).toBe(3);
    expect(body.shifts.find((s: { date: string }) => s.date === '2026-12-25').publicHoliday).toBe('Noël');
    expect(body.skipped).toEqual([{ date: '2027-01-08', reason: 'exception' }]);
  });

  test('moves a shift with the same checks, and cancels one', async () => {
    const s = await makeWorldShift(db, w, {
      date: '2026-12-22',
      from: '08:00',
      to: '10:00',
      workerId: w.workers[2].id,
    });
    await makeWorldShift(db, w, { date: '2026-12-22', from: '14:00', to: '16:00', workerId: w.workers[2].id });
    const clash = await call('POST', `${base()}/shifts/${s.id}/move`, {
      start: at('2026-12-22', '15:00'),
      end: at('2026-12-22', '17:00'),
    });
    expect(clash.statusCode).toBe(409);
    const ok = await call('POST', `${base()}/shifts/${s.id}/move`, {
      start: at('2026-12-22', '09:00'),
      end: at('2026-12-22', '11:00'),
    });
    expect(ok.statusCode).toBe(200);
    const cancel = await call('POST', `${base()}/shifts/${s.id}/cancel`, { reason: 'Fermeture' });
    expect(cancel.json()).toEqual({ status: 'cancelled' });
  });
});

/** A day of 8 h (08:00–16:00) already placed with the world's client, as rows written before the rule ran. */
const placedDay = (world: Awaited<ReturnType<typeof makePlanningWorld>>, workerId: string, day: string) => ({
  organisationId: world.org.id,
  missionId: world.mission.id,
  clientId: world.client.id,
  workerId,
  startAt: new Date(at(day, '08:00')),
  endAt: new Date(at(day, '16:00')),
  status: 'assigned' as const,
});

describe('the 480 h cap', () => {
  test('counts hours with a for-profit user and refuses beyond 480 h', async () => {
    const world = await makePlanningWorld(db, { workers: 1, clientKind: 'company' });
    const worker = world.workers[0];
    // 60 × 8 h = 480 h already placed with the company, spread over weeks.
    const rows = Array.from({ length: 60 }, (_, i) =>
      placedDay(world, worker.id, addDays('2026-01-05', Math.floor(i / 4) * 7 + (i % 4))),
    );
    await db.insert(shifts).values(rows);
    const status = await hoursCapStatus({
      db,
      organisationId: world.org.id,
      workerId: worker.id,
      at: new Date('2026-12-01T12:00:00Z'),
    });
    expect(status).toMatchObject({
      countedMinutes: 480 * 60,
      capMinutes: 480 * 60,
      windowStart: '2026-01-05',
      windowEnd: '2028-01-04',
      derogation: false,
      ratio: 1,
    });
    const officer = await loginCookie(app, world.officer.email);
    const res = await call(
      'POST',
      `/api/orgs/${world.org.id}/shifts`,
      {
        missionId: world.mission.id,
        workerId: worker.id,
        start: at('2026-12-01', '08:00'),
        end: at('2026-12-01', '09:00'),
      },
      officer,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('enterprise_hours_cap');
    expect(res.json().error.message).toContain('480 h');
    await db
      .update(workersTable)
      .set({ capDerogationFrom: '2026-11-01', capDerogationTo: '2027-06-30' })
      .where(eq(workersTable.id, worker.id));
    const derogated = await call(
      'POST',
      `/api/orgs/${world.org.id}/shifts`,
      {
        missionId: world.mission.id,
        workerId: worker.id,
        start: at('2026-12-01', '08:00'),
        end: at('2026-12-01', '09:00'),
      },
      officer,
    );
    expect(derogated.statusCode).toBe(201);
  });

  test('a placement on a day no window covers opens one that holds the placements planned after it (R5132-18)', async () => {
    const world = await makePlanningWorld(db, { workers: 1, clientKind: 'company' });
    const worker = world.workers[0];
    const placed = (day: string) => placedDay(world, worker.id, day);
    // A window that has run out (opened 2025-01-06, ended 2027-01-05): its 80 h no longer count…
    const old = Array.from({ length: 10 }, (_, i) => placed(addDays('2025-01-06', i * 7)));
    // …and 480 h planned from 2027-03-01, which the 2027-02-01 placement's window (to 2029-01-31) holds.
    const ahead = Array.from({ length: 60 }, (_, i) => placed(addDays('2027-03-01', Math.floor(i / 4) * 7 + (i % 4))));
    const [first] = await db
      .insert(shifts)
      .values([...old, ...ahead])
      .returning();
    const officer = await loginCookie(app, world.officer.email);
    const place = () =>
      call(
        'POST',
        `/api/orgs/${world.org.id}/shifts`,
        {
          missionId: world.mission.id,
          workerId: worker.id,
          start: at('2027-02-01', '08:00'),
          end: at('2027-02-01', '09:00'),
        },
        officer,
      );
    const refused = await place();
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('enterprise_hours_cap');
    // One day planned ahead less (472 h): the hour fits; the run-out window's 80 h are not counted.
    const last = ahead.at(-1)!;
    await db.delete(shifts).where(eq(shifts.startAt, last.startAt));
    expect(first.workerId).toBe(worker.id);
    expect((await place()).statusCode).toBe(201);
  });
});

describe('absences and replacements', () => {
  test('an absence opens the shifts, tells the officer, and the best candidate takes one in one click', async () => {
    const world = await makePlanningWorld(db, { workers: 4 });
    const officer = await loginCookie(app, world.officer.email);
    const absent = world.workers[0];
    const s1 = await makeWorldShift(db, world, { date: '2027-01-11', from: '07:00', to: '13:00', workerId: absent.id });
    const s2 = await makeWorldShift(db, world, { date: '2027-01-12', from: '07:00', to: '13:00', workerId: absent.id });
    const preview = await call(
      'GET',
      `/api/orgs/${world.org.id}/absences/preview?workerId=${absent.id}&start=${encodeURIComponent(at('2027-01-11', '00:00'))}&end=${encodeURIComponent(at('2027-01-13', '00:00'))}`,
      undefined,
      officer,
    );
    expect(preview.json().count).toBe(2);
    const res = await call(
      'POST',
      `/api/orgs/${world.org.id}/absences`,
      {
        workerId: absent.id,
        start: at('2027-01-11', '00:00'),
        end: at('2027-01-13', '00:00'),
        reason: 'Arrêt maladie',
      },
      officer,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().uncoveredShiftIds.sort()).toEqual([s1.id, s2.id].sort());
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, world.officer.email));
    expect(mails.some((m) => m.subject.includes('2 créneaux à pourvoir'))).toBe(true);

    const cands = await call(
      'GET',
      `/api/orgs/${world.org.id}/shifts/${s1.id}/candidates?limit=10`,
      undefined,
      officer,
    );
    expect(cands.statusCode).toBe(200);
    const items = cands.json().items;
    expect(items.map((c: { workerId: string }) => c.workerId)).not.toContain(absent.id);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ name: expect.any(String), score: expect.any(Number), minutesThisWeek: 0 });
    expect(items[0].reasons.length).toBeGreaterThan(0);
    for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score);

    const assign = await call(
      'POST',
      `/api/orgs/${world.org.id}/shifts/${s1.id}/assign`,
      { workerId: items[0].workerId },
      officer,
    );
    expect(assign.statusCode).toBe(200);
    expect(assign.json()).toMatchObject({ status: 'assigned' });
    const back = await call(
      'POST',
      `/api/orgs/${world.org.id}/shifts/${s2.id}/assign`,
      { workerId: absent.id },
      officer,
    );
    expect(back.json().error.code).toBe('worker_unavailable');
  });

  test('the client declares an absence only for workers on its shifts, and sees who replaces', async () => {
    const world = await makePlanningWorld(db, { workers: 2 });
    const clientUser = await makeUser(db, {
      role: 'client_user',
      organisationId: world.org.id,
      clientId: world.client.id,
    });
    const clientCookie = await loginCookie(app, clientUser.email);
    const s = await makeWorldShift(db, world, {
      date: '2027-01-18',
      from: '07:00',
      to: '13:00',
      workerId: world.workers[0].id,
    });
    const stranger = await makeWorker(db, { organisationId: world.org.id });
    const refused = await call(
      'POST',
      `/api/orgs/${world.org.id}/absences`,
      { workerId: stranger.id, start: at('2027-01-18', '00:00'), end: at('2027-01-19', '00:00'), reason: 'Absent' },
      clientCookie,
    );
    expect(refused.statusCode).toBe(404);
    const res = await call(
      'POST',
      `/api/orgs/${world.org.id}/absences`,
      {
        workerId: world.workers[0].id,
        start: at('2027-01-18', '00:00'),
        end: at('2027-01-19', '00:00'),
        reason: 'Pas venu·e',
      },
      clientCookie,
    );
    expect(res.json().uncoveredShiftIds).toEqual([s.id]);
    const officer = await loginCookie(app, world.officer.email);
    await call('POST', `/api/orgs/${world.org.id}/shifts/${s.id}/assign`, { workerId: world.workers[1].id }, officer);
    const view = await call(
      'GET',
      `/api/orgs/${world.org.id}/shifts?from=2027-01-18&to=2027-01-18`,
      undefined,
      clientCookie,
    );
    expect(view.json().items[0].workerName).toBe(`${world.workers[1].firstName} ${world.workers[1].lastName}`);
  });

  test('proposals: the first worker to accept gets the shift, the other is told it is taken', async () => {
    const world = await makePlanningWorld(db, { workers: 2 });
    const officer = await loginCookie(app, world.officer.email);
    const [a, b] = world.workers;
    await db.update(workersTable).set({ email: 'a@worker.test' }).where(eq(workersTable.id, a.id));
    await db.update(workersTable).set({ email: 'b@worker.test' }).where(eq(workersTable.id, b.id));
    const s = await makeWorldShift(db, world, { date: '2027-01-20', from: '08:00', to: '12:00' });
    const p = await call(
      'POST',
      `/api/orgs/${world.org.id}/shifts/${s.id}/proposals`,
      { workerIds: [a.id, b.id] },
      officer,
    );
    expect(p.statusCode).toBe(201);
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'b@worker.test'));
    const token = mails[0].text.match(/proposition\/([A-Za-z0-9_-]+)/)![1];
    const view = await app.inject({ method: 'GET', url: `/api/public/proposals/${token}` });
    expect(view.json()).toMatchObject({ status: 'pending', shiftOpen: true });
    const accepted = await app.inject({ method: 'POST', url: `/api/public/proposals/${token}/accept` });
    expect(accepted.json()).toEqual({ status: 'accepted' });
    const aUser = await makeUser(db, { role: 'worker', organisationId: world.org.id, workerId: a.id });
    const aCookie = await loginCookie(app, aUser.email);
    expect((await call('GET', `/api/orgs/${world.org.id}/me/proposals`, undefined, aCookie)).json().items).toEqual([]);
    const taken = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'a@worker.test'));
    expect(taken.some((m) => m.subject.includes('déjà pris'))).toBe(true);
    const [row] = await db.select().from(shifts).where(eq(shifts.id, s.id));
    expect(row).toMatchObject({ status: 'assigned', workerId: b.id });
  });
});

describe('auto-planner', () => {
  test('proposes a plan for the open shifts that the officer then applies', async () => {
    const world = await makePlanningWorld(db, { workers: 3 });
    const officer = await loginCookie(app, world.officer.email);
    for (const day of ['2027-02-01', '2027-02-02', '2027-02-03']) {
      await makeWorldShift(db, world, { date: day, from: '08:00', to: '12:00' });
      await makeWorldShift(db, world, { date: day, from: '08:00', to: '12:00' });
    }
    const plan = await call(
      'POST',
      `/api/orgs/${world.org.id}/autoplan`,
      { from: '2027-02-01', to: '2027-02-07' },
      officer,
    );
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({ openShifts: 6, covered: 6 });
    const apply = await call(
      'POST',
      `/api/orgs/${world.org.id}/autoplan/apply`,
      {
        assignments: plan.json().assignments.map((a: { shiftId: string; workerId: string }) => ({
          shiftId: a.shiftId,
          workerId: a.workerId,
        })),
      },
      officer,
    );
    expect(apply.json()).toEqual({ applied: 6, failed: [] });
  });
});

describe('the worker’s own page', () => {
  test('shows my next shifts, takes an unavailability, gives a revocable calendar feed', async () => {
    const world = await makePlanningWorld(db, { workers: 1 });
    const worker = world.workers[0];
    const user = await makeUser(db, { role: 'worker', organisationId: world.org.id, workerId: worker.id });
    const me = await loginCookie(app, user.email);
    await makeWorldShift(db, world, { date: '2027-01-25', from: '08:00', to: '12:00', workerId: worker.id });
    const next = await call('GET', `/api/orgs/${world.org.id}/me/shifts`, undefined, me);
    expect(next.json().items).toHaveLength(1);
    const un = await call(
      'POST',
      `/api/orgs/${world.org.id}/workers/${worker.id}/unavailabilities`,
      { start: at('2027-01-26', '08:00'), end: at('2027-01-26', '18:00'), reason: 'Rendez-vous' },
      me,
    );
    expect(un.statusCode).toBe(201);
    const officer = await loginCookie(app, world.officer.email);
    const refused = await call(
      'POST',
      `/api/orgs/${world.org.id}/shifts`,
      {
        missionId: world.mission.id,
        workerId: worker.id,
        start: at('2027-01-26', '09:00'),
        end: at('2027-01-26', '11:00'),
      },
      officer,
    );
    expect(refused.json().error.code).toBe('worker_unavailable');
    const feed = await call('POST', `/api/orgs/${world.org.id}/me/calendar`, undefined, me);
    const url = new URL(feed.json().url);
    const ics = await app.inject({ method: 'GET', url: url.pathname });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    await call('DELETE', `/api/orgs/${world.org.id}/me/calendar`, undefined, me);
    expect((await app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    // A worker sees only their own shifts; the officer's actions answer 403.
    expect(
      (
        await call(
          'GET',
          `/api/orgs/${world.org.id}/shifts/${'00000000-0000-4000-8000-000000000000'}/candidates`,
          undefined,
          me,
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('regional pooling', () => {
  test('a consenting AI of the network sees the open shift without personal data and offers a worker', async () => {
    const { makeNetwork } = await import('../../../../test/factories.js');
    const net = await makeNetwork(db);
    const asking = await makePlanningWorld(db, { workers: 0, networkId: net.id });
    const helping = await makePlanningWorld(db, { workers: 1, networkId: net.id });
    const askCookie = await loginCookie(app, asking.officer.email);
    const helpCookie = await loginCookie(app, helping.officer.email);
    const helpAdmin = await makeUser(db, { role: 'org_admin', organisationId: helping.org.id });
    await call(
      'PUT',
      `/api/orgs/${helping.org.id}/pooling/settings`,
      { enabled: true },
      await loginCookie(app, helpAdmin.email),
    );
    const s = await makeWorldShift(db, asking, { date: '2027-01-27', from: '08:00', to: '12:00' });
    const ask = await call('POST', `/api/orgs/${asking.org.id}/shifts/${s.id}/pooling`, undefined, askCookie);
    expect(ask.statusCode).toBe(201);
    expect(ask.json().notified).toBe(1);
    const list = await call('GET', `/api/orgs/${helping.org.id}/pooling/requests`, undefined, helpCookie);
    const request = list.json().items[0];
    expect(request).toMatchObject({ rome: 'K2204', communeCode: '94028' });
    expect(JSON.stringify(request)).not.toContain(asking.client.name);
    const cands = await call(
      'GET',
      `/api/orgs/${helping.org.id}/pooling/requests/${request.id}/candidates`,
      undefined,
      helpCookie,
    );
    expect(cands.json().items).toHaveLength(1);
    const offer = await call(
      'POST',
      `/api/orgs/${helping.org.id}/pooling/requests/${request.id}/offers`,
      { workerId: helping.workers[0].id },
      helpCookie,
    );
    expect(offer.statusCode).toBe(201);
    const seen = await call('GET', `/api/orgs/${asking.org.id}/shifts/${s.id}/pooling`, undefined, askCookie);
    expect(seen.json().offers[0]).toMatchObject({
      firstName: helping.workers[0].firstName,
      organisationName: helping.org.name,
    });
    const accepted = await call(
      'POST',
      `/api/orgs/${asking.org.id}/shifts/${s.id}/pooling/offers/${seen.json().offers[0].id}/accept`,
      undefined,
      askCookie,
    );
    expect(accepted.json()).toEqual({ status: 'filled' });
  });
});

describe('the published contract', () => {
  test('the planning calls appear in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/orgs/{orgId}/shifts',
      '/api/orgs/{orgId}/absences',
      '/api/orgs/{orgId}/shifts/{shiftId}/candidates',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
