import { sql } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { addDays, mondayOf, parisInstant } from '../calendar/paris-time.js';
import { readOrganisationSettings, updateOrganisationSettings } from '../settings/organisation-settings.js';

/** How many four-week blocks of history are copied before the planning's 13 weeks: 10 × 28 days ≈ 9 months. */
const HISTORY_BLOCKS = 10;

/**
 * A year of activity for ai-1 and ai-2 so that every chart of their dashboards has a trend: the first four weeks
 * of the planning's shifts (13 weeks back) are repeated further back, block by block, at the same Paris wall-clock
 * times, in one INSERT … SELECT per AI (the seed stays fast). Missions and their contracts are made to start
 * when that history starts. The convention's ETP is set when the AI has none, so "ETP consumed against the
 * convention" shows a share.
 */
export async function seedReportingDemo(world: DemoWorld): Promise<void> {
  const { db, today } = world;
  const planningStart = addDays(mondayOf(today), -13 * 7);
  const historyStart = addDays(planningStart, -28 * HISTORY_BLOCKS);
  const from = parisInstant(planningStart).toISOString();
  const to = parisInstant(addDays(planningStart, 28)).toISOString();
  for (const org of world.orgs.slice(0, 2)) {
    await db.execute(sql`
      INSERT INTO shifts (organisation_id, mission_id, client_id, worker_id, start_at, end_at, status, created_at)
      SELECT s.organisation_id, s.mission_id, s.client_id, s.worker_id,
        ((s.start_at AT TIME ZONE 'Europe/Paris') - make_interval(days => 28 * k)) AT TIME ZONE 'Europe/Paris',
        ((s.end_at AT TIME ZONE 'Europe/Paris') - make_interval(days => 28 * k)) AT TIME ZONE 'Europe/Paris',
        'assigned',
        ((s.start_at AT TIME ZONE 'Europe/Paris') - make_interval(days => 28 * k + 14)) AT TIME ZONE 'Europe/Paris'
      FROM shifts s CROSS JOIN generate_series(1, ${HISTORY_BLOCKS}) k
      WHERE s.organisation_id = ${org.id} AND s.status = 'assigned'
        AND s.start_at >= ${from}::timestamptz AND s.start_at < ${to}::timestamptz`);
    await db.execute(sql`UPDATE missions SET start_date = ${historyStart}::date
      WHERE organisation_id = ${org.id} AND start_date > ${historyStart}::date`);
    await db.execute(sql`UPDATE placement_contracts SET start_date = ${historyStart}::date
      WHERE organisation_id = ${org.id} AND start_date > ${historyStart}::date`);
    const settings = await readOrganisationSettings({ db, organisationId: org.id });
    const admin = org.users.admin;
    if (settings.conventionEtp === null && admin) {
      // Roughly the ETP the demo's regular series amount to, a little above so the share reads below 100 %.
      await updateOrganisationSettings({
        db,
        actor: { userId: admin, organisationId: org.id },
        patch: { conventionEtp: org === world.orgs[0] ? 30 : 20 },
      });
    }
  }
}
