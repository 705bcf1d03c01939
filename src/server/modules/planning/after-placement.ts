import { and, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { amendPlacementContractWorkers } from '../quotes/amend-placement-contract-workers.js';
import { placementContracts } from '../quotes/queries.js';
import { workers } from '../workers/queries.js';
import { ensureInformationVisit } from './information-visit.js';
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
  await ensureInformationVisit(db, {
    organisationId: actor.organisationId,
    workerId: o.workerId,
    placementDate: o.placementDate,
  });
  const [mission] = await db
    .select({ contractId: missions.placementContractId })
    .from(missions)
    .where(and(eq(missions.id, o.missionId), eq(missions.organisationId, actor.organisationId)));
  const [given] = await db
    .select({ id: placementContracts.id, amendsId: placementContracts.amendsId })
    .from(placementContracts)
    .where(eq(placementContracts.id, mission.contractId));
  const rootId = given.amendsId ?? given.id;
  const [current] = await db
    .select({ workerIds: placementContracts.workerIds, workerNames: placementContracts.workerNames })
    .from(placementContracts)
    .where(
      and(
        eq(placementContracts.organisationId, actor.organisationId),
        or(eq(placementContracts.id, rootId), eq(placementContracts.amendsId, rootId)),
      ),
    )
    .orderBy(desc(placementContracts.createdAt))
    .limit(1);
  const [w] = await db
    .select({ firstName: workers.firstName, lastName: workers.lastName })
    .from(workers)
    .where(eq(workers.id, o.workerId));
  const name = `${w.firstName} ${w.lastName}`;
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
