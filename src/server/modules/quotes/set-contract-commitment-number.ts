import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { findPlacementContract } from './placement-contracts.js';
import { placementContracts } from './schema.js';

export type SetCommitmentNumberOptions = {
  db: Db;
  actor: OrgActor;
  placementContractId: string;
  /** The engagement number the public buyer (State, ASP, local authority) gives to the order; null removes it. */
  commitmentNumber: string | null;
};

/**
 * Records the engagement number of a placement contract's order (Chorus Pro "numéro d'engagement", EN 16931
 * BT-13). It belongs to the order, so it is set on the contract and all its amendments at once; it is an
 * administrative reference, not a term of the contract, so it may be completed after signature. Invoices of
 * this order carry it.
 */
export async function setContractCommitmentNumber({
  db,
  actor,
  placementContractId,
  commitmentNumber,
}: SetCommitmentNumberOptions) {
  return db.transaction(async (tx) => {
    const c = await findPlacementContract(tx, actor, placementContractId);
    const rootId = c.amendsId ?? c.id;
    await tx
      .update(placementContracts)
      .set({ commitmentNumber })
      .where(
        and(
          eq(placementContracts.organisationId, actor.organisationId),
          or(eq(placementContracts.id, rootId), eq(placementContracts.amendsId, rootId)),
        ),
      );
    await recordAudit({
      db: tx,
      actor,
      action: 'placement_contract.commitment_number',
      recordType: 'placement_contract',
      recordId: rootId,
      details: { from: c.commitmentNumber, to: commitmentNumber },
    });
    return { commitmentNumber };
  });
}
