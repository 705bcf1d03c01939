import crypto from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { parisInstant } from '../../src/server/modules/calendar/paris-time.js';
import { passes } from '../../src/server/modules/workers/schema.js';
import { makeClient, makeMission, makeNetwork, makeOrg, makeShift, makeUser, makeWorker } from '../factories.js';
import { makeRate } from '../factories-billing.js';
import { makeQuote } from '../factories-quotes.js';
import { loginCookie, testApp } from '../harness.js';

/**
 * Fuzzing of the whole published API (issue 12): every body, query and path parameter of /api/openapi.json,
 * generated from its JSON schema and mixed with hostile values (NUL bytes, unicode, extreme numbers and dates,
 * wrong types). Sent as an org_admin of the AI owning the route (a network coordinator for network routes,
 * anonymous for public ones), the answer is never a 5xx and every error has API.md's shape.
 * Bounded by count (FUZZ_RUNS per operation) so that it runs in about a minute on PGlite; FUZZ_SEED replays a run.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
};
type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
};

const { app, database } = await testApp();
const db = database.db;

// ─── Hostile values ──────────────────────────────────────────────────────────────────────────────────────────

const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u200b\u200b',
  '\u202e',
  '\ud800',
  '💩🏳️‍🌈',
  'ǅ̴̢̛͓̦',
  '=HYPERLINK("http://evil.test")',
  '+33',
  '-1',
  '@SUM(A1)',
  '%',
  '_',
  '%_%',
  "'; DROP TABLE users; --",
  "$`$&$'",
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '../../../etc/passwd',
  '0000-01-01',
  '0000-01',
  '9999-12-31',
  '9999-12',
  '2026-02-30',
  '2026-13-01',
  '2026-00',
  '-001-01-01',
  '+275760-09-13',
  '1900-01-01',
  '2026-03-02T08:00:00+01:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '2026-02-30T08:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '1e309',
  'NaN',
  '-0',
  '99999999999999999999',
  'x'.repeat(5000),
  'é'.repeat(300),
];
const hostileNumbers = [
  0,
  -1,
  1,
  0.5,
  -0.000001,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];
const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, false, [], {}, [null], { '\u0000': 1 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);

// ─── Values from a JSON schema ───────────────────────────────────────────────────────────────────────────────

/** Real ids of the world, so that generated bodies and paths reach past the "not found" of most handlers. */
const idPool: string[] = [];

function fromPattern(pattern: string): fc.Arbitrary<string> | null {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return null;
  }
}

function validish(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, depth)));
  if (schema.allOf?.length) return valueFor(Object.assign({}, ...schema.allOf), depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return idPool.length ? fc.oneof(fc.constantFrom(...idPool), fc.uuid()) : fc.uuid();
      if (schema.format === 'date')
        return fc.oneof(
          fc
            .date({ min: new Date('1890-01-01'), max: new Date('2110-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          fc.constantFrom('2026-03-02', '2026-10-15', '9999-12-31', '0000-01-01', '2026-02-29'),
        );
      if (schema.format === 'date-time')
        return fc.oneof(
          fc
            .date({ min: new Date('1890-01-01'), max: new Date('2110-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString()),
          fc.constantFrom('2026-03-02T08:00:00+01:00', '9999-12-31T23:00:00Z', '0000-01-01T00:00:00Z'),
        );
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), fc.constant('a\u0000@b.fr'));
      const patterned = schema.pattern ? fromPattern(schema.pattern) : null;
      if (patterned) return patterned;
      return fc.string({
        unit: 'grapheme',
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 60),
      });
    }
    case 'integer':
      return fc.oneof(
        fc.integer({
          min: Math.max(schema.minimum ?? -1e9, Number.MIN_SAFE_INTEGER),
          max: Math.min(schema.maximum ?? 1e9, Number.MAX_SAFE_INTEGER),
        }),
        fc.constantFrom(schema.maximum ?? 2 ** 31, schema.minimum ?? -(2 ** 31)),
      );
    case 'number':
      return fc.oneof(
        fc.double({ min: schema.minimum ?? -1e12, max: schema.maximum ?? 1e12, noNaN: true }),
        fc.constantFrom(schema.maximum ?? 1e308, schema.minimum ?? -1e308),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(valueFor(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) model[k] = valueFor(s, depth + 1);
      return fc.record(model, {
        requiredKeys: Object.keys(props).filter((k) => required.has(k) || Math.random() < 0.5),
      });
    }
    default:
      return hostileScalar;
  }
}

/** Mostly a value the schema accepts (to reach the handler), often a hostile one (to break it). */
function valueFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: validish(schema, depth) }, { weight: 1, arbitrary: hostileScalar });
}

// ─── The world ───────────────────────────────────────────────────────────────────────────────────────────────

const network = await makeNetwork(db);
const org = await makeOrg(db, { networkId: network.id });
const admin = await makeUser(db, { role: 'org_admin', organisationId: org.id });
const coordinator = await makeUser(db, { role: 'network_coordinator', networkId: network.id });
const client = await makeClient(db, { organisationId: org.id });
const worker = await makeWorker(db, { organisationId: org.id, contract: false });
const mission = await makeMission(db, { organisationId: org.id, client });
const shift = await makeShift(db, {
  organisationId: org.id,
  missionId: mission.id,
  clientId: client.id,
  workerId: worker.id,
  start: parisInstant('2026-10-05', '08:00').toISOString(),
  end: parisInstant('2026-10-05', '12:00').toISOString(),
});
const rate = await makeRate(db, { organisationId: org.id });
const quote = await makeQuote(db, { organisationId: org.id, clientId: client.id });
const [pass] = await db.select().from(passes);

const pathValues: Record<string, string[]> = {
  orgId: [org.id],
  organisationId: [org.id],
  networkId: [network.id],
  clientId: [client.id],
  siteId: [client.site.id],
  workerId: [worker.id],
  missionId: [mission.id],
  placementContractId: [mission.contract.id],
  shiftId: [shift.id],
  quoteId: [quote.id],
  rateId: [rate.id],
  passId: [pass.id],
  idOrSlug: [org.id, org.slug],
  month: ['2026-10', '0000-01', '9999-12', '2026-13'],
  year: ['2026', '0', '99999', '-1'],
  answer: ['accept', 'decline'],
};
idPool.push(
  ...new Set(
    Object.values(pathValues)
      .flat()
      .filter((v) => /^[0-9a-f-]{36}$/.test(v)),
  ),
);

let adminCookie = '';
let coordinatorCookie = '';
beforeAll(async () => {
  adminCookie = await loginCookie(app, admin.email);
  coordinatorCookie = await loginCookie(app, coordinator.email);
});

// ─── The property ────────────────────────────────────────────────────────────────────────────────────────────

const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
  paths: Record<string, Record<string, Operation>>;
};

// Routes whose success would end the session the fuzzer uses, or that only exist in the demo.
const skipped = new Set(['POST /api/auth/logout', 'DELETE /api/me/sessions/{sessionId}', 'GET /api/dev/mailbox']);

const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
  Object.entries(ops)
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, op]) => ({ method: method.toUpperCase(), path, op }))
    .filter((o) => !skipped.has(`${o.method} ${o.path}`)),
);

const isPublic = (path: string) =>
  path.startsWith('/api/public/') || path.startsWith('/api/auth/') || path === '/api/health';

function requestFor(o: (typeof operations)[number]) {
  const params = o.op.parameters ?? [];
  const pathArbs: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params.filter((p) => p.in === 'path')) {
    const known = pathValues[p.name];
    pathArbs[p.name] = known
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: valueFor(p.schema) })
      : valueFor(p.schema);
  }
  const queryArbs: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of params.filter((p) => p.in === 'query')) queryArbs[p.name] = valueFor(p.schema);
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema;
  return fc.record({
    path: fc.record(pathArbs),
    query: fc.record(queryArbs, { requiredKeys: [] }),
    body: bodySchema ? valueFor(bodySchema) : fc.constant(undefined),
  });
}

const toText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** Percent-encodes a path segment; a lone surrogate (not encodable) is sent as the invalid UTF-8 it would be. */
function segment(value: string) {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/\p{Cs}/gu, ''))}%ED%A0%80`;
  }
}

function urlOf(path: string, req: { path: Record<string, unknown>; query: Record<string, unknown> }) {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => segment(toText(req.path[name]) || 'x'));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) {
    if (Array.isArray(v)) for (const item of v) qs.append(k, toText(item));
    else qs.append(k, toText(v));
  }
  const query = qs.toString();
  return query ? `${url}?${query}` : url;
}

const failures: string[] = [];

describe('fuzzing every operation of /api/openapi.json', () => {
  test('the document lists the API', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  test.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    '%s never answers 5xx and keeps the error shape',
    async (name, o) => {
      const cookie = isPublic(o.path)
        ? undefined
        : o.path.startsWith('/api/networks/')
          ? coordinatorCookie
          : adminCookie;
      const result = await fc.check(
        fc.asyncProperty(requestFor(o), async (req) => {
          const url = urlOf(o.path, req);
          const res = await app.inject({
            method: o.method as 'GET',
            url,
            headers: {
              ...(cookie ? { cookie } : {}),
              origin: 'http://passerelle.test',
              ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(req.body !== undefined ? { payload: JSON.stringify(req.body) } : {}),
            // A different client address each time (the socket's: X-Forwarded-For is not trusted by default).
            remoteAddress: `10.9.${crypto.randomInt(250)}.${crypto.randomInt(250)}`,
          });
          if (res.statusCode >= 500) throw new Error(`${res.statusCode} ${url} ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            const error = res.json().error;
            if (typeof error?.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(error.code))
              throw new Error(`no error code: ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (typeof error.message !== 'string' || !error.message)
              throw new Error(`no error message: ${res.body.slice(0, 200)}`);
            if (error.code === 'validation_failed' && !Array.isArray(error.details))
              throw new Error(`validation_failed without details: ${res.body.slice(0, 200)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (result.failed) {
        const message = `${name}: ${String(result.errorInstance).slice(0, 500)}\n  body: ${JSON.stringify(
          (result.counterexample?.[0] as { body?: unknown })?.body,
        )?.slice(0, 300)}`;
        failures.push(message);
        expect.fail(`${message}\n  (replay with FUZZ_SEED=${SEED})`);
      }
    },
  );
});
