import { sql } from 'drizzle-orm';
import { type Database, migrateDatabase } from '../src/server/db/connect.js';
import { createOrganisation } from '../src/server/modules/accounts/create-organisation.js';
import { networks } from '../src/server/modules/accounts/schema.js';
import { addDays, parisToday } from '../src/server/modules/calendar/paris-time.js';
import { rebuildAggregates } from '../src/server/modules/reporting/aggregate-month.js';
import { aiDashboard } from '../src/server/modules/reporting/ai-dashboard.js';
import { networkDashboard } from '../src/server/modules/reporting/network-dashboard.js';
import { type BenchResult, measure, pgliteOnDisk, sized } from './measure.js';

/**
 * Sizes: 65 AIs; the measured AI has 200 workers, 40 clients and 55 shifts a day over two years ≈ 40 000 shifts
 * (half PRODUCT.md's 40 000 a year); the other 64 AIs a lighter activity each (shifts every third day), to keep the
 * bench's setup short. --quick: 5 AIs over 90 days.
 */
const AIS = Number(process.env.BENCH_AIS ?? sized(65, 5));
const WORKERS = sized(200, 30);
const CLIENTS = sized(40, 8);
const SHIFTS_PER_DAY = sized(55, 10);
const DAYS = sized(730, 90);
const OTHER_WORKERS = sized(20, 5);
const NEEDS = sized(2000, 100);

/** The dashboards' world (INSERT … SELECT, so that the setup takes seconds), every past month closed. */
export async function seedDashboardWorld(db: Database['db'], step: (what: string) => void = () => {}) {
  const today = parisToday();
  const first = addDays(today, -DAYS);
  const [network] = await db.insert(networks).values({ name: 'Réseau bench', slug: 'bench-net' }).returning();
  const communes = ['94028', '93066', '75056', '92050', '95127', '91228', '77288', '78646'];
  const orgIds: string[] = [];
  for (let i = 0; i < AIS; i++) {
    const org = await createOrganisation({
      db,
      name: `AI bench ${i}`,
      kind: 'AI',
      slug: `bench-ai-${i}`,
      communeCode: communes[i % communes.length],
      networkId: network.id,
    });
    orgIds.push(org.id);
  }
  step('organisations');
  for (const [i, orgId] of orgIds.entries()) {
    const nWorkers = i === 0 ? WORKERS : OTHER_WORKERS;
    const nClients = i === 0 ? CLIENTS : 5;
    await db.execute(sql`
      INSERT INTO workers (organisation_id, first_name, last_name, birth_date, commune_code)
      SELECT ${orgId}, 'Prénom' || g, 'Nom' || g, '1990-01-01', '94028' FROM generate_series(1, ${nWorkers}) g`);
    await db.execute(sql`
      INSERT INTO employment_contracts (organisation_id, worker_id, kind, start_date, end_date, weekly_minutes)
      SELECT organisation_id, id, 'cddi', ${first}::date, ${addDays(today, 200)}::date, 1560 FROM workers
      WHERE organisation_id = ${orgId}`);
    await db.execute(sql`
      INSERT INTO clients (organisation_id, kind, name, commune_code)
      SELECT ${orgId}, CASE WHEN g % 3 = 0 THEN 'company' ELSE 'care_home' END, 'Client ' || g, '94028'
      FROM generate_series(1, ${nClients}) g`);
    await db.execute(sql`
      INSERT INTO sites (organisation_id, client_id, name, commune_code)
      SELECT organisation_id, id, name, commune_code FROM clients WHERE organisation_id = ${orgId}`);
    await db.execute(sql`
      INSERT INTO placement_contracts (organisation_id, client_id, site_id, number, tasks, start_date, end_date)
      SELECT c.organisation_id, c.id, s.id, 'MAD-' || c.name, 'Entretien', ${first}::date, ${addDays(today, 200)}::date
      FROM clients c JOIN sites s ON s.client_id = c.id WHERE c.organisation_id = ${orgId}`);
    await db.execute(sql`
      INSERT INTO missions (organisation_id, placement_contract_id, client_id, site_id, rome, start_date, end_date)
      SELECT organisation_id, id, client_id, site_id, 'K2204', start_date, end_date FROM placement_contracts
      WHERE organisation_id = ${orgId}`);
    if (i === 0) step('first AI: people and contracts');
    // One shift per worker and day at most (the overlap constraint): worker w works on day d when w < shifts/day.
    const perDay = i === 0 ? SHIFTS_PER_DAY : 3;
    await db.execute(sql`
      WITH w AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM workers WHERE organisation_id = ${orgId}),
           m AS (SELECT id, client_id, row_number() OVER (ORDER BY id) AS n FROM missions WHERE organisation_id = ${orgId})
      INSERT INTO shifts (organisation_id, mission_id, client_id, worker_id, start_at, end_at, status)
      SELECT ${orgId}, m.id, m.client_id, w.id,
        ((${first}::date + d) + time '08:00') AT TIME ZONE 'Europe/Paris',
        ((${first}::date + d) + time '12:00') AT TIME ZONE 'Europe/Paris', 'assigned'
      FROM generate_series(0, ${DAYS - 1}) d
      JOIN w ON w.n <= ${perDay} AND (${i === 0 ? 0 : 1} = 0 OR d % 3 = 0)
      JOIN m ON m.n = 1 + ((w.n + d) % ${nClients})`);
    if (i === 0) step('first AI: shifts');
    await db.execute(sql`
      INSERT INTO worker_exits (organisation_id, worker_id, exit_date, category, reason, minutes_worked)
      SELECT organisation_id, id, ${addDays(today, -30)}::date - (row_number() OVER (ORDER BY id))::int,
        (ARRAY['durable','transition','positive','other','withdrawn'])[1 + (row_number() OVER (ORDER BY id))::int % 5],
        'Bench', 200 * 60
      FROM workers WHERE organisation_id = ${orgId} AND last_name LIKE 'Nom1_'`);
  }
  step('every AI');
  await db.execute(sql`
    WITH o AS (SELECT organisation_id AS id, row_number() OVER (ORDER BY organisation_id) AS n
               FROM network_organisations WHERE network_id = ${network.id}),
         n AS (
      INSERT INTO needs (reference, network_id, status, urgency, establishment_name, establishment_kind, commune_code,
        commune_name, departement, contact_name, contact_email, consent_at, follow_token_hash, created_at, claimed_at,
        claimed_by_organisation_id)
      SELECT 'B-' || g, ${network.id}, CASE WHEN g % 4 = 0 THEN 'routed' ELSE 'claimed' END, 'urgent', 'EHPAD ' || g,
        'care_home', '94028', 'Créteil', '94', 'Contact', 'c@bench.test', now(), md5(g::text),
        now() - make_interval(days => g % 700), CASE WHEN g % 4 = 0 THEN NULL ELSE now() - make_interval(days => g % 700) + interval '3 hours' END,
        CASE WHEN g % 4 = 0 THEN NULL ELSE (SELECT id FROM o WHERE o.n = 1 + g % ${AIS}) END
      FROM generate_series(1, ${NEEDS}) g RETURNING id, reference)
    INSERT INTO need_routes (need_id, organisation_id, rank, status, routed_at)
    SELECT n.id, o.id, 1, 'routed', now() FROM n JOIN o ON o.n = 1 + (substr(n.reference, 3)::int % ${AIS})`);
  const [{ count }] = (
    (await db.execute(sql`SELECT count(*)::int AS count FROM shifts`)) as unknown as { rows: { count: number }[] }
  ).rows;

  // Every month over for a day is closed (what billing's month close records), so that the aggregates rebuild.
  await db.execute(sql`
    INSERT INTO month_closes (organisation_id, month, status, planned_client_ids, finished_at)
    SELECT o.id, to_char(m, 'YYYY-MM'), 'done', '[]'::jsonb, now()
    FROM organisations o, generate_series(${first}::date, ${today}::date, interval '1 month') m
    WHERE o.id IN (SELECT organisation_id FROM network_organisations WHERE network_id = ${network.id})
    ON CONFLICT DO NOTHING`);
  // Statistics, as autovacuum keeps them on a server (PGlite has no autovacuum).
  await db.execute(sql`ANALYZE`);
  step('needs and month closes');
  return { network, orgIds, first, today, shifts: count };
}

/**
 * Dashboards: the AI dashboard over two years of one AI's data (target p95 < 300 ms) and the network dashboard
 * over 65 AIs (p95 < 1 s), read from the monthly aggregates (issue 16), next to the same dashboards computed
 * directly from the shifts (the aggregates deleted), measured in the same run.
 */
export default async function dashboardsBench(): Promise<BenchResult[]> {
  const t0 = performance.now();
  const step = (what: string) => console.log(`  … ${what} (${Math.round((performance.now() - t0) / 1000)} s)`);
  const database = await pgliteOnDisk();
  await migrateDatabase(database);
  const db = database.db;
  const { network, orgIds, first, today, shifts } = await seedDashboardWorld(db, step);
  const ai = () => aiDashboard({ db, organisationId: orgIds[0], period: { from: first, to: today } });
  const net = () =>
    networkDashboard({
      db,
      actor: { userId: orgIds[0], networkId: network.id, role: 'network_coordinator' },
      period: { from: `${today.slice(0, 4)}-01-01`, to: today },
    });
  // The direct computation first (no aggregate yet): a few runs, it is slow.
  const aiDirect = await measure(ai, { iterations: sized(5, 3), warmup: 1 });
  const netDirect = await measure(net, { iterations: sized(3, 3), warmup: 1 });
  step('direct computation');
  const t1 = performance.now();
  const months = await rebuildAggregates({ db });
  const rebuildMs = Math.round(performance.now() - t1);
  step(`aggregates rebuilt (${months} months)`);
  const aiAgg = await measure(ai, { iterations: sized(30, 5), warmup: 3 });
  const netAgg = await measure(net, { iterations: sized(30, 5), warmup: 3 });
  await database.close();
  const times = (a: { p95: number }, b: { p95: number }) => `${Math.round((a.p95 / b.p95) * 10) / 10} × faster`;
  const notes = `${shifts} shifts in all (${SHIFTS_PER_DAY * DAYS} for the measured AI over ${DAYS} days), ${NEEDS} needs, ${AIS} AIs; every month over is closed and aggregated (rebuild of ${months} AI-months: ${rebuildMs} ms); the reference is the same dashboard computed directly from the shifts in the same run`;
  return [
    {
      area: 'Dashboards',
      name: `AI dashboard over ${DAYS} days of data`,
      engine: 'pglite',
      ...aiAgg,
      reference: `direct p95 ${aiDirect.p95} ms`,
      ratio: times(aiDirect, aiAgg),
      target: 'p95 < 300 ms',
      pass: aiAgg.p95 < 300,
      notes,
    },
    {
      area: 'Dashboards',
      name: `network dashboard, ${AIS} AIs, current year`,
      engine: 'pglite',
      ...netAgg,
      reference: `direct p95 ${netDirect.p95} ms`,
      ratio: times(netDirect, netAgg),
      target: 'p95 < 1000 ms',
      pass: netAgg.p95 < 1000,
    },
  ];
}
