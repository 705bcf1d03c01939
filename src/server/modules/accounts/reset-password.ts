import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound, ruleBroken, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueEmail } from '../notifications/queue-email.js';
import { newLinkToken } from './access-tokens.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { passwordResets, users } from './schema.js';
import { hashToken, revokeUserSessions } from './sessions.js';

/** A reset link is valid one hour and at most three are sent per hour to one account. */
export const RESET_LINK_MINUTES = 60;
const RESETS_PER_HOUR = 3;

/**
 * "Mot de passe oublié": emails a single-use link when the address has an active account. The answer is the
 * same either way, so that nobody learns which addresses have an account.
 */
export async function requestPasswordReset({ db, email, publicUrl }: { db: Db; email: string; publicUrl: string }) {
  const normalised = email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalised}`);
  if (!user || user.disabledAt || normalised.endsWith('@passerelle.invalid')) return;
  const [recent] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, sql`now() - interval '1 hour'`)));
  if (recent.n >= RESETS_PER_HOUR) return;
  const token = newLinkToken();
  await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000),
    });
    await queueEmail({
      db: tx,
      to: user.email,
      subject: 'Choisir un nouveau mot de passe Passerelle',
      text: [
        `Bonjour ${user.name},`,
        '',
        'Vous avez demandé à changer votre mot de passe. Ouvrez ce lien pour en choisir un nouveau :',
        `${publicUrl}/mot-de-passe/${token}`,
        '',
        `Ce lien sert une seule fois et reste valable ${RESET_LINK_MINUTES} minutes.`,
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
      ].join('\n'),
    });
  });
}

async function findReset(db: Db, token: string) {
  const [reset] = await db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt)));
  if (!reset) throw notFound('Ce lien');
  if (reset.expiresAt.getTime() < Date.now())
    throw ruleBroken('reset_link_expired', 'Ce lien a expiré : demandez-en un nouveau depuis « Mot de passe oublié ».');
  return reset;
}

/** Whether a reset link still works (the page says so before the person types a new password). */
export async function checkPasswordReset({ db, token }: { db: Db; token: string }) {
  await findReset(db, token);
  return { valid: true };
}

/** Sets the new password from a reset link; every session of the account ends (a thief's included). */
export async function resetPassword({ db, token, password }: { db: Db; token: string; password: string }) {
  const problem = passwordProblem(password);
  if (problem) throw validationFailed([{ path: 'password', message: problem }], problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const reset = await findReset(tx, token);
    await tx.execute(sql`SELECT id FROM password_resets WHERE id = ${reset.id} FOR UPDATE`);
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (!used) throw notFound('Ce lien');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await revokeUserSessions({ db: tx, userId: reset.userId });
    await recordAudit({
      db: tx,
      actor: { userId: reset.userId },
      action: 'password.reset',
      recordType: 'user',
      recordId: reset.userId,
    });
  });
}
