import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { workers } from '../workers/queries.js';

/**
 * The worker's name, checking it belongs to this organisation (404 for an unknown or foreign worker).
 * `lock` holds the worker's row until the transaction ends, so that checks on one worker run one at a time.
 */
export async function findWorkerName(db: Db, organisationId: string, workerId: string, lock = false) {
  const query = db
    .select({ firstName: workers.firstName, lastName: workers.lastName, email: workers.email })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.organisationId, organisationId)));
  const [w] = lock ? await query.for('update') : await query;
  if (!w) throw notFound('Ce·tte salarié·e');
  return { name: `${w.firstName} ${w.lastName}`, firstName: w.firstName, email: w.email };
}
