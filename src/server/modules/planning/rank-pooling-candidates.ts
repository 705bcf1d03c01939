import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { virtualSlot, visibleRequest } from './pooling-network.js';
import { rankForSlot } from './rank-replacements.js';
import type { WorkerFactsCache } from './worker-facts-cache.js';

/** My workers who could take another AI's shift, ranked. */
export async function poolingCandidates({
  db,
  actor,
  requestId,
  steady,
}: {
  db: Db;
  actor: OrgActor;
  requestId: string;
  /** The process's copy of the workers' steady facts (worker-facts-cache.ts). */
  steady?: WorkerFactsCache;
}) {
  const r = await visibleRequest(db, actor, requestId);
  return rankForSlot({ db, organisationIds: [actor.organisationId], slot: virtualSlot(r), limit: 10, steady });
}
