import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/http/app.js';
import { createUser } from '../../src/server/modules/accounts/create-user.js';
import { LOGIN_LIMITS } from '../../src/server/modules/accounts/log-in.js';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../../src/server/modules/accounts/passwords.js';
import { queueEmail } from '../../src/server/modules/notifications/queue-email.js';
import { outboxEmails } from '../../src/server/modules/notifications/schema.js';
import { quotes } from '../../src/server/modules/quotes/schema.js';
import { makeClient, makeNetwork, makeOrg, makeUser } from '../factories.js';
import { loginCookie, TEST_ORIGIN, testApp } from '../harness.js';

/**
 * The HTTP layer's defences (issue 12, docs/SECURITY.md): dev mailbox, proxies, CSRF, headers, passwords,
 * 401 before validation, logs without data.
 */
const { app, database } = await testApp();
const db = database.db;
const MAILBOX_TOKEN = 'a-secret-for-test-automation-only';
const { app: operatorApp } = await testApp({ database, env: { DEV_MAILBOX_TOKEN: MAILBOX_TOKEN } });
const { app: productionApp } = await testApp({ database, env: { NODE_ENV: 'production' } });
const { app: proxiedApp } = await testApp({ database, env: { TRUST_PROXY: '1' } });

let orgId: string;
let officer: { email: string };
let cookie: string;

beforeAll(async () => {
  orgId = (await makeOrg(db)).id;
  officer = await makeUser(db, { role: 'placement_officer', organisationId: orgId });
  cookie = await loginCookie(app, officer.email);
});

describe('the dev mailbox', () => {
  beforeAll(async () => {
    await queueEmail({ db, to: officer.email, subject: 'Pour le chargé de mission', text: 'Bonjour' });
    await queueEmail({
      db,
      to: 'direction@ehpad.test',
      subject: 'Votre accès à Passerelle',
      text: 'Ouvrez ce lien : http://passerelle.test/invitation/secret',
    });
  });

  test('is never readable anonymously', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dev/mailbox' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(res.body).not.toContain('invitation');
    const filtered = await app.inject({ method: 'GET', url: '/api/dev/mailbox?to=direction@ehpad.test' });
    expect(filtered.statusCode).toBe(401);
  });

  test('shows a signed-in person only the emails addressed to them, whatever the filter asks', async () => {
    for (const url of ['/api/dev/mailbox', '/api/dev/mailbox?to=direction@ehpad.test']) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const { items } = res.json() as { items: { to: string; subject: string }[] };
      expect(items.map((m) => m.subject)).toEqual(['Pour le chargé de mission']);
    }
  });

  test('reads every email with the DEV_MAILBOX_TOKEN secret only', async () => {
    const read = (token: string) =>
      operatorApp.inject({
        method: 'GET',
        url: '/api/dev/mailbox?to=direction@ehpad.test',
        headers: { 'x-dev-mailbox-token': token },
      });
    const ok = await read(MAILBOX_TOKEN);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.map((m: { subject: string }) => m.subject)).toEqual(['Votre accès à Passerelle']);
    expect((await read('a-wrong-secret-of-the-same-size')).statusCode).toBe(401);
    // Without DEV_MAILBOX_TOKEN configured, no header opens it.
    const none = await app.inject({
      method: 'GET',
      url: '/api/dev/mailbox',
      headers: { 'x-dev-mailbox-token': MAILBOX_TOKEN },
    });
    expect(none.statusCode).toBe(401);
  });

  test('does not exist in production (NODE_ENV=production, or DATABASE_URL) nor with SMTP_URL', async () => {
    const signedIn = await loginCookie(productionApp, officer.email);
    const res = await productionApp.inject({ method: 'GET', url: '/api/dev/mailbox', headers: { cookie: signedIn } });
    expect(res.statusCode).toBe(404);
    expect(readConfig({ DATABASE_URL: 'postgres://x@db/passerelle' }).devMailbox).toBe(false);
    expect(readConfig({ SMTP_URL: 'smtp://mail.test:587' }).devMailbox).toBe(false);
    expect(readConfig({}).devMailbox).toBe(true);
  });
});

describe('client addresses (TRUST_PROXY)', () => {
  test('rotating X-Forwarded-For does not defeat the login rate limit per address', async () => {
    const attempt = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.44',
        headers: { 'x-forwarded-for': `198.51.100.${i % 250}` },
        payload: { email: `inconnu-${i}@nulle.part`, password: 'pas-le-bon-mot-de-passe' },
      });
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) expect((await attempt(i)).statusCode).toBe(401);
    const blocked = await attempt(LOGIN_LIMITS.perIp);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
  }, 60_000);

  test('a quote accepted through its link records the socket’s address, not the one the client claims', async () => {
    const client = await makeClient(db, { organisationId: orgId, email: 'direction@signataire.test' });
    const created = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/quotes`,
      headers: { cookie },
      payload: {
        clientId: client.id,
        lines: [{ rome: 'K2204', minutes: 600, hourlyRateCents: 2200 }],
        validUntil: '2099-12-31',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const sent = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/quotes/${created.json().id}/send`,
      headers: { cookie },
      payload: {},
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const token = (sent.json().link as string).split('/').pop();
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/public/quotes/${token}/accept`,
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': '198.51.100.99' },
      payload: { name: 'Sophie Lambert', consent: true },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [row] = await db.select().from(quotes).where(eq(quotes.id, created.json().id));
    expect(row.acceptedIp).toBe('203.0.113.7');
  });

  test('behind a configured proxy (TRUST_PROXY=1), the address it forwards is the client’s', async () => {
    const login = await proxiedApp.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': '198.51.100.20' },
      payload: { email: officer.email, password: 'test-password' },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'passerelle_session')!;
    const list = await proxiedApp.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie: `passerelle_session=${session.value}` },
    });
    const current = list.json().items.find((s: { current: boolean }) => s.current);
    expect(current.ip).toBe('198.51.100.20');
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => readConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(readConfig({}).trustProxy).toBe(false);
  });
});

describe('cross-site request forgery', () => {
  // A write that passes the origin check answers 400 (empty body), one refused answers 403 forbidden_origin.
  const write = (a: typeof app, headers: Record<string, string | undefined>) =>
    a.inject({ method: 'POST', url: `/api/orgs/${orgId}/clients`, headers: { cookie, ...headers }, payload: {} });

  test.each([
    ['no Origin and no Sec-Fetch-Site', { origin: undefined }],
    ['Origin: null', { origin: 'null' }],
    ['a foreign Origin', { origin: 'https://evil.test' }],
    ['a forged X-Forwarded-Host', { origin: 'https://evil.test', 'x-forwarded-host': 'evil.test' }],
    ['Sec-Fetch-Site: cross-site', { origin: undefined, 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { origin: undefined, 'sec-fetch-site': 'same-site' }],
  ])('a cookie-authenticated write with %s is refused 403', async (_, headers) => {
    const res = await write(app, headers);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'forbidden_origin', message: 'Requête refusée : elle ne vient pas de Passerelle.' },
    });
  });

  test.each([
    ['PUBLIC_URL’s Origin', { origin: TEST_ORIGIN }],
    ['the served Host’s Origin', { origin: 'http://passerelle.local:8080', host: 'passerelle.local:8080' }],
    ['Sec-Fetch-Site: same-origin without Origin', { origin: undefined, 'sec-fetch-site': 'same-origin' }],
  ])('a write with %s passes', async (_, headers) => {
    const res = await write(app, headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  test('X-Forwarded-Host counts only from a trusted proxy', async () => {
    const headers = { origin: 'https://ai.example.org', 'x-forwarded-host': 'ai.example.org' };
    const signedIn = await loginCookie(proxiedApp, officer.email);
    const res = await proxiedApp.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/clients`,
      headers: { ...headers, cookie: signedIn },
      payload: {},
    });
    expect(res.statusCode).toBe(400);
    expect((await write(app, headers)).statusCode).toBe(403);
  });

  test('a program without cookie (no browser) may still write without Origin', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: undefined },
      payload: { email: officer.email, password: 'test-password' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('answers to anonymous callers', () => {
  test('an authenticated route answers 401 before any validation detail', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/clients`,
      payload: { name: 42, kind: 'not-a-kind' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('unauthenticated');
    expect(bad.json().error.details).toBeUndefined();
    const badQuery = await app.inject({ method: 'GET', url: `/api/orgs/not-a-uuid/clients?limit=-5` });
    expect(badQuery.statusCode).toBe(401);
    const badJson = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/clients`,
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(badJson.statusCode).toBe(401);
  });

  test('public routes still validate for everyone', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/public/needs', payload: { nope: true } });
    expect(res.statusCode).toBe(400);
  });
});

describe('security headers', () => {
  test('every answer carries a Content-Security-Policy and helmet’s headers; no HSTS over http', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  test('helmet’s whole set on every kind of answer: success, not found, refused, invalid', async () => {
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/api/health' }),
      app.inject({ method: 'GET', url: '/api/nowhere' }),
      app.inject({ method: 'GET', url: '/api/me' }),
      app.inject({ method: 'POST', url: '/api/public/needs', payload: { nope: true } }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 404, 401, 400]);
    for (const res of answers) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      });
      expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  test('over https, HSTS and upgrade-insecure-requests are sent', async () => {
    const { app: httpsApp } = await testApp({ database, env: { PUBLIC_URL: 'https://ai.example.org' } });
    const res = await httpsApp.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('passwords', () => {
  test.each([
    ['too short', 'Tr0mb0ne!', /au moins 12 caractères/],
    ['common (in the shipped list)', 'qwerty123456', /plus courants/],
    ['common, whatever the case', 'QwErTy123456', /plus courants/],
    ['long and rare', 'cheval-agrafe-batterie', null],
    ['the demo password', 'passerelle-demo', null],
  ])('%s', (_, password, expected) => {
    const problem = passwordProblem(password);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  test(`every account creation refuses them (${PASSWORD_MIN_LENGTH} characters, not common)`, async () => {
    await expect(
      createUser({ db, email: 'faible@test.passerelle', name: 'Faible', password: '1qaz2wsx3edc' }),
    ).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
  });

  test('an invitation cannot be accepted with a common password, and stays usable', async () => {
    const network = await makeNetwork(db);
    const structure = await makeOrg(db, { networkId: network.id });
    const coordinator = await loginCookie(
      app,
      (await makeUser(db, { role: 'network_coordinator', networkId: network.id })).email,
    );
    const invited = await app.inject({
      method: 'POST',
      url: `/api/networks/${network.id}/structures/${structure.id}/invitations`,
      headers: { cookie: coordinator },
      payload: { email: 'direction@invitee.test', name: 'Inès Moreau' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'direction@invitee.test'));
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(email.text)![1];
    const accept = (password: string) =>
      app.inject({ method: 'POST', url: `/api/public/invitations/${token}/accept`, payload: { password } });
    const common = await accept('password1234');
    expect(common.statusCode).toBe(400);
    expect(common.json().error.details).toEqual([{ path: 'password', message: expect.stringMatching(/courants/) }]);
    expect((await accept('onze-chars')).statusCode).toBe(400);
    expect((await accept('un-mot-de-passe-solide')).statusCode).toBe(200);
  });
});

// An app whose logs are captured.
const lines: string[] = [];
const logged = await buildApp({
  database,
  config: readConfig({ PUBLIC_URL: TEST_ORIGIN }),
  version: 'test',
  logger: {
    level: 'info',
    stream: new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  },
});
const secret = 'Suivi RSA : dette de loyer et addiction';
// A statement that fails with a person's data as parameter (e.g. a support note); PostgreSQL's detail of a
// not-null violation even repeats the whole row.
logged.get('/api/test-failing-statement', async (req) => {
  await req.db.execute(sql`INSERT INTO outbox_emails ("to", subject, text) VALUES (${secret}, NULL, ${secret})`);
  return {};
});
await logged.ready();
afterAll(() => logged.close());

describe('logs', () => {
  test('a failed SQL statement is logged without its parameters', async () => {
    const res = await logged.inject({ method: 'GET', url: '/api/test-failing-statement' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    const output = lines.join('');
    expect(output).toContain('request failed');
    expect(output).toContain('23502'); // not_null_violation: the code and the statement stay, to diagnose
    expect(output).toContain('INSERT INTO outbox_emails');
    expect(output).not.toContain('RSA');
    expect(output).not.toContain('addiction');
  });
});
