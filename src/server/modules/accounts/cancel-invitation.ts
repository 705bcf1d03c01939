import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/record-audit.js';
import { findPendingInvitation, type TeamActor } from './member-queries.js';
import { accessInvitations } from './schema.js';

/** Cancels a pending invitation: its link or code stops working. */
export async function cancelInvitation(o: { db: Db; actor: TeamActor; invitationId: string }) {
  return o.db.transaction(async (tx) => {
    const invitation = await findPendingInvitation(tx, o.actor, o.invitationId);
    await tx.update(accessInvitations).set({ revokedAt: new Date() }).where(eq(accessInvitations.id, invitation.id));
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'invitation.cancel',
      recordType: 'access_invitation',
      recordId: invitation.id,
    });
  });
}
