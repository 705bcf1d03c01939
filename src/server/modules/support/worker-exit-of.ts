import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { workerExits } from './schema.js';

/** The exit of a worker (date and ASP category, no reason: the reason belongs to the support file). */
export async function workerExitOf(db: Db, workerId: string) {
  const [row] = await db
    .select({ date: workerExits.exitDate, category: workerExits.category })
    .from(workerExits)
    .where(eq(workerExits.workerId, workerId));
  return row ?? null;
}

export async function exitDatesOf(db: Db, workerIds: string[]) {
  if (workerIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ workerId: workerExits.workerId, date: workerExits.exitDate })
    .from(workerExits)
    .where(inArray(workerExits.workerId, workerIds));
  return new Map(rows.map((r) => [r.workerId, r.date]));
}
