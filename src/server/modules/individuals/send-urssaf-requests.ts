import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { organisations } from '../accounts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { invoiceLines, invoices } from '../billing/schema.js';
import { urssafPaymentRequests, urssafRegistrations } from './schema.js';
import { apiAmount, type InputDemandePaiement, type UrssafApi, UrssafError, urssafApi } from './urssaf-api.js';

/**
 * The nature of the service in URSSAF's referential of natures (documentation of the API, "référentiel des
 * natures"): an AI lends workers for household work at the client's home.
 */
export const URSSAF_CODE_NATURE = '10';

const isoInstant = (day: string) => `${day}T00:00:00.000Z`;

/** Spreads the total (VAT included) over the lines so that the prestations add up to the invoice exactly. */
function linesTtc(lines: { totalCents: number }[], netCents: number, totalCents: number): number[] {
  if (netCents === 0) return lines.map(() => 0);
  const out = lines.map((l) => Math.round((l.totalCents * totalCents) / netCents));
  const gap = totalCents - out.reduce((s, v) => s + v, 0);
  if (out.length) out[out.length - 1] += gap;
  return out;
}

export async function paymentRequestInput(
  db: Db,
  request: typeof urssafPaymentRequests.$inferSelect,
): Promise<InputDemandePaiement> {
  const [inv] = await db.select().from(invoices).where(eq(invoices.id, request.invoiceId));
  const [reg] = await db.select().from(urssafRegistrations).where(eq(urssafRegistrations.clientId, request.clientId));
  const [org] = await db
    .select({ siret: organisations.siret })
    .from(organisations)
    .where(eq(organisations.id, request.organisationId));
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, inv.id))
    .orderBy(asc(invoiceLines.position));
  const ttc = linesTtc(lines, inv.netCents, inv.totalCents);
  return {
    idClient: reg.urssafClientId ?? '',
    dateNaissanceClient: isoInstant(reg.birthDate ?? ''),
    numFactureTiers: inv.number,
    dateFacture: isoInstant(inv.issuedOn),
    dateDebutEmploi: isoInstant(inv.periodStart),
    dateFinEmploi: isoInstant(inv.periodEnd),
    mntFactureTTC: apiAmount(inv.totalCents),
    mntFactureHT: apiAmount(inv.netCents),
    inputPrestations: lines.map((l, i) => ({
      codeNature: URSSAF_CODE_NATURE,
      quantite: 1,
      unite: 'FORFAIT' as const,
      mntUnitaireTTC: apiAmount(ttc[i]),
      mntPrestationTTC: apiAmount(ttc[i]),
      mntPrestationHT: apiAmount(l.totalCents),
      mntPrestationTVA: apiAmount(ttc[i] - l.totalCents),
      complement1: l.label.slice(0, 50),
      ...(org?.siret ? { complement2: org.siret } : {}),
    })),
  };
}

/**
 * Sends the planned payment requests (state to_send) of an organisation, optionally of one month. Idempotent and
 * crash-safe: a request sent whose answer was lost (crash, timeout) comes back as ERR_FACTURE_DOUBLON on the
 * next run, and is then found by its invoice number (numFactureTiers) and adopted — never sent twice. A
 * validation error is kept on the request for the accountant (state error); an unreachable service leaves the
 * request to_send for the next run.
 */
export async function sendUrssafRequests(o: {
  db: Db;
  organisationId: string;
  month?: string;
  api?: UrssafApi | null;
}): Promise<{ sent: number; failed: number }> {
  const api = o.api === undefined ? urssafApi() : o.api;
  if (!api) return { sent: 0, failed: 0 };
  const planned = await o.db
    .select()
    .from(urssafPaymentRequests)
    .where(
      and(
        eq(urssafPaymentRequests.organisationId, o.organisationId),
        eq(urssafPaymentRequests.state, 'to_send'),
        o.month ? eq(urssafPaymentRequests.month, o.month) : undefined,
      ),
    )
    .orderBy(asc(urssafPaymentRequests.createdAt));
  let sent = 0;
  let failed = 0;
  for (const request of planned) {
    const input = await paymentRequestInput(o.db, request);
    let outcome: { id: string; status: string } | { error: UrssafError };
    try {
      outcome = await api.sendPaymentRequest(input);
    } catch (e) {
      if (!(e instanceof UrssafError)) throw e;
      outcome = { error: e };
      if (e.code === 'ERR_FACTURE_DOUBLON') {
        const [found] = await api
          .searchPaymentRequests({ invoiceNumbers: [input.numFactureTiers] })
          .catch(() => [] as never[]);
        if (found) outcome = { id: found.idDemandePaiement, status: found.statut.code };
      }
    }
    if ('id' in outcome) {
      sent++;
      await o.db
        .update(urssafPaymentRequests)
        .set({
          state: 'sent',
          urssafId: outcome.id,
          urssafStatus: outcome.status,
          errorCode: null,
          errorMessage: null,
          sentAt: new Date(),
          updatedAt: new Date(),
        })
        .where(and(eq(urssafPaymentRequests.id, request.id), eq(urssafPaymentRequests.state, 'to_send')));
      await recordAudit({
        db: o.db,
        actor: { organisationId: o.organisationId, userId: null },
        action: 'urssaf.payment_request.send',
        recordType: 'invoice',
        recordId: request.invoiceId,
        details: { idDemandePaiement: outcome.id, totalCents: request.totalCents },
      });
    } else {
      failed++;
      const e = outcome.error;
      await o.db
        .update(urssafPaymentRequests)
        .set({
          // Unreachable: tried again next time. Refused: the accountant reads why and corrects.
          state: e.temporary ? 'to_send' : 'error',
          errorCode: e.code,
          errorMessage: e.message,
          updatedAt: new Date(),
        })
        .where(and(eq(urssafPaymentRequests.id, request.id), eq(urssafPaymentRequests.state, 'to_send')));
    }
  }
  return { sent, failed };
}
