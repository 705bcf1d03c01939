import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { missionScope } from '../../policies/scopes.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { placementContracts } from '../quotes/queries.js';
import { workers } from '../workers/queries.js';
import { missions, shiftSeries } from './schema.js';

const missionView = {
  id: missions.id,
  placementContractId: missions.placementContractId,
  contractNumber: placementContracts.number,
  clientId: missions.clientId,
  clientName: clients.name,
  siteId: missions.siteId,
  siteName: sites.name,
  siteCommune: sites.communeName,
  rome: missions.rome,
  startDate: missions.startDate,
  endDate: missions.endDate,
  notes: missions.notes,
  createdAt: missions.createdAt,
  shiftsTotal: sql<number>`(SELECT count(*)::int FROM shifts s WHERE s.mission_id = ${missions.id} AND s.status <> 'cancelled')`,
  shiftsOpen: sql<number>`(SELECT count(*)::int FROM shifts s WHERE s.mission_id = ${missions.id} AND s.status = 'open')`,
};

type MissionRow = {
  id: string;
  placementContractId: string;
  contractNumber: string;
  clientId: string;
  clientName: string;
  siteId: string;
  siteName: string;
  siteCommune: string | null;
  rome: string;
  startDate: string;
  endDate: string;
  notes: string | null;
  createdAt: Date;
  shiftsTotal: number;
  shiftsOpen: number;
};

const present = (m: MissionRow) => ({
  ...m,
  romeLabel: romeLabel(m.rome),
  createdAt: m.createdAt.toISOString(),
  shiftsTotal: Number(m.shiftsTotal),
  shiftsOpen: Number(m.shiftsOpen),
});

/** The actor's missions (policies/scopes.ts: a client user's own client's only). */
function scope(actor: Pick<OrgActor, 'organisationId' | 'role' | 'clientId'>): SQL[] {
  return [missionScope(actor)];
}

const joined = (db: Db) =>
  db
    .select(missionView)
    .from(missions)
    .innerJoin(clients, eq(clients.id, missions.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .innerJoin(placementContracts, eq(placementContracts.id, missions.placementContractId));

/** The missions of a placement contract or of a client (newest first), with how many shifts are still open. */
export async function listMissions({
  db,
  actor,
  filters,
}: {
  db: Db;
  actor: OrgActor;
  filters: { placementContractId?: string; clientId?: string; limit: number; offset: number };
}) {
  const where = scope(actor);
  if (filters.placementContractId) where.push(eq(missions.placementContractId, filters.placementContractId));
  if (filters.clientId) where.push(eq(missions.clientId, filters.clientId));
  const [rows, [{ total }]] = await Promise.all([
    joined(db)
      .where(and(...where))
      .orderBy(desc(missions.startDate), desc(missions.createdAt), asc(missions.id))
      .limit(filters.limit)
      .offset(filters.offset),
    db
      .select({ total: count() })
      .from(missions)
      .where(and(...where)),
  ]);
  return { items: rows.map(present), total };
}

/** One mission with its weekly series (pattern, worker, cancellation) for the mission page. */
export async function missionDetail({ db, actor, missionId }: { db: Db; actor: OrgActor; missionId: string }) {
  const [row] = await joined(db).where(and(eq(missions.id, missionId), ...scope(actor)));
  if (!row) throw notFound('Cette mission');
  const series = await db
    .select({
      id: shiftSeries.id,
      workerId: shiftSeries.workerId,
      firstName: workers.firstName,
      lastName: workers.lastName,
      weekdays: shiftSeries.weekdays,
      startTime: shiftSeries.startTime,
      endTime: shiftSeries.endTime,
      startDate: shiftSeries.startDate,
      endDate: shiftSeries.endDate,
      skipPublicHolidays: shiftSeries.skipPublicHolidays,
      exceptDates: shiftSeries.exceptDates,
      cancelledFrom: shiftSeries.cancelledFrom,
      shiftsLive: sql<number>`(SELECT count(*)::int FROM shifts s WHERE s.series_id = ${shiftSeries.id} AND s.status <> 'cancelled')`,
      shiftsOpen: sql<number>`(SELECT count(*)::int FROM shifts s WHERE s.series_id = ${shiftSeries.id} AND s.status = 'open')`,
    })
    .from(shiftSeries)
    .leftJoin(workers, eq(workers.id, shiftSeries.workerId))
    .where(and(eq(shiftSeries.organisationId, actor.organisationId), eq(shiftSeries.missionId, row.id)))
    .orderBy(asc(shiftSeries.startDate), asc(shiftSeries.createdAt));
  const [contract] = await db
    .select({ romeCodes: placementContracts.romeCodes, status: placementContracts.status })
    .from(placementContracts)
    .where(eq(placementContracts.id, row.placementContractId));
  return {
    ...present(row),
    contractRomes: (contract?.romeCodes ?? []).map((r) => ({ rome: r, label: romeLabel(r) })),
    series: series.map(({ firstName, lastName, ...s }) => ({
      ...s,
      workerName: firstName ? `${firstName} ${lastName}` : null,
      shiftsLive: Number(s.shiftsLive),
      shiftsOpen: Number(s.shiftsOpen),
    })),
  };
}
