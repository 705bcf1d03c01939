import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findWorker } from '../workers/find-worker.js';

/**
 * Writes to a worker's support file (interviews, barriers, actions, immersions, trainings, pathways).
 * Every write is scoped to the actor's AI (findWorker → 404 for another AI's worker) and audited.
 */
export type SupportFileBase = { db: Db; actor: OrgActor; workerId: string };

export async function inSupportFile<T>(
  o: SupportFileBase,
  action: string,
  write: (tx: Db) => Promise<T & { id: string }>,
): Promise<T & { id: string }> {
  return o.db.transaction(async (tx) => {
    await findWorker(tx, o.actor, o.workerId);
    const row = await write(tx);
    await recordAudit({
      db: tx,
      actor: o.actor,
      action,
      recordType: 'worker',
      recordId: o.workerId,
      details: { id: row.id },
    });
    return row;
  });
}

export const notFoundUnless = <T>(row: T | undefined, what: string): T => {
  if (!row) throw notFound(what);
  return row;
};
