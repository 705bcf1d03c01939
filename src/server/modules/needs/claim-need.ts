import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { emailEstablishmentClaimed } from './notify-need.js';
import { needRoutes, needs } from './schema.js';

export type ClaimNeedOptions = { db: Db; actor: OrgActor; needId: string; now?: Date };

/**
 * The first AI to claim a routed need owns it. Atomic: the conditional UPDATE takes the need's row lock, so of
 * two simultaneous claims the second finds it claimed and gets 409 need_already_claimed; the partial unique
 * index need_routes_one_claim guards the same rule in the database.
 */
export async function claimNeed({ db, actor, needId, now = new Date() }: ClaimNeedOptions) {
  return db.transaction(async (tx) => {
    const [route] = await tx
      .select()
      .from(needRoutes)
      .where(and(eq(needRoutes.needId, needId), eq(needRoutes.organisationId, actor.organisationId)));
    if (!route) throw notFound('Ce besoin');
    const claimed = await tx
      .update(needs)
      .set({
        status: 'claimed',
        claimedByOrganisationId: actor.organisationId,
        claimedByUserId: actor.userId,
        claimedAt: now,
        statusChangedAt: now,
      })
      .where(
        and(eq(needs.id, needId), isNull(needs.claimedByOrganisationId), inArray(needs.status, ['routed', 'unrouted'])),
      )
      .returning();
    if (claimed.length === 0) {
      const [need] = await tx.select({ owner: needs.claimedByOrganisationId }).from(needs).where(eq(needs.id, needId));
      if (need?.owner === actor.organisationId) return { status: 'claimed' as const };
      throw conflict(
        'need_already_claimed',
        'Une autre structure a déjà pris en charge ce besoin : il n’est plus disponible.',
      );
    }
    await tx
      .update(needRoutes)
      .set({ status: 'claimed', claimedAt: now, viewedAt: route.viewedAt ?? now })
      .where(and(eq(needRoutes.needId, needId), eq(needRoutes.organisationId, actor.organisationId)));
    await recordAudit({ db: tx, actor, action: 'need.claim', recordType: 'need', recordId: needId });
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, actor.organisationId));
    await emailEstablishmentClaimed(tx, { need: claimed[0], to: claimed[0].contactEmail, organisation: org });
    return { status: 'claimed' as const };
  });
}
