import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { presentContractDocument } from './contract-document-view.js';
import { findPlacementContract } from './placement-contracts.js';
import { placementContractDocuments as docs } from './schema.js';

/** The documents of a contract (any version of it: the scan belongs to the version it was signed as). */
export async function listContractDocuments(db: Db, actor: OrgActor, placementContractId: string) {
  const c = await findPlacementContract(db, actor, placementContractId);
  const rows = await db
    .select({
      id: docs.id,
      fileName: docs.fileName,
      contentType: docs.contentType,
      sizeBytes: docs.sizeBytes,
      createdAt: docs.createdAt,
    })
    .from(docs)
    .where(and(eq(docs.organisationId, actor.organisationId), eq(docs.placementContractId, c.id)))
    .orderBy(asc(docs.createdAt));
  return rows.map(presentContractDocument);
}
