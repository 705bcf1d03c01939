import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { barriers, immersions, supportActions, supportInterviews, workerExits } from './schema.js';

/** Blanks the free texts of a support file (anonymisation): categories, dates and statuses stay for statistics. */
export async function blankSupportFile(db: Db, workerId: string) {
  await db.update(supportInterviews).set({ notes: '' }).where(eq(supportInterviews.workerId, workerId));
  await db.update(barriers).set({ details: null }).where(eq(barriers.workerId, workerId));
  await db.update(supportActions).set({ label: 'Action', partner: null }).where(eq(supportActions.workerId, workerId));
  await db.update(immersions).set({ outcome: null }).where(eq(immersions.workerId, workerId));
  await db.update(workerExits).set({ reason: '' }).where(eq(workerExits.workerId, workerId));
}
