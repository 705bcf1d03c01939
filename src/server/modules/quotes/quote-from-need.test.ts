import { eq } from 'drizzle-orm';
import { beforeAll, expect, test } from 'vitest';
import { makeRoutableAi, needPayload, postNeed } from '../../../../test/factories-needs.js';
import { makeRate } from '../../../../test/factories-quotes.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { needs } from '../needs/schema.js';

const { app, database } = await testApp();
const db = database.db;
let ai: Awaited<ReturnType<typeof makeRoutableAi>>;
let cookie: string;

beforeAll(async () => {
  ai = await makeRoutableAi(db, { communeCode: '94028', jobs: ['J1301'], departements: ['94'] });
  await makeRate(db, { organisationId: ai.id, rome: 'J1301', clientKind: 'care_home', hourlyRateCents: 2300 });
  cookie = await loginCookie(app, ai.officer.email);
});

const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie }, payload: payload as object });

test('from a claimed need: the client in one click, a quote from its jobs and rates, the need follows the quote', async () => {
  const posted = await postNeed(app, needPayload({ jobs: [{ rome: 'J1301', headcount: 2, hoursPerWeek: 10 }] }));
  expect(posted.statusCode).toBe(201);
  const needId = posted.json().id;
  expect((await call('POST', `/api/orgs/${ai.id}/needs/${needId}/claim`)).statusCode).toBe(200);

  const created = await call('POST', `/api/orgs/${ai.id}/needs/${needId}/client`);
  expect(created.statusCode).toBe(201);
  expect(created.json()).toMatchObject({
    kind: 'care_home',
    contact: { name: 'Claire Dubois' },
    address: { communeCode: '94028' },
  });
  expect((await call('POST', `/api/orgs/${ai.id}/needs/${needId}/client`)).json().error.code).toBe('need_has_client');

  const draft = (await call('GET', `/api/orgs/${ai.id}/needs/${needId}/quote-draft`)).json();
  expect(draft.clientId).toBe(created.json().id);
  // The hours are split into normal / night / Sunday / holiday lines (a public holiday may fall in the four
  // weeks): together they make the need's volume, the normal line at the rate, the others at rate + surcharge.
  const lines = draft.lines as { rome: string; label: string; minutes: number; hourlyRateCents: number }[];
  expect(lines.reduce((sum, l) => sum + l.minutes, 0)).toBe(10 * 60 * 2 * 4);
  expect(lines[0]).toMatchObject({ rome: 'J1301', hourlyRateCents: 2300 });
  for (const l of lines.slice(1)) {
    expect(l.rome).toBe('J1301');
    const surcharge = Number(l.label.match(/\(\+(\d+) %\)/)?.[1]);
    // Each surcharged line is priced at the rate plus the surcharge its label names.
    expect(l.hourlyRateCents).toBe(Math.round(2300 * (1 + surcharge / 100)));
  }

  const quote = await call('POST', `/api/orgs/${ai.id}/quotes`, {
    clientId: draft.clientId,
    needId,
    lines: draft.lines,
    validUntil: draft.validUntil,
    startDate: draft.startDate,
  });
  expect(quote.statusCode).toBe(201);
  await call('POST', `/api/orgs/${ai.id}/quotes/${quote.json().id}/send`, {});
  expect((await db.select().from(needs).where(eq(needs.id, needId)))[0].status).toBe('quoted');
  const accepted = await call('POST', `/api/orgs/${ai.id}/quotes/${quote.json().id}/accept`);
  expect(accepted.statusCode).toBe(200);
  expect((await db.select().from(needs).where(eq(needs.id, needId)))[0].status).toBe('won');
});

test('a need that is not this AI’s cannot be quoted', async () => {
  const other = await makeRoutableAi(db, { communeCode: '94028', jobs: ['J1301'], departements: ['94'] });
  const posted = await postNeed(app, needPayload({ jobs: [{ rome: 'J1301' }] }));
  const needId = posted.json().id;
  const otherCookie = await loginCookie(app, other.officer.email);
  await app.inject({
    method: 'POST',
    url: `/api/orgs/${other.id}/needs/${needId}/claim`,
    headers: { cookie: otherCookie },
  });
  const res = await call('POST', `/api/orgs/${ai.id}/needs/${needId}/client`);
  expect([404, 409]).toContain(res.statusCode);
});
