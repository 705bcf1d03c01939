import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeUser } from '../../../../test/factories.js';
import { at, makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import type { OrgActor } from '../../http/actor.js';
import { setContactPreferences } from '../notifications/contact-preferences.js';
import { updateOrganisationSettings } from '../settings/organisation-settings.js';
import { clockShift, myClock } from './clock-shift.js';
import { shiftClockEvents, timesheetEntries } from './schema.js';

const { app, database } = await testApp();
const db = database.db;
let w: Awaited<ReturnType<typeof makePlanningWorld>>;
let actor: OrgActor;
let cookie: string;

beforeAll(async () => {
  w = await makePlanningWorld(db, { workers: 1 });
  const user = await makeUser(db, { role: 'worker', organisationId: w.org.id, workerId: w.workers[0].id });
  actor = { userId: user.id, organisationId: w.org.id, role: 'worker', clientId: null, workerId: w.workers[0].id };
  cookie = await loginCookie(app, user.email);
});

const admin = () => ({ userId: w.officer.id, organisationId: w.org.id });

describe('clock-in from the phone', () => {
  test('off by default: the phone shows nothing and the API refuses', async () => {
    const s = await makeWorldShift(db, w, {
      date: '2027-06-01',
      from: '08:00',
      to: '12:00',
      workerId: w.workers[0].id,
    });
    expect(await myClock({ db, actor, now: new Date(at('2027-06-01', '07:50')) })).toMatchObject({
      mode: 'off',
      items: [],
    });
    const res = await app.inject({
      method: 'POST',
      url: `/api/orgs/${w.org.id}/me/shifts/${s.id}/clock`,
      headers: { cookie },
      payload: { kind: 'arrive' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('clock_in_off');
  });

  test('« J’arrive » then « Je pars »: the real times become the timesheet’s actual times at once', async () => {
    await updateOrganisationSettings({ db, actor: admin(), patch: { phoneClockIn: 'on' } });
    const s = await makeWorldShift(db, w, {
      date: '2027-06-02',
      from: '08:00',
      to: '12:00',
      workerId: w.workers[0].id,
    });
    const early = new Date(at('2027-06-02', '06:30'));
    await expect(clockShift({ db, actor, shiftId: s.id, kind: 'arrive', now: early })).rejects.toMatchObject({
      code: 'too_early',
    });
    await expect(
      clockShift({ db, actor, shiftId: s.id, kind: 'leave', now: new Date(at('2027-06-02', '08:00')) }),
    ).rejects.toMatchObject({ code: 'not_arrived' });
    const view = await myClock({ db, actor, now: new Date(at('2027-06-02', '07:55')) });
    expect(view.items).toMatchObject([{ shiftId: s.id, canArrive: true, canLeave: false, arrivedAt: null }]);

    await clockShift({
      db,
      actor,
      shiftId: s.id,
      kind: 'arrive',
      now: new Date(at('2027-06-02', '08:07')),
      position: { lat: 48.79, lng: 2.45 },
    });
    await expect(
      clockShift({ db, actor, shiftId: s.id, kind: 'arrive', now: new Date(at('2027-06-02', '08:09')) }),
    ).rejects.toMatchObject({ code: 'already_clocked' });
    // Not ended and not left: not in a timesheet yet.
    expect(await db.select().from(timesheetEntries).where(eq(timesheetEntries.shiftId, s.id))).toEqual([]);
    // She leaves early, at 11:40 (before the planned end): the shift enters the timesheet with the real times.
    await clockShift({ db, actor, shiftId: s.id, kind: 'leave', now: new Date(at('2027-06-02', '11:40')) });
    const [entry] = await db.select().from(timesheetEntries).where(eq(timesheetEntries.shiftId, s.id));
    expect(entry.actualStart.toISOString()).toBe(at('2027-06-02', '08:07'));
    expect(entry.actualEnd.toISOString()).toBe(at('2027-06-02', '11:40'));
    expect(entry.plannedEnd.toISOString()).toBe(at('2027-06-02', '12:00'));
    // The organisation did not ask for the position: none kept.
    const events = await db.select().from(shiftClockEvents).where(eq(shiftClockEvents.shiftId, s.id));
    expect(events.map((e) => [e.kind, e.lat])).toEqual(
      expect.arrayContaining([
        ['arrive', null],
        ['leave', null],
      ]),
    );
  });

  test('the position is kept only when the organisation asks and the worker allows it', async () => {
    await updateOrganisationSettings({ db, actor: admin(), patch: { phoneClockIn: 'with_position' } });
    const s1 = await makeWorldShift(db, w, {
      date: '2027-06-03',
      from: '08:00',
      to: '12:00',
      workerId: w.workers[0].id,
    });
    const pos = { lat: 48.79, lng: 2.45, accuracyM: 12.4 };
    const a = await clockShift({
      db,
      actor,
      shiftId: s1.id,
      kind: 'arrive',
      now: new Date(at('2027-06-03', '08:00')),
      position: pos,
    });
    expect(a.position).toBe(false);
    await setContactPreferences({ db, actor, workerId: w.workers[0].id, patch: { sharePosition: true } });
    const b = await clockShift({
      db,
      actor,
      shiftId: s1.id,
      kind: 'leave',
      now: new Date(at('2027-06-03', '12:02')),
      position: pos,
    });
    expect(b.position).toBe(true);
    const rows = await db.select().from(shiftClockEvents).where(eq(shiftClockEvents.shiftId, s1.id));
    expect(rows.find((r) => r.kind === 'leave')).toMatchObject({ lat: 48.79, lng: 2.45, accuracyM: 12 });
    expect(rows.find((r) => r.kind === 'arrive')).toMatchObject({ lat: null });
  });

  test('around midnight: the shift starting just after it and the one ended just before it can be clocked', async () => {
    await updateOrganisationSettings({ db, actor: admin(), patch: { phoneClockIn: 'on' } });
    const me = w.workers[0].id;
    const afterMidnight = await makeWorldShift(db, w, { date: '2027-06-06', from: '00:10', to: '01:10', workerId: me });
    await makeWorldShift(db, w, { date: '2027-06-06', from: '09:00', to: '12:00', workerId: me });
    // At 23:40 the day before: « J'arrive » is open (an hour ahead); the morning shift is not shown yet.
    const lateEvening = new Date(at('2027-06-05', '23:40'));
    const evening = await myClock({ db, actor, now: lateEvening });
    expect(evening.items.map((i) => i.shiftId)).toEqual([afterMidnight.id]);
    expect(evening.items[0]).toMatchObject({ canArrive: true, canLeave: false });
    await clockShift({ db, actor, shiftId: afterMidnight.id, kind: 'arrive', now: lateEvening });

    // An evening shift ended at 23:30: at 00:30 the next day « Je pars » is still offered (four hours after the end).
    const evening2 = await makeWorldShift(db, w, { date: '2027-06-07', from: '20:00', to: '23:30', workerId: me });
    await clockShift({ db, actor, shiftId: evening2.id, kind: 'arrive', now: new Date(at('2027-06-07', '20:00')) });
    const pastMidnight = await myClock({ db, actor, now: new Date(at('2027-06-08', '00:30')) });
    expect(pastMidnight.items.map((i) => i.shiftId)).toEqual([evening2.id]);
    expect(pastMidnight.items[0]).toMatchObject({ canArrive: false, canLeave: true });
    // Once its window has closed, yesterday's shift is gone from the phone.
    expect((await myClock({ db, actor, now: new Date(at('2027-06-08', '04:00')) })).items).toEqual([]);
  });

  test('another worker’s shift is 404', async () => {
    const other = await makePlanningWorld(db, { workers: 1 });
    const s = await makeWorldShift(db, other, {
      date: '2027-06-04',
      from: '08:00',
      to: '12:00',
      workerId: other.workers[0].id,
    });
    await expect(
      clockShift({ db, actor, shiftId: s.id, kind: 'arrive', now: new Date(at('2027-06-04', '08:00')) }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
