import { and, asc, count, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { escapeLike } from '../../http/validation.js';
import { shiftScope } from '../../policies/scopes.js';
import { addDays, parisDate, parisInstant } from '../calendar/paris-time.js';
import { isPublicHoliday } from '../calendar/public-holidays.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { workers } from '../workers/queries.js';
import { missions, type SHIFT_STATUSES, shifts } from './schema.js';

export type ShiftFilters = {
  from?: string;
  to?: string;
  workerId?: string;
  missionId?: string;
  clientId?: string;
  siteId?: string;
  status?: (typeof SHIFT_STATUSES)[number];
  limit: number;
  offset: number;
};

/**
 * The earliest start of a shift still running at `instant`: a shift lasts at most 12 hours (CHECK shifts_duration),
 * so "ends after X" also means "starts after X − 12 h", which an index on start_at can use.
 */
const startsFrom = (instant: Date) => new Date(instant.getTime() - 12 * 3_600_000);

const bound = (v: string, end = false) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) ? parisInstant(end ? addDays(v, 1) : v) : new Date(v);

const shiftView = {
  id: shifts.id,
  missionId: shifts.missionId,
  workerId: shifts.workerId,
  startAt: shifts.startAt,
  endAt: shifts.endAt,
  status: shifts.status,
  clientId: shifts.clientId,
  clientName: clients.name,
  clientLegalFormUnknown: sql<boolean>`(${clients.legalForm} IS NULL)`,
  // R5132-20: the worker is named in no version of the contract signed by the shift's start (an amendment
  // naming them still awaits the client's signature, or was never made).
  contractUnsigned: sql<boolean>`(${shifts.workerId} IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM placement_contracts m0 JOIN placement_contracts pc
      ON pc.id = coalesce(m0.amends_id, m0.id) OR pc.amends_id = coalesce(m0.amends_id, m0.id)
    WHERE m0.id = ${missions.placementContractId} AND pc.signed_at IS NOT NULL AND pc.signed_at <= ${shifts.startAt}
      AND (${shifts.workerId} = ANY(pc.worker_ids)
        OR (${workers.firstName} || ' ' || ${workers.lastName}) = ANY(pc.worker_names))))`,
  siteId: sites.id,
  siteName: sites.name,
  siteCommune: sites.communeName,
  rome: missions.rome,
  firstName: workers.firstName,
  lastName: workers.lastName,
  uncoveredWorkerId: shifts.uncoveredWorkerId,
  pendingProposals: sql<number>`(SELECT count(*)::int FROM shift_proposals p WHERE p.shift_id = ${shifts.id} AND p.status = 'pending')`,
};

type Row = {
  id: string;
  missionId: string;
  workerId: string | null;
  startAt: Date;
  endAt: Date;
  status: string;
  clientId: string;
  clientName: string;
  clientLegalFormUnknown?: boolean;
  contractUnsigned?: boolean;
  siteId: string;
  siteName: string;
  siteCommune: string | null;
  rome: string;
  firstName: string | null;
  lastName: string | null;
  uncoveredWorkerId: string | null;
  pendingProposals?: number;
};

export function presentShift(r: Row, opts: { withNames: boolean } = { withNames: true }) {
  const day = parisDate(r.startAt);
  return {
    id: r.id,
    missionId: r.missionId,
    workerId: r.workerId,
    start: r.startAt.toISOString(),
    end: r.endAt.toISOString(),
    status: r.status as (typeof SHIFT_STATUSES)[number],
    minutes: Math.round((r.endAt.getTime() - r.startAt.getTime()) / 60_000),
    clientId: r.clientId,
    clientName: r.clientName,
    siteId: r.siteId,
    siteName: r.siteName,
    siteCommune: r.siteCommune,
    rome: r.rome,
    romeLabel: romeLabel(r.rome),
    workerName: opts.withNames && r.firstName ? `${r.firstName} ${r.lastName}` : null,
    publicHoliday: isPublicHoliday(day),
    uncoveredWorkerId: r.uncoveredWorkerId,
    /** Proposals still waiting for an answer: shown on the grid, left alone by the auto-planner. */
    pendingProposals: Number(r.pendingProposals ?? 0),
    clientLegalFormUnknown: Boolean(r.clientLegalFormUnknown),
    /** R5132-20: the worker is not yet named in a signed version of the contract on the shift's day. */
    contractUnsigned: Boolean(r.contractUnsigned),
  };
}

/** The conditions every shift query of an actor carries: its tenant, and its client or worker if bound. */
export function actorScope(actor: Pick<OrgActor, 'organisationId' | 'role' | 'clientId' | 'workerId'>): SQL[] {
  return [shiftScope(actor)];
}

/** GET /shifts: shifts in a period with filters, oldest first. */
export async function listShifts({ db, actor, filters }: { db: Db; actor: OrgActor; filters: ShiftFilters }) {
  const where = actorScope(actor);
  if (filters.from)
    where.push(gte(shifts.endAt, bound(filters.from)), gte(shifts.startAt, startsFrom(bound(filters.from))));
  if (filters.to) where.push(lt(shifts.startAt, bound(filters.to, true)));
  if (filters.workerId) where.push(eq(shifts.workerId, filters.workerId));
  if (filters.missionId) where.push(eq(shifts.missionId, filters.missionId));
  if (filters.clientId) where.push(eq(shifts.clientId, filters.clientId));
  if (filters.siteId) where.push(eq(missions.siteId, filters.siteId));
  if (filters.status) where.push(eq(shifts.status, filters.status));
  const base = db
    .select(shiftView)
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .leftJoin(workers, eq(workers.id, shifts.workerId))
    .where(and(...where));
  const [rows, [{ total }]] = await Promise.all([
    base.orderBy(asc(shifts.startAt), asc(shifts.id)).limit(filters.limit).offset(filters.offset),
    db
      .select({ total: count() })
      .from(shifts)
      .innerJoin(missions, eq(missions.id, shifts.missionId))
      .where(and(...where)),
  ]);
  return { items: rows.map((r) => presentShift(r)), total };
}

/**
 * The week grid: one page of workers (rows) with their shifts over `days` days, and the open shifts of the
 * period. Paginated by workers so that 300 workers × 4 weeks stay fast.
 */
export async function planningGrid({
  db,
  actor,
  from,
  days,
  search,
  onlyWithShifts,
  limit,
  offset,
}: {
  db: Db;
  actor: OrgActor;
  from: string;
  days: number;
  search?: string;
  onlyWithShifts?: boolean;
  limit: number;
  offset: number;
}) {
  const start = parisInstant(from);
  const end = parisInstant(addDays(from, days));
  const inPeriod = and(
    eq(shifts.organisationId, actor.organisationId),
    lt(shifts.startAt, end),
    gte(shifts.endAt, start),
    // Redundant with the line above, but bounds the (organisation_id, start_at) index scan (issue 19).
    gte(shifts.startAt, startsFrom(start)),
  );
  const workerWhere: SQL[] = [eq(workers.organisationId, actor.organisationId), sql`${workers.anonymisedAt} IS NULL`];
  if (search) {
    const words = search.trim().split(/\s+/).filter(Boolean);
    for (const w of words) {
      workerWhere.push(
        or(
          sql`immutable_unaccent(${workers.firstName}) ILIKE immutable_unaccent(${`%${escapeLike(w)}%`})`,
          sql`immutable_unaccent(${workers.lastName}) ILIKE immutable_unaccent(${`%${escapeLike(w)}%`})`,
        )!,
      );
    }
  }
  if (onlyWithShifts) {
    workerWhere.push(
      sql`EXISTS (SELECT 1 FROM shifts s WHERE s.worker_id = ${workers.id} AND s.status = 'assigned' AND s.start_at < ${end.toISOString()}::timestamptz AND s.end_at >= ${start.toISOString()}::timestamptz)`,
    );
  }
  const [pageWorkers, [{ total }]] = await Promise.all([
    db
      .select({
        id: workers.id,
        firstName: workers.firstName,
        lastName: workers.lastName,
        communeName: workers.communeName,
        maxMinutesPerWeek: workers.maxMinutesPerWeek,
      })
      .from(workers)
      .where(and(...workerWhere))
      .orderBy(asc(workers.lastName), asc(workers.firstName), asc(workers.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(workers)
      .where(and(...workerWhere)),
  ]);
  const ids = pageWorkers.map((w) => w.id);
  const select = () =>
    db
      .select(shiftView)
      .from(shifts)
      .innerJoin(missions, eq(missions.id, shifts.missionId))
      .innerJoin(clients, eq(clients.id, shifts.clientId))
      .innerJoin(sites, eq(sites.id, missions.siteId))
      .leftJoin(workers, eq(workers.id, shifts.workerId));
  const [assigned, open] = await Promise.all([
    ids.length
      ? select()
          .where(and(inPeriod, eq(shifts.status, 'assigned'), inArray(shifts.workerId, ids)))
          .orderBy(asc(shifts.startAt))
      : Promise.resolve([] as Row[]),
    select()
      .where(and(inPeriod, eq(shifts.status, 'open')))
      .orderBy(asc(shifts.startAt)),
  ]);
  return {
    from,
    days,
    workers: pageWorkers.map((w) => ({
      id: w.id,
      name: `${w.firstName} ${w.lastName}`,
      commune: w.communeName,
      maxMinutesPerWeek: w.maxMinutesPerWeek,
    })),
    total,
    shifts: assigned.map((r) => presentShift(r)),
    openShifts: open.map((r) => presentShift(r)),
  };
}
