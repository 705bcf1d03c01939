import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeMission, makeOrg, makeShift, makeUser, makeWorker } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { addDays, parisToday } from '../calendar/paris-time.js';
import { outboxEmails } from '../notifications/schema.js';
import { shifts } from '../planning/schema.js';
import { workers } from '../workers/schema.js';
import { workerExits } from './schema.js';

// Issue 14, « déclarer une embauche »: the client declares, the worker's support officer confirms the exit.
const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let support: string;
let supportEmail: string;
let placement: string;
let clientUser: string;
let otherClientUser: string;
let client: Awaited<ReturnType<typeof makeClient>>;
let mission: Awaited<ReturnType<typeof makeMission>>;

beforeAll(async () => {
  const org = await makeOrg(db);
  orgId = org.id;
  const s = await makeUser(db, { role: 'support_officer', organisationId: orgId });
  supportEmail = s.email;
  support = await loginCookie(app, s.email);
  placement = await loginCookie(app, (await makeUser(db, { role: 'placement_officer', organisationId: orgId })).email);
  client = await makeClient(db, { organisationId: orgId, name: 'EHPAD Les Tilleuls' });
  mission = await makeMission(db, { organisationId: orgId, client });
  clientUser = await loginCookie(
    app,
    (await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: client.id })).email,
  );
  const other = await makeClient(db, { organisationId: orgId });
  otherClientUser = await loginCookie(
    app,
    (await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: other.id })).email,
  );
});

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url: `/api/orgs/${orgId}${url}`, headers: { cookie }, payload });

/** A worker who worked for the client last week and is planned there in ten days. */
async function workerOfTheClient() {
  const w = await makeWorker(db, { organisationId: orgId });
  for (const day of [addDays(parisToday(), -7), addDays(parisToday(), 10)])
    await makeShift(db, {
      organisationId: orgId,
      missionId: mission.id,
      clientId: client.id,
      workerId: w.id,
      start: `${day}T08:00:00+01:00`,
      end: `${day}T12:00:00+01:00`,
    });
  return w;
}

describe('a client declares a hire', () => {
  test('the support officer is emailed, confirms, and the exit to durable employment is recorded with the client as employer; the planned shift is freed', async () => {
    const w = await workerOfTheClient();
    await db.update(workers).set({ referentUserId: null }).where(eq(workers.id, w.id));
    const candidates = await call(clientUser, 'GET', '/hire-declarations/candidates');
    expect(candidates.json().items.map((c: { id: string }) => c.id)).toContain(w.id);
    // The other client never sees this person.
    const others = await call(otherClientUser, 'GET', '/hire-declarations/candidates');
    expect(others.json().items.map((c: { id: string }) => c.id)).not.toContain(w.id);

    const hireDate = addDays(parisToday(), 5);
    const res = await call(clientUser, 'POST', '/hire-declarations', {
      workerId: w.id,
      hireDate,
      contractKind: 'cdi',
      message: 'Elle commence le lundi.',
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ status: 'pending', clientName: 'EHPAD Les Tilleuls', contractKind: 'cdi' });
    const mails = await db.select().from(outboxEmails).where(eq(outboxEmails.to, supportEmail));
    expect(mails.some((m) => m.subject === `EHPAD Les Tilleuls déclare embaucher ${w.firstName} ${w.lastName}`)).toBe(
      true,
    );
    // Declared twice: refused, the first waits.
    expect(
      (await call(clientUser, 'POST', '/hire-declarations', { workerId: w.id, hireDate, contractKind: 'cdi' }))
        .statusCode,
    ).toBe(409);
    // Only the support staff answer; the other client does not even see it.
    expect((await call(clientUser, 'POST', `/hire-declarations/${d.id}/confirm`, {})).statusCode).toBe(403);
    expect((await call(placement, 'POST', `/hire-declarations/${d.id}/confirm`, {})).statusCode).toBe(403);
    expect((await call(otherClientUser, 'GET', '/hire-declarations')).json().items).toHaveLength(0);

    // The shift in ten days is after the exit date: refused unless freed, naming it.
    const refused = await call(support, 'POST', `/hire-declarations/${d.id}/confirm`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('exit_with_future_shifts');
    const ok = await call(support, 'POST', `/hire-declarations/${d.id}/confirm`, { freeShifts: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    const [exit] = await db.select().from(workerExits).where(eq(workerExits.workerId, w.id));
    expect(exit).toMatchObject({
      exitDate: addDays(hireDate, -1),
      category: 'durable',
      aspReason: 'cdi',
      hiredByClientId: client.id,
    });
    const later = await db
      .select()
      .from(shifts)
      .where(and(eq(shifts.workerId, w.id), eq(shifts.status, 'assigned')));
    expect(later).toHaveLength(1); // last week's, worked; the one in ten days is open again
    // The client reads the answer.
    const mine = (await call(clientUser, 'GET', '/hire-declarations')).json();
    expect(mine.items.find((i: { id: string }) => i.id === d.id).status).toBe('confirmed');
    // Gone from the candidates once left.
    const after = await call(clientUser, 'GET', '/hire-declarations/candidates');
    expect(after.json().items.map((c: { id: string }) => c.id)).not.toContain(w.id);
  });

  test('a short CDD is an exit to transitional employment; a declaration can be declined with a reason', async () => {
    const a = await workerOfTheClient();
    const b = await workerOfTheClient();
    const da = (
      await call(clientUser, 'POST', '/hire-declarations', {
        workerId: a.id,
        hireDate: addDays(parisToday(), 20),
        contractKind: 'cdd_under_6_months',
      })
    ).json();
    await call(support, 'POST', `/hire-declarations/${da.id}/confirm`, { freeShifts: true });
    const [exit] = await db.select().from(workerExits).where(eq(workerExits.workerId, a.id));
    expect(exit).toMatchObject({ category: 'transition', aspReason: 'cdd_under_6_months' });

    const db2 = (
      await call(clientUser, 'POST', '/hire-declarations', {
        workerId: b.id,
        hireDate: addDays(parisToday(), 3),
        contractKind: 'cdd_6_months_or_more',
      })
    ).json();
    const declined = await call(support, 'POST', `/hire-declarations/${db2.id}/decline`, {
      note: 'Mme a refusé le poste.',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', answerNote: 'Mme a refusé le poste.' });
    expect(await db.select().from(workerExits).where(eq(workerExits.workerId, b.id))).toHaveLength(0);
    expect((await call(support, 'POST', `/hire-declarations/${db2.id}/confirm`, {})).statusCode).toBe(409);
  });

  test('a client cannot declare someone who never worked for it, nor a date years away', async () => {
    const stranger = await makeWorker(db, { organisationId: orgId });
    const res = await call(clientUser, 'POST', '/hire-declarations', {
      workerId: stranger.id,
      hireDate: parisToday(),
      contractKind: 'cdi',
    });
    expect(res.statusCode).toBe(404);
    const w = await workerOfTheClient();
    const far = await call(clientUser, 'POST', '/hire-declarations', {
      workerId: w.id,
      hireDate: addDays(parisToday(), 800),
      contractKind: 'cdi',
    });
    expect(far.statusCode).toBe(422);
    expect(far.json().error.code).toBe('hire_date_out_of_range');
  });
});
