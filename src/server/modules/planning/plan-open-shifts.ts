import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError, validationFailed } from '../../http/errors.js';
import { addDays, daysBetween, parisInstant } from '../calendar/paris-time.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { assignShift } from './assign-shift.js';
import { loadWorkerFacts } from './assignment-facts.js';
import { makeSlot } from './rules/assignment.js';
import { autoplan, type PlanInput } from './rules/autoplan.js';
import { countsForHoursCap } from './rules/hours-cap.js';
import { missions, shiftProposals, shifts } from './schema.js';

/**
 * The auto-planner's proposal for the open shifts of a period: as many shifts covered as possible, then the
 * best total score, never breaking a hard constraint. Nothing is written: the officer reviews, then applies.
 */
export async function planOpenShifts({
  db,
  actor,
  from,
  to,
  clientId,
  includeProposed = false,
}: {
  db: Db;
  actor: Pick<OrgActor, 'organisationId'>;
  from: string;
  to: string;
  clientId?: string;
  /**
   * Open shifts already proposed to someone (a proposal still pending) are left alone: the people asked may
   * be answering. The officer can tell the planner to take them too.
   */
  includeProposed?: boolean;
}) {
  if (to < from) throw validationFailed([{ path: 'to', message: 'La fin de la période doit suivre son début.' }]);
  if (daysBetween(from, to) > 31)
    throw validationFailed([{ path: 'to', message: 'Planifiez au plus 31 jours à la fois.' }]);
  const t0 = performance.now();
  const start = parisInstant(from);
  const end = parisInstant(addDays(to, 1));
  const all = await db
    .select({
      id: shifts.id,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
      clientId: shifts.clientId,
      clientName: clients.name,
      legalForm: clients.legalForm,
      rome: missions.rome,
      lat: sites.lat,
      lon: sites.lon,
      siteName: sites.name,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(
      and(
        eq(shifts.organisationId, actor.organisationId),
        eq(shifts.status, 'open'),
        gte(shifts.startAt, start),
        lt(shifts.startAt, end),
        clientId ? eq(shifts.clientId, clientId) : undefined,
      ),
    )
    .orderBy(asc(shifts.startAt))
    .limit(5000);
  const proposed = await pendingProposalShiftIds(
    db,
    actor.organisationId,
    all.map((s) => s.id),
  );
  const open = includeProposed ? all : all.filter((s) => !proposed.has(s.id));
  const leftAlone = all
    .filter((s) => proposed.has(s.id) && !includeProposed)
    .map((s) => ({
      shiftId: s.id,
      start: s.startAt.toISOString(),
      end: s.endAt.toISOString(),
      clientName: s.clientName,
      romeLabel: romeLabel(s.rome),
    }));
  const slots = open.map((s) =>
    makeSlot({
      id: s.id,
      start: s.startAt,
      end: s.endAt,
      clientId: s.clientId,
      clientName: s.clientName,
      clientCounts: countsForHoursCap(s.legalForm),
      clientLegalFormUnknown: s.legalForm === null,
      rome: s.rome,
      romeLabel: romeLabel(s.rome),
      siteLat: s.lat,
      siteLon: s.lon,
    }),
  );
  if (slots.length === 0) {
    return { from, to, openShifts: 0, covered: 0, totalScore: 0, assignments: [], unfilled: [], leftAlone, ms: 0 };
  }
  const facts = await loadWorkerFacts({
    db,
    organisationIds: [actor.organisationId],
    fromMs: start.getTime(),
    toMs: end.getTime(),
    clientIds: [...new Set(slots.map((s) => s.clientId))],
    withCap: slots.some((s) => s.clientCounts),
    withContinuity: true,
    romes: [...new Set(slots.map((s) => s.rome))],
  });
  const loadedMs = performance.now() - t0;
  const input: PlanInput = { slots, workers: [...facts.values()] };
  const plan = autoplan(input);
  const byId = new Map(open.map((s) => [s.id, s]));
  return {
    from,
    to,
    openShifts: slots.length,
    covered: plan.assignments.length,
    totalScore: plan.totalScore,
    assignments: plan.assignments.map((a) => {
      const s = byId.get(a.slotId)!;
      return {
        shiftId: a.slotId,
        workerId: a.workerId,
        workerName: facts.get(a.workerId)!.name,
        score: a.score,
        start: s.startAt.toISOString(),
        end: s.endAt.toISOString(),
        clientName: s.clientName,
        siteName: s.siteName,
        romeLabel: romeLabel(s.rome),
      };
    }),
    unfilled: plan.unfilled.map((id) => {
      const s = byId.get(id)!;
      return {
        shiftId: id,
        start: s.startAt.toISOString(),
        end: s.endAt.toISOString(),
        clientName: s.clientName,
        romeLabel: romeLabel(s.rome),
      };
    }),
    leftAlone,
    ms: Math.round(performance.now() - t0),
    loadMs: Math.round(loadedMs),
  };
}

/** The shifts (among `ids`) that someone has been asked to take and has not answered yet. */
async function pendingProposalShiftIds(db: Db, organisationId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectDistinct({ shiftId: shiftProposals.shiftId })
    .from(shiftProposals)
    .where(
      and(
        eq(shiftProposals.organisationId, organisationId),
        eq(shiftProposals.status, 'pending'),
        inArray(shiftProposals.shiftId, ids),
      ),
    );
  return new Set(rows.map((r) => r.shiftId));
}

/** Applies the reviewed proposal: each assignment is checked again and applied on its own. */
export async function applyPlan({
  db,
  actor,
  assignments,
}: {
  db: Db;
  actor: OrgActor;
  assignments: { shiftId: string; workerId: string }[];
}) {
  const applied: string[] = [];
  const failed: { shiftId: string; workerId: string; code: string; message: string }[] = [];
  for (const a of assignments) {
    try {
      await assignShift({ db, actor, shiftId: a.shiftId, workerId: a.workerId, mustBeOpen: true });
      applied.push(a.shiftId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ ...a, code: err.code, message: err.message });
    }
  }
  return { applied: applied.length, failed };
}
