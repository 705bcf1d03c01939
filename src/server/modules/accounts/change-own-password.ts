import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { AppError, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { sessions, users } from './schema.js';

/** Changes one's own password after checking the current one; the other sessions end, this one stays. */
export async function changeOwnPassword(o: {
  db: Db;
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}) {
  const [user] = await o.db.select().from(users).where(eq(users.id, o.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, o.currentPassword)))
    throw new AppError(400, 'validation_failed', 'Le mot de passe actuel n’est pas le bon.', [
      { path: 'currentPassword', message: 'Le mot de passe actuel n’est pas le bon.' },
    ]);
  const problem = passwordProblem(o.newPassword);
  if (problem) throw validationFailed([{ path: 'newPassword', message: problem }], problem);
  const passwordHash = await hashPassword(o.newPassword);
  await o.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, o.userId));
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, o.userId), ne(sessions.id, o.sessionId), isNull(sessions.revokedAt)));
    await recordAudit({
      db: tx,
      actor: { userId: o.userId },
      action: 'password.change',
      recordType: 'user',
      recordId: o.userId,
    });
  });
}
