import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, validationFailed } from '../../http/errors.js';
import { maySeeSensitive } from '../../policies/sensitive.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { findWorker } from '../workers/find-worker.js';
import { findTemplate } from './pathway-templates.js';
import {
  type ACTION_STATUSES,
  type BARRIER_STATUSES,
  type BarrierCategory,
  barriers,
  type INTERVIEW_KINDS,
  immersions,
  pathwaySteps,
  pathways,
  type STEP_STATUSES,
  supportActions,
  supportInterviews,
  type TRAINING_STATUSES,
  trainings,
} from './schema.js';

/**
 * Writes to a worker's support file (interviews, barriers, actions, immersions, trainings, pathways).
 * Every write is scoped to the actor's AI (findWorker → 404 for another AI's worker) and audited.
 */
type Base = { db: Db; actor: OrgActor; workerId: string };

async function inFile<T>(
  o: Base,
  action: string,
  write: (tx: Db) => Promise<T & { id: string }>,
): Promise<T & { id: string }> {
  return o.db.transaction(async (tx) => {
    await findWorker(tx, o.actor, o.workerId);
    const row = await write(tx);
    await recordAudit({
      db: tx,
      actor: o.actor,
      action,
      recordType: 'worker',
      recordId: o.workerId,
      details: { id: row.id },
    });
    return row;
  });
}

const notFoundUnless = <T>(row: T | undefined, what: string): T => {
  if (!row) throw notFound(what);
  return row;
};

export type InterviewInput = { heldOn: string; kind?: (typeof INTERVIEW_KINDS)[number]; notes: string };

export async function recordInterview(o: Base & { input: InterviewInput }) {
  return inFile(o, 'support.interview.record', async (tx) => {
    const [row] = await tx
      .insert(supportInterviews)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        heldOn: o.input.heldOn,
        kind: o.input.kind ?? 'follow_up',
        notes: o.input.notes,
        authorUserId: o.actor.userId,
      })
      .returning();
    return { id: row.id, heldOn: row.heldOn, kind: row.kind, notes: row.notes, authorName: null };
  });
}

export type BarrierInput = {
  category: BarrierCategory;
  intensity: number;
  status?: (typeof BARRIER_STATUSES)[number];
  details?: string | null;
  identifiedOn?: string;
  liftedOn?: string | null;
};

/** The details are sensitive: a writer without the right changes a barrier without reading them. */
const presentBarrier = (b: typeof barriers.$inferSelect, actor: OrgActor) => ({
  id: b.id,
  category: b.category,
  intensity: b.intensity,
  status: b.status,
  details: maySeeSensitive(actor) ? b.details : null,
  restricted: !maySeeSensitive(actor),
  identifiedOn: b.identifiedOn,
  liftedOn: b.liftedOn,
});

export async function addBarrier(o: Base & { input: BarrierInput }) {
  const status = o.input.status ?? 'identified';
  const liftedOn = status === 'lifted' ? (o.input.liftedOn ?? parisToday()) : null;
  return inFile(o, 'support.barrier.add', async (tx) => {
    const [row] = await tx
      .insert(barriers)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        category: o.input.category,
        intensity: o.input.intensity,
        status,
        details: o.input.details ?? null,
        identifiedOn: o.input.identifiedOn ?? parisToday(),
        liftedOn,
      })
      .returning();
    return presentBarrier(row, o.actor);
  });
}

export async function updateBarrier(o: Base & { barrierId: string; input: Partial<BarrierInput> }) {
  return inFile(o, 'support.barrier.update', async (tx) => {
    const [current] = await tx
      .select()
      .from(barriers)
      .where(and(eq(barriers.id, o.barrierId), eq(barriers.workerId, o.workerId)));
    notFoundUnless(current, 'Ce frein');
    const status = o.input.status ?? current.status;
    const liftedOn = status === 'lifted' ? (o.input.liftedOn ?? current.liftedOn ?? parisToday()) : null;
    if (liftedOn && liftedOn < (o.input.identifiedOn ?? current.identifiedOn))
      throw validationFailed([{ path: 'liftedOn', message: 'Un frein est levé après avoir été repéré.' }]);
    const [row] = await tx
      .update(barriers)
      .set({
        intensity: o.input.intensity ?? current.intensity,
        details: o.input.details === undefined ? current.details : o.input.details,
        identifiedOn: o.input.identifiedOn ?? current.identifiedOn,
        category: o.input.category ?? current.category,
        status,
        liftedOn,
        updatedAt: new Date(),
      })
      .where(eq(barriers.id, o.barrierId))
      .returning();
    return presentBarrier(row, o.actor);
  });
}

export type ActionInput = {
  label: string;
  partner?: string | null;
  barrierId?: string | null;
  dueOn?: string | null;
  status?: (typeof ACTION_STATUSES)[number];
};

const presentAction = (a: typeof supportActions.$inferSelect) => ({
  id: a.id,
  barrierId: a.barrierId,
  label: a.label,
  partner: a.partner,
  dueOn: a.dueOn,
  status: a.status,
});

export async function addAction(o: Base & { input: ActionInput }) {
  return inFile(o, 'support.action.add', async (tx) => {
    if (o.input.barrierId) {
      const [b] = await tx
        .select({ id: barriers.id })
        .from(barriers)
        .where(and(eq(barriers.id, o.input.barrierId), eq(barriers.workerId, o.workerId)));
      notFoundUnless(b, 'Ce frein');
    }
    const [row] = await tx
      .insert(supportActions)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        label: o.input.label,
        partner: o.input.partner ?? null,
        barrierId: o.input.barrierId ?? null,
        dueOn: o.input.dueOn ?? null,
        status: o.input.status ?? 'planned',
      })
      .returning();
    return presentAction(row);
  });
}

export async function updateActionStatus(o: Base & { actionId: string; status: (typeof ACTION_STATUSES)[number] }) {
  return inFile(o, 'support.action.update', async (tx) => {
    const [row] = await tx
      .update(supportActions)
      .set({ status: o.status })
      .where(and(eq(supportActions.id, o.actionId), eq(supportActions.workerId, o.workerId)))
      .returning();
    return presentAction(notFoundUnless(row, 'Cette action'));
  });
}

export type ImmersionInput = {
  host: string;
  startDate: string;
  endDate: string;
  objective: string;
  outcome?: string | null;
};

const presentImmersion = (i: typeof immersions.$inferSelect) => ({
  id: i.id,
  host: i.host,
  startDate: i.startDate,
  endDate: i.endDate,
  objective: i.objective,
  outcome: i.outcome,
});

/** PMSMP: at most one month per host (Code du travail D5135-2). */
export async function recordImmersion(o: Base & { input: ImmersionInput }) {
  if (o.input.endDate < o.input.startDate)
    throw validationFailed([{ path: 'endDate', message: 'La fin de l’immersion précède son début.' }]);
  return inFile(o, 'support.immersion.record', async (tx) => {
    const [row] = await tx
      .insert(immersions)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        ...o.input,
        outcome: o.input.outcome ?? null,
      })
      .returning();
    return presentImmersion(row);
  });
}

export async function recordImmersionOutcome(o: Base & { immersionId: string; outcome: string }) {
  return inFile(o, 'support.immersion.outcome', async (tx) => {
    const [row] = await tx
      .update(immersions)
      .set({ outcome: o.outcome })
      .where(and(eq(immersions.id, o.immersionId), eq(immersions.workerId, o.workerId)))
      .returning();
    return presentImmersion(notFoundUnless(row, 'Cette immersion'));
  });
}

export type TrainingInput = {
  title: string;
  provider?: string | null;
  startDate: string;
  endDate?: string | null;
  status?: (typeof TRAINING_STATUSES)[number];
};

const presentTraining = (t: typeof trainings.$inferSelect) => ({
  id: t.id,
  title: t.title,
  provider: t.provider,
  startDate: t.startDate,
  endDate: t.endDate,
  status: t.status,
});

export async function recordTraining(o: Base & { input: TrainingInput }) {
  if (o.input.endDate && o.input.endDate < o.input.startDate)
    throw validationFailed([{ path: 'endDate', message: 'La fin de la formation précède son début.' }]);
  return inFile(o, 'support.training.record', async (tx) => {
    const [row] = await tx
      .insert(trainings)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        title: o.input.title,
        provider: o.input.provider ?? null,
        startDate: o.input.startDate,
        endDate: o.input.endDate ?? null,
        status: o.input.status ?? 'planned',
      })
      .returning();
    return presentTraining(row);
  });
}

export async function updateTrainingStatus(
  o: Base & { trainingId: string; status: (typeof TRAINING_STATUSES)[number] },
) {
  return inFile(o, 'support.training.update', async (tx) => {
    const [row] = await tx
      .update(trainings)
      .set({ status: o.status })
      .where(and(eq(trainings.id, o.trainingId), eq(trainings.workerId, o.workerId)))
      .returning();
    return presentTraining(notFoundUnless(row, 'Cette formation'));
  });
}

/** Starts a pathway from a template: its steps are copied, the first one in progress. */
export async function startPathway(o: Base & { template: string; startedOn?: string }) {
  const template = findTemplate(o.template);
  if (!template) throw validationFailed([{ path: 'template', message: 'Ce modèle de parcours n’existe pas.' }]);
  return inFile(o, 'support.pathway.start', async (tx) => {
    const [p] = await tx
      .insert(pathways)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        template: template.key,
        title: template.title,
        startedOn: o.startedOn ?? parisToday(),
      })
      .returning();
    const steps = [];
    for (const [i, s] of template.steps.entries()) {
      const [row] = await tx
        .insert(pathwaySteps)
        .values({
          organisationId: o.actor.organisationId,
          pathwayId: p.id,
          position: i + 1,
          kind: s.kind,
          label: s.label,
          status: i === 0 ? 'in_progress' : 'todo',
        })
        .returning();
      steps.push({
        id: row.id,
        position: row.position,
        kind: row.kind,
        label: row.label,
        status: row.status,
        doneOn: row.doneOn,
      });
    }
    return { id: p.id, template: p.template, title: p.title, startedOn: p.startedOn, steps };
  });
}

export async function updatePathwayStep(
  o: Base & { pathwayId: string; stepId: string; status: (typeof STEP_STATUSES)[number]; doneOn?: string | null },
) {
  return inFile(o, 'support.pathway.step', async (tx) => {
    const [p] = await tx
      .select({ id: pathways.id })
      .from(pathways)
      .where(and(eq(pathways.id, o.pathwayId), eq(pathways.workerId, o.workerId)));
    notFoundUnless(p, 'Ce parcours');
    const [row] = await tx
      .update(pathwaySteps)
      .set({ status: o.status, doneOn: o.status === 'done' ? (o.doneOn ?? parisToday()) : null })
      .where(and(eq(pathwaySteps.id, o.stepId), eq(pathwaySteps.pathwayId, o.pathwayId)))
      .returning();
    const s = notFoundUnless(row, 'Cette étape');
    return { id: s.id, position: s.position, kind: s.kind, label: s.label, status: s.status, doneOn: s.doneOn };
  });
}
