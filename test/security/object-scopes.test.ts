import crypto from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../harness.js';
import { type IsolationWorld, makeIsolationWorld, ORIGIN, type Side } from './world.js';

/**
 * Issue 12, finding 4: object-level access (a client user to its client, a worker to itself) lives in
 * src/server/policies/scopes.ts. The matrix: role × resource × own/other → the status expected. "own" is the
 * resource of the actor's client or worker, "other" the same resource of another client and worker of the
 * same AI. Outside the scope a resource is not found (404), like a foreign id; a role the permission table
 * refuses gets 403 whatever the object.
 */
const { app, database } = await testApp();
let world: IsolationWorld;

beforeAll(async () => {
  world = await makeIsolationWorld(database.db, app);
}, 120_000);

type Method = 'GET' | 'POST' | 'PATCH';
type Case = {
  resource: string;
  method: Method;
  url: (s: Side) => string;
  body?: (s: Side) => object;
  /** Expected status for each role: [own, other]. */
  expect: Partial<Record<'client_user' | 'worker' | 'placement_officer', [number, number]>>;
  /** For lists: the id that must be present for own and absent for other. */
  listed?: (s: Side) => string;
};

const later = { start: '2027-06-01T08:00:00+02:00', end: '2027-06-01T12:00:00+02:00' };
const cases: Case[] = [
  {
    resource: 'shift list',
    method: 'GET',
    url: () => '/shifts?from=2026-10-01&to=2026-10-31',
    listed: (s) => s.shiftId,
    expect: { client_user: [200, 200], worker: [200, 200], placement_officer: [200, 200] },
  },
  {
    resource: 'replacement request on a shift',
    method: 'POST',
    url: (s) => `/shifts/${s.shiftId}/replacement-request`,
    body: () => ({ message: 'Merci' }),
    // Finding 4: a worker asked in the client's name on any shift; only a client asks, on its own shifts.
    expect: { client_user: [200, 404], worker: [403, 403], placement_officer: [403, 403] },
  },
  {
    resource: 'absence preview',
    method: 'GET',
    url: (s) =>
      `/absences/preview?workerId=${s.workerId}&start=${encodeURIComponent(later.start)}&end=${encodeURIComponent(later.end)}`,
    expect: { client_user: [200, 404], worker: [200, 404], placement_officer: [200, 200] },
  },
  {
    resource: 'absence declaration',
    method: 'POST',
    url: () => '/absences',
    body: (s) => ({ workerId: s.workerId, ...later, reason: 'Maladie' }),
    expect: { client_user: [201, 404], worker: [201, 404] },
  },
  {
    resource: 'quote',
    method: 'GET',
    url: (s) => `/quotes/${s.quoteId}`,
    expect: { client_user: [200, 404], worker: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'quote PDF',
    method: 'GET',
    url: (s) => `/quotes/${s.quoteId}/pdf`,
    expect: { client_user: [200, 404], worker: [403, 403] },
  },
  {
    resource: 'quote list',
    method: 'GET',
    url: () => '/quotes',
    listed: (s) => s.quoteId,
    expect: { client_user: [200, 200], worker: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'placement contract',
    method: 'GET',
    url: (s) => `/placement-contracts/${s.placementContractId}`,
    expect: { client_user: [200, 404], worker: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'placement contract list',
    method: 'GET',
    url: () => '/placement-contracts',
    listed: (s) => s.placementContractId,
    expect: { client_user: [200, 200], worker: [403, 403] },
  },
  {
    resource: 'timesheet',
    method: 'GET',
    url: (s) => `/timesheets/${s.timesheetId}`,
    expect: { client_user: [200, 404], worker: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'timesheet list',
    method: 'GET',
    url: () => '/timesheets?month=2026-10',
    listed: (s) => s.timesheetId,
    expect: { client_user: [200, 200], worker: [403, 403] },
  },
  {
    resource: 'timesheet validation',
    method: 'POST',
    url: (s) => `/timesheets/${s.timesheetId}/validate`,
    body: () => ({}),
    // Own: found, but already validated and invoiced (409); other: not found.
    expect: { client_user: [409, 404], worker: [403, 403] },
  },
  {
    resource: 'timesheet entry correction',
    method: 'PATCH',
    url: (s) => `/timesheet-entries/${s.entryId}`,
    body: () => ({ breakMinutes: 10, reason: 'Pause oubliée' }),
    // Own: found, but the month is invoiced (409); other: not found.
    expect: { worker: [409, 404], client_user: [403, 403], placement_officer: [409, 409] },
  },
  {
    resource: 'invoice',
    method: 'GET',
    url: (s) => `/invoices/${s.invoiceId}`,
    expect: { client_user: [200, 404], worker: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'invoice PDF',
    method: 'GET',
    url: (s) => `/invoices/${s.invoiceId}/pdf`,
    expect: { client_user: [200, 404], worker: [403, 403] },
  },
  {
    resource: 'invoice list',
    method: 'GET',
    url: () => '/invoices',
    listed: (s) => s.invoiceId,
    expect: { client_user: [200, 200], worker: [403, 403] },
  },
  {
    resource: 'need',
    method: 'GET',
    url: (s) => `/needs/${s.needId}`,
    expect: { client_user: [200, 404], worker: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'need list',
    method: 'GET',
    url: () => '/needs',
    listed: (s) => s.needId,
    expect: { client_user: [200, 200], worker: [403, 403] },
  },
  {
    resource: 'worker record',
    method: 'GET',
    url: (s) => `/workers/${s.workerId}`,
    expect: { client_user: [403, 403], worker: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'unavailabilities',
    method: 'GET',
    url: (s) => `/workers/${s.workerId}/unavailabilities`,
    expect: { worker: [200, 404], client_user: [403, 403], placement_officer: [200, 200] },
  },
  {
    resource: 'unavailability declaration',
    method: 'POST',
    url: (s) => `/workers/${s.workerId}/unavailabilities`,
    body: () => ({ ...later, reason: 'Rendez-vous' }),
    expect: { worker: [201, 404], client_user: [403, 403] },
  },
  {
    resource: 'client',
    method: 'GET',
    url: (s) => `/clients/${s.clientId}`,
    expect: { client_user: [403, 403], worker: [403, 403], placement_officer: [200, 200] },
  },
];

const rows = cases.flatMap((c) =>
  Object.entries(c.expect).flatMap(([role, [own, other]]) => [
    { ...c, role: role as keyof Case['expect'], whose: 'own' as const, status: own },
    { ...c, role: role as keyof Case['expect'], whose: 'other' as const, status: other },
  ]),
);

describe('object scopes: role × resource × own/other', () => {
  test.each(rows)('$role → $whose $resource ($method) → $status', async (row) => {
    const side = row.whose === 'own' ? world.sides[0] : world.sides[1];
    const res = await app.inject({
      method: row.method,
      url: `/api/orgs/${world.org.id}${row.url(side)}`,
      headers: { cookie: world.inside[row.role], origin: ORIGIN },
      payload: row.body?.(side),
    });
    expect(res.statusCode, res.body).toBe(row.status);
    if (row.listed && res.statusCode === 200) {
      const ownId = row.listed(world.sides[0]);
      const otherId = row.listed(world.sides[1]);
      if (row.role === 'placement_officer') {
        // The staff see the whole AI.
        expect(res.body).toContain(ownId);
        expect(res.body).toContain(otherId);
      } else {
        expect(res.body).toContain(ownId);
        expect(res.body).not.toContain(otherId);
      }
    }
    if (row.status === 404) {
      // Nothing of the other client or worker leaks through the error either.
      expect(res.body).not.toContain(world.sides[1].clientName);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  test('the hours cap of an unknown or foreign worker is not found (it answered zeros)', async () => {
    for (const workerId of [crypto.randomUUID(), world.sides[1].workerId]) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/orgs/${world.org.id}/workers/${workerId}/hours-cap`,
        headers: { cookie: world.inside.placement_officer },
      });
      expect(res.statusCode).toBe(workerId === world.sides[1].workerId ? 200 : 404);
    }
  });

  test('a replacement request reaches the officers in the client’s name only', async () => {
    const { outboxEmails } = await import('../../src/server/modules/notifications/schema.js');
    const { and, eq, like } = await import('drizzle-orm');
    const sent = await database.db
      .select()
      .from(outboxEmails)
      .where(
        and(eq(outboxEmails.organisationId, world.org.id), like(outboxEmails.subject, '%demande un remplacement%')),
      );
    expect(sent.length).toBeGreaterThan(0);
    for (const e of sent) {
      expect(e.subject).toContain(world.sides[0].clientName);
      expect(e.subject).not.toContain(world.sides[1].clientName);
    }
  });
});
