import { and, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { missions, shifts } from './schema.js';

/**
 * The imports' look-ups in the planning (issue 17): a mission already there for the same contract, job and dates
 * (re-importing a file changes nothing), the missions of a contract running on a day (hours worked), and a shift
 * already recorded for the same worker and times.
 */
export async function findMissionForImport(
  db: Db,
  organisationId: string,
  o: { placementContractId: string; rome: string; startDate: string; endDate: string },
) {
  const [row] = await db
    .select({ id: missions.id })
    .from(missions)
    .where(
      and(
        eq(missions.organisationId, organisationId),
        eq(missions.placementContractId, o.placementContractId),
        eq(missions.rome, o.rome),
        eq(missions.startDate, o.startDate),
        eq(missions.endDate, o.endDate),
      ),
    );
  return row ?? null;
}

/** The missions of a contract running on `date`, of one job when given. */
export async function missionsOfContractOn(
  db: Db,
  organisationId: string,
  o: { placementContractId: string; date: string; rome?: string },
) {
  return db
    .select({ id: missions.id, rome: missions.rome })
    .from(missions)
    .where(
      and(
        eq(missions.organisationId, organisationId),
        eq(missions.placementContractId, o.placementContractId),
        lte(missions.startDate, o.date),
        gte(missions.endDate, o.date),
        ...(o.rome ? [eq(missions.rome, o.rome)] : []),
      ),
    );
}

/** A shift of this mission already given to this worker at exactly these times. */
export async function findShiftForImport(
  db: Db,
  organisationId: string,
  o: { missionId: string; workerId: string; start: Date; end: Date },
) {
  const [row] = await db
    .select({ id: shifts.id })
    .from(shifts)
    .where(
      and(
        eq(shifts.organisationId, organisationId),
        eq(shifts.missionId, o.missionId),
        eq(shifts.workerId, o.workerId),
        eq(shifts.startAt, o.start),
        eq(shifts.endAt, o.end),
      ),
    );
  return row ?? null;
}
