import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { type ScopeActor, workerScope } from '../../policies/scopes.js';
import { workers } from './schema.js';

export type WorkerRow = typeof workers.$inferSelect;

/**
 * The worker of this AI within the actor's scope (policies/scopes.ts: a worker account reaches only its own
 * record, a client account none), or 404.
 */
export async function findWorker(db: Db, actor: ScopeActor, workerId: string): Promise<WorkerRow> {
  const [row] = await db
    .select()
    .from(workers)
    .where(and(eq(workers.id, workerId), workerScope(actor)));
  if (!row) throw notFound('Ce ou cette salarié·e');
  return row;
}

export const fullName = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`;
