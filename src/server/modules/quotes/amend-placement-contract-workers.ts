import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias, PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connect.js';
import { rowsOfPrepared } from '../../db/prepared.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { placementContractScope } from '../../policies/scopes.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { queueEmail } from '../notifications/queue-email.js';
import { workers } from '../workers/queries.js';
import { placementContracts } from './schema.js';

type PlacementContract = typeof placementContracts.$inferSelect;

export type AmendPlacementContractWorkersOptions = {
  db: Db;
  actor: Pick<OrgActor, 'organisationId' | 'userId'> & Partial<OrgActor>;
  /** The original contract or any of its amendments. */
  placementContractId: string;
  /** Full names of every worker placed under the contract from now on. */
  workerNames: string[];
  /** The workers chosen from their records: their names replace `workerNames` (404 for an unknown one). */
  workerIds?: string[];
  reason?: string | null;
};

/**
 * R5132-20 names the workers in the contract: when they change, an amendment (avenant) is generated —
 * a new row with amends_id = the original contract, number "<original>-A<n>", the new list of names,
 * unsigned until the client signs it in its portal. Same names as the current version: nothing is created.
 * Planning calls this when it assigns a worker not yet named. Returns the current version's id.
 */
export async function amendPlacementContractWorkers({
  db,
  actor,
  placementContractId,
  workerNames,
  workerIds,
  reason,
}: AmendPlacementContractWorkersOptions) {
  // Inside the caller's transaction (planning's assignment), a savepoint would only cost two round trips: an
  // error here aborts the caller's transaction anyway, none goes on after it.
  const inTransaction = (db as unknown) instanceof PgTransaction;
  const run = <T>(fn: (tx: Db) => Promise<T>): Promise<T> => (inTransaction ? fn(db) : db.transaction(fn));
  return run(async (tx) => {
    // Names come from the worker records when chosen there; otherwise names given are matched to records.
    const ids = [...new Set(workerIds ?? [])];
    const records = await tx
      .select({ id: workers.id, name: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}` })
      .from(workers)
      .where(
        and(
          eq(workers.organisationId, actor.organisationId),
          workerIds
            ? inArray(workers.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
            : inArray(
                sql`${workers.firstName} || ' ' || ${workers.lastName}`,
                workerNames.length ? workerNames.map((n) => n.trim()) : [''],
              ),
        ),
      );
    if (workerIds && records.length !== ids.length) throw notFound('Ce·tte salarié·e');
    const names = [
      ...new Set((workerIds ? records.map((r) => r.name) : workerNames).map((n) => n.trim()).filter(Boolean)),
    ].sort((a, b) => a.localeCompare(b, 'fr'));
    const idOf = new Map(records.map((r) => [r.name, r.id]));
    const namedIds = names.flatMap((n) => (idOf.has(n) ? [idOf.get(n)!] : []));
    // The contract given (in the actor's scope), its original and its current version — the latest amendment,
    // locked: two officers changing the names at once write one amendment each, in turn — with the original's
    // amendments counted and the client's address (the amendment's number, its email): one round trip, planned
    // once per session (db/prepared.ts).
    const r = alias(placementContracts, 'root');
    const c = alias(placementContracts, 'cur');
    const [found] = await rowsOfPrepared<{
      root: Pick<PlacementContract, 'id' | 'status' | 'number' | 'clientId' | 'quoteId' | 'startDate' | 'endDate'>;
      current: Pick<
        PlacementContract,
        | 'id'
        | 'workerNames'
        | 'siteId'
        | 'tasks'
        | 'equivalentPayCents'
        | 'protectiveEquipment'
        | 'equipmentSuppliedBy'
        | 'romeCodes'
        | 'commitmentNumber'
      >;
      amendments: number;
      clientEmail: string | null;
    }>(
      tx,
      sql`SELECT json_build_object('id', ${r.id}, 'status', ${r.status}, 'number', ${r.number},
            'clientId', ${r.clientId}, 'quoteId', ${r.quoteId}, 'startDate', ${r.startDate}, 'endDate', ${r.endDate}) AS root,
          json_build_object('id', ${c.id}, 'workerNames', ${c.workerNames}, 'siteId', ${c.siteId}, 'tasks', ${c.tasks},
            'equivalentPayCents', ${c.equivalentPayCents}, 'protectiveEquipment', ${c.protectiveEquipment},
            'equipmentSuppliedBy', ${c.equipmentSuppliedBy}, 'romeCodes', ${c.romeCodes},
            'commitmentNumber', ${c.commitmentNumber}) AS current,
          (SELECT count(*)::int FROM placement_contracts a WHERE a.amends_id = ${r.id}) AS amendments,
          (SELECT e.email FROM clients e WHERE e.id = ${r.clientId}) AS "clientEmail"
        FROM ${placementContracts}
        JOIN ${placementContracts} ${sql.identifier('root')} ON ${r.id} = coalesce(${placementContracts.amendsId}, ${placementContracts.id})
        JOIN ${placementContracts} ${sql.identifier('cur')} ON ${c.id} = (SELECT f.id FROM placement_contracts f
          WHERE f.organisation_id = ${actor.organisationId} AND (f.id = ${r.id} OR f.amends_id = ${r.id})
          ORDER BY f.created_at DESC LIMIT 1)
        WHERE ${placementContracts.id} = ${placementContractId} AND ${placementContractScope(actor)}
        FOR UPDATE OF ${sql.identifier('cur')}`,
    );
    if (!found) throw notFound('Ce contrat de mise à disposition');
    const { root, current, amendments: n, clientEmail } = found;
    if (root.status === 'cancelled' || root.status === 'ended' || root.endDate < parisToday()) {
      throw ruleBroken(
        'placement_contract_ended',
        `Le contrat ${root.number} est terminé : établissez un nouveau devis.`,
      );
    }
    const same = [...current.workerNames].sort((a, b) => a.localeCompare(b, 'fr')).join('|') === names.join('|');
    if (same) return { placementContractId: current.id, created: false };
    const added = names.filter((x) => !current.workerNames.includes(x));
    const removed = current.workerNames.filter((x) => !names.includes(x));
    const why =
      reason ??
      [added.length ? `ajout de ${added.join(', ')}` : '', removed.length ? `retrait de ${removed.join(', ')}` : '']
        .filter(Boolean)
        .join(' ; ');
    const [amendment] = await tx
      .insert(placementContracts)
      .values({
        organisationId: actor.organisationId,
        clientId: root.clientId,
        siteId: current.siteId,
        quoteId: root.quoteId,
        amendsId: root.id,
        number: `${root.number}-A${n + 1}`,
        status: 'active',
        tasks: current.tasks,
        startDate: [parisToday(), root.startDate].sort()[1],
        endDate: root.endDate,
        equivalentPayCents: current.equivalentPayCents,
        protectiveEquipment: current.protectiveEquipment,
        equipmentSuppliedBy: current.equipmentSuppliedBy,
        workerNames: names,
        workerIds: namedIds,
        romeCodes: current.romeCodes,
        // The engagement number belongs to the order, which the amendment continues (BT-13).
        commitmentNumber: current.commitmentNumber,
        amendmentReason: why.charAt(0).toUpperCase() + why.slice(1),
        createdBy: actor.userId ?? null,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'placement_contract.amend',
      recordType: 'placement_contract',
      recordId: amendment.id,
      details: { amends: root.id, added, removed },
    });
    if (clientEmail) {
      await queueEmail({
        db: tx,
        to: clientEmail,
        organisationId: actor.organisationId,
        related: { type: 'placement_contract', id: amendment.id },
        subject: `Avenant ${amendment.number} à votre contrat de mise à disposition`,
        text: `Bonjour,\n\nLes personnes mises à disposition changent : ${names.join(', ') || 'aucune'}.\nL’avenant ${amendment.number} est à signer dans votre espace client Passerelle.\n`,
      });
    }
    return { placementContractId: amendment.id, created: true };
  });
}
