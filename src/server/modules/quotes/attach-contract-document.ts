import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { presentContractDocument } from './contract-document-view.js';
import { findPlacementContract } from './placement-contracts.js';
import {
  CONTRACT_DOCUMENT_MAX_BYTES,
  type CONTRACT_DOCUMENT_TYPES,
  placementContractDocuments as docs,
} from './schema.js';

type DocumentType = (typeof CONTRACT_DOCUMENT_TYPES)[number];

/** The file's real type from its first bytes (never the name or the browser's word): PDF, JPEG or PNG. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

/**
 * Attaches the scanned signed copy of a contract signed on paper. Only PDF, JPEG and PNG files (recognised by
 * their content) of 5 MB at most are kept; the same file twice is kept once.
 */
export async function attachContractDocument(o: {
  db: Db;
  actor: OrgActor;
  placementContractId: string;
  fileName: string;
  contentBase64: string;
}) {
  const bytes = Buffer.from(o.contentBase64, 'base64');
  const problem = (message: string) => validationFailed([{ path: 'contentBase64', message }], message);
  if (bytes.length === 0) throw problem('Le fichier est vide.');
  if (bytes.length > CONTRACT_DOCUMENT_MAX_BYTES)
    throw problem(
      `Le fichier pèse ${(bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} Mo : 5 Mo au plus. Numérisez en 150 ou 200 dpi, ou en noir et blanc.`,
    );
  const contentType = sniffDocumentType(bytes);
  if (!contentType) throw problem('Seuls les fichiers PDF, JPEG et PNG sont acceptés (la copie numérisée du contrat).');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return o.db.transaction(async (tx) => {
    const c = await findPlacementContract(tx, o.actor, o.placementContractId);
    const [twin] = await tx
      .select({
        id: docs.id,
        fileName: docs.fileName,
        contentType: docs.contentType,
        sizeBytes: docs.sizeBytes,
        createdAt: docs.createdAt,
      })
      .from(docs)
      .where(
        and(
          eq(docs.organisationId, o.actor.organisationId),
          eq(docs.placementContractId, c.id),
          eq(docs.sha256, sha256),
        ),
      );
    if (twin) return { ...presentContractDocument(twin), created: false };
    const [row] = await tx
      .insert(docs)
      .values({
        organisationId: o.actor.organisationId,
        placementContractId: c.id,
        fileName: o.fileName,
        contentType,
        sizeBytes: bytes.length,
        sha256,
        content: bytes,
        createdBy: o.actor.userId ?? null,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'placement_contract.attach_document',
      recordType: 'placement_contract',
      recordId: c.id,
      details: { documentId: row.id, fileName: o.fileName, contentType, sizeBytes: bytes.length, sha256 },
    });
    return { ...presentContractDocument(row), created: true };
  });
}
