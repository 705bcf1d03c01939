import crypto from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROLES, type Role } from '../../src/server/modules/accounts/schema.js';
import { type Action, permissions } from '../../src/server/policies/permissions.js';
import { testApp } from '../harness.js';
import { type Actor, type IsolationWorld, makeIsolationWorld, ORIGIN } from './world.js';

/**
 * Issue 12's isolation matrix: every route of /api/openapi.json × every outsider of the first AI (another AI's
 * staff of each role, another client's user, another worker, the network coordinator, anonymous), with the real
 * ids of the first AI's resources in the path and query. No answer carries the first AI's private data (its
 * resources' ids, its clients' and workers' names), and every status is one the permission table allows:
 * 401 anonymous, 404 for a non-member of the AI or network named by the URL, 400 when the request itself is
 * malformed (it says nothing about the tenant). Bounded: one request per route and actor (≈ 1 500).
 */
const { app, database } = await testApp();
let world: IsolationWorld;
let routes: { method: string; path: string; query: string[]; hasBody: boolean }[] = [];

/** Routes a request would break for the rest of the run (the actor's own session). */
const SKIP = new Set(['POST /api/auth/logout']);

beforeAll(async () => {
  world = await makeIsolationWorld(database.db, app);
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>>;
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const m = method.toUpperCase();
      if (SKIP.has(`${m} ${path}`)) continue;
      routes.push({
        method: m,
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        hasBody: Boolean(op.requestBody),
      });
    }
  }
  routes = routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}, 180_000);

/** The value put in a path or query parameter: the first AI's real ids, or a plausible value of the type. */
function paramValue(name: string, path: string): string {
  const own = world.sides[0];
  const byName: Record<string, string> = {
    orgId: world.org.id,
    organisationId: world.org.id,
    networkId: world.network.id,
    workerId: own.workerId,
    clientId: own.clientId,
    missionId: own.missionId,
    shiftId: own.shiftId,
    quoteId: own.quoteId,
    placementContractId: own.placementContractId,
    needId: own.needId,
    unavailabilityId: own.unavailabilityId,
    barrierId: own.barrierId,
    month: world.month,
    year: '2026',
    answer: 'accept',
    code: '94028',
    idOrSlug: world.org.id,
    commune: '94028',
    from: '2026-10-01',
    to: '2026-10-31',
  };
  if (name === 'id') {
    if (path.includes('/invoices/')) return own.invoiceId;
    if (path.includes('/timesheet-entries/')) return own.entryId;
    if (path.includes('/timesheets/')) return own.timesheetId;
    return own.shiftId;
  }
  return byName[name] ?? crypto.randomUUID();
}

function urlOf(route: (typeof routes)[number]) {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(paramValue(name, route.path)));
  const query = route.query
    .filter((q) => q in { workerId: 1, clientId: 1, missionId: 1, month: 1, year: 1, from: 1, to: 1, needId: 1 })
    .map((q) => `${q}=${encodeURIComponent(paramValue(q, route.path))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** The first AI's private data: none of it may appear in an outsider's answer. */
function secretsFor(actor: Actor): string[] {
  const out: string[] = [];
  for (const s of world.sides) {
    out.push(
      s.clientId,
      s.clientName,
      s.workerId,
      s.workerName,
      s.missionId,
      s.shiftId,
      s.placementContractId,
      s.quoteId,
      s.timesheetId,
      s.entryId,
      s.invoiceId,
      s.unavailabilityId,
      s.absenceId,
      s.barrierId,
    );
    // The network's coordinator follows the needs of its network's AIs: those are its data too.
    if (actor.role !== 'network_coordinator') out.push(s.needId);
  }
  return out;
}

/** The statuses the permission table allows an outsider on a route of the first AI or its network. */
function allowed(actor: Actor, route: (typeof routes)[number]): number[] | 'any' {
  const tenant = route.path.startsWith('/api/orgs/{orgId}')
    ? 'org'
    : route.path.startsWith('/api/networks/{networkId}')
      ? 'network'
      : null;
  if (!tenant) return 'any';
  // Validation comes before the membership check; a malformed request tells nothing about the tenant.
  const malformed = route.hasBody || route.query.length > 0 ? [400] : [];
  if (actor.role === 'anonymous') return [401, ...malformed];
  if (tenant === 'network' && actor.role === 'network_coordinator') return 'any';
  return [404, ...malformed];
}

const ACTORS = [
  "another AI's org_admin",
  "another AI's placement_officer",
  "another AI's support_officer",
  "another AI's accountant",
  'another client’s user',
  'another worker',
  'the network coordinator',
  'anonymous',
];

describe('isolation matrix: every route × every outsider', () => {
  test.each(ACTORS)(
    '%s reaches nothing of the first AI',
    async (name) => {
      const actor = world.outsiders.find((a) => a.name === name)!;
      expect(actor).toBeDefined();
      expect(routes.length).toBeGreaterThan(100);
      const secrets = secretsFor(actor);
      const failures: string[] = [];
      for (const route of routes) {
        const url = urlOf(route);
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: { origin: ORIGIN, ...(actor.cookie ? { cookie: actor.cookie } : {}) },
          ...(route.hasBody ? { payload: {} } : {}),
        });
        const where = `${route.method} ${url} → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${where}: server error`);
        const ok = allowed(actor, route);
        if (ok !== 'any' && !ok.includes(res.statusCode)) failures.push(`${where}: expected ${ok.join(' or ')}`);
        const leaked = secrets.filter((s) => res.body.includes(s));
        if (leaked.length) failures.push(`${where}: carries ${leaked.slice(0, 3).join(', ')}`);
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );

  test('the permission table: each role’s 403 is the table’s, on a route of its own AI', async () => {
    // Inside the first AI, a role refused by the table gets 403 (never the data): one GET per action checked.
    const checks: { url: string; action: Action }[] = [
      { url: `/api/orgs/${world.org.id}/workers`, action: 'worker.read' },
      { url: `/api/orgs/${world.org.id}/invoices`, action: 'invoice.read' },
      { url: `/api/orgs/${world.org.id}/quotes`, action: 'quote.read' },
      { url: `/api/orgs/${world.org.id}/clients`, action: 'client.read' },
      { url: `/api/orgs/${world.org.id}/needs`, action: 'need.read' },
      { url: `/api/orgs/${world.org.id}/timesheets?month=${world.month}`, action: 'timesheet.read' },
      { url: `/api/orgs/${world.org.id}/workers/${world.sides[0].workerId}/support`, action: 'support.read' },
      { url: `/api/orgs/${world.org.id}/exports/payroll?month=${world.month}`, action: 'export.read' },
    ];
    const inside = world.inside as Record<string, string>;
    for (const role of ROLES.filter((r): r is Exclude<Role, 'network_coordinator'> => r in inside)) {
      for (const c of checks) {
        const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie: inside[role] } });
        const allowedRoles = permissions[c.action] as readonly string[];
        if (allowedRoles.includes(role)) expect(res.statusCode, `${role} ${c.url}`).toBe(200);
        else expect(res.statusCode, `${role} ${c.url}`).toBe(403);
      }
    }
  });
});
