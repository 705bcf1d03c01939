import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeNetwork, makeOrg, makeUser, TEST_PASSWORD } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { auditEvents } from '../audit/schema.js';
import { sessions } from './schema.js';

const { app, database } = await testApp();
const db = database.db;
let admin: Awaited<ReturnType<typeof makeUser>>;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  const network = await makeNetwork(db);
  const org = await makeOrg(db, { networkId: network.id, name: 'AI Trait d’Union' });
  orgId = org.id;
  otherOrgId = (await makeOrg(db)).id;
  admin = await makeUser(db, { role: 'org_admin', organisationId: org.id, name: 'Claire Martin' });
});

describe('login, me, logout', () => {
  test('logs in with the right password and answers /api/me with the memberships', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: admin.email, name: 'Claire Martin' });
    expect(body.memberships).toEqual([
      expect.objectContaining({ organisationId: orgId, name: 'AI Trait d’Union', role: 'org_admin' }),
    ]);
    const cookie = res.cookies.find((c) => c.name === 'passerelle_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `passerelle_session=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);
  });

  test('stores only a hash of the session token', async () => {
    const cookie = await loginCookie(app, admin.email);
    const token = cookie.split('=')[1];
    const rows = await db.select().from(sessions).where(eq(sessions.userId, admin.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  test('refuses a wrong password with invalid_credentials and a French message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email, password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'invalid_credentials',
      message: expect.stringMatching(/incorrect/),
    });
  });

  test('refuses an unknown email the same way', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'personne@nulle.part', password: 'x' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });

  test('/api/me without a session answers 401 unauthenticated', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  test('logout revokes the session', async () => {
    const cookie = await loginCookie(app, admin.email);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  test('a user sees its sessions and revokes another one', async () => {
    const phone = await loginCookie(app, admin.email);
    const laptop = await loginCookie(app, admin.email);
    const list = await app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: laptop } });
    expect(list.statusCode, list.body).toBe(200);
    const phoneSession = list.json().items.find((s: { current: boolean }) => !s.current);
    expect(list.json().items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${phoneSession.id}`,
      headers: { cookie: laptop },
    });
    expect(del.statusCode).toBe(204);
    const statuses = await Promise.all(
      [phone, laptop].map((cookie) =>
        app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }).then((r) => r.statusCode),
      ),
    );
    expect(statuses.sort()).toEqual([200, 401]);
    const other = await makeUser(db, { role: 'accountant', organisationId: orgId });
    const otherCookie = await loginCookie(app, other.email);
    const [otherSession] = (
      await app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: otherCookie } })
    ).json().items;
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${otherSession.id}`,
      headers: { cookie: laptop },
    });
    expect(foreign.statusCode).toBe(404);
  });

  test('rate limits repeated failures on one email', async () => {
    const victim = await makeUser(db, { role: 'accountant', organisationId: orgId });
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: victim.email, password: 'wrong' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 8).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    // even the right password waits
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: victim.email, password: TEST_PASSWORD },
    });
    expect(res.json().error.code).toBe('rate_limited');
  });

  test('records the user creation in the audit trail', async () => {
    const [row] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.recordId, admin.id));
    expect(row.n).toBe(1);
  });
});

describe('API conventions', () => {
  test('rejects unknown fields with validation_failed and one entry per field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'pas-un-email', password: 'x', admin: true },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['email']));
  });

  test('answers malformed JSON with a clear 400, not a 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  test('answers an oversized body with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  test('refuses a cross-site write', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: admin.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden_origin');
  });

  test('publishes OpenAPI 3 with the auth routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/health']));
  });

  test('health names the engine', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: database.engine, version: 'test' });
  });

  test('an unknown API route answers the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  test('a tenant route answers 404 to a non-member', async () => {
    const cookie = await loginCookie(app, admin.email);
    const res = await app.inject({ method: 'GET', url: `/api/orgs/${otherOrgId}/settings`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
  });
});
