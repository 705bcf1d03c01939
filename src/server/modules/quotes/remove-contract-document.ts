import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { readContractDocument } from './read-contract-document.js';
import { placementContractDocuments as docs } from './schema.js';

/** Removes a document attached by mistake (the removal is in the audit log). */
export async function removeContractDocument(db: Db, actor: OrgActor, placementContractId: string, documentId: string) {
  await db.transaction(async (tx) => {
    const d = await readContractDocument(tx, actor, placementContractId, documentId);
    await tx.delete(docs).where(eq(docs.id, d.id));
    await recordAudit({
      db: tx,
      actor,
      action: 'placement_contract.remove_document',
      recordType: 'placement_contract',
      recordId: d.placementContractId,
      details: { documentId: d.id, fileName: d.fileName, sha256: d.sha256 },
    });
  });
}
