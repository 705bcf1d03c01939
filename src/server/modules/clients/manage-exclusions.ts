import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { workers } from '../workers/queries.js';
import { findClient } from './find-client.js';
import { clientExcludedWorkers } from './schema.js';

export const ExclusionBody = z.strictObject({
  workerId: z.uuid('Choisissez un·e salarié·e.'),
  reason: z.string().trim().max(500).nullable().optional(),
});

/** The client asked not to receive this worker again: planning leaves them out of its candidates. */
export async function excludeWorker(o: {
  db: Db;
  actor: OrgActor;
  clientId: string;
  workerId: string;
  reason?: string | null;
}) {
  const client = await findClient(o.db, o.actor, o.clientId);
  const [worker] = await o.db
    .select({ id: workers.id })
    .from(workers)
    .where(and(eq(workers.id, o.workerId), eq(workers.organisationId, o.actor.organisationId)));
  if (!worker) throw notFound('Ce ou cette salarié·e');
  await o.db.transaction(async (tx) => {
    await tx
      .insert(clientExcludedWorkers)
      .values({
        organisationId: o.actor.organisationId,
        clientId: client.id,
        workerId: worker.id,
        reason: o.reason ?? null,
      })
      .onConflictDoUpdate({
        target: [clientExcludedWorkers.clientId, clientExcludedWorkers.workerId],
        set: { reason: o.reason ?? null },
      });
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'client.exclude_worker',
      recordType: 'client',
      recordId: client.id,
      details: { workerId: worker.id },
    });
  });
}

export async function includeWorker(o: { db: Db; actor: OrgActor; clientId: string; workerId: string }) {
  const client = await findClient(o.db, o.actor, o.clientId);
  await o.db.transaction(async (tx) => {
    const rows = await tx
      .delete(clientExcludedWorkers)
      .where(
        and(
          eq(clientExcludedWorkers.clientId, client.id),
          eq(clientExcludedWorkers.workerId, o.workerId),
          eq(clientExcludedWorkers.organisationId, o.actor.organisationId),
        ),
      )
      .returning();
    if (rows.length === 0) throw notFound('Cette exclusion');
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'client.include_worker',
      recordType: 'client',
      recordId: client.id,
      details: { workerId: o.workerId },
    });
  });
}

/** The workers a client asked not to receive (planning reads it to filter candidates). */
export async function excludedWorkerIds({
  db,
  organisationId,
  clientId,
}: {
  db: Db;
  organisationId: string;
  clientId: string;
}) {
  const rows = await db
    .select({ workerId: clientExcludedWorkers.workerId })
    .from(clientExcludedWorkers)
    .where(and(eq(clientExcludedWorkers.organisationId, organisationId), eq(clientExcludedWorkers.clientId, clientId)));
  return rows.map((r) => r.workerId);
}
