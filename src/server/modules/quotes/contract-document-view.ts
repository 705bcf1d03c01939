import type { placementContractDocuments as docs } from './schema.js';

/** A contract's scanned document as the API shows it (without its bytes). */
export const presentContractDocument = (
  d: Pick<typeof docs.$inferSelect, 'id' | 'fileName' | 'contentType' | 'sizeBytes' | 'createdAt'>,
) => ({
  id: d.id,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  createdAt: d.createdAt.toISOString(),
});

export type ContractDocumentView = ReturnType<typeof presentContractDocument>;
