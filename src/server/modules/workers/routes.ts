import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import { workersApi } from '../../../shared/workers.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { isoInstant, WORK_YEARS } from '../../http/validation.js';
import { memberships, users } from '../accounts/queries.js';
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
import { presentWorker } from './present-worker.js';
import { recordDiagnosis } from './record-diagnosis.js';
import { CRITERIA } from './rules/eligibility.js';
import { CDDI_EXTENSION_REASONS } from './rules/employment-contract.js';
import { CURRENT_PASS_SUSPENSION_REASONS, EMPLOYMENT_CONTRACT_KINDS, PASS_EXTENSION_REASONS } from './schema.js';
import { updateWorker } from './update-worker.js';
import { CreateWorkerBody, IsoDate, PassInput, Rome, UpdateWorkerBody } from './worker-input.js';

const tags = ['workers'];

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

const api = workersApi;
/** A route's schema from its shared endpoint, with its summary (and the server's stricter inputs). */
const schema = <E extends Parameters<typeof schemaOf>[0]>(
  e: E,
  summary?: string,
  stricter?: Parameters<typeof schemaOf>[2],
) => ({ ...schemaOf(e, tags, stricter), ...(summary ? { summary } : {}) });

export const workersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    api.create.path,
    {
      schema: schema(api.create, 'Create a worker (API.md)', { body: CreateWorkerBody }),
      preHandler: can('worker.write'),
    },
    async (req, reply) => reply.status(201).send(await createWorker({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.get(
    api.list.path,
    {
      schema: schema(api.list, 'Workers, PASS ending soon first; search any part of the name, accents ignored', {
        querystring: api.list.query.extend({ job: Rome.optional() }),
      }),
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
    api.passEndingSoonCount.path,
    {
      schema: schema(api.passEndingSoonCount, 'How many active workers have a PASS ending within 60 days'),
      preHandler: can('worker.read'),
    },
    async (req) => ({ count: await countPassesEndingSoon({ db: req.db, actor: req.actor }) }),
  );

  app.get(
    api.referents.path,
    {
      schema: schema(api.referents, 'Team members who may be a worker’s support referent'),
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
    api.get.path,
    { schema: schema(api.get, 'A worker’s record (no support file)'), preHandler: can('worker.read') },
    async (req) => presentWorker(req.db, await findWorker(req.db, req.actor, req.params.workerId), req.actor),
  );

  app.patch(
    api.update.path,
    {
      schema: schema(api.update, 'Change a worker’s record', { body: UpdateWorkerBody }),
      preHandler: can('worker.write'),
    },
    async (req) => updateWorker({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body }),
  );

  app.post(
    api.recordDiagnosis.path,
    {
      schema: schema(api.recordDiagnosis, 'Record an eligibility diagnosis', { body: DiagnosisBody }),
      preHandler: can('eligibility.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordDiagnosis({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.post(
    api.issuePass.path,
    {
      schema: schema(api.issuePass, 'Record a PASS IAE (end computed; 2-year waiting period)', { body: PassInput }),
      preHandler: can('eligibility.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await issuePass({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.post(
    api.suspendPass.path,
    {
      schema: schema(api.suspendPass, 'Suspend a PASS IAE (its end moves back)', { body: SuspensionBody }),
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
    api.extendPass.path,
    {
      schema: schema(
        api.extendPass,
        'Ask for a PASS IAE prolongation (pending until the prescriber decides for RQTH, 50+, difficulties); beyond the pathway cap of its reason → 422 pass_extension_cap',
        { body: ExtensionBody },
      ),
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
    api.decideExtension.path,
    {
      schema: schema(
        api.decideExtension,
        'Record the authorised prescriber’s decision on a pending PASS IAE prolongation',
        { body: ExtensionDecisionBody },
      ),
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
    api.createContract.path,
    {
      schema: schema(
        api.createContract,
        'Hire under an employment contract (API.md); a broken rule → 422 with its code',
        {
          body: ContractBody,
        },
      ),
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
    api.contractPdf.path,
    {
      schema: {
        response: { 200: fileAnswer('application/pdf') },
        tags,
        summary: 'The employment contract as PDF',
        params: api.contractPdf.params,
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
    api.addCertificate.path,
    {
      schema: schema(api.addCertificate, 'Add a certificate (driving licence, food hygiene…)', {
        body: CertificateBody,
      }),
      preHandler: can('worker.write'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addCertificate({ db: req.db, actor: req.actor, workerId: req.params.workerId, input: req.body })),
  );

  app.delete(
    api.removeCertificate.path,
    { schema: schema(api.removeCertificate), preHandler: can('worker.write') },
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
    api.addHealthVisit.path,
    {
      schema: schema(api.addHealthVisit, 'Plan an occupational health visit', { body: HealthVisitBody }),
      preHandler: can('worker.write'),
    },
    async (req, reply) => {
      const row = await addHealthVisit({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        input: req.body,
      });
      return reply.status(201).send({ ...row, createdAt: row.createdAt.toISOString() });
    },
  );

  app.patch(
    api.updateHealthVisit.path,
    {
      schema: schema(api.updateHealthVisit, 'Mark a health visit done', {
        body: z.strictObject({ doneOn: IsoDate.nullable() }),
      }),
      preHandler: can('worker.write'),
    },
    async (req) => {
      const row = await updateHealthVisit({
        db: req.db,
        actor: req.actor,
        workerId: req.params.workerId,
        visitId: req.params.visitId,
        doneOn: req.body.doneOn,
      });
      return { ...row, createdAt: row.createdAt.toISOString() };
    },
  );

  app.get(
    api.unavailabilities.path,
    {
      schema: schema(api.unavailabilities, 'Running and upcoming one-off unavailabilities'),
      preHandler: can('unavailability.read'),
    },
    async (req) =>
      listUnavailabilities({ db: req.db, actor: req.actor, workerId: req.params.workerId, from: new Date() }),
  );

  app.post(
    api.declareUnavailability.path,
    {
      schema: schema(
        api.declareUnavailability,
        'Declare a one-off unavailability (the worker for themself, or the staff)',
        { body: UnavailabilityBody },
      ),
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
    api.removeUnavailability.path,
    { schema: schema(api.removeUnavailability), preHandler: can('unavailability.write') },
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
    api.anonymiseExpired.path,
    {
      schema: schema(
        api.anonymiseExpired,
        'Anonymise now the workers whose exit is older than the retention period (also a daily job)',
      ),
      preHandler: can('settings.write'),
    },
    async (req) => anonymiseExpiredWorkers({ db: req.db, organisationId: req.actor.organisationId }),
  );
};
