import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { parisInstant } from '../calendar/paris-time.js';
import { clients, sites } from '../clients/queries.js';
import { unassignShift } from './assign-shift.js';
import { findWorkerName } from './find-worker-name.js';
import { missions, shiftProposals, shifts } from './schema.js';

/**
 * The shifts still given to a person after a date (an exit date): what recording the exit must free. A shift
 * that ends after the end of that day counts, as in recordExit.
 */
export async function workerShiftsAfter({
  db,
  organisationId,
  workerId,
  date,
}: {
  db: Db;
  organisationId: string;
  workerId: string;
  date: string;
}) {
  const worker = await findWorkerName(db, organisationId, workerId);
  const rows = await db
    .select({
      id: shifts.id,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
      clientName: clients.name,
      siteName: sites.name,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(
      and(
        eq(shifts.organisationId, organisationId),
        eq(shifts.workerId, workerId),
        eq(shifts.status, 'assigned'),
        gt(shifts.endAt, parisInstant(date, '23:59')),
      ),
    )
    .orderBy(asc(shifts.startAt));
  return {
    workerName: worker.name,
    count: rows.length,
    items: rows.map((r) => ({
      id: r.id,
      start: r.startAt.toISOString(),
      end: r.endAt.toISOString(),
      clientName: r.clientName,
      siteName: r.siteName,
    })),
  };
}

/**
 * Frees a leaving person's shifts after a date (they become open, to be filled, with the person remembered as
 * the one they uncover) and withdraws the proposals still waiting for their answer. Runs in the caller's
 * transaction (the exit being recorded).
 */
export async function freeWorkerShiftsAfter({
  db,
  actor,
  workerId,
  date,
}: {
  db: Db;
  actor: OrgActor;
  workerId: string;
  date: string;
}) {
  const { items } = await workerShiftsAfter({ db, organisationId: actor.organisationId, workerId, date });
  for (const s of items) await unassignShift({ db, actor, shiftId: s.id });
  await db
    .update(shiftProposals)
    .set({ status: 'withdrawn', respondedAt: new Date() })
    .where(
      and(
        eq(shiftProposals.organisationId, actor.organisationId),
        eq(shiftProposals.workerId, workerId),
        eq(shiftProposals.status, 'pending'),
      ),
    );
  return { freed: items };
}
