import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { RecordAccess } from '../../../shared/accounts.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findClient } from '../clients/find-client.js';
import { findWorker } from '../workers/find-worker.js';
import { pendingInvitations } from './list-team.js';
import { accessInvitations, memberships, sessions, users } from './schema.js';

export type AccessRecord = { workerId: string; clientId?: undefined } | { clientId: string; workerId?: undefined };

const boundTo = (r: AccessRecord) =>
  r.workerId ? eq(memberships.workerId, r.workerId) : eq(memberships.clientId, r.clientId!);

/** Checks that the worker or client is one of the actor's organisation (404 otherwise). */
async function checkRecord(db: Db, actor: OrgActor, record: AccessRecord) {
  if (record.workerId) await findWorker(db, actor, record.workerId);
  else await findClient(db, actor, record.clientId!);
}

/** Who can get into this worker's page or this client's portal, from which phones, and who is invited. */
export async function listRecordAccess({
  db,
  actor,
  record,
}: {
  db: Db;
  actor: OrgActor;
  record: AccessRecord;
}): Promise<RecordAccess> {
  await checkRecord(db, actor, record);
  const accounts = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      deactivatedAt: memberships.deactivatedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, actor.organisationId), boundTo(record)));
  const live = accounts.length
    ? await db
        .select()
        .from(sessions)
        .where(
          and(
            inArray(
              sessions.userId,
              accounts.map((a) => a.userId),
            ),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, sql`now()`),
          ),
        )
        .orderBy(desc(sessions.lastSeenAt))
    : [];
  return {
    accounts: accounts.map((a) => ({
      membershipId: a.membershipId,
      name: a.name,
      email: a.email.endsWith('@passerelle.invalid') ? null : a.email,
      active: !a.deactivatedAt,
      sessions: live
        .filter((s) => s.userId === a.userId)
        .map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          userAgent: s.userAgent,
        })),
    })),
    invitations: await pendingInvitations(
      db,
      actor,
      record.workerId
        ? eq(accessInvitations.workerId, record.workerId)
        : eq(accessInvitations.clientId, record.clientId!),
    ),
  };
}

/** Ends one phone's access (lost, changed, lent): the person signs in again with a new code. */
export async function revokeRecordSession(o: { db: Db; actor: OrgActor; record: AccessRecord; sessionId: string }) {
  await checkRecord(o.db, o.actor, o.record);
  return o.db.transaction(async (tx) => {
    const [s] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .innerJoin(memberships, eq(memberships.userId, sessions.userId))
      .where(
        and(eq(sessions.id, o.sessionId), eq(memberships.organisationId, o.actor.organisationId), boundTo(o.record)),
      );
    if (!s) throw notFound('Cette connexion');
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, s.id));
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'session.revoke',
      recordType: 'session',
      recordId: s.id,
      details: o.record,
    });
  });
}
