import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { conflict, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { memberships, type Role, users } from './schema.js';

export type CreateUserOptions = {
  db: Db;
  actorUserId?: string | null;
  email: string;
  name: string;
  password?: string;
  /** Precomputed hash (demo world, tests): avoids hashing the same password thousands of times. */
  passwordHash?: string;
  membership?: {
    role: Role;
    organisationId?: string | null;
    networkId?: string | null;
    clientId?: string | null;
    workerId?: string | null;
    /** Sensitive data right; support officers hold it unless told otherwise. */
    sensitiveAccess?: boolean;
  };
};

/** Creates a user, or adds the membership to an existing user with the same email. */
export async function createUser(o: CreateUserOptions) {
  // Every password a person chooses goes through here (command line, invitation): the rule holds everywhere.
  const problem = o.password !== undefined ? passwordProblem(o.password) : null;
  if (problem) throw validationFailed([{ path: 'password', message: problem }], problem);
  const passwordHash = o.passwordHash ?? (o.password ? await hashPassword(o.password) : null);
  return o.db.transaction(async (tx) => {
    const email = o.email.trim().toLowerCase();
    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (user && o.passwordHash === undefined && o.password) {
      throw conflict('email_taken', `Un compte existe déjà pour ${email}.`);
    }
    if (!user) {
      [user] = await tx.insert(users).values({ email, name: o.name, passwordHash }).returning();
    }
    if (o.membership) {
      await tx.insert(memberships).values({
        userId: user.id,
        role: o.membership.role,
        organisationId: o.membership.organisationId ?? null,
        networkId: o.membership.networkId ?? null,
        clientId: o.membership.clientId ?? null,
        workerId: o.membership.workerId ?? null,
        sensitiveAccess: o.membership.sensitiveAccess ?? o.membership.role === 'support_officer',
      });
    }
    await recordAudit({
      db: tx,
      actor: {
        userId: o.actorUserId,
        organisationId: o.membership?.organisationId,
        networkId: o.membership?.networkId,
      },
      action: 'user.create',
      recordType: 'user',
      recordId: user.id,
      details: { role: o.membership?.role },
    });
    return user;
  });
}
