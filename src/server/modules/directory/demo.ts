import type { DemoWorld } from '../../demo/world.js';
import { organisationJobs, organisationTerritories } from './schema.js';

/** The demo AIs' jobs and territories. */
export async function seedDirectoryDemo(world: DemoWorld): Promise<void> {
  const { db } = world;
  for (const org of world.orgs) {
    await db.insert(organisationJobs).values(org.jobs.map((rome) => ({ organisationId: org.id, rome })));
    await db
      .insert(organisationTerritories)
      .values(org.territory.map((code) => ({ organisationId: org.id, kind: 'departement' as const, code })));
  }
}
