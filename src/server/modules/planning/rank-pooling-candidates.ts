import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { virtualSlot, visibleRequest } from './pooling-network.js';
import { rankForSlot } from './rank-replacements.js';

/** My workers who could take another AI's shift, ranked. */
export async function poolingCandidates({ db, actor, requestId }: { db: Db; actor: OrgActor; requestId: string }) {
  const r = await visibleRequest(db, actor, requestId);
  return rankForSlot({ db, organisationIds: [actor.organisationId], slot: virtualSlot(r), limit: 10 });
}
