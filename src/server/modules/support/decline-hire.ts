import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findHireDeclaration } from './hire-declarations.js';
import { hireDeclarations } from './schema.js';

/** The support officer answers that the declared hire is not what happened (with a reason the client reads). */
export async function declineHire(o: { db: Db; actor: OrgActor; id: string; note: string }) {
  const { db, actor, id, note } = o;
  return db.transaction(async (tx) => {
    const d = await findHireDeclaration(tx, actor, id);
    if (d.status !== 'pending') throw conflict('hire_already_answered', 'Cette déclaration a déjà reçu une réponse.');
    await tx
      .update(hireDeclarations)
      .set({ status: 'declined', answeredBy: actor.userId, answeredAt: new Date(), answerNote: note.trim() })
      .where(and(eq(hireDeclarations.id, id), eq(hireDeclarations.organisationId, actor.organisationId)));
    await recordAudit({
      db: tx,
      actor,
      action: 'hire.decline',
      recordType: 'worker',
      recordId: d.workerId,
      details: { declarationId: id },
    });
    return findHireDeclaration(tx, actor, id);
  });
}
