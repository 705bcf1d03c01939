import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { needRoutes, needs } from './schema.js';

export type DeclineNeedOptions = { db: Db; actor: OrgActor; needId: string; reason: string; now?: Date };

/** The AI says it cannot answer, with a reason the network reads when it re-routes. */
export async function declineNeed({ db, actor, needId, reason, now = new Date() }: DeclineNeedOptions) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ route: needRoutes, owner: needs.claimedByOrganisationId })
      .from(needRoutes)
      .innerJoin(needs, eq(needs.id, needRoutes.needId))
      .where(and(eq(needRoutes.needId, needId), eq(needRoutes.organisationId, actor.organisationId)));
    if (!row) throw notFound('Ce besoin');
    if (row.owner === actor.organisationId)
      throw ruleBroken(
        'need_claimed_by_you',
        'Votre structure a pris en charge ce besoin : indiquez plutôt qu’il est perdu si vous n’y donnez pas suite.',
      );
    if (row.route.status === 'declined') return { status: 'declined' as const };
    await tx
      .update(needRoutes)
      .set({ status: 'declined', declinedAt: now, declineReason: reason })
      .where(
        and(
          eq(needRoutes.needId, needId),
          eq(needRoutes.organisationId, actor.organisationId),
          inArray(needRoutes.status, ['routed', 'viewed']),
        ),
      );
    await recordAudit({
      db: tx,
      actor,
      action: 'need.decline',
      recordType: 'need',
      recordId: needId,
      details: { reason },
    });
    return { status: 'declined' as const };
  });
}
