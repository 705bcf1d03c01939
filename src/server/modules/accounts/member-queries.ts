import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { NetworkActor, OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import { accessInvitations, memberships } from './schema.js';

export type TeamActor = OrgActor | NetworkActor;

const membershipTenant = (actor: TeamActor) =>
  actor.networkId ? eq(memberships.networkId, actor.networkId) : eq(memberships.organisationId, actor.organisationId!);

/** A membership of the actor's organisation or network, or 404. */
export async function findMembership(db: Db, actor: TeamActor, membershipId: string) {
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), membershipTenant(actor)));
  if (!m) throw notFound('Ce compte');
  return m;
}

/** An organisation never loses its last administrator: nobody could invite or take the data out any more. */
export async function checkNotLastAdmin(db: Db, actor: TeamActor, m: typeof memberships.$inferSelect) {
  const adminRole = actor.networkId ? 'network_coordinator' : 'org_admin';
  if (m.role !== adminRole || m.deactivatedAt) return;
  const others = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        membershipTenant(actor),
        eq(memberships.role, adminRole),
        isNull(memberships.deactivatedAt),
        ne(memberships.id, m.id),
      ),
    );
  if (!others.length)
    throw conflict(
      'last_admin',
      actor.networkId
        ? 'C’est le seul compte de coordination du réseau : invitez d’abord une autre personne.'
        : 'C’est le seul compte de direction : donnez d’abord ce rôle à une autre personne.',
    );
}

/** A pending invitation of the actor's organisation or network, or 404. */
export async function findPendingInvitation(db: Db, actor: TeamActor, invitationId: string) {
  const [row] = await db
    .select()
    .from(accessInvitations)
    .where(
      and(
        eq(accessInvitations.id, invitationId),
        actor.networkId
          ? eq(accessInvitations.networkId, actor.networkId)
          : eq(accessInvitations.organisationId, actor.organisationId!),
        isNull(accessInvitations.acceptedAt),
        isNull(accessInvitations.revokedAt),
      ),
    );
  if (!row) throw notFound('Cette invitation');
  return row;
}
