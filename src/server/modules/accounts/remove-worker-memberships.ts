import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { memberships } from './schema.js';

/** Removes the memberships a worker's own account had (anonymisation): they can no longer sign in to the AI. */
export async function removeWorkerMemberships(db: Db, workerId: string) {
  await db.delete(memberships).where(eq(memberships.workerId, workerId));
}
