import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeNetwork, makeOrg, makeUser, makeWorker, TEST_PASSWORD } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { auditEvents } from '../audit/schema.js';
import { outboxEmails, outboxSms, workerContactPreferences } from '../notifications/schema.js';
import { workers } from '../workers/schema.js';
import { passwordResets } from './schema.js';

const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let admin: string;
let adminMembership: string;
let officer: string;
let support: string;
let workerId: string;
let clientId: string;
let otherAdmin: string;

const NEW_PASSWORD = 'Un mot de passe de printemps';

beforeAll(async () => {
  orgId = (await makeOrg(db)).id;
  const a = await makeUser(db, { role: 'org_admin', organisationId: orgId, email: 'direction@team.test' });
  admin = await loginCookie(app, a.email);
  officer = await loginCookie(app, (await makeUser(db, { role: 'placement_officer', organisationId: orgId })).email);
  support = await loginCookie(app, (await makeUser(db, { role: 'support_officer', organisationId: orgId })).email);
  workerId = (await makeWorker(db, { organisationId: orgId })).id;
  clientId = (await makeClient(db, { organisationId: orgId })).id;
  otherAdmin = await loginCookie(
    app,
    (await makeUser(db, { role: 'org_admin', organisationId: (await makeOrg(db)).id })).email,
  );
  const team = (await call('GET', '/team')).json();
  adminMembership = team.members.find((m: { email: string }) => m.email === 'direction@team.test').membershipId;
});

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = admin) {
  return app.inject({
    method,
    url: url.startsWith('/api') ? url : `/api/orgs/${orgId}${url}`,
    headers: { cookie },
    payload,
  });
}
const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, payload });

/** The last link sent to an address: what the person clicks. */
async function lastLink(to: string, path: string) {
  const [mail] = await db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.to, to))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  const m = mail?.text.match(new RegExp(`/${path}/([A-Za-z0-9_-]+)`));
  return m?.[1];
}
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `passerelle_session=${res.cookies.find((c) => c.name === 'passerelle_session')!.value}`;

describe('the director brings the team in', () => {
  test('invites a placement officer, who chooses a password and is in with that role', async () => {
    const res = await call('POST', '/invitations', {
      name: 'Inès Moreau',
      email: 'Ines.Moreau@team.test',
      role: 'placement_officer',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'ines.moreau@team.test',
      role: 'placement_officer',
      channel: 'email',
      code: null,
    });
    const token = (await lastLink('ines.moreau@team.test', 'acces'))!;
    const described = (await anonymous('GET', `/api/public/access/${token}`)).json();
    expect(described).toMatchObject({
      name: 'Inès Moreau',
      role: 'placement_officer',
      needsPassword: true,
      accepted: false,
    });

    const weak = await anonymous('POST', `/api/public/access/${token}/accept`, { password: 'motdepasse' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('password');
    const ok = await anonymous('POST', `/api/public/access/${token}/accept`, { password: NEW_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    const me = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(ok) } })).json();
    expect(me.memberships).toMatchObject([{ organisationId: orgId, role: 'placement_officer' }]);
    expect((await anonymous('POST', `/api/public/access/${token}/accept`, { password: NEW_PASSWORD })).statusCode).toBe(
      409,
    );
    const login = await anonymous('POST', '/api/auth/login', {
      email: 'ines.moreau@team.test',
      password: NEW_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
  });

  test('pending invitations are listed; resending gives a new link and the old one stops working; cancelling ends it', async () => {
    await call('POST', '/invitations', { name: 'Paul Roux', email: 'paul.roux@team.test', role: 'accountant' });
    const first = (await lastLink('paul.roux@team.test', 'acces'))!;
    const pending = (await call('GET', '/team'))
      .json()
      .invitations.find((i: { email: string }) => i.email === 'paul.roux@team.test');
    expect(pending).toMatchObject({ role: 'accountant', expired: false });
    expect((await call('POST', `/invitations/${pending.id}/resend`)).statusCode).toBe(200);
    const second = (await lastLink('paul.roux@team.test', 'acces'))!;
    expect(second).not.toBe(first);
    expect((await anonymous('GET', `/api/public/access/${first}`)).statusCode).toBe(404);
    const again = (await call('GET', '/team'))
      .json()
      .invitations.find((i: { email: string }) => i.email === 'paul.roux@team.test');
    expect((await call('DELETE', `/invitations/${again.id}`)).statusCode).toBe(204);
    expect((await anonymous('GET', `/api/public/access/${second}`)).statusCode).toBe(404);
  });

  test('an invitation expires', async () => {
    await call('POST', '/invitations', { name: 'Tard', email: 'tard@team.test', role: 'accountant' });
    const token = (await lastLink('tard@team.test', 'acces'))!;
    await db.execute(
      sql`UPDATE access_invitations SET expires_at = now() - interval '1 minute' WHERE email = 'tard@team.test'`,
    );
    const res = await anonymous('POST', `/api/public/access/${token}/accept`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('invitation_expired');
  });

  test('changes a role, never removes the last director, and a deactivated account is out at once', async () => {
    const team = (await call('GET', '/team')).json();
    const ines = team.members.find((m: { email: string }) => m.email === 'ines.moreau@team.test');
    const role = await call('PATCH', `/members/${ines.membershipId}`, { role: 'support_officer' });
    expect(role.json()).toMatchObject({ role: 'support_officer', sensitiveAccess: true });
    const last = await call('PATCH', `/members/${adminMembership}`, { role: 'accountant' });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_admin');

    const inesCookie = await loginCookie(app, 'ines.moreau@team.test', NEW_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: inesCookie } })).statusCode).toBe(200);
    const off = await call('POST', `/members/${ines.membershipId}/deactivate`);
    expect(off.json()).toMatchObject({ active: false });
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: inesCookie } })).statusCode).toBe(401);
    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.recordId, ines.membershipId)));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['member.role_change', 'member.deactivate']));
    expect((await call('POST', `/members/${ines.membershipId}/reactivate`)).json()).toMatchObject({ active: true });
  });

  test('only the director manages the team; another structure’s director is told it does not exist', async () => {
    expect((await call('GET', '/team', undefined, officer)).statusCode).toBe(403);
    expect(
      (await call('POST', '/invitations', { name: 'X', email: 'x@team.test', role: 'org_admin' }, support)).statusCode,
    ).toBe(403);
    expect((await call('GET', '/team', undefined, otherAdmin)).statusCode).toBe(404);
  });
});

describe('a worker gets in on their own phone, without a password', () => {
  test('by SMS: the sign-in link goes to the mobile of the record, never without one or against a STOP', async () => {
    const other = (await makeWorker(db, { organisationId: orgId, firstName: 'Mariama' })).id;
    const noMobile = await call('POST', `/workers/${other}/access`, { name: 'Mariama', channel: 'sms' }, support);
    expect(noMobile.statusCode).toBe(400);
    expect(noMobile.json().error.details).toEqual([expect.objectContaining({ path: 'channel' })]);
    await db.update(workers).set({ phone: '06 12 34 56 78' }).where(eq(workers.id, other));

    const res = await call('POST', `/workers/${other}/access`, { name: 'Mariama', channel: 'sms' }, support);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'sms', email: null, code: null });
    const [sms] = await db.select().from(outboxSms).where(eq(outboxSms.workerId, other));
    expect(sms.to).toBe('+33612345678');
    expect(sms.segments).toBeLessThanOrEqual(2);
    const token = sms.text.match(/\/acces\/([A-Za-z0-9_-]+)/)![1];
    const signIn = await anonymous('POST', `/api/public/access/${token}/accept`, {});
    expect(signIn.statusCode, signIn.body).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(signIn) } });
    expect(me.json().memberships).toMatchObject([{ role: 'worker', workerId: other }]);

    // STOP: the worker asked for no SMS at all.
    await db
      .insert(workerContactPreferences)
      .values({ organisationId: orgId, workerId: other, channel: 'both', smsOptOutAt: new Date() });
    const stopped = await call('POST', `/workers/${other}/access`, { name: 'Mariama', channel: 'sms' }, support);
    expect(stopped.statusCode).toBe(400);
    expect(stopped.json().error.details[0].message).toMatch(/STOP/);
  });

  test('a printed code signs the phone in for a year, is revocable from the record, and works once', async () => {
    const res = await call('POST', `/workers/${workerId}/access`, { name: 'Awa', channel: 'code' }, support);
    expect(res.statusCode, res.body).toBe(201);
    const { code, codeUrl } = res.json();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(codeUrl).toBe('http://passerelle.test/code');
    // As typed on a phone: small letters, a space instead of the dash.
    const signIn = await anonymous('POST', '/api/public/access-code', { code: code.toLowerCase().replace('-', ' ') });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'passerelle_session')!;
    expect(cookie.maxAge).toBe(365 * 86_400);
    expect(signIn.json().memberships).toMatchObject([{ role: 'worker', workerId }]);
    expect((await anonymous('POST', '/api/public/access-code', { code })).statusCode).toBe(409);

    const access = (await call('GET', `/workers/${workerId}/access`, undefined, support)).json();
    expect(access.accounts).toHaveLength(1);
    expect(access.accounts[0].email).toBeNull();
    const [phone] = access.accounts[0].sessions;
    expect(
      (await call('DELETE', `/workers/${workerId}/access/sessions/${phone.id}`, undefined, support)).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(signIn) } })).statusCode,
    ).toBe(401);
  });

  test('a new code for a worker who already has an account signs the new phone into the same account', async () => {
    const { code } = (
      await call('POST', `/workers/${workerId}/access`, { name: 'Awa', channel: 'code' }, support)
    ).json();
    const r = await anonymous('POST', '/api/public/access-code', { code });
    expect(r.statusCode).toBe(200);
    const access = (await call('GET', `/workers/${workerId}/access`, undefined, support)).json();
    expect(access.accounts).toHaveLength(1);
    expect(access.accounts[0].sessions).toHaveLength(1);
  });

  test('wrong codes are limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 41; i++)
      last = (await anonymous('POST', '/api/public/access-code', { code: `ZZZZZ-ZZZ${i % 10}Z` })).statusCode;
    expect(last).toBe(429);
    // The window passes (wrong codes and wrong passwords share the per-address budget).
    await db.execute(sql`DELETE FROM login_attempts`);
  });

  test('an accountant cannot give a worker access; another AI cannot see who has it', async () => {
    const accountant = await loginCookie(
      app,
      (await makeUser(db, { role: 'accountant', organisationId: orgId })).email,
    );
    expect(
      (await call('POST', `/workers/${workerId}/access`, { name: 'A', channel: 'code' }, accountant)).statusCode,
    ).toBe(403);
    expect((await call('GET', `/workers/${workerId}/access`, undefined, otherAdmin)).statusCode).toBe(404);
  });
});

describe('a client’s contact gets the portal', () => {
  test('by email: the link signs the contact in to that client only, without a password', async () => {
    const res = await call(
      'POST',
      `/clients/${clientId}/access`,
      { name: 'Claire Martin', email: 'claire@client.test', channel: 'email' },
      officer,
    );
    expect(res.statusCode, res.body).toBe(201);
    const token = (await lastLink('claire@client.test', 'acces'))!;
    expect((await anonymous('GET', `/api/public/access/${token}`)).json()).toMatchObject({
      role: 'client_user',
      needsPassword: false,
    });
    const ok = await anonymous('POST', `/api/public/access/${token}/accept`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().memberships).toMatchObject([{ role: 'client_user', clientId, organisationId: orgId }]);
  });

  test('an email channel without an address is refused, naming the field', async () => {
    const res = await call('POST', `/clients/${clientId}/access`, { name: 'X', channel: 'email' }, officer);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('email');
  });
});

describe('passwords', () => {
  test('a forgotten password: the same answer for any address, a single-use link, every session ends', async () => {
    const user = await makeUser(db, { role: 'accountant', organisationId: orgId, email: 'oubli@team.test' });
    const before = await loginCookie(app, user.email);
    const known = await anonymous('POST', '/api/public/password-resets', { email: 'OUBLI@team.test' });
    const unknown = await anonymous('POST', '/api/public/password-resets', { email: 'personne@team.test' });
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.json()).toEqual(unknown.json());
    expect(await lastLink('personne@team.test', 'mot-de-passe')).toBeUndefined();
    const token = (await lastLink('oubli@team.test', 'mot-de-passe'))!;
    expect((await anonymous('GET', `/api/public/password-resets/${token}`)).json()).toEqual({ valid: true });
    expect(
      (await anonymous('POST', `/api/public/password-resets/${token}`, { password: 'azertyuiop' })).statusCode,
    ).toBe(400);
    expect(
      (await anonymous('POST', `/api/public/password-resets/${token}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: before } })).statusCode).toBe(401);
    expect(
      (await anonymous('POST', '/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    expect((await anonymous('POST', '/api/auth/login', { email: user.email, password: NEW_PASSWORD })).statusCode).toBe(
      200,
    );
    expect(
      (await anonymous('POST', `/api/public/password-resets/${token}`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(404);
  });

  test('a reset link expires after an hour', async () => {
    const user = await makeUser(db, { role: 'accountant', organisationId: orgId, email: 'lent@team.test' });
    await anonymous('POST', '/api/public/password-resets', { email: user.email });
    const token = (await lastLink(user.email, 'mot-de-passe'))!;
    await db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await anonymous('POST', `/api/public/password-resets/${token}`, { password: NEW_PASSWORD });
    expect(res.json().error.code).toBe('reset_link_expired');
  });

  test('changing one’s own password needs the current one and ends the other sessions', async () => {
    const user = await makeUser(db, { role: 'accountant', organisationId: orgId });
    const here = await loginCookie(app, user.email);
    const elsewhere = await loginCookie(app, user.email);
    const wrong = await call('POST', '/api/me/password', { currentPassword: 'faux', newPassword: NEW_PASSWORD }, here);
    expect(wrong.json().error.details[0].path).toBe('currentPassword');
    const ok = await call(
      'POST',
      '/api/me/password',
      { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      here,
    );
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: here } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: elsewhere } })).statusCode).toBe(401);
  });
});

describe('a network’s coordinators', () => {
  test('a coordinator invites a colleague and cannot deactivate themself', async () => {
    const network = await makeNetwork(db);
    const coordinator = await makeUser(db, { role: 'network_coordinator', networkId: network.id });
    const cookie = await loginCookie(app, coordinator.email);
    const res = await call(
      'POST',
      `/api/networks/${network.id}/invitations`,
      { name: 'Léa', email: 'lea@reseau.test' },
      cookie,
    );
    expect(res.json()).toMatchObject({ role: 'network_coordinator' });
    const token = (await lastLink('lea@reseau.test', 'acces'))!;
    expect((await anonymous('POST', `/api/public/access/${token}/accept`, { password: NEW_PASSWORD })).statusCode).toBe(
      200,
    );
    const team = (await call('GET', `/api/networks/${network.id}/team`, undefined, cookie)).json();
    expect(team.members.map((m: { email: string }) => m.email).sort()).toEqual(
      [coordinator.email, 'lea@reseau.test'].sort(),
    );
    const self = team.members.find((m: { email: string }) => m.email === coordinator.email);
    const res2 = await call(
      'POST',
      `/api/networks/${network.id}/members/${self.membershipId}/deactivate`,
      undefined,
      cookie,
    );
    expect(res2.json().error.code).toBe('self_deactivation');
    expect((await call('GET', `/api/networks/${network.id}/team`, undefined, admin)).statusCode).toBe(404);
  });
});
