import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import { can } from '../../http/can.js';
import { isoDay } from '../../http/validation.js';
import { addAction } from './add-action.js';
import { addBarrier } from './add-barrier.js';
import { exportWorkerData, exportWorkerDataPdf } from './export-worker-data.js';
import { PATHWAY_TEMPLATES } from './pathway-templates.js';
import { readSupportFile } from './read-support-file.js';
import { recordExit } from './record-exit.js';
import { recordImmersion } from './record-immersion.js';
import { recordImmersionOutcome } from './record-immersion-outcome.js';
import { recordInterview } from './record-interview.js';
import { recordTraining } from './record-training.js';
import { ASP_EXIT_REASON_CODES } from './rules/asp-exit-reasons.js';
import {
  ACTION_STATUSES,
  BARRIER_CATEGORIES,
  BARRIER_STATUSES,
  EXIT_CATEGORIES,
  INTERVIEW_KINDS,
  STEP_STATUSES,
  TRAINING_STATUSES,
} from './schema.js';
import { startPathway } from './start-pathway.js';
import {
  ActionView,
  BarrierView,
  ExitView,
  ImmersionView,
  InterviewView,
  PathwayView,
  SupportFileView,
  TrainingView,
} from './support-views.js';
import { updateActionStatus } from './update-action-status.js';
import { updateBarrier } from './update-barrier.js';
import { updatePathwayStep } from './update-pathway-step.js';
import { updateTrainingStatus } from './update-training-status.js';

const tags = ['support'];
const IsoDate = isoDay();
const WorkerParams = z.object({ orgId: z.uuid(), workerId: z.uuid() });
const text = (max: number) => z.string().trim().min(1, { message: 'Ce champ est obligatoire.' }).max(max);

const InterviewBody = z.strictObject({
  heldOn: IsoDate,
  kind: z.enum(INTERVIEW_KINDS).optional(),
  notes: text(20_000),
});
const BarrierBody = z.strictObject({
  category: z.enum(BARRIER_CATEGORIES),
  intensity: z.number().int().min(1).max(3),
  status: z.enum(BARRIER_STATUSES).optional(),
  details: z.string().max(4000).nullable().optional(),
  identifiedOn: IsoDate.optional(),
  liftedOn: IsoDate.nullable().optional(),
});
const ActionBody = z.strictObject({
  label: text(500),
  partner: z.string().max(200).nullable().optional(),
  barrierId: z.uuid().nullable().optional(),
  dueOn: IsoDate.nullable().optional(),
  status: z.enum(ACTION_STATUSES).optional(),
});
const ImmersionBody = z.strictObject({
  host: text(200),
  startDate: IsoDate,
  endDate: IsoDate,
  objective: text(1000),
  outcome: z.string().max(4000).nullable().optional(),
});
const TrainingBody = z.strictObject({
  title: text(300),
  provider: z.string().max(200).nullable().optional(),
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
  status: z.enum(TRAINING_STATUSES).optional(),
});
const ExitBody = z.strictObject({
  date: IsoDate,
  category: z.enum(EXIT_CATEGORIES),
  reason: text(2000),
  /** The client that hired the person, if any. */
  hiredByClientId: z.string().uuid().optional(),
  /** Free the person's shifts after the exit date (confirmed by the officer) instead of refusing the exit. */
  freeShifts: z.boolean().optional(),
  /** The ASP exit reason (support/rules/asp-exit-reasons.ts), carried in the State's monthly export. */
  aspReason: z.enum(ASP_EXIT_REASON_CODES).optional(),
});

export const supportRoutes: FastifyPluginAsyncZod = async (app) => {
  const sub = (suffix: string) => `/api/orgs/:orgId/workers/:workerId/support${suffix}`;

  app.get(
    sub(''),
    {
      schema: {
        tags,
        summary: 'The support file (sensitive: support staff of the AI only; every read is logged)',
        params: WorkerParams,
        response: { 200: SupportFileView },
      },
      preHandler: can('support.read'),
    },
    async (req) => readSupportFile({ db: req.db, actor: req.actor, workerId: req.params.workerId }),
  );

  app.get(
    '/api/orgs/:orgId/pathway-templates',
    {
      schema: {
        tags,
        summary: 'Pathway templates',
        params: z.object({ orgId: z.uuid() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                key: z.string(),
                title: z.string(),
                steps: z.array(z.object({ kind: z.string(), label: z.string() })),
              }),
            ),
          }),
        },
      },
      preHandler: can('support.read'),
    },
    async () => ({ items: PATHWAY_TEMPLATES }),
  );

  app.post(
    sub('/interviews'),
    {
      schema: { tags, params: WorkerParams, body: InterviewBody, response: { 201: InterviewView } },
      preHandler: can('support.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordInterview({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.post(
    sub('/barriers'),
    {
      schema: { tags, params: WorkerParams, body: BarrierBody, response: { 201: BarrierView } },
      preHandler: can('support.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addBarrier({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    sub('/barriers/:barrierId'),
    {
      schema: {
        tags,
        params: WorkerParams.extend({ barrierId: z.uuid() }),
        body: BarrierBody.partial(),
        response: { 200: BarrierView },
      },
      preHandler: can('support.write'),
    },
    async (req) =>
      updateBarrier({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        barrierId: req.params.barrierId,
        input: req.body,
      }),
  );

  app.post(
    sub('/actions'),
    {
      schema: { tags, params: WorkerParams, body: ActionBody, response: { 201: ActionView } },
      preHandler: can('support.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addAction({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    sub('/actions/:actionId'),
    {
      schema: {
        tags,
        params: WorkerParams.extend({ actionId: z.uuid() }),
        body: z.strictObject({ status: z.enum(ACTION_STATUSES) }),
        response: { 200: ActionView },
      },
      preHandler: can('support.write'),
    },
    async (req) =>
      updateActionStatus({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        actionId: req.params.actionId,
        status: req.body.status,
      }),
  );

  app.post(
    sub('/immersions'),
    {
      schema: {
        tags,
        summary: 'Record a PMSMP immersion',
        params: WorkerParams,
        body: ImmersionBody,
        response: { 201: ImmersionView },
      },
      preHandler: can('support.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordImmersion({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    sub('/immersions/:immersionId'),
    {
      schema: {
        tags,
        params: WorkerParams.extend({ immersionId: z.uuid() }),
        body: z.strictObject({ outcome: text(4000) }),
        response: { 200: ImmersionView },
      },
      preHandler: can('support.write'),
    },
    async (req) =>
      recordImmersionOutcome({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        immersionId: req.params.immersionId,
        outcome: req.body.outcome,
      }),
  );

  app.post(
    sub('/trainings'),
    {
      schema: { tags, params: WorkerParams, body: TrainingBody, response: { 201: TrainingView } },
      preHandler: can('support.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordTraining({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    sub('/trainings/:trainingId'),
    {
      schema: {
        tags,
        params: WorkerParams.extend({ trainingId: z.uuid() }),
        body: z.strictObject({ status: z.enum(TRAINING_STATUSES) }),
        response: { 200: TrainingView },
      },
      preHandler: can('support.write'),
    },
    async (req) =>
      updateTrainingStatus({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        trainingId: req.params.trainingId,
        status: req.body.status,
      }),
  );

  app.post(
    sub('/pathways'),
    {
      schema: {
        tags,
        summary: 'Start a pathway from a template',
        params: WorkerParams,
        body: z.strictObject({ template: z.string().max(50), startedOn: IsoDate.optional() }),
        response: { 201: PathwayView },
      },
      preHandler: can('support.write'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await startPathway({
          db: req.db,
          actor: req.actor,
          workerId: req.params.workerId,
          template: req.body.template,
          startedOn: req.body.startedOn,
        }),
      ),
  );

  app.patch(
    sub('/pathways/:pathwayId/steps/:stepId'),
    {
      schema: {
        tags,
        params: WorkerParams.extend({ pathwayId: z.uuid(), stepId: z.uuid() }),
        body: z.strictObject({ status: z.enum(STEP_STATUSES), doneOn: IsoDate.nullable().optional() }),
        response: { 200: PathwayView.shape.steps.element },
      },
      preHandler: can('support.write'),
    },
    async (req) =>
      updatePathwayStep({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        pathwayId: req.params.pathwayId,
        stepId: req.params.stepId,
        status: req.body.status,
        doneOn: req.body.doneOn,
      }),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/exits',
    {
      schema: {
        tags,
        summary: 'Record the exit (API.md); counted for statistics after 150 h worked',
        params: WorkerParams,
        body: ExitBody,
        response: { 201: ExitView },
      },
      preHandler: can('exit.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordExit({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.get(
    '/api/orgs/:orgId/workers/:workerId/export',
    {
      schema: {
        response: { 200: z.record(z.string(), z.unknown()).describe('Everything held about the worker') },
        tags,
        summary: 'Everything held about a worker (RGPD access), JSON; logged',
        params: WorkerParams,
      },
      preHandler: can('worker.export'),
    },
    async (req, reply) => {
      const data = await exportWorkerData({ db: req.db, actor: req.actor, workerId: req.params.workerId });
      return reply
        .header('content-disposition', `attachment; filename="donnees-${req.params.workerId.slice(0, 8)}.json"`)
        .send(data);
    },
  );

  app.get(
    '/api/orgs/:orgId/workers/:workerId/export.pdf',
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags,
        summary: 'The same export as a readable PDF; logged',
        params: WorkerParams,
      },
      preHandler: can('worker.export'),
    },
    async (req, reply) => {
      const pdf = await exportWorkerDataPdf({ db: req.db, actor: req.actor, workerId: req.params.workerId });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="donnees-${req.params.workerId.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );
};
