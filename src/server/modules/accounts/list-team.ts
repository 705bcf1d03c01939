import { and, desc, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import { STAFF_ROLES, type Team } from '../../../shared/accounts.js';
import type { Db } from '../../db/connect.js';
import type { NetworkActor, OrgActor } from '../../http/actor.js';
import { accessInvitations, memberships, sessions, users } from './schema.js';

type InvitationRow = typeof accessInvitations.$inferSelect;

export const presentInvitation = (i: InvitationRow) => ({
  id: i.id,
  name: i.name,
  email: i.email,
  role: i.role,
  channel: i.channel,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  expired: i.expiresAt.getTime() < Date.now(),
});

/** The pending invitations of a tenant, narrowed (e.g. to one worker's). */
export async function pendingInvitations(db: Db, actor: OrgActor | NetworkActor, narrow?: SQL) {
  const rows = await db
    .select()
    .from(accessInvitations)
    .where(
      and(
        actor.networkId
          ? eq(accessInvitations.networkId, actor.networkId)
          : eq(accessInvitations.organisationId, actor.organisationId!),
        isNull(accessInvitations.acceptedAt),
        isNull(accessInvitations.revokedAt),
        narrow,
      ),
    )
    .orderBy(desc(accessInvitations.createdAt));
  return rows.map(presentInvitation);
}

/** The staff of an organisation (or the coordinators of a network) and the invitations waiting for an answer. */
export async function listTeam({ db, actor }: { db: Db; actor: OrgActor | NetworkActor }): Promise<Team> {
  const lastSeen = db
    .select({ userId: sessions.userId, at: max(sessions.lastSeenAt).as('at') })
    .from(sessions)
    .groupBy(sessions.userId)
    .as('last_seen');
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      sensitiveAccess: memberships.sensitiveAccess,
      deactivatedAt: memberships.deactivatedAt,
      lastSeenAt: lastSeen.at,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(lastSeen, eq(lastSeen.userId, users.id))
    .where(
      actor.networkId
        ? eq(memberships.networkId, actor.networkId)
        : and(eq(memberships.organisationId, actor.organisationId!), inArray(memberships.role, [...STAFF_ROLES])),
    )
    .orderBy(sql`${memberships.deactivatedAt} IS NOT NULL`, users.name);
  const invitations = await pendingInvitations(
    db,
    actor,
    actor.networkId ? undefined : inArray(accessInvitations.role, [...STAFF_ROLES]),
  );
  return {
    members: rows.map((r) => ({
      membershipId: r.membershipId,
      userId: r.userId,
      name: r.name,
      email: r.email,
      role: r.role,
      sensitiveAccess: r.sensitiveAccess,
      active: !r.deactivatedAt,
      lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt as unknown as string).toISOString() : null,
    })),
    invitations,
  };
}
