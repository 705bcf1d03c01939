import { and, desc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { queueEmail } from '../notifications/queue-email.js';
import { workers } from '../workers/queries.js';
import { findPlacementContract } from './placement-contracts.js';
import { placementContracts } from './schema.js';

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
    const given = await findPlacementContract(tx, actor, placementContractId);
    const rootId = given.amendsId ?? given.id;
    const family = and(
      eq(placementContracts.organisationId, actor.organisationId),
      or(eq(placementContracts.id, rootId), eq(placementContracts.amendsId, rootId)),
    );
    const [current] = await tx
      .select()
      .from(placementContracts)
      .where(family)
      .orderBy(desc(placementContracts.createdAt))
      .limit(1)
      .for('update');
    // The original, with its amendments' count and the client's address (the amendment's number, its email).
    const [{ amendments: n, clientEmail, ...root }] = await tx
      .select({
        ...getTableColumns(placementContracts),
        // Plain SQL: in a one-table select, Drizzle prints the subqueries' columns without their table.
        amendments: sql<number>`(SELECT count(*)::int FROM placement_contracts a WHERE a.amends_id = placement_contracts.id)`,
        clientEmail: sql<string | null>`(SELECT c.email FROM clients c WHERE c.id = placement_contracts.client_id)`,
      })
      .from(placementContracts)
      .where(eq(placementContracts.id, rootId));
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
        amendsId: rootId,
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
      details: { amends: rootId, added, removed },
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
