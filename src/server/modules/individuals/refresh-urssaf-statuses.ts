import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/record-audit.js';
import { recordPayment } from '../billing/record-payment.js';
import { parisDate, parisToday } from '../calendar/paris-time.js';
import { stateOf } from './rules/urssaf-statuses.js';
import { urssafPaymentRequests } from './schema.js';
import { sendUrssafRequests } from './send-urssaf-requests.js';
import { type UrssafApi, UrssafError, urssafApi } from './urssaf-api.js';

/**
 * Follows the payment requests until they end (the « Mettre à jour les statuts » button and the hourly job):
 * first sends what is still planned, then reads the statuses of the requests sent, 10 at a time (the API's
 * limit). Paid (statut 70): the invoice is settled by two payments — URSSAF's share (method avance_immediate,
 * deducted from the tax certificate) and the client's rest, debited by URSSAF (method prelevement, out of the
 * client's pocket) — in one transaction with the new state, so a re-run never records them twice. Refused
 * (40): the client's reason is kept for the accountant. Cancelled (110–120): followed no more.
 */
export async function refreshUrssafStatuses(o: {
  db: Db;
  organisationId: string;
  api?: UrssafApi | null;
}): Promise<{ checked: number; paid: number; refused: number; error: string | null }> {
  const api = o.api === undefined ? urssafApi() : o.api;
  if (!api)
    return { checked: 0, paid: 0, refused: 0, error: 'L’avance immédiate n’est pas configurée (URSSAF_API_URL).' };
  let error: string | null = null;
  try {
    await sendUrssafRequests({ db: o.db, organisationId: o.organisationId, api });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const followed = await o.db
    .select()
    .from(urssafPaymentRequests)
    .where(and(eq(urssafPaymentRequests.organisationId, o.organisationId), eq(urssafPaymentRequests.state, 'sent')));
  let checked = 0;
  let paid = 0;
  let refused = 0;
  for (let i = 0; i < followed.length; i += 10) {
    const chunk = followed.slice(i, i + 10);
    let infos: Awaited<ReturnType<UrssafApi['searchPaymentRequests']>>;
    try {
      infos = await api.searchPaymentRequests({ ids: chunk.map((r) => r.urssafId ?? '') });
    } catch (e) {
      error = e instanceof UrssafError ? e.message : String(e);
      break;
    }
    for (const info of infos) {
      const request = chunk.find((r) => r.urssafId === info.idDemandePaiement);
      if (!request) continue;
      checked++;
      const code = info.statut.code;
      const state = stateOf(code);
      await o.db.transaction(async (tx) => {
        // Lock the request: two refreshes at once settle an invoice once.
        const [current] = await tx
          .select()
          .from(urssafPaymentRequests)
          .where(eq(urssafPaymentRequests.id, request.id))
          .for('update');
        if (current.state !== 'sent') return;
        if (state === 'paid') {
          const paidOn = info.infoVirement?.dateVirement
            ? parisDate(new Date(info.infoVirement.dateVirement))
            : parisToday();
          const actor = { organisationId: o.organisationId, role: 'accountant' as const, clientId: null, userId: null };
          const reference = `URSSAF ${info.idDemandePaiement}`;
          if (current.urssafShareCents > 0)
            await recordPayment({
              db: tx,
              actor,
              invoiceId: current.invoiceId,
              input: { amountCents: current.urssafShareCents, paidOn, method: 'avance_immediate', reference },
            });
          if (current.clientShareCents > 0)
            await recordPayment({
              db: tx,
              actor,
              invoiceId: current.invoiceId,
              input: { amountCents: current.clientShareCents, paidOn, method: 'prelevement', reference },
            });
          paid++;
        }
        if (state === 'refused') refused++;
        await tx
          .update(urssafPaymentRequests)
          .set({
            state,
            urssafStatus: code,
            rejectCode: info.infoRejet?.code ?? null,
            rejectComment: info.infoRejet?.commentaire ?? null,
            transferCents:
              info.infoVirement?.mntVirement != null ? Math.round(info.infoVirement.mntVirement * 100) : null,
            transferOn: info.infoVirement?.dateVirement ? parisDate(new Date(info.infoVirement.dateVirement)) : null,
            settledAt: state === 'paid' ? new Date() : null,
            checkedAt: new Date(),
            updatedAt: new Date(),
          })
          .where(eq(urssafPaymentRequests.id, current.id));
        if (code !== current.urssafStatus)
          await recordAudit({
            db: tx,
            actor: { organisationId: o.organisationId, userId: null },
            action: 'urssaf.payment_request.status',
            recordType: 'invoice',
            recordId: current.invoiceId,
            details: { from: current.urssafStatus, to: code, rejectCode: info.infoRejet?.code ?? null },
          });
      });
    }
    const seen = new Set(infos.map((x) => x.idDemandePaiement));
    const unseen = chunk.filter((r) => !seen.has(r.urssafId ?? '')).map((r) => r.id);
    if (unseen.length)
      await o.db
        .update(urssafPaymentRequests)
        .set({ checkedAt: new Date() })
        .where(inArray(urssafPaymentRequests.id, unseen));
  }
  return { checked, paid, refused, error };
}
