import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { memberships, type Role } from '../../src/server/modules/accounts/schema.js';
import { auditEvents } from '../../src/server/modules/audit/schema.js';
import { eligibilityDiagnoses } from '../../src/server/modules/workers/schema.js';
import { makeClient, makeOrg, makeUser, makeWorker } from '../factories.js';
import { makeSupportFile } from '../factories-workers.js';
import { loginCookie, testApp } from '../harness.js';

/**
 * Issue 12, finding 3: sensitive data (barrier details, interview notes, eligibility criteria and evidence, the
 * worker data export) is a right given by name, not a role; without it the fields exist but are hidden; every
 * read of them is logged. Table-driven by role × grant.
 */
const { app, database } = await testApp();
const db = database.db;
const ORIGIN = 'http://passerelle.test';
const SECRET = 'SECRET-SANTE-42';
const EVIDENCE = 'NOTIFICATION-MDPH-77';

let orgId: string;
let workerId: string;
let adminCookie: string;

const call = (cookie: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie, origin: ORIGIN }, payload });

type Member = { cookie: string; userId: string; membershipId: string };
const members = new Map<string, Member>();

async function member(role: Role, granted: boolean): Promise<Member> {
  const key = `${role}:${granted}`;
  const known = members.get(key);
  if (known) return known;
  const u = await makeUser(db, { role, organisationId: orgId });
  const cookie = await loginCookie(app, u.email);
  const me = (await call(cookie, 'GET', '/api/me')).json();
  const m = { cookie, userId: u.id, membershipId: '' };
  const list = (await call(adminCookie, 'GET', `/api/orgs/${orgId}/members/sensitive-access`)).json();
  m.membershipId = list.items.find((x: { userId: string }) => x.userId === u.id).membershipId;
  // The default: support officers hold the right, nobody else.
  expect(me.memberships[0].sensitiveAccess).toBe(role === 'support_officer');
  if (granted !== (role === 'support_officer')) {
    const res = await call(adminCookie, 'PUT', `/api/orgs/${orgId}/members/${m.membershipId}/sensitive-access`, {
      granted,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ userId: u.id, sensitiveAccess: granted });
    expect((await call(cookie, 'GET', '/api/me')).json().memberships[0].sensitiveAccess).toBe(granted);
  }
  members.set(key, m);
  return m;
}

beforeAll(async () => {
  const org = await makeOrg(db);
  orgId = org.id;
  const admin = await makeUser(db, { role: 'org_admin', organisationId: orgId });
  adminCookie = await loginCookie(app, admin.email);
  const w = await makeWorker(db, { organisationId: orgId });
  workerId = w.id;
  await makeSupportFile(db, { organisationId: orgId, workerId, secret: SECRET });
  await db.insert(eligibilityDiagnoses).values({
    organisationId: orgId,
    workerId,
    author: 'ai',
    madeOn: '2026-01-10',
    validUntil: '2026-07-10',
    criteria: ['aah'],
    evidence: EVIDENCE,
  });
});

// support: the support file answers (support.read is a role's action); sensitive: its details are shown.
const rows: { role: Role; granted: boolean; support: 200 | 403; sees: boolean }[] = [
  { role: 'support_officer', granted: true, support: 200, sees: true },
  { role: 'support_officer', granted: false, support: 200, sees: false },
  { role: 'org_admin', granted: false, support: 200, sees: false },
  { role: 'org_admin', granted: true, support: 200, sees: true },
  { role: 'placement_officer', granted: false, support: 403, sees: false },
  { role: 'placement_officer', granted: true, support: 403, sees: true },
  { role: 'accountant', granted: false, support: 403, sees: false },
  { role: 'accountant', granted: true, support: 403, sees: true },
];

describe('sensitive data by role and grant', () => {
  test.each(rows)('$role, granted: $granted', async ({ role, granted, support, sees }) => {
    const m = await member(role, granted);
    const logsBefore = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, m.userId), inArray(auditEvents.action, ['sensitive.read', 'support.read'])));
    expect(logsBefore).toHaveLength(0);

    // The worker record always opens; its eligibility criteria and evidence only with the right.
    const record = await call(m.cookie, 'GET', `/api/orgs/${orgId}/workers/${workerId}`);
    expect(record.statusCode, record.body).toBe(200);
    const diagnosis = record.json().diagnoses[0];
    expect(diagnosis.eligible).toBe(true);
    if (sees) {
      expect(diagnosis).toMatchObject({ criteria: ['aah'], evidence: EVIDENCE, restricted: false });
    } else {
      expect(diagnosis).toMatchObject({ criteria: [], evidence: null, restricted: true });
      expect(record.body).not.toContain(EVIDENCE);
      expect(record.body).not.toContain('aah');
    }

    // The support file: the role decides whether it opens, the right whether its details show.
    const file = await call(m.cookie, 'GET', `/api/orgs/${orgId}/workers/${workerId}/support`);
    expect(file.statusCode).toBe(support);
    if (support === 200) {
      expect(file.body.includes(SECRET)).toBe(sees);
      expect(file.json().barriers[0].restricted).toBe(!sees);
      expect(file.json().interviews[0]).toMatchObject(sees ? { restricted: false } : { notes: null, restricted: true });
    }

    // The export gathers everything: the right and the role are both needed.
    const exported = await call(m.cookie, 'GET', `/api/orgs/${orgId}/workers/${workerId}/export`);
    const mayExport = sees && (role === 'support_officer' || role === 'org_admin');
    expect(exported.statusCode).toBe(mayExport ? 200 : 403);
    if (mayExport) expect(exported.body).toContain(SECRET);
    else expect(exported.body).not.toContain(SECRET);

    // Every read that showed sensitive data is logged with who read it; hidden reads log no sensitive read.
    const logs = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, m.userId), eq(auditEvents.recordId, workerId)));
    const sensitiveReads = logs.filter(
      (l) =>
        l.action === 'sensitive.read' ||
        (l.action === 'support.read' && (l.details as { sensitive?: boolean }).sensitive),
    );
    // record (+ export's copy of the record) + support file (+ export's copy of the file)
    const expected = sees ? 1 + (support === 200 ? 1 : 0) + (mayExport ? 2 : 0) : 0;
    expect(sensitiveReads).toHaveLength(expected);
    if (mayExport) expect(logs.some((l) => l.action === 'worker.export')).toBe(true);
  });
});

describe('granting the right', () => {
  test('only the org admin grants it, only to the staff of its AI, and it is audited', async () => {
    const officer = await member('placement_officer', false);
    const url = (id: string) => `/api/orgs/${orgId}/members/${id}/sensitive-access`;
    // Another role may not grant, even itself.
    expect((await call(officer.cookie, 'PUT', url(officer.membershipId), { granted: true })).statusCode).toBe(403);
    expect((await call(officer.cookie, 'GET', `/api/orgs/${orgId}/members/sensitive-access`)).statusCode).toBe(403);
    // A client or a worker never holds it (422, and the database refuses it too).
    const client = await makeClient(db, { organisationId: orgId });
    const clientUser = await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: client.id });
    const [cm] = await db.select().from(memberships).where(eq(memberships.userId, clientUser.id));
    const refused = await call(adminCookie, 'PUT', url(cm.id), { granted: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('sensitive_access_staff_only');
    await expect(
      db.update(memberships).set({ sensitiveAccess: true }).where(eq(memberships.id, cm.id)),
    ).rejects.toThrow();
    // A membership of another AI is not found.
    const other = await makeOrg(db);
    const stranger = await makeUser(db, { role: 'support_officer', organisationId: other.id });
    const otherList = await db.select().from(memberships).where(eq(memberships.userId, stranger.id));
    expect((await call(adminCookie, 'PUT', url(otherList[0].id), { granted: false })).statusCode).toBe(404);
    // Grants and withdrawals are audited.
    const audit = await db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.action, ['member.sensitive_access.grant', 'member.sensitive_access.revoke']));
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });
});
