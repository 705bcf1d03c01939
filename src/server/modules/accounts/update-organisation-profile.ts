import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { organisations } from './schema.js';

/** What another module may change on an organisation's row: its public profile, never its id or settings. */
export type OrganisationProfilePatch = Omit<
  Partial<typeof organisations.$inferInsert>,
  'id' | 'settings' | 'createdAt'
>;

/**
 * Changes an organisation's public profile (name, address, contact, presentation…): the directory calls it when a
 * network edits one of its structures. The caller checks access and records its audit event in its transaction.
 */
export async function updateOrganisationProfile(db: Db, organisationId: string, patch: OrganisationProfilePatch) {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(organisations.id, organisationId))
    .returning();
  return row;
}
