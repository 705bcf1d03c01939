import { and, asc, eq, gt, gte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { forbidden } from '../../http/errors.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { missions, shiftProposals, shifts } from './schema.js';

/** The worker bound to this membership (a worker sees only their own page). */
export function ownWorkerId(actor: OrgActor): string {
  if (actor.role !== 'worker' || !actor.workerId) throw forbidden('Cette page est celle d’un·e salarié·e.');
  return actor.workerId;
}

/** My next shifts (from the start of today), in order, with the place and its access notes. */
export async function myShifts({ db, actor, limit = 50 }: { db: Db; actor: OrgActor; limit?: number }) {
  const workerId = ownWorkerId(actor);
  const since = new Date(Date.now() - 12 * 3_600_000);
  const rows = await db
    .select({
      id: shifts.id,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
      clientName: clients.name,
      siteName: sites.name,
      address: sites.addressLine,
      commune: sites.communeName,
      accessNotes: sites.accessNotes,
      rome: missions.rome,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(
      and(
        eq(shifts.organisationId, actor.organisationId),
        eq(shifts.workerId, workerId),
        eq(shifts.status, 'assigned'),
        gte(shifts.endAt, since),
      ),
    )
    .orderBy(asc(shifts.startAt))
    .limit(limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      start: r.startAt.toISOString(),
      end: r.endAt.toISOString(),
      place: r.siteName === 'Domicile' ? r.clientName : r.siteName,
      address: [r.address, r.commune].filter(Boolean).join(', '),
      accessNotes: r.accessNotes,
      job: romeLabel(r.rome),
    })),
  };
}

/** Shifts proposed to me that I have not answered yet. */
export async function myProposals({ db, actor }: { db: Db; actor: OrgActor }) {
  const workerId = ownWorkerId(actor);
  const rows = await db
    .select({
      id: shiftProposals.id,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
      shiftStatus: shifts.status,
      siteName: sites.name,
      clientName: clients.name,
      commune: sites.communeName,
      rome: missions.rome,
    })
    .from(shiftProposals)
    .innerJoin(shifts, eq(shifts.id, shiftProposals.shiftId))
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(
      and(
        eq(shiftProposals.organisationId, actor.organisationId),
        eq(shiftProposals.workerId, workerId),
        eq(shiftProposals.status, 'pending'),
        eq(shifts.status, 'open'),
        gt(shifts.startAt, new Date()),
      ),
    )
    .orderBy(asc(shifts.startAt));
  return {
    items: rows.map((r) => ({
      id: r.id,
      start: r.startAt.toISOString(),
      end: r.endAt.toISOString(),
      place: r.siteName === 'Domicile' ? r.clientName : r.siteName,
      commune: r.commune,
      job: romeLabel(r.rome),
    })),
  };
}
