import type { Db } from '../../db/connect.js';
import { healthVisits } from './schema.js';

/** Records a health visit that is due (not yet held) on a worker's record. Call inside the caller's transaction. */
export async function addDueHealthVisit(
  db: Db,
  o: { organisationId: string; workerId: string; kind: string; dueOn: string },
) {
  await db.insert(healthVisits).values(o);
}
