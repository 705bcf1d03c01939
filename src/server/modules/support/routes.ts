import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import { supportApi } from '../../../shared/support.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
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
import { updateActionStatus } from './update-action-status.js';
import { updateBarrier } from './update-barrier.js';
import { updatePathwayStep } from './update-pathway-step.js';
import { updateTrainingStatus } from './update-training-status.js';

const tags = ['support'];
const IsoDate = isoDay();
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

const api = supportApi;
/** A route's schema from its shared endpoint, with its summary (and the server's stricter inputs). */
const schema = <E extends Parameters<typeof schemaOf>[0]>(
  e: E,
  summary?: string,
  stricter?: Parameters<typeof schemaOf>[2],
) => ({ ...schemaOf(e, tags, stricter), ...(summary ? { summary } : {}) });

export const supportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    api.file.path,
    {
      schema: schema(api.file, 'The support file (sensitive: support staff of the AI only; every read is logged)'),
      preHandler: can('support.read'),
    },
    async (req) => readSupportFile({ db: req.db, actor: req.actor, workerId: req.params.workerId }),
  );

  app.get(
    api.pathwayTemplates.path,
    { schema: schema(api.pathwayTemplates, 'Pathway templates'), preHandler: can('support.read') },
    async () => ({ items: PATHWAY_TEMPLATES }),
  );

  app.post(
    api.recordInterview.path,
    { schema: schema(api.recordInterview, undefined, { body: InterviewBody }), preHandler: can('support.write') },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordInterview({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.post(
    api.addBarrier.path,
    { schema: schema(api.addBarrier, undefined, { body: BarrierBody }), preHandler: can('support.write') },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addBarrier({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    api.updateBarrier.path,
    {
      schema: schema(api.updateBarrier, undefined, { body: BarrierBody.partial() }),
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
    api.addAction.path,
    { schema: schema(api.addAction, undefined, { body: ActionBody }), preHandler: can('support.write') },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addAction({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    api.updateActionStatus.path,
    { schema: schema(api.updateActionStatus), preHandler: can('support.write') },
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
    api.recordImmersion.path,
    {
      schema: schema(api.recordImmersion, 'Record a PMSMP immersion', { body: ImmersionBody }),
      preHandler: can('support.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordImmersion({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    api.recordImmersionOutcome.path,
    { schema: schema(api.recordImmersionOutcome), preHandler: can('support.write') },
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
    api.recordTraining.path,
    { schema: schema(api.recordTraining, undefined, { body: TrainingBody }), preHandler: can('support.write') },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordTraining({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    api.updateTrainingStatus.path,
    { schema: schema(api.updateTrainingStatus), preHandler: can('support.write') },
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
    api.startPathway.path,
    {
      schema: schema(api.startPathway, 'Start a pathway from a template', {
        body: z.strictObject({ template: z.string().max(50), startedOn: IsoDate.optional() }),
      }),
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
    api.updatePathwayStep.path,
    {
      schema: schema(api.updatePathwayStep, undefined, {
        body: z.strictObject({ status: z.enum(STEP_STATUSES), doneOn: IsoDate.nullable().optional() }),
      }),
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
    api.recordExit.path,
    {
      schema: schema(api.recordExit, 'Record the exit (API.md); counted for statistics after 150 h worked', {
        body: ExitBody,
      }),
      preHandler: can('exit.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordExit({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.get(
    api.exportJson.path,
    {
      schema: schema(api.exportJson, 'Everything held about a worker (RGPD access), JSON; logged'),
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
    api.exportPdf.path,
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags,
        summary: 'The same export as a readable PDF; logged',
        params: api.exportPdf.params,
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
