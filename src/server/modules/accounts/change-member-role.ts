import { eq } from 'drizzle-orm';
import { STAFF_ROLES, type StaffRole } from '../../../shared/accounts.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { listTeam } from './list-team.js';
import { checkNotLastAdmin, findMembership } from './member-queries.js';
import { memberships } from './schema.js';

const isStaff = (role: string) => (STAFF_ROLES as readonly string[]).includes(role);

/** Changes a colleague's role (staff roles only); the sensitive data right follows the support role by default. */
export async function changeMemberRole(o: { db: Db; actor: OrgActor; membershipId: string; role: StaffRole }) {
  if (!isStaff(o.role))
    throw validationFailed([{ path: 'role', message: 'Ce rôle ne peut pas être donné à un membre de l’équipe.' }]);
  return o.db.transaction(async (tx) => {
    const m = await findMembership(tx, o.actor, o.membershipId);
    if (!isStaff(m.role)) throw notFound('Ce compte');
    if (o.role !== m.role) await checkNotLastAdmin(tx, o.actor, m);
    const sensitiveAccess =
      o.role === 'support_officer' ? true : m.role === 'support_officer' ? false : m.sensitiveAccess;
    await tx.update(memberships).set({ role: o.role, sensitiveAccess }).where(eq(memberships.id, m.id));
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'member.role_change',
      recordType: 'membership',
      recordId: m.id,
      details: { from: m.role, to: o.role },
    });
    return (await listTeam({ db: tx, actor: o.actor })).members.find((x) => x.membershipId === m.id)!;
  });
}
