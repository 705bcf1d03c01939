import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer, NoContent } from '../../../shared/http.js';
import { answerCacheFor, sendAnswer } from '../../http/answer-cache.js';
import { can } from '../../http/can.js';
import { listOf, Pagination } from '../../http/pagination.js';
import { dates, isoDay, isoInstant, WORK_YEARS } from '../../http/validation.js';
import { checkPostalCode } from '../geo/communes.js';
import { findWorker } from '../workers/find-worker.js';
import { acceptPoolingOffer } from './accept-pooling-offer.js';
import { askNetwork } from './ask-network.js';
import { assignShift, unassignShift } from './assign-shift.js';
import { calendarFeedStatus, issueCalendarFeed, renderCalendarFeed, revokeCalendarFeed } from './calendar-feed.js';
import { cancelShift } from './cancel-shift.js';
import { assertAbsenceWorker, createAbsence, shiftsUncoveredBy } from './create-absence.js';
import { createMission } from './create-mission.js';
import { createShift } from './create-shift.js';
import { createShiftSeries } from './create-shift-series.js';
import { cancelShiftSeries, editShiftSeries } from './edit-shift-series.js';
import { shiftPooling } from './find-shift-pooling.js';
import { workerShiftsAfter } from './free-worker-shifts.js';
import { hoursCapStatus } from './hours-cap-status.js';
import { listPoolingRequests } from './list-pooling-requests.js';
import { listShifts, planningGrid } from './list-shifts.js';
import { listMissions, missionDetail } from './missions.js';
import { moveShift } from './move-shift.js';
import { offerWorker } from './offer-worker.js';
import { applyPlan, planOpenShifts } from './plan-open-shifts.js';
import { poolingEnabled } from './pooling-network.js';
import { proposeShift } from './propose-shift.js';
import { poolingCandidates } from './rank-pooling-candidates.js';
import { rankReplacements } from './rank-replacements.js';
import { requestReplacement } from './request-replacement.js';
import { respondToProposal, viewProposal } from './respond-to-proposal.js';
import { SHIFT_STATUSES } from './schema.js';
import { setPoolingConsent } from './set-pooling-consent.js';
import { listShiftProposals } from './shift-proposals.js';
import { myProposals, myShifts } from './worker-page.js';

const OrgParams = z.object({ orgId: z.string().uuid() });
const ShiftParams = OrgParams.extend({ shiftId: z.string().uuid() });
// Shared building blocks (http/validation.ts): real calendar days, plausible years, so no date reaches a 500.
const Day = isoDay();
/** A day of planned work: within WORK_YEARS of today. */
const WorkDay = dates.work();
const Instant = isoInstant({
  message: 'Date et heure ISO 8601 attendues (ex. 2026-11-24T08:00:00+01:00)',
  withinYears: WORK_YEARS,
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
  pendingProposals: z.number(),
  /** The client's legal form is unknown: its hours count for the 480 h cap until an officer completes it. */
  clientLegalFormUnknown: z.boolean(),
  /** R5132-20: the worker is not yet named in a signed version of the contract on the shift's day. */
  contractUnsigned: z.boolean(),
});

const SeriesPatternBody = {
  weekdays: z.array(z.number().int().min(0).max(6)).min(1, 'Choisissez au moins un jour.').max(7),
  startTime: Time,
  endTime: Time,
  exceptDates: z.array(Day).max(366).optional(),
  skipPublicHolidays: z.boolean().optional(),
  /** Create only the occurrences no rule refuses (the refused ones are listed, not created). */
  skipRefused: z.boolean().optional(),
};
const SeriesBody = z.strictObject({
  missionId: Uuid,
  workerId: Uuid.nullable().optional(),
  startDate: WorkDay,
  endDate: WorkDay,
  ...SeriesPatternBody,
});
const SeriesEditBody = z.strictObject({
  fromDate: WorkDay,
  endDate: WorkDay,
  workerId: Uuid.nullable().optional(),
  ...SeriesPatternBody,
});
const SeriesParams = OrgParams.extend({ seriesId: z.string().uuid() });

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
  // The planning grid's answers per organisation (issue 19); a successful write of this plugin empties its
  // organisation's entries before answering, so that the next grid shows it without waiting for the notification.
  const { cache: grids, cached: gridAnswers } = answerCacheFor(app, 'planning_changed');
  app.addHook('onSend', async (req, reply, payload) => {
    const orgId = (req.params as { orgId?: string } | undefined)?.orgId;
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) grids.invalidate(orgId);
    return payload;
  });

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
            .superRefine(checkPostalCode)
            .nullable()
            .optional(),
          startDate: WorkDay,
          endDate: WorkDay,
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
        body: SeriesBody,
      },
      preHandler: can('shift.write'),
    },
    async (req, reply) =>
      reply.status(201).send(await createShiftSeries({ db: req.db, actor: req.actor, input: req.body })),
  );

  // The same checks as creating the series, occurrence by occurrence, and nothing written: the officer sees
  // each refusal next to its day before choosing to create the rest.
  app.post(
    '/api/orgs/:orgId/shift-series/preview',
    { schema: { tags: ['planning'], params: OrgParams, body: SeriesBody }, preHandler: can('shift.write') },
    async (req) => createShiftSeries({ db: req.db, actor: req.actor, input: { ...req.body, dryRun: true } }),
  );

  app.post(
    '/api/orgs/:orgId/shift-series/:seriesId/edit',
    { schema: { tags: ['planning'], params: SeriesParams, body: SeriesEditBody }, preHandler: can('shift.write') },
    async (req) => editShiftSeries({ db: req.db, actor: req.actor, seriesId: req.params.seriesId, input: req.body }),
  );

  app.post(
    '/api/orgs/:orgId/shift-series/:seriesId/edit/preview',
    { schema: { tags: ['planning'], params: SeriesParams, body: SeriesEditBody }, preHandler: can('shift.write') },
    async (req) =>
      editShiftSeries({
        db: req.db,
        actor: req.actor,
        seriesId: req.params.seriesId,
        input: { ...req.body, dryRun: true },
      }),
  );

  app.post(
    '/api/orgs/:orgId/shift-series/:seriesId/cancel',
    {
      schema: {
        tags: ['planning'],
        params: SeriesParams,
        body: z.strictObject({ fromDate: Day, reason: z.string().trim().max(500).nullable().optional() }),
      },
      preHandler: can('shift.write'),
    },
    async (req) =>
      cancelShiftSeries({
        db: req.db,
        actor: req.actor,
        seriesId: req.params.seriesId,
        fromDate: req.body.fromDate,
        reason: req.body.reason,
      }),
  );

  // ── Missions: lists and page ────────────────────────────────────────────────
  app.get(
    '/api/orgs/:orgId/missions',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams,
        querystring: Pagination.extend({ placementContractId: Uuid.optional(), clientId: Uuid.optional() }),
      },
      preHandler: can('mission.read'),
    },
    async (req) => {
      const { placementContractId, clientId, limit, offset } = req.query;
      return listMissions({ db: req.db, actor: req.actor, filters: { placementContractId, clientId, limit, offset } });
    },
  );

  app.get(
    '/api/orgs/:orgId/missions/:missionId',
    {
      schema: { tags: ['planning'], params: OrgParams.extend({ missionId: Uuid }) },
      preHandler: can('mission.read'),
    },
    async (req) => missionDetail({ db: req.db, actor: req.actor, missionId: req.params.missionId }),
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
    // Read often, changed seldom: served from the organisation's cached answers once the guard above has let the
    // caller in (the grid depends on the organisation and the query only; the cache's entries are emptied by any
    // change to a table it reads, migration 0039).
    async (req, reply) => {
      const answer = await gridAnswers(req.actor.organisationId, JSON.stringify(req.query), () =>
        planningGrid({
          db: req.db,
          actor: req.actor,
          ...req.query,
          onlyWithShifts: req.query.onlyWithShifts === 'true',
        }),
      );
      return sendAnswer(reply, answer, { acceptEncoding: req.headers['accept-encoding'] });
    },
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

  app.get(
    '/api/orgs/:orgId/shifts/:shiftId/proposals',
    { schema: { tags: ['planning'], params: ShiftParams }, preHandler: can('shift.assign') },
    async (req) => listShiftProposals({ db: req.db, actor: req.actor, shiftId: req.params.shiftId }),
  );

  app.post(
    '/api/orgs/:orgId/shifts/:shiftId/replacement-request',
    {
      schema: {
        tags: ['planning'],
        params: ShiftParams,
        body: z.strictObject({ message: z.string().trim().max(1000).nullable().optional() }).optional(),
      },
      preHandler: can('shift.replacement_request'),
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
      const clientId = await assertAbsenceWorker(req.db, actor, req.query.workerId);
      const rows = await shiftsUncoveredBy(req.db, {
        organisationId: actor.organisationId,
        workerId: req.query.workerId,
        start: new Date(req.query.start),
        end: new Date(req.query.end),
        clientId,
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
        body: z.strictObject({
          from: Day,
          to: Day,
          clientId: Uuid.optional(),
          includeProposed: z.boolean().optional(),
        }),
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

  // ── A person's upcoming shifts, to free them when recording their exit ──────
  app.get(
    '/api/orgs/:orgId/workers/:workerId/shifts-after',
    {
      schema: {
        tags: ['planning'],
        params: OrgParams.extend({ workerId: Uuid }),
        querystring: z.object({ date: Day }),
      },
      preHandler: can('exit.write'),
    },
    async (req) =>
      workerShiftsAfter({
        db: req.db,
        organisationId: req.actor.organisationId,
        workerId: req.params.workerId,
        date: req.query.date,
      }),
  );

  // ── Hours cap (worker record, planning) ─────────────────────────────────────
  app.get(
    '/api/orgs/:orgId/workers/:workerId/hours-cap',
    {
      schema: { tags: ['planning'], params: OrgParams.extend({ workerId: Uuid }) },
      preHandler: can('worker.read'),
    },
    async (req) => {
      // An unknown or foreign worker is not found (it used to answer zeros).
      await findWorker(req.db, req.actor, req.params.workerId);
      return hoursCapStatus({ db: req.db, organisationId: req.actor.organisationId, workerId: req.params.workerId });
    },
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
    {
      schema: { tags: ['planning'], params: OrgParams, response: { 204: NoContent } },
      preHandler: can('self.respond'),
    },
    async (req, reply) => {
      await revokeCalendarFeed({ db: req.db, actor: req.actor });
      return reply.status(204).send(null);
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
        response: { 200: fileAnswer('text/calendar') },
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
