import { sql } from 'drizzle-orm';
import pg from 'pg';
import { connect, type Database, migrateDatabase } from '../src/server/db/connect.js';
import { rowsOf } from '../src/server/db/rows.js';
import { createOrganisation } from '../src/server/modules/accounts/create-organisation.js';
import { networks } from '../src/server/modules/accounts/schema.js';
import { closeMonth } from '../src/server/modules/billing/close-month.js';
import { addDays, mondayOf, parisToday } from '../src/server/modules/calendar/paris-time.js';
import { listShifts } from '../src/server/modules/planning/list-shifts.js';
import { rebuildAggregates } from '../src/server/modules/reporting/aggregate-month.js';
import { networkDashboard } from '../src/server/modules/reporting/network-dashboard.js';
import { syncTimesheets } from '../src/server/modules/timesheets/sync-timesheets.js';
import { type BenchResult, measure, sized } from './measure.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AREA = 'Region';
/** A region (issue 19 item 5): 65 AIs, 12 000 workers, 1.5 M shifts over about two years. --quick: a tiny one. */
const AIS = sized(65, 2);
const WORKERS = sized(12_000, 200);
const SHIFTS_PER_WORKER = sized(125, 20);
const CLIENTS_PER_AI = sized(10, 2);

/**
 * Generates the region deterministically, set-based (INSERT … SELECT over generate_series; no row-by-row
 * insert): organisations, rates, clients with their site, placement contract and mission, workers with a
 * contract, and shifts every five days per worker (no overlap) ending today.
 */
export async function seedRegion(db: Database['db']) {
  const today = parisToday();
  const first = addDays(today, -5 * SHIFTS_PER_WORKER);
  const [network] = await db.insert(networks).values({ name: 'Région bench', slug: 'bench-region' }).returning();
  const communes = ['94028', '93066', '75056', '92050', '95127', '91228', '77288', '78646'];
  for (let i = 0; i < AIS; i++)
    await createOrganisation({
      db,
      name: `AI région ${String(i).padStart(2, '0')}`,
      kind: 'AI',
      slug: `region-ai-${i}`,
      communeCode: communes[i % communes.length],
      networkId: network.id,
    });
  const e = (q: ReturnType<typeof sql>) => db.execute(q);
  const orgs = sql`(SELECT organisation_id AS id, row_number() OVER (ORDER BY organisation_id) AS n
    FROM network_organisations WHERE network_id = ${network.id})`;
  await e(sql`INSERT INTO rates (organisation_id, hourly_rate_cents, night_surcharge_pct, sunday_surcharge_pct,
      holiday_surcharge_pct, effective_from)
    SELECT id, 2200, 25, 50, 100, '2020-01-01' FROM ${orgs} o`);
  await e(sql`INSERT INTO clients (organisation_id, kind, name, commune_code, siret)
    SELECT o.id, CASE WHEN g % 3 = 0 THEN 'company' ELSE 'care_home' END, 'Client ' || o.n || '-' || g, '94028', '35600000000048'
    FROM ${orgs} o, generate_series(1, ${CLIENTS_PER_AI}) g`);
  await e(sql`INSERT INTO sites (organisation_id, client_id, name, commune_code)
    SELECT organisation_id, id, name, commune_code FROM clients`);
  await e(sql`INSERT INTO placement_contracts (organisation_id, client_id, site_id, number, tasks, start_date, end_date)
    SELECT c.organisation_id, c.id, s.id, 'MAD-' || c.name, 'Entretien', '2020-01-01', '2030-12-31'
    FROM clients c JOIN sites s ON s.client_id = c.id`);
  await e(sql`INSERT INTO missions (organisation_id, placement_contract_id, client_id, site_id, rome, start_date, end_date)
    SELECT organisation_id, id, client_id, site_id, 'K2204', start_date, end_date FROM placement_contracts`);
  await e(sql`INSERT INTO workers (organisation_id, first_name, last_name, birth_date, commune_code)
    SELECT o.id, 'Prénom' || g, 'Nom' || g, '1990-01-01', '94028'
    FROM generate_series(1, ${WORKERS}) g JOIN ${orgs} o ON o.n = 1 + g % ${AIS}`);
  await e(sql`INSERT INTO employment_contracts (organisation_id, worker_id, kind, start_date, end_date, weekly_minutes)
    SELECT organisation_id, id, 'cddi', '2020-01-01', NULL, 1560 FROM workers`);
  // One statement per AI: the transition tables of the shifts' statement triggers stay small.
  const ids = (
    await rowsOf<{ id: string }>(
      db,
      sql`SELECT organisation_id AS id FROM network_organisations WHERE network_id = ${network.id} ORDER BY 1`,
    )
  ).map((r) => r.id);
  for (const orgId of ids)
    await e(sql`
    WITH w AS (SELECT id, organisation_id, row_number() OVER (ORDER BY id) AS n FROM workers WHERE organisation_id = ${orgId}::uuid),
         m AS (SELECT id, client_id, organisation_id, row_number() OVER (ORDER BY id) AS n FROM missions WHERE organisation_id = ${orgId}::uuid)
    INSERT INTO shifts (organisation_id, mission_id, client_id, worker_id, start_at, end_at, status)
    SELECT w.organisation_id, m.id, m.client_id, w.id,
      ((${first}::date + (k * 5 + (w.n % 5)::int)) + time '08:00') AT TIME ZONE 'Europe/Paris',
      ((${first}::date + (k * 5 + (w.n % 5)::int)) + time '12:00') AT TIME ZONE 'Europe/Paris', 'assigned'
    FROM w CROSS JOIN generate_series(0, ${SHIFTS_PER_WORKER - 1}) k
    JOIN m ON m.n = 1 + (w.n + k) % ${CLIENTS_PER_AI}`);
  await e(sql`ANALYZE`);
  const orgIds = (
    await rowsOf<{ id: string }>(
      db,
      sql`SELECT organisation_id AS id FROM network_organisations WHERE network_id = ${network.id} ORDER BY 1`,
    )
  ).map((r) => r.id);
  const [{ n }] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM shifts`);
  return { network, orgIds, first, today, shifts: n };
}

/**
 * Issue 19 item 5, on PostgreSQL only (its own database, dropped after): the region generated, then the month
 * close of every AI (last month: timesheets prepared and validated beforehand, not timed), the network dashboard
 * (earlier months closed and aggregated) and one AI's planning grid (a week), measured at that size.
 */
export default async function regionBench(): Promise<BenchResult[]> {
  const name = 'passerelle_bench_scale';
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    return [
      { area: AREA, name: 'PostgreSQL unreachable', engine: 'postgresql', target: '-', pass: false, notes: PG_URL },
    ];
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await connect({ databaseUrl: url.toString(), poolSize: 4 });
  const out: BenchResult[] = [];
  try {
    await migrateDatabase(database);
    const db = database.db;
    const t0 = performance.now();
    const region = await seedRegion(db);
    const seedS = Math.round((performance.now() - t0) / 100) / 10;
    const [{ workers }] = await rowsOf<{ workers: number }>(db, sql`SELECT count(*)::int AS workers FROM workers`);
    console.log(`  … region seeded: ${region.shifts} shifts, ${workers} workers in ${seedS} s`);

    // Month close of every AI, last month.
    const month = addDays(`${region.today.slice(0, 7)}-01`, -1).slice(0, 7);
    for (const organisationId of region.orgIds) await syncTimesheets({ db, organisationId, month });
    await db.execute(sql`UPDATE timesheets SET status = 'validated' WHERE month = ${month}`);
    const closeTimes: number[] = [];
    let invoices = 0;
    let failures = 0;
    for (const organisationId of region.orgIds) {
      const t = performance.now();
      const r = await closeMonth({
        db,
        actor: { organisationId, role: 'accountant', userId: null as unknown as string },
        month,
      });
      closeTimes.push(performance.now() - t);
      invoices += r.invoices.length;
      failures += r.failures.length;
    }
    const totalClose = closeTimes.reduce((a, b) => a + b, 0);
    const worstClose = Math.max(...closeTimes);
    out.push({
      area: AREA,
      name: `month close of every AI (${region.orgIds.length} AIs, ${month})`,
      engine: 'postgresql',
      value: Math.round(totalClose / 100) / 10,
      unit: 's in all',
      reference: `slowest AI ${Math.round(worstClose)} ms`,
      target: '< 30 s per AI',
      pass: worstClose < 30_000 && failures === 0,
      notes: `${region.shifts} shifts, ${workers} workers, ${AIS} AIs generated by INSERT … SELECT in ${seedS} s; ${invoices} invoices, ${failures} failures; each close also aggregates its month for the dashboards`,
    });

    // Earlier months closed (as billing records it) and aggregated, then the network dashboard of the year.
    await db.execute(sql`INSERT INTO month_closes (organisation_id, month, status, planned_client_ids, finished_at)
      SELECT o, to_char(m, 'YYYY-MM'), 'done', '[]'::jsonb, now()
      FROM unnest(${`{${region.orgIds.join(',')}}`}::uuid[]) o, generate_series(${region.first}::date, ${region.today}::date, interval '1 month') m
      ON CONFLICT DO NOTHING`);
    const t1 = performance.now();
    const aggregated = await rebuildAggregates({ db });
    const rebuildS = Math.round((performance.now() - t1) / 100) / 10;
    const actor = { userId: region.orgIds[0], networkId: region.network.id, role: 'network_coordinator' as const };
    const dash = await measure(
      () => networkDashboard({ db, actor, period: { from: `${region.today.slice(0, 4)}-01-01`, to: region.today } }),
      { iterations: sized(10, 3), warmup: 1 },
    );
    out.push({
      area: AREA,
      name: `network dashboard, ${AIS} AIs, current year`,
      engine: 'postgresql',
      ...dash,
      target: 'p95 < 1000 ms',
      pass: dash.p95 < 1000,
      notes: `aggregates rebuilt for ${aggregated} AI-months in ${rebuildS} s`,
    });

    // The planning grid of one AI: a week of shifts.
    const monday = mondayOf(addDays(region.today, -14));
    const orgActor = {
      organisationId: region.orgIds[0],
      userId: null as unknown as string,
      role: 'placement_officer' as const,
      clientId: null,
      workerId: null,
    };
    const grid = await measure(
      () =>
        listShifts({ db, actor: orgActor, filters: { from: monday, to: addDays(monday, 6), limit: 500, offset: 0 } }),
      { iterations: sized(30, 5), warmup: 3 },
    );
    out.push({
      area: AREA,
      name: 'planning grid of one AI (a week)',
      engine: 'postgresql',
      ...grid,
      target: 'p95 < 200 ms',
      pass: grid.p95 < 200,
    });
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return out;
}
