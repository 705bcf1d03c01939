import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileAnswer } from '../../../shared/http.js';
import {
  AbsenceBody,
  AutoplanBody,
  planningApi as api,
  GridQuery,
  MissionBody,
  MoveBody,
  type PlanningGridView,
  SeriesBody,
  SeriesEditBody,
  ShiftBody,
  ShiftsQuery,
} from '../../../shared/planning.js';
import { answerCacheFor, sendAnswer } from '../../http/answer-cache.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
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
import { setPoolingConsent } from './set-pooling-consent.js';
import { listShiftProposals } from './shift-proposals.js';
import { workerFactsCacheFor } from './worker-facts-cache.js';
import { myProposals, myShifts } from './worker-page.js';

const tags = ['planning'];
// The server's further checks on the shared inputs (http/validation.ts): real calendar days, plausible years,
// so that no date reaches a 500; the shapes are src/shared/planning.ts's.
const Day = isoDay();
/** A day of planned work: within WORK_YEARS of today. */
const WorkDay = dates.work();
const Instant = isoInstant({
  message: 'Date et heure ISO 8601 attendues (ex. 2026-11-24T08:00:00+01:00)',
  withinYears: WORK_YEARS,
});
const Strict = {
  mission: MissionBody.extend({
    site: MissionBody.shape.site.unwrap().unwrap().superRefine(checkPostalCode).nullable().optional(),
    startDate: WorkDay,
    endDate: WorkDay,
  }),
  shift: ShiftBody.extend({ start: Instant, end: Instant }),
  shifts: ShiftsQuery.extend({ from: z.union([Day, Instant]).optional(), to: z.union([Day, Instant]).optional() }),
  grid: GridQuery.extend({ from: Day }),
  move: MoveBody.extend({ start: Instant, end: Instant }),
  series: SeriesBody.extend({
    startDate: WorkDay,
    endDate: WorkDay,
    exceptDates: z.array(Day).max(366).optional(),
  }),
  seriesEdit: SeriesEditBody.extend({
    fromDate: WorkDay,
    endDate: WorkDay,
    exceptDates: z.array(Day).max(366).optional(),
  }),
  cancelSeries: api.cancelSeries.body.extend({ fromDate: Day }),
  absence: AbsenceBody.extend({ start: Instant, end: Instant }),
  absencePreview: api.absencePreview.query.extend({ start: Instant, end: Instant }),
  autoplan: AutoplanBody.extend({ from: Day, to: Day }),
  shiftsAfter: z.object({ date: Day }),
};

export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  const publicUrl = app.services.config.publicUrl;
  // The planning grid's answers per organisation (issue 19); a successful write of this plugin empties its
  // organisation's entries before answering, so that the next grid shows it without waiting for the notification.
  const { cache: grids, cached: gridAnswers } = answerCacheFor(app, 'planning_changed');
  // The workers' steady facts for the candidate ranking (decision 019), kept in step from the first ranking on.
  let steadyFacts: ReturnType<typeof workerFactsCacheFor> | undefined;
  app.addHook('onClose', async () => {
    if (steadyFacts) await (await steadyFacts).stop();
  });
  const steady = async () => {
    steadyFacts ??= workerFactsCacheFor(app.services.database);
    return (await steadyFacts).cache;
  };
  app.addHook('onSend', async (req, reply, payload) => {
    const orgId = (req.params as { orgId?: string } | undefined)?.orgId;
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) grids.invalidate(orgId);
    return payload;
  });

  // ── Missions ────────────────────────────────────────────────────────────────
  app.post(
    api.createMission.path,
    { schema: schemaOf(api.createMission, tags, { body: Strict.mission }), preHandler: can('mission.write') },
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
    api.createShift.path,
    { schema: schemaOf(api.createShift, tags, { body: Strict.shift }), preHandler: can('shift.write') },
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
    api.createSeries.path,
    { schema: schemaOf(api.createSeries, tags, { body: Strict.series }), preHandler: can('shift.write') },
    async (req, reply) =>
      reply.status(201).send(await createShiftSeries({ db: req.db, actor: req.actor, input: req.body })),
  );

  // The same checks as creating the series, occurrence by occurrence, and nothing written: the officer sees
  // each refusal next to its day before choosing to create the rest.
  app.post(
    api.previewSeries.path,
    { schema: schemaOf(api.previewSeries, tags, { body: Strict.series }), preHandler: can('shift.write') },
    async (req) => createShiftSeries({ db: req.db, actor: req.actor, input: { ...req.body, dryRun: true } }),
  );

  app.post(
    api.editSeries.path,
    { schema: schemaOf(api.editSeries, tags, { body: Strict.seriesEdit }), preHandler: can('shift.write') },
    async (req) => editShiftSeries({ db: req.db, actor: req.actor, seriesId: req.params.seriesId, input: req.body }),
  );

  app.post(
    api.previewSeriesEdit.path,
    { schema: schemaOf(api.previewSeriesEdit, tags, { body: Strict.seriesEdit }), preHandler: can('shift.write') },
    async (req) =>
      editShiftSeries({
        db: req.db,
        actor: req.actor,
        seriesId: req.params.seriesId,
        input: { ...req.body, dryRun: true },
      }),
  );

  app.post(
    api.cancelSeries.path,
    { schema: schemaOf(api.cancelSeries, tags, { body: Strict.cancelSeries }), preHandler: can('shift.write') },
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
  app.get(api.missions.path, { schema: schemaOf(api.missions, tags), preHandler: can('mission.read') }, async (req) => {
    const { placementContractId, clientId, limit, offset } = req.query;
    return listMissions({ db: req.db, actor: req.actor, filters: { placementContractId, clientId, limit, offset } });
  });

  app.get(api.mission.path, { schema: schemaOf(api.mission, tags), preHandler: can('mission.read') }, async (req) =>
    missionDetail({ db: req.db, actor: req.actor, missionId: req.params.missionId }),
  );

  app.get(
    api.shifts.path,
    { schema: schemaOf(api.shifts, tags, { querystring: Strict.shifts }), preHandler: can('shift.read') },
    async (req) => listShifts({ db: req.db, actor: req.actor, filters: req.query }),
  );

  app.get(
    api.grid.path,
    { schema: schemaOf(api.grid, tags, { querystring: Strict.grid }), preHandler: can('shift.write') },
    // Read often, changed seldom: served from the organisation's cached answers once the guard above has let the
    // caller in (the grid depends on the organisation and the query only; the cache's entries are emptied by any
    // change to a table it reads, migration 0039). The answer goes out as the cached bytes (docs/decisions/011):
    // its shape is checked against PlanningGridView when compiled, not reserialised.
    async (req, reply) => {
      const answer = await gridAnswers(
        req.actor.organisationId,
        JSON.stringify(req.query),
        async () =>
          (await planningGrid({
            db: req.db,
            actor: req.actor,
            ...req.query,
            onlyWithShifts: req.query.onlyWithShifts === 'true',
          })) satisfies z.input<typeof PlanningGridView>,
      );
      return sendAnswer(reply, answer, { acceptEncoding: req.headers['accept-encoding'] });
    },
  );

  app.post(api.assign.path, { schema: schemaOf(api.assign, tags), preHandler: can('shift.assign') }, async (req) => {
    const r = await assignShift({
      db: req.db,
      actor: req.actor,
      shiftId: req.params.shiftId,
      workerId: req.body.workerId,
    });
    return { status: r.status, warnings: r.warnings };
  });

  app.post(api.unassign.path, { schema: schemaOf(api.unassign, tags), preHandler: can('shift.assign') }, async (req) =>
    unassignShift({ db: req.db, actor: req.actor, shiftId: req.params.shiftId }),
  );

  app.post(
    api.move.path,
    { schema: schemaOf(api.move, tags, { body: Strict.move }), preHandler: can('shift.write') },
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

  app.post(api.cancel.path, { schema: schemaOf(api.cancel, tags), preHandler: can('shift.write') }, async (req) =>
    cancelShift({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, reason: req.body?.reason }),
  );

  app.get(
    api.candidates.path,
    { schema: schemaOf(api.candidates, tags), preHandler: can('candidate.read') },
    async (req) =>
      rankReplacements({
        db: req.db,
        actor: req.actor,
        shiftId: req.params.shiftId,
        limit: req.query.limit,
        steady: await steady(),
      }),
  );

  app.post(
    api.propose.path,
    { schema: schemaOf(api.propose, tags), preHandler: can('shift.assign') },
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

  app.get(api.proposals.path, { schema: schemaOf(api.proposals, tags), preHandler: can('shift.assign') }, async (req) =>
    listShiftProposals({ db: req.db, actor: req.actor, shiftId: req.params.shiftId }),
  );

  app.post(
    api.requestReplacement.path,
    { schema: schemaOf(api.requestReplacement, tags), preHandler: can('shift.replacement_request') },
    async (req) =>
      requestReplacement({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, message: req.body?.message }),
  );

  // ── Absences ────────────────────────────────────────────────────────────────
  app.post(
    api.declareAbsence.path,
    { schema: schemaOf(api.declareAbsence, tags, { body: Strict.absence }), preHandler: can('absence.declare') },
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
    api.absencePreview.path,
    {
      schema: schemaOf(api.absencePreview, tags, { querystring: Strict.absencePreview }),
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
    api.autoplan.path,
    { schema: schemaOf(api.autoplan, tags, { body: Strict.autoplan }), preHandler: can('planning.autoplan') },
    async (req) => planOpenShifts({ db: req.db, actor: req.actor, ...req.body }),
  );

  app.post(
    api.applyPlan.path,
    { schema: schemaOf(api.applyPlan, tags), preHandler: can('planning.autoplan') },
    async (req) => applyPlan({ db: req.db, actor: req.actor, assignments: req.body.assignments }),
  );

  // ── A person's upcoming shifts, to free them when recording their exit ──────
  app.get(
    api.shiftsAfter.path,
    { schema: schemaOf(api.shiftsAfter, tags, { querystring: Strict.shiftsAfter }), preHandler: can('exit.write') },
    async (req) =>
      workerShiftsAfter({
        db: req.db,
        organisationId: req.actor.organisationId,
        workerId: req.params.workerId,
        date: req.query.date,
      }),
  );

  // ── Hours cap (worker record, planning) ─────────────────────────────────────
  app.get(api.hoursCap.path, { schema: schemaOf(api.hoursCap, tags), preHandler: can('worker.read') }, async (req) => {
    // An unknown or foreign worker is not found (it used to answer zeros).
    await findWorker(req.db, req.actor, req.params.workerId);
    return hoursCapStatus({ db: req.db, organisationId: req.actor.organisationId, workerId: req.params.workerId });
  });

  // ── Regional pooling ────────────────────────────────────────────────────────
  app.get(
    api.poolingSettings.path,
    { schema: schemaOf(api.poolingSettings, tags), preHandler: can('pooling.answer') },
    async (req) => ({ enabled: await poolingEnabled(req.db, req.actor.organisationId) }),
  );
  app.put(
    api.setPoolingSettings.path,
    { schema: schemaOf(api.setPoolingSettings, tags), preHandler: can('settings.write') },
    async (req) => setPoolingConsent({ db: req.db, actor: req.actor, enabled: req.body.enabled }),
  );
  app.post(
    api.askNetwork.path,
    { schema: schemaOf(api.askNetwork, tags), preHandler: can('shift.assign') },
    async (req, reply) =>
      reply.status(201).send(await askNetwork({ db: req.db, actor: req.actor, shiftId: req.params.shiftId })),
  );
  app.get(
    api.shiftPooling.path,
    { schema: schemaOf(api.shiftPooling, tags), preHandler: can('shift.assign') },
    async (req) => shiftPooling({ db: req.db, actor: req.actor, shiftId: req.params.shiftId }),
  );
  app.post(
    api.acceptPoolingOffer.path,
    { schema: schemaOf(api.acceptPoolingOffer, tags), preHandler: can('shift.assign') },
    async (req) =>
      acceptPoolingOffer({ db: req.db, actor: req.actor, shiftId: req.params.shiftId, offerId: req.params.offerId }),
  );
  app.get(
    api.poolingRequests.path,
    { schema: schemaOf(api.poolingRequests, tags), preHandler: can('pooling.answer') },
    async (req) => listPoolingRequests({ db: req.db, actor: req.actor }),
  );
  app.get(
    api.poolingCandidates.path,
    { schema: schemaOf(api.poolingCandidates, tags), preHandler: can('pooling.answer') },
    async (req) =>
      poolingCandidates({ db: req.db, actor: req.actor, requestId: req.params.requestId, steady: await steady() }),
  );
  app.post(
    api.offerWorker.path,
    { schema: schemaOf(api.offerWorker, tags), preHandler: can('pooling.answer') },
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
  app.get(api.myShifts.path, { schema: schemaOf(api.myShifts, tags), preHandler: can('self.read') }, async (req) =>
    myShifts({ db: req.db, actor: req.actor }),
  );
  app.get(
    api.myProposals.path,
    { schema: schemaOf(api.myProposals, tags), preHandler: can('self.read') },
    async (req) => myProposals({ db: req.db, actor: req.actor }),
  );
  app.post(
    api.answerMyProposal.path,
    { schema: schemaOf(api.answerMyProposal, tags), preHandler: can('self.respond') },
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
    api.calendarStatus.path,
    { schema: schemaOf(api.calendarStatus, tags), preHandler: can('self.read') },
    async (req) => calendarFeedStatus({ db: req.db, actor: req.actor }),
  );
  app.post(
    api.issueCalendar.path,
    { schema: schemaOf(api.issueCalendar, tags), preHandler: can('self.respond') },
    async (req, reply) => reply.status(201).send(await issueCalendarFeed({ db: req.db, actor: req.actor, publicUrl })),
  );
  app.delete(
    api.revokeCalendar.path,
    { schema: schemaOf(api.revokeCalendar, tags), preHandler: can('self.respond') },
    async (req, reply) => {
      await revokeCalendarFeed({ db: req.db, actor: req.actor });
      return reply.status(204).send(null);
    },
  );

  // ── Public: private links (proposal answers, calendar feed) ─────────────────
  app.get(api.publicProposal.path, { schema: schemaOf(api.publicProposal, tags) }, async (req) =>
    viewProposal(req.db, { token: req.params.token }),
  );
  app.post(api.answerPublicProposal.path, { schema: schemaOf(api.answerPublicProposal, tags) }, async (req) =>
    respondToProposal({ db: req.db, ref: { token: req.params.token }, answer: req.params.answer }),
  );
  app.get(
    '/api/public/calendar/:file',
    {
      schema: {
        response: { 200: fileAnswer('text/calendar') },
        tags,
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
