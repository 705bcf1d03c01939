import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { MembershipView, SessionUser } from '../../http/actor.js';
import { memberships, networks, organisations, sessions, users } from './schema.js';

export const SESSION_COOKIE = 'passerelle_session';
export const SESSION_DAYS = 30;
/** A worker's or an individual client's own phone stays signed in a year (revocable from their record). */
export const LONG_LIVED_SESSION_DAYS = 365;
const DAY_MS = 86_400_000;
/** Sliding expiry is refreshed at most this often, so that reads do not each cost a write. */
const REFRESH_AFTER_MS = 3_600_000;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export type CreateSessionOptions = { db: Db; userId: string; ip?: string; userAgent?: string; longLived?: boolean };

/** Returns the raw token, which only the cookie keeps. */
export async function createSession({ db, userId, ip, userAgent, longLived = false }: CreateSessionOptions) {
  const token = crypto.randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    ip: ip ?? null,
    userAgent: userAgent?.slice(0, 300) ?? null,
    longLived,
    expiresAt: new Date(Date.now() + (longLived ? LONG_LIVED_SESSION_DAYS : SESSION_DAYS) * DAY_MS),
  });
  return token;
}

export async function findSessionUser({ db, token }: { db: Db; token: string }): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      longLived: sessions.longLived,
      id: users.id,
      email: users.email,
      name: users.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    await db
      .update(sessions)
      .set({
        lastSeenAt: new Date(),
        expiresAt: new Date(Date.now() + (row.longLived ? LONG_LIVED_SESSION_DAYS : SESSION_DAYS) * DAY_MS),
      })
      .where(eq(sessions.id, row.sessionId));
  }
  return {
    sessionId: row.sessionId,
    user: { id: row.id, email: row.email, name: row.name },
    memberships: await listMemberships(db, row.id),
  };
}

export async function listMemberships(db: Db, userId: string): Promise<MembershipView[]> {
  const rows = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      organisationId: memberships.organisationId,
      networkId: memberships.networkId,
      clientId: memberships.clientId,
      workerId: memberships.workerId,
      sensitiveAccess: memberships.sensitiveAccess,
      orgName: organisations.name,
      networkName: networks.name,
    })
    .from(memberships)
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(memberships.createdAt);
  return rows.map(({ orgName, networkName, ...m }) => ({ ...m, name: orgName ?? networkName ?? '' }));
}

/** A user's live sessions, most recent first. */
export async function listSessions({ db, userId }: { db: Db; userId: string }) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function revokeSession({ db, sessionId }: { db: Db; sessionId: string }) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Revokes every session of a user (password change, account disabled). */
export async function revokeUserSessions({ db, userId }: { db: Db; userId: string }) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
