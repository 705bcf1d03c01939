import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { urssafPaymentRequests, urssafRegistrations } from './schema.js';
import { sendUrssafRequests } from './send-urssaf-requests.js';
import type { UrssafApi } from './urssaf-api.js';

/**
 * The accountant sends a request again once the cause is corrected: a validation error (state error: the client's
 * file, a birth date, a total) or the client's refusal (state refused, statut 40: the accountant agreed with the
 * client and corrected what was wrong). A new request is recorded — URSSAF gives it a new idDemandePaiement — and
 * the old one stays as it was, for the history (resentFromId links them; each request is sent again at most once).
 * It is sent at once; an unreachable service leaves it planned for the hourly job.
 */
export async function resendUrssafRequest(o: { db: Db; actor: OrgActor; requestId: string; api?: UrssafApi | null }) {
  const { db, actor } = o;
  const created = await db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(urssafPaymentRequests)
      .where(
        and(eq(urssafPaymentRequests.id, o.requestId), eq(urssafPaymentRequests.organisationId, actor.organisationId)),
      )
      .for('update');
    if (!old) throw notFound('Cette demande de paiement');
    if (old.state !== 'error' && old.state !== 'refused')
      throw conflict(
        'urssaf_request_not_resendable',
        'Seule une demande refusée ou en erreur peut être envoyée à nouveau.',
      );
    const [again] = await tx
      .select({ id: urssafPaymentRequests.id })
      .from(urssafPaymentRequests)
      .where(eq(urssafPaymentRequests.resentFromId, old.id));
    if (again) throw conflict('urssaf_request_already_resent', 'Cette demande a déjà été envoyée à nouveau.');
    const [reg] = await tx
      .select({ status: urssafRegistrations.status })
      .from(urssafRegistrations)
      .where(eq(urssafRegistrations.clientId, old.clientId));
    if (reg?.status !== 'registered')
      throw ruleBroken(
        'urssaf_client_not_registered',
        'Le client n’est pas (ou plus) inscrit à l’avance immédiate : la facture est à régler en entier par le client.',
      );
    const [row] = await tx
      .insert(urssafPaymentRequests)
      .values({
        organisationId: old.organisationId,
        clientId: old.clientId,
        invoiceId: old.invoiceId,
        month: old.month,
        resentFromId: old.id,
        totalCents: old.totalCents,
        urssafShareCents: old.urssafShareCents,
        clientShareCents: old.clientShareCents,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'urssaf.payment_request.resend',
      recordType: 'invoice',
      recordId: old.invoiceId,
      details: { from: old.id, to: row.id, previousState: old.state, previousUrssafId: old.urssafId },
    });
    return row;
  });
  await sendUrssafRequests({ db, organisationId: actor.organisationId, requestIds: [created.id], api: o.api });
  const [now] = await db.select().from(urssafPaymentRequests).where(eq(urssafPaymentRequests.id, created.id));
  return now;
}
