import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeShift } from '../../../../test/factories.js';
import { at, makePlanningWorld, makeWorldShift } from '../../../../test/factories-planning.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { rowsOf } from '../../db/rows.js';
import { passes, workers as workersTable } from '../workers/schema.js';
import { countedPlacements, hoursCapStatus } from './hours-cap-status.js';
import { hoursCapWindowChain } from './rules/hours-cap.js';
import { shifts } from './schema.js';

const { app, database } = await testApp();
const db = database.db;

const DAYS = ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08', '2027-01-11', '2027-01-12'];

const command = fc.oneof(
  fc.record({ kind: fc.constant('assign' as const), shift: fc.nat(11), worker: fc.nat(3) }),
  fc.record({
    kind: fc.constant('move' as const),
    shift: fc.nat(11),
    day: fc.nat(6),
    hour: fc.integer({ min: 5, max: 18 }),
    length: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ kind: fc.constant('absence' as const), worker: fc.nat(3), day: fc.nat(6) }),
  fc.record({
    kind: fc.constant('create' as const),
    worker: fc.nat(3),
    day: fc.nat(6),
    hour: fc.integer({ min: 5, max: 20 }),
    length: fc.integer({ min: 1, max: 12 }),
  }),
);

describe('whatever the sequence of assignments, absences and moves', () => {
  test('no overlap, no cap exceeded, no shift without a valid PASS, never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 14 }), async (commands) => {
        const w = await makePlanningWorld(db, { workers: 4, clientKind: 'company' });
        // Worker 1's PASS ends in the middle of the period; worker 2 is 4 h under the 480 h cap.
        await db.update(passes).set({ endDate: '2027-01-06' }).where(eq(passes.workerId, w.workers[1].id));
        const past = [];
        for (let i = 0; i < 59; i++) {
          const day = new Date(Date.UTC(2026, 1, 2 + Math.floor(i / 4) * 7 + (i % 4))).toISOString().slice(0, 10);
          past.push({ date: day });
        }
        for (const p of past)
          await makeWorldShift(db, w, { date: p.date, from: '08:00', to: '16:00', workerId: w.workers[2].id });
        await makeWorldShift(db, w, { date: '2026-11-02', from: '08:00', to: '12:00', workerId: w.workers[2].id });
        const open = [];
        for (let i = 0; i < 12; i++) {
          open.push(
            await makeWorldShift(db, w, {
              date: DAYS[i % DAYS.length],
              from: `${String(7 + (i % 3) * 3).padStart(2, '0')}:00`,
              to: `${String(11 + (i % 3) * 3).padStart(2, '0')}:00`,
            }),
          );
        }
        const cookie = await loginCookie(app, w.officer.email);
        const base = `/api/orgs/${w.org.id}`;
        for (const c of commands) {
          let res: Awaited<ReturnType<typeof app.inject>>;
          if (c.kind === 'assign') {
            res = await app.inject({
              method: 'POST',
              url: `${base}/shifts/${open[c.shift].id}/assign`,
              headers: { cookie },
              payload: { workerId: w.workers[c.worker].id },
            });
          } else if (c.kind === 'move') {
            const end = c.hour + c.length;
            res = await app.inject({
              method: 'POST',
              url: `${base}/shifts/${open[c.shift].id}/move`,
              headers: { cookie },
              payload: {
                start: at(DAYS[c.day], `${String(c.hour).padStart(2, '0')}:00`),
                end: at(DAYS[c.day], `${String(Math.min(end, 23)).padStart(2, '0')}:30`),
              },
            });
          } else if (c.kind === 'absence') {
            res = await app.inject({
              method: 'POST',
              url: `${base}/absences`,
              headers: { cookie },
              payload: {
                workerId: w.workers[c.worker].id,
                start: at(DAYS[c.day], '00:00'),
                end: at(DAYS[c.day], '23:59'),
                reason: 'Maladie',
              },
            });
          } else {
            const end = Math.min(c.hour + c.length, 23);
            res = await app.inject({
              method: 'POST',
              url: `${base}/shifts`,
              headers: { cookie },
              payload: {
                missionId: w.mission.id,
                workerId: w.workers[c.worker].id,
                start: at(DAYS[c.day], `${String(c.hour).padStart(2, '0')}:00`),
                end: at(DAYS[c.day], `${String(end).padStart(2, '0')}:45`),
              },
            });
          }
          expect(res.statusCode, res.body).toBeLessThan(500);
        }
        // Invariants, read straight from the database.
        const overlaps = await rowsOf(
          db,
          sql`SELECT count(*)::int AS n FROM shifts a JOIN shifts b ON a.worker_id = b.worker_id AND a.id < b.id
              AND a.status = 'assigned' AND b.status = 'assigned' AND a.start_at < b.end_at AND b.start_at < a.end_at
              WHERE a.organisation_id = ${w.org.id}`,
        );
        expect(overlaps[0].n).toBe(0);
        for (const worker of w.workers) {
          const cap = await hoursCapStatus({
            db,
            organisationId: w.org.id,
            workerId: worker.id,
            at: new Date(at('2027-01-10', '12:00')),
          });
          expect(cap.countedMinutes).toBeLessThanOrEqual(cap.capMinutes);
          // The windows the database keeps for ranking are those of the rule.
          const stored = await rowsOf(
            db,
            sql`SELECT window_start::text AS "windowStart", window_end::text AS "windowEnd", counted_minutes AS "countedMinutes"
                FROM hours_cap_windows WHERE worker_id = ${worker.id} ORDER BY window_start`,
          );
          expect(stored).toEqual(hoursCapWindowChain(await countedPlacements(db, w.org.id, worker.id)));
        }
        const withoutPass = await rowsOf(
          db,
          sql`SELECT count(*)::int AS n FROM shifts s WHERE s.organisation_id = ${w.org.id} AND s.status = 'assigned'
              AND NOT EXISTS (SELECT 1 FROM passes p WHERE p.worker_id = s.worker_id
                AND p.start_date <= (s.start_at AT TIME ZONE 'Europe/Paris')::date AND (s.start_at AT TIME ZONE 'Europe/Paris')::date <= p.end_date)`,
        );
        expect(withoutPass[0].n).toBe(0);
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});

describe('two officers at the same instant', () => {
  test('assigning the same worker to two overlapping shifts: exactly one succeeds', async () => {
    const w = await makePlanningWorld(db, { workers: 1 });
    const worker = w.workers[0];
    const a = await makeWorldShift(db, w, { date: '2027-02-08', from: '08:00', to: '12:00' });
    const b = await makeWorldShift(db, w, { date: '2027-02-08', from: '10:00', to: '14:00' });
    const [c1, c2] = await Promise.all([loginCookie(app, w.officer.email), loginCookie(app, w.officer.email)]);
    const results = await Promise.all([
      app.inject({
        method: 'POST',
        url: `/api/orgs/${w.org.id}/shifts/${a.id}/assign`,
        headers: { cookie: c1 },
        payload: { workerId: worker.id },
      }),
      app.inject({
        method: 'POST',
        url: `/api/orgs/${w.org.id}/shifts/${b.id}/assign`,
        headers: { cookie: c2 },
        payload: { workerId: worker.id },
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('worker_overlap');
    const assigned = await db
      .select()
      .from(shifts)
      .where(and(eq(shifts.workerId, worker.id), eq(shifts.status, 'assigned')));
    expect(assigned).toHaveLength(1);
  });

  test('the database itself refuses two overlapping shifts of one worker, whatever the code path', async () => {
    const w = await makePlanningWorld(db, { workers: 1 });
    const worker = w.workers[0];
    await makeShift(db, {
      organisationId: w.org.id,
      missionId: w.mission.id,
      clientId: w.client.id,
      workerId: worker.id,
      start: at('2027-02-09', '08:00'),
      end: at('2027-02-09', '12:00'),
    });
    const err = await makeShift(db, {
      organisationId: w.org.id,
      missionId: w.mission.id,
      clientId: w.client.id,
      workerId: worker.id,
      start: at('2027-02-09', '11:00'),
      end: at('2027-02-09', '13:00'),
    }).catch((e) => e);
    expect(err?.code ?? err?.cause?.code).toBe('23P01');
    expect(workersTable).toBeDefined();
  });
});
