import { beforeAll, expect, test } from 'vitest';
import { makeOrg, makeUser } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { withDefaults } from './organisation-settings.js';

const { app, database } = await testApp();
let orgId: string;
let admin: string;
let officer: string;

beforeAll(async () => {
  orgId = (await makeOrg(database.db)).id;
  admin = await loginCookie(app, (await makeUser(database.db, { role: 'org_admin', organisationId: orgId })).email);
  officer = await loginCookie(
    app,
    (await makeUser(database.db, { role: 'placement_officer', organisationId: orgId })).email,
  );
});

test('a new organisation has the legal defaults', async () => {
  const res = await app.inject({ method: 'GET', url: `/api/orgs/${orgId}/settings`, headers: { cookie: officer } });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({
    vatRatePct: 0,
    // CGI art. 261-7-1° bis: the exemption of associations intermédiaires conventionnées (issue 15).
    vatMention: 'Exonération de TVA – art. 261-7-1° bis du CGI',
    retentionYears: 5,
  });
});

test('the director changes one setting without resetting the others', async () => {
  await app.inject({
    method: 'PATCH',
    url: `/api/orgs/${orgId}/settings`,
    headers: { cookie: admin },
    payload: { retentionYears: 7 },
  });
  const res = await app.inject({
    method: 'PATCH',
    url: `/api/orgs/${orgId}/settings`,
    headers: { cookie: admin },
    payload: { poolingConsent: true },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ retentionYears: 7, poolingConsent: true, vatRatePct: 0 });
});

test('a placement officer may not change settings, and bad values are refused field by field', async () => {
  const forbidden = await app.inject({
    method: 'PATCH',
    url: `/api/orgs/${orgId}/settings`,
    headers: { cookie: officer },
    payload: { retentionYears: 3 },
  });
  expect(forbidden.statusCode).toBe(403);
  const bad = await app.inject({
    method: 'PATCH',
    url: `/api/orgs/${orgId}/settings`,
    headers: { cookie: admin },
    payload: { retentionYears: 0, colour: 'red' },
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('retentionYears');
});

test('stored values that are no longer valid fall back to their default', () => {
  expect(withDefaults({ retentionYears: 'many', vatRatePct: 20 })).toMatchObject({
    retentionYears: 5,
    vatRatePct: 20,
  });
});
