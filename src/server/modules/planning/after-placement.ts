import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { rowsOfPrepared } from '../../db/prepared.js';
import type { OrgActor } from '../../http/actor.js';
import { amendPlacementContractWorkers } from '../quotes/amend-placement-contract-workers.js';
import { placementContracts } from '../quotes/queries.js';
import { workers } from '../workers/queries.js';
import { ensureInformationVisit, informationVisitColumns } from './information-visit.js';
import { missions } from './schema.js';

/**
 * What the law requires in the same step as placing a worker, inside the placement's transaction:
 * - R5132-20: every worker placed under a contract is named in it. A worker not yet named gets an amendment
 *   naming them (sent to the client to sign, as every amendment); the planning flags the worker's shifts until
 *   it is signed (list-shifts: contractUnsigned).
 * - R5132-26-7: the first placement makes the medical information visit due.
 * Returns a warning for the officer when an amendment was created.
 */
export async function afterPlacement(
  db: Db,
  actor: Pick<OrgActor, 'organisationId' | 'userId'>,
  o: { missionId: string; workerId: string; placementDate: string },
): Promise<string[]> {
  // The contract the mission runs under, its current version (the latest amendment), the worker's name and
  // information visit: one round trip instead of five, planned once per session (db/prepared.ts).
  const rootOf = sql`coalesce(${placementContracts.amendsId}, ${placementContracts.id})`;
  const visit = informationVisitColumns(actor.organisationId);
  const [row] = await rowsOfPrepared<{
    rootId: string;
    current: { workerIds: string[]; workerNames: string[] };
    firstName: string;
    lastName: string;
    visitRecorded: boolean;
    visitTell: string[];
  }>(
    db,
    sql`SELECT ${rootOf} AS "rootId",
        (SELECT json_build_object('workerIds', f.worker_ids, 'workerNames', f.worker_names)
          FROM placement_contracts f
          WHERE f.organisation_id = ${actor.organisationId} AND (f.id = ${rootOf} OR f.amends_id = ${rootOf})
          ORDER BY f.created_at DESC LIMIT 1) AS "current",
        ${workers.firstName} AS "firstName", ${workers.lastName} AS "lastName",
        ${visit.visitRecorded} AS "visitRecorded", ${visit.visitTell} AS "visitTell"
      FROM ${missions}
      JOIN ${placementContracts} ON ${placementContracts.id} = ${missions.placementContractId}
      JOIN ${workers} ON ${workers.id} = ${o.workerId} AND ${workers.organisationId} = ${actor.organisationId}
      WHERE ${missions.id} = ${o.missionId} AND ${missions.organisationId} = ${actor.organisationId}`,
  );
  await ensureInformationVisit(
    db,
    { organisationId: actor.organisationId, workerId: o.workerId, placementDate: o.placementDate },
    row,
  );
  const { rootId, current } = row;
  const name = `${row.firstName} ${row.lastName}`;
  if (current.workerIds.includes(o.workerId) || current.workerNames.includes(name)) return [];
  const r = await amendPlacementContractWorkers({
    db,
    actor,
    placementContractId: rootId,
    // By names, so that the names already printed on the contract stay even without a worker record behind.
    workerNames: [...current.workerNames, name],
    reason: `Ajout de ${name}`,
  });
  return r.created
    ? [
        `${name} n’était pas nommé·e dans le contrat de mise à disposition : un avenant l’ajoute et a été envoyé au client pour signature (art. R5132-20 du Code du travail). Le créneau reste signalé tant que l’avenant n’est pas signé.`,
      ]
    : [];
}
