import type { Db } from '../../db/connect.js';
import { invitePerson } from './invite-person.js';
import { findPendingInvitation, type TeamActor } from './member-queries.js';

/** Sends a pending invitation again: a new link (or a new code to print); the previous one stops working. */
export async function resendInvitation(o: { db: Db; actor: TeamActor; invitationId: string; publicUrl: string }) {
  const i = await findPendingInvitation(o.db, o.actor, o.invitationId);
  return invitePerson({
    db: o.db,
    actor: o.actor,
    publicUrl: o.publicUrl,
    input: {
      name: i.name,
      email: i.email ?? undefined,
      role: i.role,
      channel: i.channel,
      clientId: i.clientId ?? undefined,
      workerId: i.workerId ?? undefined,
    },
  });
}
