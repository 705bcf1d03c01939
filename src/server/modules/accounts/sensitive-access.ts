import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { SENSITIVE_ACCESS_ROLES } from '../../policies/sensitive.js';
import { recordAudit } from '../audit/record-audit.js';
import { memberships, users } from './schema.js';

export type StaffAccess = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: (typeof SENSITIVE_ACCESS_ROLES)[number];
  sensitiveAccess: boolean;
};

/** The AI's staff (the only ones who may hold the right) with their sensitive data right, by name. */
export async function listSensitiveAccess({ db, actor }: { db: Db; actor: OrgActor }): Promise<StaffAccess[]> {
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      sensitiveAccess: memberships.sensitiveAccess,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, actor.organisationId), inArray(memberships.role, SENSITIVE_ACCESS_ROLES)))
    .orderBy(asc(users.name), asc(memberships.role));
  return rows as StaffAccess[];
}

/**
 * Grants or withdraws the sensitive data right of one member of the staff, by name; audited, and effective at
 * the member's next request (the session reads memberships each time).
 */
export async function setSensitiveAccess({
  db,
  actor,
  membershipId,
  granted,
}: {
  db: Db;
  actor: OrgActor;
  membershipId: string;
  granted: boolean;
}): Promise<StaffAccess> {
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, actor.organisationId)))
      .for('update');
    if (!m) throw notFound('Ce membre de l’équipe');
    if (!(SENSITIVE_ACCESS_ROLES as readonly string[]).includes(m.role)) {
      throw ruleBroken(
        'sensitive_access_staff_only',
        'Seule l’équipe de la structure peut être habilitée aux données sensibles (jamais un client ni un·e salarié·e).',
      );
    }
    await tx.update(memberships).set({ sensitiveAccess: granted }).where(eq(memberships.id, m.id));
    await recordAudit({
      db: tx,
      actor,
      action: granted ? 'member.sensitive_access.grant' : 'member.sensitive_access.revoke',
      recordType: 'membership',
      recordId: m.id,
    });
    const [row] = (await listSensitiveAccess({ db: tx, actor })).filter((r) => r.membershipId === m.id);
    return row;
  });
}
