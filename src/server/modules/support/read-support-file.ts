import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { maySeeSensitive } from '../../policies/sensitive.js';
import { users } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { findWorker, fullName } from '../workers/find-worker.js';
import { exitCountsForStatistics } from './rules/exit-counting.js';
import {
  barriers,
  immersions,
  pathwaySteps,
  pathways,
  supportActions,
  supportInterviews,
  trainings,
  workerExits,
} from './schema.js';
import type { SupportFileView } from './support-views.js';

export type ReadSupportFileOptions = { db: Db; actor: OrgActor; workerId: string; purpose?: string };

/**
 * The support file of a worker, with its sensitive parts (interview notes, barrier details). Only support.read
 * roles of the worker's AI reach it (the route's guard and the tenant check), and every read is logged
 * (audit action 'support.read', RGPD). The sensitive parts are shown only to a reader granted the sensitive
 * data right (policies/sensitive.ts); the others see that they exist (`restricted: true`).
 */
export async function readSupportFile({
  db,
  actor,
  workerId,
  purpose = 'view',
}: ReadSupportFileOptions): Promise<SupportFileView> {
  const worker = await findWorker(db, actor, workerId);
  const interviews = await db
    .select({ i: supportInterviews, authorName: users.name })
    .from(supportInterviews)
    .leftJoin(users, eq(users.id, supportInterviews.authorUserId))
    .where(eq(supportInterviews.workerId, workerId))
    .orderBy(desc(supportInterviews.heldOn), desc(supportInterviews.createdAt));
  const barrierRows = await db
    .select()
    .from(barriers)
    .where(eq(barriers.workerId, workerId))
    .orderBy(asc(barriers.identifiedOn));
  const actions = await db
    .select()
    .from(supportActions)
    .where(eq(supportActions.workerId, workerId))
    .orderBy(asc(supportActions.createdAt));
  const imm = await db
    .select()
    .from(immersions)
    .where(eq(immersions.workerId, workerId))
    .orderBy(desc(immersions.startDate));
  const tr = await db
    .select()
    .from(trainings)
    .where(eq(trainings.workerId, workerId))
    .orderBy(desc(trainings.startDate));
  const pw = await db.select().from(pathways).where(eq(pathways.workerId, workerId)).orderBy(asc(pathways.startedOn));
  const steps = pw.length
    ? await db
        .select()
        .from(pathwaySteps)
        .where(
          inArray(
            pathwaySteps.pathwayId,
            pw.map((p) => p.id),
          ),
        )
        .orderBy(asc(pathwaySteps.position))
    : [];
  const [exit] = await db.select().from(workerExits).where(eq(workerExits.workerId, workerId));
  const sensitive = maySeeSensitive(actor);
  await recordAudit({
    db,
    actor,
    action: 'support.read',
    recordType: 'worker',
    recordId: workerId,
    details: { purpose, sensitive },
  });
  return {
    workerId,
    workerName: fullName(worker),
    interviews: interviews.map(({ i, authorName }) => ({
      id: i.id,
      heldOn: i.heldOn,
      kind: i.kind,
      notes: sensitive ? i.notes : null,
      authorName,
      restricted: !sensitive,
    })),
    barriers: barrierRows.map((b) => ({
      id: b.id,
      category: b.category,
      intensity: b.intensity,
      status: b.status,
      details: sensitive ? b.details : null,
      restricted: !sensitive,
      identifiedOn: b.identifiedOn,
      liftedOn: b.liftedOn,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      barrierId: a.barrierId,
      label: a.label,
      partner: a.partner,
      dueOn: a.dueOn,
      status: a.status,
    })),
    immersions: imm.map((i) => ({
      id: i.id,
      host: i.host,
      startDate: i.startDate,
      endDate: i.endDate,
      objective: i.objective,
      outcome: i.outcome,
    })),
    trainings: tr.map((t) => ({
      id: t.id,
      title: t.title,
      provider: t.provider,
      startDate: t.startDate,
      endDate: t.endDate,
      status: t.status,
    })),
    pathways: pw.map((p) => ({
      id: p.id,
      template: p.template,
      title: p.title,
      startedOn: p.startedOn,
      steps: steps
        .filter((s) => s.pathwayId === p.id)
        .map((s) => ({
          id: s.id,
          position: s.position,
          kind: s.kind,
          label: s.label,
          status: s.status,
          doneOn: s.doneOn,
        })),
    })),
    exit: exit ? presentExit(exit) : null,
  };
}

export const presentExit = (e: typeof workerExits.$inferSelect) => ({
  id: e.id,
  workerId: e.workerId,
  date: e.exitDate,
  category: e.category,
  reason: e.reason,
  aspReason: e.aspReason,
  minutesWorked: e.minutesWorked,
  countsForStatistics: exitCountsForStatistics(e.minutesWorked),
  hiredByClientId: e.hiredByClientId,
});
