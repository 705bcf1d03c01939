import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { shifts } from '../planning/queries.js';

/** Minutes a worker has worked up to an instant: shifts assigned to them and already over. */
export async function minutesWorked(db: Db, workerId: string, until: Date): Promise<number> {
  const [row] = await db
    .select({ m: sql<number>`coalesce(sum(extract(epoch from (${shifts.endAt} - ${shifts.startAt})) / 60), 0)::int` })
    .from(shifts)
    .where(and(eq(shifts.workerId, workerId), eq(shifts.status, 'assigned'), lte(shifts.endAt, until)));
  return Number(row.m);
}
