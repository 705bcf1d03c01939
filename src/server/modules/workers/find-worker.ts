import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { forbidden, notFound } from '../../http/errors.js';
import { workers } from './schema.js';

export type WorkerRow = typeof workers.$inferSelect;

/**
 * The worker of this AI, or 404. A worker account may only reach its own record (403 otherwise);
 * client accounts never reach worker records through these operations.
 */
export async function findWorker(
  db: Db,
  actor: { organisationId: string; role?: string; workerId?: string | null },
  workerId: string,
): Promise<WorkerRow> {
  const [row] = await db
    .select()
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.organisationId, actor.organisationId)));
  if (!row) throw notFound('Ce ou cette salarié·e');
  if (actor.role === 'worker' && actor.workerId !== workerId) throw forbidden();
  if (actor.role === 'client_user') throw notFound('Ce ou cette salarié·e');
  return row;
}

export const fullName = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`;
