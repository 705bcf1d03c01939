import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { notFound } from '../../http/errors.js';
import { listOf, Pagination } from '../../http/pagination.js';
import { assignShift, unassignShift } from './assign-shift.js';
import { calendarFeedStatus, issueCalendarFeed, renderCalendarFeed, revokeCalendarFeed } from './calendar-feed.js';
import { cancelShift } from './cancel-shift.js';
import { createAbsence, shiftsUncoveredBy } from './create-absence.js';
import { createMission } from './create-mission.js';
import { createShift } from './create-shift.js';
import { createShiftSeries } from './create-shift-series.js';
import { hoursCapStatus } from './hours-cap-status.js';
import { listShifts, planningGrid } from './list-shifts.js';
import { moveShift } from './move-shift.js';
import { applyPlan, planOpenShifts } from './plan-open-shifts.js';
import {
  acceptPoolingOffer,
  askNetwork,
  listPoolingRequests,
  offerWorker,
  poolingCandidates,
  poolingEnabled,
  setPoolingConsent,
  shiftPooling,
} from './pooling.js';
import { proposeShift } from './propose-shift.js';
import { rankReplacements } from './rank-replacements.js';
import { requestReplacement } from './request-replacement.js';
import { respondToProposal, viewProposal } from './respond-to-proposal.js';
import { SHIFT_STATUSES } from './schema.js';
import { myProposals, myShifts } from './worker-page.js';

const OrgParams = z.object({ orgId: z.string().uuid() });
const ShiftParams = OrgParams.extend({ shiftId: z.string().uuid() });
const Day = z.iso.date('Date au format AAAA-MM-JJ');
const Instant = z.iso.datetime({
  offset: true,
  message: 'Date et heure ISO 8601 attendues (ex. 2026-11-24T08:00:00+01:00)',
});
const Rome = z.string().regex(/^[A-N][0-9]{4}$/, 'Code ROME attendu (ex. K2204)');
const Time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Heure attendue (HH:MM)');
const Uuid = z.string().uuid('Identifiant invalide');

const ShiftOut = z.object({
  id: z.string(),
  missionId: z.string(),
  workerId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  status: z.enum(SHIFT_STATUSES),
  minutes: z.number(),
  clientId: z.string(),
  clientName: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  siteCommune: z.string().nullable(),
  rome: z.string(),
  romeLabel: z.string(),
  workerName: z.string().nullable(),
  publicHoliday: z.boolean(),
  uncoveredWorkerId: z.string().nullable(),
});

const CandidateOut = z.object({
  workerId: z.string(),
  name: z.string(),
  score: z.number(),
  distanceKm: z.number().nullable(),
  minutesThisWeek: z.number(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = app.services.config.publicUrl;

  // ── Missions ────────────────────────────────────────────────────────────────
  app.post(
    '/api/orgs/:orgId/missions',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        body: z.strictObject({
          placementContractId: Uuid,
          rome: Rome,
          site: z
            .strictObject({
              line: z.string().trim().max(200).nullable().optional(),
              postalCode: z
                .string()
                .regex(/^[0-9]{5}$/, 'Code postal à 5 chiffres')
                .nullable()
                .optional(),
              communeCode: z.string().regex(/^[0-9AB]{5}$/, 'Code INSEE de la commune'),
              name: z.string().trim().max(200).optional(),
            })
            .nullable()
            .optional(),
          startDate: Day,
          endDate: Day,
          referentUserId: Uuid.nullable().optional(),
          notes: z.string().max(4000).nullable().optional(),
        }),
      },
      preHandler: can('mission.write'),
    },
    async (req, reply) => {
      const m = await createMission({ db: req.db, actor: req.actor, input: req.body });
      return reply.status(201).send({
        id: m.id,
        placementContractId: m.placementContractId,
        clientId: m.clientId,
        siteId: m.siteId,
        rome: m.rome,
        romeLabel: m.romeLabel,
        startDate: m.startDate,
        endDate: m.endDate,
        referentUserId: m.referentUserId,
      });
    },
  );

  // ── Shifts ──────────────────────────────────────────────────────────────────
  app.post(
    '/api/orgs/:orgId/shifts',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        body: z.strictObject({ missionId: Uuid, workerId: Uuid.nullable().optional(), start: Instant, end: Instant }),
        response: {
          201: z.object({ id: z.string(), status: z.enum(['assigned', 'open']), warnings: z.array(z.string()) }),
        },
      },
      preHandler: can('shift.write'),
    },
    async (req, reply) => {
      const { shift, warnings } = await createShift({
        db: req.db,
        actor: req.actor,
        input: {
          missionId: req.body.missionId,
          workerId: req.body.workerId ?? null,
          start: new Date(req.body.start),
          end: new Date(req.body.end),
        },
      });
      return reply.status(201).send({ id: shift.id, status: shift.status as 'assigned' | 'open', warnings });
    },
  );

  app.post(
    '/api/orgs/:orgId/shift-series',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        body: z.strictObject({
          missionId: Uuid,
          workerId: Uuid.nullable().optional(),
          weekdays: z.array(z.number().int().min(0).max(6)).min(1, 'Choisissez au moins un jour.').max(7),
          startTime: Time,
          endTime: Time,
          startDate: Day,
          endDate: Day,
          exceptDates: z.array(Day).max(366).optional(),
          skipPublicHolidays: z.boolean().optional(),
        }),
      },
      preHandler: can('shift.write'),
    },
    async (req, reply) =>
      reply.status(201).send(await createShiftSeries({ db: req.db, actor: req.actor, input: req.body })),
  );

  app.get(
    '/api/orgs/:orgId/shifts',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        querystring: Pagination.extend({
          from: z.union([Day, Instant]).optional(),
          to: z.union([Day, Instant]).optional(),
          workerId: Uuid.optional(),
          missionId: Uuid.optional(),
          clientId: Uuid.optional(),
          siteId: Uuid.optional(),
          status: z.enum(SHIFT_STATUSES).optional(),
        }),
        response: { 200: listOf(ShiftOut) },
      },
      preHandler: can('shift.read'),
    },
    async (req) => listShifts({ db: req.db, actor: req.actor, filters: req.query }),
  );

  app.get(
    '/api/orgs/:orgId/planning/grid',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        querystring: z.object({
          from: Day,
          days: z.coerce.number().int().min(1).max(31).default(7),
          search: z.string().max(100).optional(),
          onlyWithShifts: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      preHandler: can('shift.write'),
    },
    async (req) =>
      planningGrid({
        db: req.db,
        actor: req.actor,
        ...req.query,
        onlyWithShifts: req.query.onlyWithShifts === 'true',
      }),
  );

  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/assign',
    {
      schema: {
        tags: ['planning'],
        params: ShiftParams,
        body: z.strictObject({ workerId: Uuid }),
        response: { 200: z.object({ status: z.literal('assigned'), warnings: z.array(z.string()) }) },
      },
      preHandler: can('shift.assign'),
    },
    async (req) => {
      const r = await assignShift({
        db: req.db,
        actor: req.actor,
        shiftId: req.params.shiftId,
        workerId: req.body.workerId,
      });
      return { status: r.status, warnings: r.warnings };
    },
  );

  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/unassign',
    { schema: { tags: ['planning'], params: ShiftParams }, preHandler: can('shift.assign') },
    async (req) => unassignShift({ db: req.db, actor: req.actor, shiftId: req.params.shiftId }),
  );

  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/move',
    {
      schema: {
        tags: ['planning'],
        params: ShiftParams,
        body: z.strictObject({ start: Instant, end: Instant, workerId: Uuid.nullable().optional() }),
      },
      preHandler: can('shift.write'),
    },
    async (req) =>
      moveShift({
        db: req.db,
        actor: req.actor,
        shiftId: req.params.shiftId,
        start: new Date(req.body.start),
        end: new Date(req.body.end),
        workerId: req.body.workerId,
      }),
  );

  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/cancel',
    {
      schema: {
        tags: ['planning'],
        params: ShiftParams,
        body: z.strictObject({ reason: z.string().trim().max(500).nullable().optional() }).optional(),
      },
      preHandler: can('shift.write'),
    },
    async (req) => cancelShift({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, reason: req.body?.reason }),
  );

  app.get(
    '/api/orgs/:orgId/shifts/:shiftId/candidates',
    {
      schema: {
        tags: ['planning'],
        params: ShiftParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(10) }),
        response: { 200: z.object({ items: z.array(CandidateOut), considered: z.number() }) },
      },
      preHandler: can('candidate.read'),
    },
    async (req) =>
      rankReplacements({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, limit: req.query.limit }),
  );

  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/proposals',
    {
      schema: {
        tags: ['planning'],
        params: ShiftParams,
        body: z.strictObject({ workerIds: z.array(Uuid).min(1, 'Choisissez au moins une personne.').max(10) }),
      },
      preHandler: can('shift.assign'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await proposeShift({
          db: req.db,
          actor: req.actor,
          shiftId: req.params.shiftId,
          workerIds: req.body.workerIds,
          publicUrl,
        }),
      ),
  );

  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/replacement-request',
    {
      schema: {
        tags: ['planning'],
        params: ShiftParams,
        body: z.strictObject({ message: z.string().trim().max(1000).nullable().optional() }).optional(),
      },
      preHandler: can('absence.declare'),
    },
    async (req) =>
      requestReplacement({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, message: req.body?.message }),
  );

  // ── Absences ────────────────────────────────────────────────────────────────
  const AbsenceBody = z.strictObject({
    workerId: Uuid,
    start: Instant,
    end: Instant,
    reason: z.string().trim().min(1, 'Indiquez le motif (ex. maladie).').max(500),
  });
  app.post(
    '/api/orgs/:orgId/absences',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        body: AbsenceBody,
        response: { 201: z.object({ id: z.string(), uncoveredShiftIds: z.array(z.string()) }) },
      },
      preHandler: can('absence.declare'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await createAbsence({
          db: req.db,
          actor: req.actor,
          input: { ...req.body, start: new Date(req.body.start), end: new Date(req.body.end) },
        }),
      ),
  );

  app.get(
    '/api/orgs/:orgId/absences/preview',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        querystring: z.object({ workerId: Uuid, start: Instant, end: Instant }),
      },
      preHandler: can('absence.declare'),
    },
    async (req) => {
      const { actor } = req;
      if (actor.role === 'worker' && actor.workerId !== req.query.workerId) throw notFound('Ce·tte salarié·e');
      const rows = await shiftsUncoveredBy(req.db, {
        organisationId: actor.organisationId,
        workerId: req.query.workerId,
        start: new Date(req.query.start),
        end: new Date(req.query.end),
        clientId: actor.role === 'client_user' ? actor.clientId : null,
      });
      return { shiftIds: rows.map((r) => r.id), count: rows.length };
    },
  );

  // ── Auto-planner ────────────────────────────────────────────────────────────
  app.post(
    '/api/orgs/:orgId/autoplan',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        body: z.strictObject({ from: Day, to: Day, clientId: Uuid.optional() }),
      },
      preHandler: can('planning.autoplan'),
    },
    async (req) => planOpenShifts({ db: req.db, actor: req.actor, ...req.body }),
  );

  app.post(
    '/api/orgs/:orgId/autoplan/apply',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        body: z.strictObject({
          assignments: z
            .array(z.strictObject({ shiftId: Uuid, workerId: Uuid }))
            .min(1)
            .max(5000),
        }),
      },
      preHandler: can('planning.autoplan'),
    },
    async (req) => applyPlan({ db: req.db, actor: req.actor, assignments: req.body.assignments }),
  );

  // ── Hours cap (worker record, planning) ─────────────────────────────────────
  app.get(
    '/api/orgs/:orgId/workers/:workerId/hours-cap',
    {
      schema: { tags: ['planning'], params: OrgParams.extend({ workerId: Uuid }) },
      preHandler: can('worker.read'),
    },
    async (req) =>
      hoursCapStatus({ db: req.db, organisationId: req.actor.organisationId, workerId: req.params.workerId }),
  );

  // ── Regional pooling ────────────────────────────────────────────────────────
  app.get(
    '/api/orgs/:orgId/pooling/settings',
    { schema: { tags: ['planning'], params: OrgParams }, preHandler: can('pooling.answer') },
    async (req) => ({ enabled: await poolingEnabled(req.db, req.actor.organisationId) }),
  );
  app.put(
    '/api/orgs/:orgId/pooling/settings',
    {
      schema: { tags: ['planning'], params: OrgParams, body: z.strictObject({ enabled: z.boolean() }) },
      preHandler: can('settings.write'),
    },
    async (req) => setPoolingConsent({ db: req.db, actor: req.actor, enabled: req.body.enabled }),
  );
  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/pooling',
    { schema: { tags: ['planning'], params: ShiftParams }, preHandler: can('shift.assign') },
    async (req, reply) =>
      reply.status(201).send(await askNetwork({ db: req.db, actor: req.actor, shiftId: req.params.shiftId })),
  );
  app.get(
    '/api/orgs/:orgId/shifts/:shiftId/pooling',
    { schema: { tags: ['planning'], params: ShiftParams }, preHandler: can('shift.assign') },
    async (req) => shiftPooling({ db: req.db, actor: req.actor, shiftId: req.params.shiftId }),
  );
  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/pooling/offers/:offerId/accept',
    {
      schema: { tags: ['planning'], params: ShiftParams.extend({ offerId: Uuid }) },
      preHandler: can('shift.assign'),
    },
    async (req) =>
      acceptPoolingOffer({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, offerId: req.params.offerId }),
  );
  app.get(
    '/api/orgs/:orgId/pooling/requests',
    { schema: { tags: ['planning'], params: OrgParams }, preHandler: can('pooling.answer') },
    async (req) => listPoolingRequests({ db: req.db, actor: req.actor }),
  );
  app.get(
    '/api/orgs/:orgId/pooling/requests/:requestId/candidates',
    {
      schema: { tags: ['planning'], params: OrgParams.extend({ requestId: Uuid }) },
      preHandler: can('pooling.answer'),
    },
    async (req) => poolingCandidates({ db: req.db, actor: req.actor, requestId: req.params.requestId }),
  );
  app.post(
    '/api/orgs/:orgId/pooling/requests/:requestId/offers',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams.extend({ requestId: Uuid }),
        body: z.strictObject({ workerId: Uuid }),
      },
      preHandler: can('pooling.answer'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await offerWorker({
          db: req.db,
          actor: req.actor,
          requestId: req.params.requestId,
          workerId: req.body.workerId,
        }),
      ),
  );

  // ── The worker's own page ───────────────────────────────────────────────────
  app.get(
    '/api/orgs/:orgId/me/shifts',
    { schema: { tags: ['planning'], params: OrgParams }, preHandler: can('self.read') },
    async (req) => myShifts({ db: req.db, actor: req.actor }),
  );
  app.get(
    '/api/orgs/:orgId/me/proposals',
    { schema: { tags: ['planning'], params: OrgParams }, preHandler: can('self.read') },
    async (req) => myProposals({ db: req.db, actor: req.actor }),
  );
  app.post(
    '/api/orgs/:orgId/me/proposals/:proposalId/:answer',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams.extend({ proposalId: Uuid, answer: z.enum(['accept', 'decline']) }),
      },
      preHandler: can('self.respond'),
    },
    async (req) =>
      respondToProposal({
        db: req.db,
        ref: {
          organisationId: req.actor.organisationId,
          workerId: req.actor.workerId ?? '',
          proposalId: req.params.proposalId,
        },
        answer: req.params.answer,
      }),
  );
  app.get(
    '/api/orgs/:orgId/me/calendar',
    { schema: { tags: ['planning'], params: OrgParams }, preHandler: can('self.read') },
    async (req) => calendarFeedStatus({ db: req.db, actor: req.actor }),
  );
  app.post(
    '/api/orgs/:orgId/me/calendar',
    { schema: { tags: ['planning'], params: OrgParams }, preHandler: can('self.respond') },
    async (req, reply) => reply.status(201).send(await issueCalendarFeed({ db: req.db, actor: req.actor, publicUrl })),
  );
  app.delete(
    '/api/orgs/:orgId/me/calendar',
    { schema: { tags: ['planning'], params: OrgParams }, preHandler: can('self.respond') },
    async (req, reply) => {
      await revokeCalendarFeed({ db: req.db, actor: req.actor });
      return reply.status(204).send();
    },
  );

  // ── Public: private links (proposal answers, calendar feed) ─────────────────
  const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Lien invalide') });
  app.get('/api/public/proposals/:token', { schema: { tags: ['planning'], params: TokenParams } }, async (req) =>
    viewProposal(req.db, { token: req.params.token }),
  );
  app.post(
    '/api/public/proposals/:token/:answer',
    { schema: { tags: ['planning'], params: TokenParams.extend({ answer: z.enum(['accept', 'decline']) }) } },
    async (req) => respondToProposal({ db: req.db, ref: { token: req.params.token }, answer: req.params.answer }),
  );
  app.get(
    '/api/public/calendar/:file',
    {
      schema: {
        tags: ['planning'],
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/, 'Lien invalide') }),
      },
    },
    async (req, reply) => {
      const ics = await renderCalendarFeed({ db: req.db, token: req.params.file.slice(0, -4) });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  );
};
