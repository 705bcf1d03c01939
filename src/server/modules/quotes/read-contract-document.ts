import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { findPlacementContract } from './placement-contracts.js';
import { placementContractDocuments as docs } from './schema.js';

/** A document's bytes, for whoever may read the contract (its client included). */
export async function readContractDocument(db: Db, actor: OrgActor, placementContractId: string, documentId: string) {
  const c = await findPlacementContract(db, actor, placementContractId);
  const [d] = await db
    .select()
    .from(docs)
    .where(
      and(eq(docs.organisationId, actor.organisationId), eq(docs.placementContractId, c.id), eq(docs.id, documentId)),
    );
  if (!d) throw notFound('Ce document');
  return d;
}
