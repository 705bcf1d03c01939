import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { romeLabel } from '../directory/rome.js';
import { queueEmail } from '../notifications/queue-email.js';
import { cancelShift } from './cancel-shift.js';
import { findShift } from './find-shift.js';
import { officerEmails, shiftWhen } from './notify.js';
import { poolingOffers, poolingRequests } from './schema.js';

/**
 * Accepts another AI's offer: the request is filled, the shift is handed over (cancelled here with the
 * reason, so that it is neither billed nor counted twice) and the answering AI is told to plan it on its side.
 */
export async function acceptPoolingOffer({
  db,
  actor,
  shiftId,
  offerId,
}: {
  db: Db;
  actor: OrgActor;
  shiftId: string;
  offerId: string;
}) {
  return db.transaction(async (tx) => {
    const shift = await findShift(tx, actor.organisationId, shiftId, true);
    const [row] = await tx
      .select({ o: poolingOffers, r: poolingRequests, orgName: organisations.name })
      .from(poolingOffers)
      .innerJoin(poolingRequests, eq(poolingRequests.id, poolingOffers.requestId))
      .innerJoin(organisations, eq(organisations.id, poolingOffers.organisationId))
      .where(
        and(
          eq(poolingOffers.id, offerId),
          eq(poolingRequests.shiftId, shift.id),
          eq(poolingRequests.organisationId, actor.organisationId),
        ),
      );
    if (!row) throw notFound('Cette proposition');
    if (row.r.status !== 'open') throw conflict('pooling_closed', 'Cette demande est déjà pourvue.');
    await tx.update(poolingOffers).set({ status: 'accepted' }).where(eq(poolingOffers.id, offerId));
    await tx
      .update(poolingOffers)
      .set({ status: 'declined' })
      .where(and(eq(poolingOffers.requestId, row.r.id), ne(poolingOffers.id, offerId)));
    await tx.update(poolingRequests).set({ status: 'filled' }).where(eq(poolingRequests.id, row.r.id));
    await cancelShift({ db: tx, actor, shiftId: shift.id, reason: `Confié à ${row.orgName} (mutualisation)` });
    for (const email of await officerEmails(tx, row.o.organisationId, [row.o.createdBy])) {
      await queueEmail({
        db: tx,
        to: email,
        subject: 'Mutualisation : votre proposition est acceptée',
        text: `Votre proposition pour le créneau ${shiftWhen(shift.startAt, shift.endAt)} (${romeLabel(shift.rome)}) est acceptée. Créez la mission chez ${shift.clientName} dans votre planning.`,
        organisationId: row.o.organisationId,
        related: { type: 'pooling_request', id: row.r.id },
      });
    }
    return { status: 'filled' as const };
  });
}
