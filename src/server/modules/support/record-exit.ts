import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { frenchDate, parisInstant } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { freeWorkerShiftsAfter } from '../planning/free-worker-shifts.js';
import { shifts } from '../planning/queries.js';
import { findWorker, fullName } from '../workers/find-worker.js';
import { minutesWorked } from './minutes-worked.js';
import { presentExit } from './read-support-file.js';
import { type AspExitReason, aspReasonProblem } from './rules/asp-exit-reasons.js';
import { type ExitCategory, workerExits } from './schema.js';

export type ExitInput = {
  date: string;
  category: ExitCategory;
  reason: string;
  hiredByClientId?: string;
  /** Free the shifts still given to the person after the exit date (they become open) instead of refusing. */
  freeShifts?: boolean;
  /** The ASP exit reason, carried beside the category in the State's monthly export. */
  aspReason?: AspExitReason;
};
export type RecordExitOptions = { db: Db; actor: OrgActor; workerId: string; input: ExitInput };

/**
 * Records a worker's exit with its ASP category (API.md POST /workers/:id/exits). Shifts still assigned to the
 * worker after the exit date are freed (open again) when the officer confirmed it (freeShifts), else the exit is
 * refused, naming them. Hours worked are frozen for the statistics.
 */
export async function recordExit({ db, actor, workerId, input }: RecordExitOptions) {
  return db.transaction(async (tx) => {
    const worker = await findWorker(tx, actor, workerId);
    const aspProblem = aspReasonProblem(input.category, input.aspReason);
    if (aspProblem) throw ruleBroken('asp_exit_reason_category', aspProblem);
    const [existing] = await tx
      .select({ id: workerExits.id })
      .from(workerExits)
      .where(eq(workerExits.workerId, workerId));
    if (existing) throw conflict('worker_already_exited', `La sortie de ${fullName(worker)} est déjà enregistrée.`);
    const endOfDay = parisInstant(input.date, '23:59');
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(shifts)
      .where(and(eq(shifts.workerId, workerId), eq(shifts.status, 'assigned'), gt(shifts.endAt, endOfDay)));
    if (n > 0 && input.freeShifts) await freeWorkerShiftsAfter({ db: tx, actor, workerId, date: input.date });
    else if (n > 0)
      throw ruleBroken(
        'exit_with_future_shifts',
        `${fullName(worker)} a encore ${n} créneau${n > 1 ? 'x' : ''} après le ${frenchDate(input.date)} : libérez-les avant d’enregistrer la sortie.`,
      );
    if (input.hiredByClientId) {
      const [client] = await tx
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.id, input.hiredByClientId), eq(clients.organisationId, actor.organisationId)));
      if (!client) throw notFound('Ce client');
      if (input.category === 'withdrawn' || input.category === 'other')
        throw ruleBroken(
          'hire_needs_employment_exit',
          'Une embauche par un client est une sortie vers l’emploi (durable ou de transition).',
        );
    }
    const minutes = await minutesWorked(tx, workerId, new Date(Math.min(endOfDay.getTime(), Date.now())));
    const [row] = await tx
      .insert(workerExits)
      .values({
        organisationId: actor.organisationId,
        workerId,
        exitDate: input.date,
        category: input.category,
        reason: input.reason,
        aspReason: input.aspReason ?? null,
        minutesWorked: minutes,
        hiredByClientId: input.hiredByClientId ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'exit.record',
      recordType: 'worker',
      recordId: workerId,
      details: { category: input.category },
    });
    return presentExit(row);
  });
}
