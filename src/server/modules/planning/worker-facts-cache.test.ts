import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { makeWorker } from '../../../../test/factories.js';
import { makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { testDatabase } from '../../../../test/harness.js';
import { passes, workerJobs, workers } from '../workers/schema.js';
import { findShift, slotOf } from './find-shift.js';
import { rankForSlot } from './rank-replacements.js';
import { workerFactsCacheFor } from './worker-facts-cache.js';

const database = await testDatabase();
const db = database.db;
const { cache, stop } = await workerFactsCacheFor(database);
afterAll(async () => {
  await stop();
  await database.close();
});

/** The ranking with the process's copy of the steady facts, once it agrees with the database (PostgreSQL notifies
 * asynchronously: a few milliseconds), compared with the ranking that reads everything. */
async function bothRankings(organisationIds: string[], shiftId: string, organisationId: string) {
  const slot = slotOf(await findShift(db, organisationId, shiftId));
  const direct = await rankForSlot({ db, organisationIds, slot, limit: 50 });
  let cached = await rankForSlot({ db, organisationIds, slot, limit: 50, steady: cache });
  for (let i = 0; i < 40 && JSON.stringify(cached) !== JSON.stringify(direct); i++) {
    await new Promise((r) => setTimeout(r, 50));
    cached = await rankForSlot({ db, organisationIds, slot, limit: 50, steady: cache });
  }
  return { direct, cached };
}

describe('the ranking with the workers’ steady facts kept in the process (worker-facts-cache.ts)', () => {
  test('ranks as the full read does, and follows every change to the facts it keeps', async () => {
    const w = await makePlanningWorld(db, { workers: 4 });
    const other = await makePlanningWorld(db, { workers: 2 });
    const shift = await makeWorldShift(db, w, { date: '2027-03-10', from: '08:00', to: '12:00' });
    const ids = (r: Awaited<ReturnType<typeof rankForSlot>>) => r.items.map((c) => c.workerId).sort();

    let r = await bothRankings([w.org.id], shift.id, w.org.id);
    expect(r.cached).toEqual(r.direct);
    expect(ids(r.cached)).toEqual(w.workers.map((x) => x.id).sort());

    // A PASS that ends before the day: the worker leaves the ranking.
    await db.update(passes).set({ endDate: '2027-01-31' }).where(eq(passes.workerId, w.workers[0].id));
    r = await bothRankings([w.org.id], shift.id, w.org.id);
    expect(r.cached).toEqual(r.direct);
    expect(ids(r.cached)).not.toContain(w.workers[0].id);

    // The job taken off another; a worker anonymised; a new worker holding the job.
    await db.delete(workerJobs).where(eq(workerJobs.workerId, w.workers[1].id));
    await db.update(workers).set({ anonymisedAt: new Date() }).where(eq(workers.id, w.workers[2].id));
    const hired = await makeWorker(db, { organisationId: w.org.id, firstName: 'Nadia' });
    r = await bothRankings([w.org.id], shift.id, w.org.id);
    expect(r.cached).toEqual(r.direct);
    expect(ids(r.cached)).toEqual([w.workers[3].id, hired.id].sort());

    // A pool of two AIs: each from its own entry, the other AI's change empties only its own.
    r = await bothRankings([w.org.id, other.org.id], shift.id, w.org.id);
    expect(r.cached).toEqual(r.direct);
    expect(r.cached.items).toHaveLength(4);
    await db.update(workers).set({ firstName: 'Zoé' }).where(eq(workers.id, other.workers[0].id));
    r = await bothRankings([w.org.id, other.org.id], shift.id, w.org.id);
    expect(r.cached).toEqual(r.direct);
    expect(r.cached.items.map((c) => c.name)).toContain(`Zoé ${other.workers[0].lastName}`);
  });

  test('keeps nothing while it receives no change notification', async () => {
    const w = await makePlanningWorld(db, { workers: 2 });
    const shift = await makeWorldShift(db, w, { date: '2027-03-11', from: '08:00', to: '12:00' });
    const slot = slotOf(await findShift(db, w.org.id, shift.id));
    const { cache: deaf, stop: stopDeaf } = await workerFactsCacheFor(database);
    await stopDeaf();
    deaf.listening = false;
    expect((await rankForSlot({ db, organisationIds: [w.org.id], slot, limit: 10, steady: deaf })).items).toHaveLength(
      2,
    );
    // Without notifications a change is still seen at once: every ranking reads.
    await db.delete(workerJobs).where(eq(workerJobs.workerId, w.workers[0].id));
    expect((await rankForSlot({ db, organisationIds: [w.org.id], slot, limit: 10, steady: deaf })).items).toHaveLength(
      1,
    );
  });
});
