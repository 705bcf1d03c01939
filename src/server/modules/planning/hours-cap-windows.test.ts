import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeClient, makeMission, makeShift } from '../../../../test/factories.js';
import { at, makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { testDatabase } from '../../../../test/harness.js';
import { rowsOf } from '../../db/rows.js';
import { legalForms } from '../clients/legal-forms.js';
import { countsForHoursCap, PRIVATE_INDIVIDUAL } from '../clients/rules/hours-cap-scope.js';
import { clients } from '../clients/schema.js';
import { countedPlacements } from './hours-cap-status.js';
import { hoursCapWindowChain } from './rules/hours-cap.js';
import { shifts } from './schema.js';

const database = await testDatabase();
const db = database.db;

/** The windows the database keeps for a worker, in order. */
const storedWindows = (workerId: string) =>
  rowsOf<{ windowStart: string; windowEnd: string; countedMinutes: number }>(
    db,
    sql`SELECT window_start::text AS "windowStart", window_end::text AS "windowEnd", counted_minutes AS "countedMinutes"
        FROM hours_cap_windows WHERE worker_id = ${workerId} ORDER BY window_start`,
  );

/** The same windows computed by the rule from the worker's counted placements. */
const expectedWindows = async (organisationId: string, workerId: string) =>
  hoursCapWindowChain(await countedPlacements(db, organisationId, workerId));

describe('the 480 h windows kept by the database (hours_cap_windows)', () => {
  test('follow every write to shifts and to the client, and match the rule', async () => {
    const w = await makePlanningWorld(db, { workers: 2, clientKind: 'company' });
    const worker = w.workers[0].id;
    expect(await storedWindows(worker)).toEqual([]);

    // Three placements over five years: two windows (the third placement falls after the first has run out).
    const a = await makeWorldShift(db, w, { date: '2024-03-15', from: '08:00', to: '12:00', workerId: worker });
    await makeWorldShift(db, w, { date: '2025-09-01', from: '08:00', to: '10:30', workerId: worker });
    const c = await makeWorldShift(db, w, { date: '2026-03-15', from: '08:00', to: '09:00', workerId: worker });
    expect(await storedWindows(worker)).toEqual([
      { windowStart: '2024-03-15', windowEnd: '2026-03-14', countedMinutes: 390 },
      { windowStart: '2026-03-15', windowEnd: '2028-03-14', countedMinutes: 60 },
    ]);

    // Opening the first placement again moves the first window to the second placement.
    await db.update(shifts).set({ status: 'open', workerId: null }).where(eq(shifts.id, a.id));
    expect(await storedWindows(worker)).toEqual([
      { windowStart: '2025-09-01', windowEnd: '2027-08-31', countedMinutes: 210 },
    ]);

    // Moving a shift, deleting one: the windows follow.
    await db
      .update(shifts)
      .set({ startAt: new Date(at('2028-01-10', '08:00')), endAt: new Date(at('2028-01-10', '12:00')) })
      .where(eq(shifts.id, c.id));
    expect(await storedWindows(worker)).toEqual(await expectedWindows(w.org.id, worker));
    await db.delete(shifts).where(eq(shifts.id, c.id));
    expect(await storedWindows(worker)).toEqual([
      { windowStart: '2025-09-01', windowEnd: '2027-08-31', countedMinutes: 150 },
    ]);

    // The client's legal form is corrected to an association: nothing counts any more; unknown counts again.
    await db.update(clients).set({ legalForm: '9220' }).where(eq(clients.id, w.client.id));
    expect(await storedWindows(worker)).toEqual([]);
    await db.update(clients).set({ legalForm: null }).where(eq(clients.id, w.client.id));
    expect(await storedWindows(worker)).toHaveLength(1);
  });

  test('placements with clients that do not count (a non-profit care home, an association) open no window', async () => {
    const w = await makePlanningWorld(db, { workers: 1, clientKind: 'care_home', forProfit: false });
    await makeWorldShift(db, w, { date: '2026-05-04', from: '08:00', to: '12:00', workerId: w.workers[0].id });
    expect(await storedWindows(w.workers[0].id)).toEqual([]);
  });

  test('any sequence of placements (bulk inserts, status changes, client changes) gives the rule’s windows', async () => {
    const w = await makePlanningWorld(db, { workers: 2, clientKind: 'company' });
    const exempt = await makeClient(db, { organisationId: w.org.id, kind: 'individual' });
    const exemptMission = await makeMission(db, { organisationId: w.org.id, client: exempt });
    const day = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            day: fc.nat(6 * 365),
            hours: fc.integer({ min: 1, max: 10 }),
            worker: fc.nat(1),
            exempt: fc.boolean(),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.array(fc.nat(24), { maxLength: 6 }),
        async (placements, reopened) => {
          await db.delete(shifts).where(eq(shifts.organisationId, w.org.id));
          const ids: string[] = [];
          for (const p of placements) {
            const client = p.exempt ? exempt : w.client;
            const s = await makeShift(db, {
              organisationId: w.org.id,
              missionId: p.exempt ? exemptMission.id : w.mission.id,
              clientId: client.id,
              workerId: w.workers[p.worker].id,
              start: at(day(p.day), '08:00'),
              end: at(day(p.day), `${String(8 + p.hours).padStart(2, '0')}:00`),
            }).catch(() => null); // two placements on one day for one worker overlap: the constraint refuses it
            if (s) ids.push(s.id);
          }
          for (const k of reopened)
            if (ids[k]) await db.update(shifts).set({ status: 'open', workerId: null }).where(eq(shifts.id, ids[k]));
          for (const worker of w.workers)
            expect(await storedWindows(worker.id)).toEqual(await expectedWindows(w.org.id, worker.id));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  test('one shift changed at a time (assign, reopen, reassign, move, client, delete) keeps the rule’s windows', async () => {
    // Single-row statements take the incremental path of migration 0046 (hours_cap_apply_one) where the rule allows
    // it and recompute otherwise: after every step, the stored windows are the rule's.
    const w = await makePlanningWorld(db, { workers: 2, clientKind: 'company' });
    const exempt = await makeClient(db, { organisationId: w.org.id, kind: 'individual' });
    const exemptMission = await makeMission(db, { organisationId: w.org.id, client: exempt });
    const day = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);
    const times = (d: number, hours: number) => ({
      startAt: new Date(at(day(d), '08:00')),
      endAt: new Date(at(day(d), `${String(8 + hours).padStart(2, '0')}:00`)),
    });
    const step = fc.record({
      kind: fc.constantFrom('add', 'add', 'reopen', 'assign', 'move', 'client', 'delete'),
      shift: fc.nat(7),
      day: fc.nat(6 * 365),
      hours: fc.integer({ min: 1, max: 10 }),
      worker: fc.nat(1),
      exempt: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        await db.delete(shifts).where(eq(shifts.organisationId, w.org.id));
        const ids: string[] = [];
        for (const s of steps) {
          const id = ids[s.shift % Math.max(ids.length, 1)];
          const where = eq(shifts.id, id ?? '00000000-0000-0000-0000-000000000000');
          const change =
            s.kind === 'add' || !id
              ? makeShift(db, {
                  organisationId: w.org.id,
                  missionId: s.exempt ? exemptMission.id : w.mission.id,
                  clientId: s.exempt ? exempt.id : w.client.id,
                  workerId: w.workers[s.worker].id,
                  start: at(day(s.day), '08:00'),
                  end: at(day(s.day), `${String(8 + s.hours).padStart(2, '0')}:00`),
                }).then((made) => ids.push(made.id))
              : s.kind === 'reopen'
                ? db.update(shifts).set({ status: 'open', workerId: null }).where(where)
                : s.kind === 'assign'
                  ? db.update(shifts).set({ status: 'assigned', workerId: w.workers[s.worker].id }).where(where)
                  : s.kind === 'move'
                    ? db.update(shifts).set(times(s.day, s.hours)).where(where)
                    : s.kind === 'client'
                      ? db
                          .update(shifts)
                          .set(
                            s.exempt
                              ? { clientId: exempt.id, missionId: exemptMission.id }
                              : { clientId: w.client.id, missionId: w.mission.id },
                          )
                          .where(where)
                      : db.delete(shifts).where(where);
          await change.catch(() => null); // two placements on one day for one worker overlap: the constraint refuses it
          for (const worker of w.workers)
            expect(await storedWindows(worker.id)).toEqual(await expectedWindows(w.org.id, worker.id));
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});

/**
 * The SQL twin of countsForHoursCap (hours_cap_counts, migration 0027) answers like the TypeScript rule on
 * generated clients: level-2 and level-3 INSEE codes, private individuals and unknown legal forms.
 */
describe('hours_cap_counts (SQL) is countsForHoursCap (TypeScript)', () => {
  const codes = [...legalForms().values()].filter((f) => f.level >= 2).map((f) => f.code);
  const legalForm = fc.oneof(fc.constantFrom(...codes), fc.constant(PRIVATE_INDIVIDUAL), fc.constant(null));

  test('on every legal form of the list', async () => {
    const all = [...codes, PRIVATE_INDIVIDUAL];
    const rows = await rowsOf<{ f: string; counts: boolean }>(
      db,
      sql`SELECT f, hours_cap_counts_legal_form(f) AS counts FROM unnest(${`{${all.join(',')}}`}::text[]) f`,
    );
    for (const r of rows) expect([r.f, r.counts]).toEqual([r.f, countsForHoursCap(r.f)]);
    expect(rows).toHaveLength(all.length);
  });

  test('on generated clients stored in the database', async () => {
    const w = await makePlanningWorld(db, { workers: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(legalForm, { minLength: 1, maxLength: 8 }), async (forms) => {
        const made = [];
        for (const f of forms)
          made.push(await makeClient(db, { organisationId: w.org.id, kind: 'company', legalForm: f }));
        const rows = await rowsOf<{ id: string; counts: boolean }>(
          db,
          sql`SELECT c.id, hours_cap_counts(c) AS counts FROM clients c
              WHERE c.id = ANY(${`{${made.map((m) => m.id).join(',')}}`}::uuid[])`,
        );
        for (const m of made) {
          expect(rows.find((r) => r.id === m.id)?.counts).toBe(countsForHoursCap(m.legalForm));
        }
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});
