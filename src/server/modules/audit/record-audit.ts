import type { Db } from '../../db/connect.js';
import { auditEvents } from './schema.js';

export type RecordAuditOptions = {
  db: Db;
  actor: { userId?: string | null; organisationId?: string | null; networkId?: string | null } | null;
  action: string;
  recordType: string;
  recordId?: string | null;
  details?: unknown;
};

/** Call inside the transaction that makes the change. */
export async function recordAudit({ db, actor, action, recordType, recordId, details }: RecordAuditOptions) {
  await db.insert(auditEvents).values({
    organisationId: actor?.organisationId ?? null,
    networkId: actor?.networkId ?? null,
    userId: actor?.userId ?? null,
    action,
    recordType,
    recordId: recordId ?? null,
    details: details ?? null,
  });
}
