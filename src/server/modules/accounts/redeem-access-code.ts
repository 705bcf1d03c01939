import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { AppError, notFound, rateLimited } from '../../http/errors.js';
import { acceptAccessInvitation } from './accept-access-invitation.js';
import { accessCodeHash } from './access-tokens.js';
import { LOGIN_LIMITS } from './log-in.js';
import { loginAttempts } from './schema.js';

/** Failed code attempts are counted with failed logins, under this pseudo-address, per IP. */
const CODE_ATTEMPT = 'code-d-acces';

/** Signs a phone in with a printed code; wrong codes are limited per IP like passwords. */
export async function redeemAccessCode(o: { db: Db; code: string; ip: string; userAgent?: string }) {
  const since = sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`;
  const [tries] = await o.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, o.ip), eq(loginAttempts.email, CODE_ATTEMPT), gt(loginAttempts.at, since)));
  if (tries.n >= LOGIN_LIMITS.perIp)
    throw rateLimited(`Trop de codes essayés. Réessayez dans ${LOGIN_LIMITS.windowMinutes} minutes.`);
  try {
    return await acceptAccessInvitation({
      db: o.db,
      tokenHash: accessCodeHash(o.code),
      ip: o.ip,
      userAgent: o.userAgent,
    });
  } catch (e) {
    if (e instanceof AppError && e.status === 404) {
      await o.db.insert(loginAttempts).values({ email: CODE_ATTEMPT, ip: o.ip });
      throw notFound('Ce code');
    }
    throw e;
  }
}
