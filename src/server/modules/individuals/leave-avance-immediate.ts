import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { urssafPaymentRequests, urssafRegistrations } from './schema.js';

/**
 * The client leaves the avance immédiate (or comes back). URSSAF's « API Tiers de prestation » has no call to end
 * the link between a provider and a client (its calls: register a client, send payment requests, read their
 * statuses): the client ends it in their own space on particulier.urssaf.fr. Passerelle records the day, stops
 * splitting the client's next invoices (they pay in full) and cancels the requests still planned, never sent; the
 * requests already sent are followed to their end. Coming back restores the registration (same idClient): no new
 * registration call, URSSAF answering ERR_LIEN_TIERS_PRESTATION_PARTICULIER_EXISTE to one.
 */
export async function setAvanceImmediateLeft(o: {
  db: Db;
  actor: OrgActor;
  clientId: string;
  /** The day the client left, or null when the client comes back. */
  leftOn: string | null;
}) {
  const { db, actor } = o;
  return db.transaction(async (tx) => {
    const [reg] = await tx
      .select()
      .from(urssafRegistrations)
      .where(
        and(eq(urssafRegistrations.clientId, o.clientId), eq(urssafRegistrations.organisationId, actor.organisationId)),
      )
      .for('update');
    if (!reg) throw notFound('L’inscription URSSAF de ce client');
    if (o.leftOn && reg.status !== 'registered')
      throw ruleBroken('urssaf_client_not_registered', 'Ce client n’est pas inscrit à l’avance immédiate.');
    if (!o.leftOn && reg.status !== 'left')
      throw ruleBroken('urssaf_client_not_left', 'Ce client n’a pas quitté l’avance immédiate.');
    await tx
      .update(urssafRegistrations)
      .set({ status: o.leftOn ? 'left' : 'registered', leftOn: o.leftOn, updatedAt: new Date() })
      .where(eq(urssafRegistrations.clientId, reg.clientId));
    let cancelled = 0;
    if (o.leftOn) {
      const rows = await tx
        .update(urssafPaymentRequests)
        .set({
          state: 'cancelled',
          errorCode: 'CLIENT_SORTI',
          errorMessage: 'Le client a quitté l’avance immédiate avant l’envoi : la facture est à régler en entier.',
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(urssafPaymentRequests.organisationId, actor.organisationId),
            eq(urssafPaymentRequests.clientId, reg.clientId),
            eq(urssafPaymentRequests.state, 'to_send'),
          ),
        )
        .returning({ id: urssafPaymentRequests.id });
      cancelled = rows.length;
    }
    await recordAudit({
      db: tx,
      actor,
      action: o.leftOn ? 'urssaf.client.leave' : 'urssaf.client.return',
      recordType: 'client',
      recordId: reg.clientId,
      details: { leftOn: o.leftOn, cancelledRequests: cancelled },
    });
    return { cancelled };
  });
}
