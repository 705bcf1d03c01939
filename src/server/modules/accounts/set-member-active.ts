import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { listTeam } from './list-team.js';
import { checkNotLastAdmin, findMembership, type TeamActor } from './member-queries.js';
import { memberships } from './schema.js';
import { revokeUserSessions } from './sessions.js';

/**
 * Deactivates an account here (its sessions end at once, everywhere) or gives it back. The membership is kept
 * for the audit trail; the person's other structures are not touched (they sign in again there).
 */
export async function setMemberActive(o: { db: Db; actor: TeamActor; membershipId: string; active: boolean }) {
  return o.db.transaction(async (tx) => {
    const m = await findMembership(tx, o.actor, o.membershipId);
    if (m.userId === o.actor.userId && !o.active)
      throw conflict('self_deactivation', 'Vous ne pouvez pas désactiver votre propre compte.');
    if (!o.active) {
      await checkNotLastAdmin(tx, o.actor, m);
      await tx.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.id, m.id));
      await revokeUserSessions({ db: tx, userId: m.userId });
    } else {
      await tx.update(memberships).set({ deactivatedAt: null }).where(eq(memberships.id, m.id));
    }
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: o.active ? 'member.reactivate' : 'member.deactivate',
      recordType: 'membership',
      recordId: m.id,
    });
    return (await listTeam({ db: tx, actor: o.actor })).members.find((x) => x.membershipId === m.id) ?? null;
  });
}
