import { and, eq } from 'drizzle-orm';
import { HIRE_CONTRACT_LABELS, HIRE_EXIT } from '../../../shared/hires.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, frenchDate } from '../calendar/paris-time.js';
import { findHireDeclaration } from './hire-declarations.js';
import { recordExit } from './record-exit.js';
import { hireDeclarations } from './schema.js';

export type ConfirmHireInput = {
  /** The last day at the AI; by default the day before the hire. */
  exitDate?: string;
  note?: string | null;
  /** Free the person's shifts after the exit date (the officer saw them named) instead of refusing. */
  freeShifts?: boolean;
};

/**
 * The support officer confirms a client's declared hire: the worker's exit is recorded through recordExit —
 * to durable employment for a CDI or a CDD of 6 months and more, to transitional employment otherwise (ASP
 * typology, shared/hires.ts) — with the client as employer (hiredByClientId, the network's « embauches par
 * les clients »). Its refusals (shifts still given after the exit date, an exit already recorded) pass through.
 */
export async function confirmHire(o: { db: Db; actor: OrgActor; id: string; input: ConfirmHireInput }) {
  const { db, actor, id, input } = o;
  return db.transaction(async (tx) => {
    const d = await findHireDeclaration(tx, actor, id);
    if (d.status !== 'pending') throw conflict('hire_already_answered', 'Cette déclaration a déjà reçu une réponse.');
    const exitDate = input.exitDate ?? addDays(d.hireDate, -1);
    const exit = HIRE_EXIT[d.contractKind];
    const created = await recordExit({
      db: tx,
      actor,
      workerId: d.workerId,
      input: {
        date: exitDate,
        category: exit.category,
        aspReason: exit.aspReason,
        reason: `Embauche par ${d.clientName} en ${HIRE_CONTRACT_LABELS[d.contractKind]} à partir du ${frenchDate(d.hireDate)}${input.note?.trim() ? ` — ${input.note.trim()}` : ''}`,
        hiredByClientId: d.clientId,
        freeShifts: input.freeShifts,
      },
    });
    await tx
      .update(hireDeclarations)
      .set({
        status: 'confirmed',
        answeredBy: actor.userId,
        answeredAt: new Date(),
        answerNote: input.note?.trim() || null,
        exitId: created.id,
      })
      .where(and(eq(hireDeclarations.id, id), eq(hireDeclarations.organisationId, actor.organisationId)));
    await recordAudit({
      db: tx,
      actor,
      action: 'hire.confirm',
      recordType: 'worker',
      recordId: d.workerId,
      details: { declarationId: id, exitDate },
    });
    return findHireDeclaration(tx, actor, id);
  });
}
