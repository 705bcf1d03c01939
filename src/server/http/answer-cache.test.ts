import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { makeStructure } from '../../../test/factories-directory.js';
import { makePlanningWorld, makeWorldShift } from '../../../test/factories-planning.js';
import { loginCookie, testApp } from '../../../test/harness.js';
import { organisations } from '../modules/accounts/schema.js';
import { workers } from '../modules/workers/schema.js';
import { AnswerCache } from './answer-cache.js';

// Two apps on one database stand for two server processes (issue 19, `passerelle start --workers 2`).
const one = await testApp();
const two = await testApp({ database: one.database });
const db = one.database.db;

/** PostgreSQL delivers notifications on another connection, a moment after the commit: wait for it (1 s at most). */
async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('AnswerCache', () => {
  test('keeps an answer, shares one computation between concurrent misses, and empties a scope', async () => {
    const cache = new AnswerCache();
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    const [a, b] = await Promise.all([cache.answer('org-a', 'k', compute), cache.answer('org-a', 'k', compute)]);
    expect(a.body).toBe('{"n":1}');
    expect(b.body).toBe('{"n":1}');
    await cache.answer('org-b', 'k', compute);
    expect(computed).toBe(2);
    cache.invalidate('org-a');
    expect((await cache.answer('org-a', 'k', compute)).body).toBe('{"n":3}');
    expect((await cache.answer('org-b', 'k', compute)).body).toBe('{"n":2}'); // another scope is left alone
    cache.invalidate();
    expect((await cache.answer('org-b', 'k', compute)).body).toBe('{"n":4}');
  });

  test('never keeps an answer computed across a change (it may predate the change)', async () => {
    const cache = new AnswerCache();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = cache.answer('org', 'k', async () => {
      await gate;
      return 'before';
    });
    cache.invalidate('org');
    release();
    expect((await slow).body).toBe('"before"');
    expect((await cache.answer('org', 'k', async () => 'after')).body).toBe('"after"');
  });

  test('gzips answers once, unless that makes them larger', async () => {
    const cache = new AnswerCache();
    expect((await cache.answer('s', 'small', async () => ({ a: 1 }))).gzipped).toBeNull();
    const big = await cache.answer('s', 'big', async () => ({ text: 'x'.repeat(5000) }));
    expect(big.gzipped!.length).toBeLessThan(200);
  });
});

describe('public directory answers across processes', () => {
  test('a change made anywhere (another process, a command, a job) reaches every process', async () => {
    const s = await makeStructure(db, { name: 'Cache Emploi Créteil', communeCode: '94028', jobs: ['K2204'] });
    const search = async (app: typeof one.app) =>
      (await app.inject({ method: 'GET', url: '/api/public/structures?commune=94028&job=K2204' })).json();
    expect((await search(one.app)).items.map((i: { name: string }) => i.name)).toContain('Cache Emploi Créteil');
    expect((await search(two.app)).total).toBeGreaterThan(0);
    // Written directly, as a command or a background job would: no request of either app saw it.
    await db.update(organisations).set({ name: 'Cache Emploi Créteil renommée' }).where(eq(organisations.id, s.id));
    for (const app of [one.app, two.app]) {
      const seen = await eventually(async () =>
        (await search(app)).items.some((i: { name: string }) => i.name === 'Cache Emploi Créteil renommée'),
      );
      expect(seen).toBe(true);
    }
    await db.update(organisations).set({ isPublic: false }).where(eq(organisations.id, s.id));
    expect(await eventually(async () => !JSON.stringify(await search(one.app)).includes(s.id))).toBe(true);
  });

  test('answers gzipped to a browser and plain to a client that does not ask', async () => {
    for (const name of ['Vitry Emploi', 'Ivry Services', 'Maisons-Alfort Solidaire', 'Champigny Avenir'])
      await makeStructure(db, { name, communeCode: '94081', jobs: ['K2201', 'J1301'] });
    const url = '/api/public/structures?commune=94081&radiusKm=30';
    const gz = await one.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    const plain = await one.app.inject({ method: 'GET', url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.json().items.length).toBeGreaterThan(0);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });
});

describe('planning grid answers', () => {
  test('the grid follows every change: through the API, in another process, or written directly', async () => {
    const w = await makePlanningWorld(db, { workers: 2 });
    const cookie = await loginCookie(one.app, w.officer.email);
    const grid = async (app: typeof one.app) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/orgs/${w.org.id}/planning/grid?from=2026-12-07&days=7`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    expect((await grid(one.app)).openShifts).toHaveLength(0);
    const shift = await makeWorldShift(db, w, { date: '2026-12-08', from: '08:00', to: '12:00' });
    expect(await eventually(async () => (await grid(one.app)).openShifts.length === 1)).toBe(true);
    // Assigned through the other process's API: this one's next grid shows it.
    const assign = await two.app.inject({
      method: 'POST',
      url: `/api/orgs/${w.org.id}/shifts/${shift.id}/assign`,
      headers: { cookie },
      payload: { workerId: w.workers[0].id },
    });
    expect(assign.statusCode).toBe(200);
    const assigned = async (app: typeof one.app) => {
      const g = await grid(app);
      return g.openShifts.length === 0 && g.shifts.some((s: { workerId: string }) => s.workerId === w.workers[0].id);
    };
    expect(await eventually(() => assigned(one.app))).toBe(true);
    expect(await assigned(two.app)).toBe(true);
    await db.update(workers).set({ firstName: 'Renommée' }).where(eq(workers.id, w.workers[0].id));
    expect(
      await eventually(async () =>
        (await grid(one.app)).workers.some((x: { name: string }) => x.name.startsWith('Renommée')),
      ),
    ).toBe(true);
  });

  test('the cache never lets anyone past the guard', async () => {
    const w = await makePlanningWorld(db, { workers: 1 });
    const other = await makePlanningWorld(db, { workers: 1 });
    const url = `/api/orgs/${w.org.id}/planning/grid?from=2026-12-07&days=7`;
    const own = await loginCookie(one.app, w.officer.email);
    expect((await one.app.inject({ method: 'GET', url, headers: { cookie: own } })).statusCode).toBe(200);
    const stranger = await loginCookie(one.app, other.officer.email);
    expect((await one.app.inject({ method: 'GET', url, headers: { cookie: stranger } })).statusCode).toBe(404);
    expect((await one.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
