import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer, NoContent } from '../../../shared/http.js';
import { can } from '../../http/can.js';
import { listOf, Pagination } from '../../http/pagination.js';
import { isoInstant, WORK_YEARS } from '../../http/validation.js';
import { memberships, users } from '../accounts/schema.js';
import { anonymiseExpiredWorkers } from './anonymise-expired-workers.js';
import { decideExtension, extendPass, suspendPass } from './change-pass.js';
import { createEmploymentContract } from './create-employment-contract.js';
import { createWorker } from './create-worker.js';
import { employmentContractPdf } from './employment-contract-pdf.js';
import { findWorker } from './find-worker.js';
import { issuePass } from './issue-pass.js';
import { countPassesEndingSoon, listWorkers } from './list-workers.js';
import {
  addCertificate,
  addHealthVisit,
  declareUnavailability,
  listUnavailabilities,
  removeCertificate,
  removeUnavailability,
  updateHealthVisit,
} from './manage-worker-records.js';
import { PassView } from './present-pass.js';
import {
  CertificateView,
  ContractView,
  DiagnosisView,
  presentWorker,
  WorkerSummary,
  WorkerView,
} from './present-worker.js';
import { recordDiagnosis } from './record-diagnosis.js';
import { CRITERIA } from './rules/eligibility.js';
import { CDDI_EXTENSION_REASONS } from './rules/employment-contract.js';
import { CURRENT_PASS_SUSPENSION_REASONS, EMPLOYMENT_CONTRACT_KINDS, PASS_EXTENSION_REASONS } from './schema.js';
import { updateWorker } from './update-worker.js';
import { CreateWorkerBody, IsoDate, PassInput, Rome, UpdateWorkerBody } from './worker-input.js';

const tags = ['workers'];
const OrgParams = z.object({ orgId: z.uuid() });
const WorkerParams = OrgParams.extend({ workerId: z.uuid() });
const PassParams = WorkerParams.extend({ passId: z.uuid() });

// Criteria are required only when the AI diagnoses itself: an authorised prescriber's diagnosis stands alone.
const DiagnosisBody = z
  .strictObject({
    author: z.enum(['prescriber', 'ai']),
    prescriberName: z.string().max(200).optional(),
    madeOn: IsoDate,
    criteria: z.array(z.enum(CRITERIA)).max(20).optional(),
    evidence: z.string().max(4000).optional(),
  })
  .refine((d) => d.author === 'prescriber' || (d.criteria?.length ?? 0) > 0, {
    path: ['criteria'],
    message: 'Cochez au moins un critère : la structure qui établit elle-même le diagnostic en justifie les critères.',
  });
const SuspensionBody = z.strictObject({
  startDate: IsoDate,
  endDate: IsoDate,
  reason: z.enum(CURRENT_PASS_SUSPENSION_REASONS, {
    message: 'Choisissez un motif de suspension de la liste des emplois de l’inclusion.',
  }),
  explanation: z.string().trim().max(2000).optional(),
});
const ExtensionParams = PassParams.extend({ extensionId: z.uuid() });
const ExtensionDecisionBody = z.strictObject({
  decision: z.enum(['granted', 'refused']),
  decidedOn: IsoDate,
  decidedBy: z.string().trim().min(1, { message: 'Indiquez le prescripteur habilité qui a décidé.' }).max(200),
  note: z.string().max(2000).optional(),
});
const ExtensionBody = z.strictObject({
  reason: z.enum(PASS_EXTENSION_REASONS),
  months: z.number().int().min(1).max(120).optional(),
  requestedOn: IsoDate.optional(),
  evidence: z.string().max(4000).optional(),
});
const ContractBody = z.strictObject({
  kind: z.enum(EMPLOYMENT_CONTRACT_KINDS),
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
  weeklyMinutes: z
    .number()
    .int()
    .min(1)
    .max(48 * 60),
  extensionReason: z.enum(Object.keys(CDDI_EXTENSION_REASONS) as [keyof typeof CDDI_EXTENSION_REASONS]).optional(),
  extensionDecisionOn: IsoDate.nullable().optional(),
});
const CertificateBody = z.strictObject({
  kind: z.enum(['driving_licence', 'food_hygiene', 'first_aid', 'caces', 'electrical', 'other']),
  label: z.string().trim().min(1).max(200),
  obtainedOn: IsoDate.nullable().optional(),
  expiresOn: IsoDate.nullable().optional(),
});
const HealthVisitBody = z.strictObject({
  kind: z.string().trim().min(1).max(200),
  dueOn: IsoDate,
  doneOn: IsoDate.nullable().optional(),
});
const Instant = isoInstant({ message: 'Date et heure ISO 8601 attendues.', withinYears: WORK_YEARS });
const UnavailabilityBody = z.strictObject({
  start: Instant,
  end: Instant,
  reason: z.string().max(500).nullable().optional(),
});
const UnavailabilityView = z.object({
  id: z.string(),
  workerId: z.string(),
  start: z.string(),
  end: z.string(),
  reason: z.string().nullable(),
});

export const workersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/orgs/:orgId/workers',
    {
      schema: {
        tags,
        summary: 'Create a worker (API.md)',
        params: OrgParams,
        body: CreateWorkerBody,
        response: { 201: WorkerView },
      },
      preHandler: can('worker.write'),
    },
    async (req, reply) => reply.status(201).send(await createWorker({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.get(
    '/api/orgs/:orgId/workers',
    {
      schema: {
        tags,
        summary: 'Workers, PASS ending soon first; search any part of the name, accents ignored',
        params: OrgParams,
        querystring: Pagination.extend({
          q: z.string().max(100).optional(),
          job: Rome.optional(),
          passEndingSoon: z.enum(['true', 'false']).optional(),
          status: z.enum(['active', 'exited', 'all']).optional(),
        }),
        response: { 200: listOf(WorkerSummary) },
      },
      preHandler: can('worker.read'),
    },
    async (req) =>
      listWorkers({
        db: req.db,
        actor: req.actor,
        q: req.query.q,
        job: req.query.job,
        passEndingSoon: req.query.passEndingSoon === 'true',
        status: req.query.status,
        page: req.query,
      }),
  );

  app.get(
    '/api/orgs/:orgId/workers/pass-ending-soon/count',
    {
      schema: {
        tags,
        summary: 'How many active workers have a PASS ending within 60 days',
        params: OrgParams,
        response: { 200: z.object({ count: z.number().int() }) },
      },
      preHandler: can('worker.read'),
    },
    async (req) => ({ count: await countPassesEndingSoon({ db: req.db, actor: req.actor }) }),
  );

  app.get(
    '/api/orgs/:orgId/workers/referents',
    {
      schema: {
        tags,
        summary: 'Team members who may be a worker’s support referent',
        params: OrgParams,
        response: {
          200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }),
        },
      },
      preHandler: can('worker.read'),
    },
    async (req) => {
      const rows = await req.db
        .select({ id: users.id, name: users.name, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organisationId, req.actor.organisationId),
            inArray(memberships.role, ['support_officer', 'org_admin']),
          ),
        )
        .orderBy(users.name);
      return { items: rows };
    },
  );

  app.get(
    '/api/orgs/:orgId/workers/:workerId',
    {
      schema: {
        tags,
        summary: 'A worker’s record (no support file)',
        params: WorkerParams,
        response: { 200: WorkerView },
      },
      preHandler: can('worker.read'),
    },
    async (req) => presentWorker(req.db, await findWorker(req.db, req.actor, req.params.workerId), req.actor),
  );

  app.patch(
    '/api/orgs/:orgId/workers/:workerId',
    {
      schema: {
        tags,
        summary: 'Change a worker’s record',
        params: WorkerParams,
        body: UpdateWorkerBody,
        response: { 200: WorkerView },
      },
      preHandler: can('worker.write'),
    },
    async (req) => updateWorker({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body }),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/diagnoses',
    {
      schema: {
        tags,
        summary: 'Record an eligibility diagnosis',
        params: WorkerParams,
        body: DiagnosisBody,
        response: { 201: DiagnosisView },
      },
      preHandler: can('eligibility.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordDiagnosis({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/passes',
    {
      schema: {
        tags,
        summary: 'Record a PASS IAE (end computed; 2-year waiting period)',
        params: WorkerParams,
        body: PassInput,
        response: { 201: PassView },
      },
      preHandler: can('eligibility.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await issuePass({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/passes/:passId/suspensions',
    {
      schema: {
        tags,
        summary: 'Suspend a PASS IAE (its end moves back)',
        params: PassParams,
        body: SuspensionBody,
        response: { 201: PassView },
      },
      preHandler: can('eligibility.write'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await suspendPass({
          db: req.db,
          actor: req.actor,
          workerId: req.params.workerId,
          passId: req.params.passId,
          input: req.body,
        }),
      ),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/passes/:passId/extensions',
    {
      schema: {
        tags,
        summary:
          'Ask for a PASS IAE prolongation (pending until the prescriber decides for RQTH, 50+, difficulties); beyond the pathway cap of its reason → 422 pass_extension_cap',
        params: PassParams,
        body: ExtensionBody,
        response: { 201: PassView },
      },
      preHandler: can('eligibility.write'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await extendPass({
          db: req.db,
          actor: req.actor,
          workerId: req.params.workerId,
          passId: req.params.passId,
          input: req.body,
        }),
      ),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/passes/:passId/extensions/:extensionId/decision',
    {
      schema: {
        tags,
        summary: 'Record the authorised prescriber’s decision on a pending PASS IAE prolongation',
        params: ExtensionParams,
        body: ExtensionDecisionBody,
        response: { 200: PassView },
      },
      preHandler: can('eligibility.write'),
    },
    async (req) =>
      decideExtension({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        passId: req.params.passId,
        extensionId: req.params.extensionId,
        input: req.body,
      }),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/contracts',
    {
      schema: {
        tags,
        summary: 'Hire under an employment contract (API.md); a broken rule → 422 with its code',
        params: WorkerParams,
        body: ContractBody,
        response: { 201: ContractView },
      },
      preHandler: can('employment_contract.write'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await createEmploymentContract({
          db: req.db,
          actor: req.actor,
          workerId: req.params.workerId,
          input: req.body,
        }),
      ),
  );

  app.get(
    '/api/orgs/:orgId/workers/:workerId/contracts/:contractId/pdf',
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags,
        summary: 'The employment contract as PDF',
        params: WorkerParams.extend({ contractId: z.uuid() }),
      },
      preHandler: can('worker.read'),
    },
    async (req, reply) => {
      const pdf = await employmentContractPdf({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        contractId: req.params.contractId,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="contrat-${req.params.contractId.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/certificates',
    {
      schema: {
        tags,
        summary: 'Add a certificate (driving licence, food hygiene…)',
        params: WorkerParams,
        body: CertificateBody,
        response: { 201: CertificateView },
      },
      preHandler: can('worker.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addCertificate({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.delete(
    '/api/orgs/:orgId/workers/:workerId/certificates/:certificateId',
    {
      schema: { tags, params: WorkerParams.extend({ certificateId: z.uuid() }), response: { 204: NoContent } },
      preHandler: can('worker.write'),
    },
    async (req, reply) => {
      await removeCertificate({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        certificateId: req.params.certificateId,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/health-visits',
    {
      schema: { tags, summary: 'Plan an occupational health visit', params: WorkerParams, body: HealthVisitBody },
      preHandler: can('worker.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addHealthVisit({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.patch(
    '/api/orgs/:orgId/workers/:workerId/health-visits/:visitId',
    {
      schema: {
        tags,
        summary: 'Mark a health visit done',
        params: WorkerParams.extend({ visitId: z.uuid() }),
        body: z.strictObject({ doneOn: IsoDate.nullable() }),
      },
      preHandler: can('worker.write'),
    },
    async (req) =>
      updateHealthVisit({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        visitId: req.params.visitId,
        doneOn: req.body.doneOn,
      }),
  );

  app.get(
    '/api/orgs/:orgId/workers/:workerId/unavailabilities',
    {
      schema: {
        tags,
        summary: 'Running and upcoming one-off unavailabilities',
        params: WorkerParams,
        response: { 200: listOf(UnavailabilityView) },
      },
      preHandler: can('unavailability.read'),
    },
    async (req) =>
      listUnavailabilities({ db: req.db, actor: req.actor, workerId: req.params.workerId, from: new Date() }),
  );

  app.post(
    '/api/orgs/:orgId/workers/:workerId/unavailabilities',
    {
      schema: {
        tags,
        summary: 'Declare a one-off unavailability (the worker for themself, or the staff)',
        params: WorkerParams,
        body: UnavailabilityBody,
        response: { 201: UnavailabilityView },
      },
      preHandler: can('unavailability.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await declareUnavailability({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body }),
        ),
  );

  app.delete(
    '/api/orgs/:orgId/workers/:workerId/unavailabilities/:unavailabilityId',
    {
      schema: { tags, params: WorkerParams.extend({ unavailabilityId: z.uuid() }), response: { 204: NoContent } },
      preHandler: can('unavailability.write'),
    },
    async (req, reply) => {
      await removeUnavailability({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        unavailabilityId: req.params.unavailabilityId,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/orgs/:orgId/privacy/anonymise-expired',
    {
      schema: {
        tags,
        summary: 'Anonymise now the workers whose exit is older than the retention period (also a daily job)',
        params: OrgParams,
        response: { 200: z.object({ anonymised: z.number().int() }) },
      },
      preHandler: can('settings.write'),
    },
    async (req) => anonymiseExpiredWorkers({ db: req.db, organisationId: req.actor.organisationId }),
  );
};
