import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { invoiceLines, invoices } from '../billing/queries.js';
import { urssafPaymentRequests, urssafRegistrations } from './schema.js';
import { apiAmount, type InputDemandePaiement, type UrssafApi, UrssafError, urssafApi } from './urssaf-api.js';

/**
 * `codeNature` of each prestation. URSSAF's published contract of the API (InputPrestation, swagger v1.30.3):
 * « Code nature qui correspond aux natures d'emploi définies par le code du travail (article D7231-1) », a string
 * from URSSAF's nomenclature of natures. An AI lends workers for household work at the client's home: D7231-1, I,
 * 1° « entretien de la maison et travaux ménagers », code '10' — the value of URSSAF's own example request
 * (demandePaiement sample of the documentation: codeNature "10", unite "HEURE"). Cited in docs/LAW.md.
 */
export const URSSAF_CODE_NATURE = '10';

/**
 * `complement2` of each prestation: who performed the service. URSSAF's contract types it as free text
 * (« Contenu informatif concernant cette prestation »); the integrations published against the API fill it with
 * the provider's identifier in one of two forms, « SAP » + the 9 digits of the SIREN (the SAP declaration number)
 * or « SIR » + the 14 digits of the SIRET (e.g. the CAE software enDI/CAERP, plugin sap_urssaf3p, and others
 * checking `^(SAP\d{9}|SIR\d{14})$`). Passerelle sends the SAP form from the AI's SIRET (its first 9 digits are the
 * SIREN). Before issue 18 the bare SIRET was sent, which matches neither form.
 */
export function urssafComplement2(siret: string | null | undefined): string | undefined {
  const digits = (siret ?? '').replace(/\D/g, '');
  return digits.length >= 9 ? `SAP${digits.slice(0, 9)}` : undefined;
}

/** URSSAF statuses of a request no longer alive (refused by the client, cancelled): never adopted again. */
const DEAD_STATUSES = new Set(['40', '110', '111', '112', '120']);

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
      ...(urssafComplement2(org?.siret) ? { complement2: urssafComplement2(org?.siret) } : {}),
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
  /** Only these requests (a request sent again by the accountant). */
  requestIds?: string[];
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
        o.requestIds ? inArray(urssafPaymentRequests.id, o.requestIds) : undefined,
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
        // Only a live request is ours to adopt: a refused or cancelled one of the same invoice is history.
        const found = (
          await api.searchPaymentRequests({ invoiceNumbers: [input.numFactureTiers] }).catch(() => [] as never[])
        ).find((f) => !DEAD_STATUSES.has(f.statut.code));
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
