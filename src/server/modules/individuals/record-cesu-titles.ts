import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients } from '../clients/queries.js';
import { cesuTitles } from './schema.js';

/** Records a batch of prepaid CESU titles received from a client (issuer, numbers, face value, count). */
export async function recordCesuTitles(o: {
  db: Db;
  actor: OrgActor;
  input: {
    clientId: string;
    issuer: string;
    numbers: string;
    faceValueCents: number;
    count: number;
    receivedOn: string;
  };
}) {
  const { db, actor, input } = o;
  const [client] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.id, input.clientId), eq(clients.organisationId, actor.organisationId)));
  if (!client) throw notFound('Ce client');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(cesuTitles)
      .values({ organisationId: actor.organisationId, createdBy: actor.userId, ...input })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'cesu.receive',
      recordType: 'client',
      recordId: client.id,
      details: { cesuTitleId: row.id, count: row.count, faceValueCents: row.faceValueCents },
    });
    return row;
  });
}
