import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findCommune } from '../geo/communes.js';
import { queueEmail } from '../notifications/queue-email.js';
import { workers } from '../workers/queries.js';
import { officerEmails, shiftWhen } from './notify.js';
import { virtualSlot, visibleRequest } from './pooling-network.js';
import { poolingOffers } from './schema.js';
import { verifyAssignment } from './verify-assignment.js';

/** Answers a request with one of my workers (checked against my rules). */
export async function offerWorker({
  db,
  actor,
  requestId,
  workerId,
}: {
  db: Db;
  actor: OrgActor;
  requestId: string;
  workerId: string;
}) {
  return db.transaction(async (tx) => {
    const r = await visibleRequest(tx, actor, requestId);
    if (r.status !== 'open') throw conflict('pooling_closed', 'Cette demande est déjà pourvue.');
    const v = await verifyAssignment({ db: tx, organisationId: actor.organisationId, workerId, slot: virtualSlot(r) });
    const c = findCommune(r.communeCode);
    const [w] = await tx.select({ lat: workers.lat, lon: workers.lon }).from(workers).where(eq(workers.id, workerId));
    const km =
      c && w?.lat != null && w?.lon != null
        ? Math.round(Math.hypot((c.lat - w.lat) * 111, (c.lon - w.lon) * 73))
        : null;
    const [offer] = await tx
      .insert(poolingOffers)
      .values({
        requestId: r.id,
        organisationId: actor.organisationId,
        workerId,
        distanceKm: km,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    for (const email of await officerEmails(tx, r.organisationId, [r.createdBy])) {
      await queueEmail({
        db: tx,
        to: email,
        subject: 'Mutualisation : une AI du réseau propose une personne',
        text: `Une structure du réseau propose une personne (${v.workerName.split(' ')[0]}) pour votre créneau ${shiftWhen(r.startAt, r.endAt)}. Ouvrez le planning pour accepter.`,
        organisationId: r.organisationId,
        related: { type: 'pooling_request', id: r.id },
      });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'pooling.offer',
      recordType: 'pooling_request',
      recordId: r.id,
      details: { workerId },
    });
    return { id: offer?.id ?? null, status: 'offered' as const };
  });
}
