import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeClient, makeMission, makeNetwork, makeOrg, makeWorker } from '../../../../test/factories.js';
import { testDatabase } from '../../../../test/harness.js';
import type { Database, Db } from '../../db/connect.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { aggregateMonth, rebuildAggregates, refreshAggregatedMonths } from './aggregate-month.js';
import { aiDashboard } from './ai-dashboard.js';
import { networkDashboard } from './network-dashboard.js';
import type { Period } from './period.js';
import { deliveredSecondsByOrganisationMonth, workedFigures } from './worked-minutes.js';

/**
 * Property: the monthly aggregates (migration 0034) give exactly the figures of the direct computation over the
 * shifts, on random worlds (bounded by count: WORLDS worlds × PERIODS periods), whatever months are aggregated,
 * and still after a past shift changes and its month is refreshed. "Now" is 20 May 2026: January to April are over.
 */
const WORLDS = 2;
const PERIODS = 3;
const NOW = new Date('2026-05-20T10:00:00Z');
const KINDS = ['care_home', 'medico_social', 'company', 'individual'] as const;
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04'];

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

async function randomWorld(rand: () => number) {
  const network = await makeNetwork(db);
  const orgs = [await makeOrg(db, { networkId: network.id }), await makeOrg(db, { networkId: network.id })];
  for (const org of orgs) {
    const clients = [];
    for (let c = 0; c < 3; c++) {
      const client = await makeClient(db, { organisationId: org.id, kind: KINDS[Math.floor(rand() * KINDS.length)] });
      clients.push({ client, mission: await makeMission(db, { organisationId: org.id, client }) });
    }
    const workers = [];
    for (let k = 0; k < 4; k++) workers.push(await makeWorker(db, { organisationId: org.id }));
    // Every other day from 20 January to 10 May (month ends, the DST change of 29 March, night shifts crossing
    // midnight and a month's end), one shift per worker at most: assigned, open or cancelled.
    const values = [];
    for (const [wi, worker] of workers.entries())
      for (let d = wi % 2; d < 110; d += 2) {
        if (rand() < 0.55) continue;
        const day = addDays('2026-01-20', d);
        const start = new Date(parisInstant(day).getTime() + Math.floor(rand() * 23 * 60) * 60_000);
        const end = new Date(start.getTime() + (30 + Math.floor(rand() * 600)) * 60_000);
        const { client, mission } = clients[Math.floor(rand() * clients.length)];
        const r = rand();
        const status = r < 0.8 ? 'assigned' : r < 0.9 ? 'open' : 'cancelled';
        values.push(
          sql`(${org.id}::uuid, ${mission.id}::uuid, ${client.id}::uuid, ${status === 'assigned' ? worker.id : null}::uuid,
            ${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, ${status})`,
        );
      }
    await db.execute(sql`INSERT INTO shifts (organisation_id, mission_id, client_id, worker_id, start_at, end_at, status)
      VALUES ${sql.join(values, sql`, `)}`);
    // Timesheet entries (actual times and breaks) for some assigned shifts: they replace the planned times.
    await db.execute(sql`INSERT INTO timesheets (organisation_id, client_id, month)
      SELECT DISTINCT organisation_id, client_id, to_char(start_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM')
      FROM shifts WHERE organisation_id = ${org.id}::uuid`);
    await db.execute(sql`INSERT INTO timesheet_entries (organisation_id, timesheet_id, shift_id, worker_id, mission_id,
        rome, planned_start, planned_end, actual_start, actual_end, break_minutes)
      SELECT s.organisation_id, t.id, s.id, s.worker_id, s.mission_id, 'K2204', s.start_at, s.end_at,
        s.start_at + make_interval(mins => (abs(hashtext(s.id::text)) % 31) - 15),
        s.end_at + make_interval(mins => (abs(hashtext(s.id::text || 'e')) % 61) - 20),
        abs(hashtext(s.id::text || 'b')) % 25
      FROM shifts s JOIN timesheets t ON t.organisation_id = s.organisation_id AND t.client_id = s.client_id
        AND t.month = to_char(s.start_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM')
      WHERE s.organisation_id = ${org.id}::uuid AND s.status = 'assigned' AND abs(hashtext(s.id::text)) % 5 < 2`);
  }
  return { network, orgs };
}

function randomPeriod(rand: () => number): Period {
  const a = addDays('2026-01-10', Math.floor(rand() * 120));
  const b = addDays(a, Math.floor(rand() * 130));
  if (rand() < 0.3)
    return { from: `${a.slice(0, 7)}-01`, to: addDays(`${MONTHS[Math.min(3, Math.floor(rand() * 4))]}-28`, 3) };
  return { from: a, to: b };
}

async function figures(world: Awaited<ReturnType<typeof randomWorld>>, periods: Period[]) {
  const out = [];
  const actor = { userId: world.orgs[0].id, networkId: world.network.id, role: 'network_coordinator' as const };
  for (const period of periods) {
    out.push({
      worked: await Promise.all(world.orgs.map((o) => workedFigures(db, o.id, period))),
      delivered: (
        await deliveredSecondsByOrganisationMonth(
          db,
          world.orgs.map((o) => o.id),
          period,
          NOW,
        )
      ).sort((x, y) => `${x.organisationId}${x.month}`.localeCompare(`${y.organisationId}${y.month}`)),
      ai: await aiDashboard({ db, organisationId: world.orgs[0].id, period, now: NOW }),
      network: await networkDashboard({ db, actor, period, now: NOW }),
    });
  }
  return out;
}

test.each(Array.from({ length: WORLDS }, (_, w) => w))(
  'random world %i: the aggregates give the direct computation’s figures',
  async (w) => {
    const rand = prng(1000 + w);
    const world = await randomWorld(rand);
    const periods = Array.from({ length: PERIODS }, () => randomPeriod(rand));
    const direct = await figures(world, periods);
    expect(direct.some((f) => f.ai.summary.minutesWorked > 0)).toBe(true);
    // A random subset of the months over, per AI (sometimes none, sometimes all).
    for (const org of world.orgs)
      for (const month of MONTHS)
        if (rand() < 0.7) expect(await aggregateMonth({ db, organisationId: org.id, month, now: NOW })).toBe(true);
    expect(await figures(world, periods)).toEqual(direct);

    // Past shifts change: one moves out of March (to August, an empty month), one is shortened, one is cancelled;
    // the hook refreshes the aggregated months.
    const pick = (orgId: string, from: string, to: string, offset: number) =>
      sql`(SELECT id FROM shifts WHERE organisation_id = ${orgId}::uuid AND status = 'assigned'
        AND start_at >= ${from}::timestamptz AND start_at < ${to}::timestamptz ORDER BY id OFFSET ${offset} LIMIT 1)`;
    await db.execute(sql`UPDATE shifts SET start_at = start_at + interval '150 days', end_at = end_at + interval '150 days'
      WHERE id = ${pick(world.orgs[0].id, '2026-03-05', '2026-03-25', 0)}`);
    await db.execute(sql`UPDATE shifts SET end_at = start_at + interval '10 minutes'
      WHERE id = ${pick(world.orgs[0].id, '2026-03-05', '2026-03-25', 1)}`);
    await db.execute(sql`UPDATE shifts SET status = 'cancelled', worker_id = NULL
      WHERE id = ${pick(world.orgs[1].id, '2026-01-01', '2026-02-01', 0)}`);
    for (const org of world.orgs)
      await refreshAggregatedMonths({
        db,
        organisationId: org.id,
        months: ['2026-01', '2026-02', '2026-03'],
        now: NOW,
      });
    const after = await figures(world, periods);
    await db.execute(
      sql`DELETE FROM reporting_months WHERE organisation_id IN (${world.orgs[0].id}::uuid, ${world.orgs[1].id}::uuid)`,
    );
    expect(after).toEqual(await figures(world, periods));
  },
  90_000,
);

test('a month not over is never aggregated; the rebuild aggregates the closed months', async () => {
  const org = await makeOrg(db);
  expect(await aggregateMonth({ db, organisationId: org.id, month: '2026-05', now: NOW })).toBe(false);
  // 31 May is over on 2 June at midnight (a night shift of the 31st has ended).
  expect(
    await aggregateMonth({ db, organisationId: org.id, month: '2026-05', now: new Date('2026-06-01T20:00:00Z') }),
  ).toBe(false);
  await db.execute(sql`INSERT INTO month_closes (organisation_id, month, status, planned_client_ids)
    VALUES (${org.id}::uuid, '2026-03', 'done', '[]'::jsonb), (${org.id}::uuid, '2026-04', 'running', '[]'::jsonb),
      (${org.id}::uuid, '2026-05', 'done', '[]'::jsonb)`);
  expect(await rebuildAggregates({ db, organisationId: org.id, now: NOW })).toBe(1);
  const rows = (await db.execute(
    sql`SELECT month FROM reporting_months WHERE organisation_id = ${org.id}::uuid`,
  )) as unknown as {
    rows: { month: string }[];
  };
  expect(rows.rows).toEqual([{ month: '2026-03' }]);
});
