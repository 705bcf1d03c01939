import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from './passwords.js';
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
  };
};

/** Creates a user, or adds the membership to an existing user with the same email. */
export async function createUser(o: CreateUserOptions) {
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
