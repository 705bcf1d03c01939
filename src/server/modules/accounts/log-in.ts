import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { AppError, rateLimited } from '../../http/errors.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { loginAttempts, users } from './schema.js';
import { createSession, listMemberships } from './sessions.js';

/** Failed attempts allowed in the window before a pause is imposed. */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmail: 8, perIp: 40 };

export type LogInOptions = { db: Db; email: string; password: string; ip: string; userAgent?: string };

export async function logIn({ db, email, password, ip, userAgent }: LogInOptions) {
  const normalised = email.trim().toLowerCase();
  const since = sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
  const [[byEmail], [byIp]] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, normalised), gt(loginAttempts.at, since))),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since))),
  ]);
  if (byEmail.n >= LOGIN_LIMITS.perEmail || byIp.n >= LOGIN_LIMITS.perIp) {
    throw rateLimited(
      `Trop de tentatives de connexion. Réessayez dans ${LOGIN_LIMITS.windowMinutes} minutes ou demandez un nouveau mot de passe.`,
    );
  }

  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalised}`);
  const usable = user?.passwordHash && !user.disabledAt;
  // An unknown or disabled account still costs one verification, so timing does not reveal it.
  const verified = await verifyPassword(usable ? user.passwordHash! : await decoyHash(), password);
  const ok = usable && verified;
  if (!user || !ok) {
    await db.insert(loginAttempts).values({ email: normalised, ip });
    throw new AppError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
  }
  const token = await createSession({ db, userId: user.id, ip, userAgent });
  await db.delete(loginAttempts).where(eq(loginAttempts.email, normalised));
  return {
    token,
    user: { id: user.id, email: user.email, name: user.name },
    memberships: await listMemberships(db, user.id),
  };
}
