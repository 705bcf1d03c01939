import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { organisations } from '../accounts/queries.js';
import { addDays } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { individualInvoiceTerms } from '../individuals/invoice-terms.js';
import { planUrssafRequest } from '../individuals/plan-urssaf-request.js';
import { nextNumber } from '../numbering/next-number.js';
import { roundHalfUp } from '../pricing/rules/price-shift.js';
import { placementContracts } from '../quotes/queries.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { ciiXml, facturXPdf } from './factur-x.js';
import { type DocLine, type InvoiceDoc, type Party, renderInvoicePdf } from './invoice-document.js';
import { invoiceLines, invoices } from './schema.js';

export type NewLine = DocLine & {
  kind: string;
  rome?: string | null;
  workerId?: string | null;
  workerName?: string | null;
  hourlyRateCents?: number;
  surchargePct?: number;
};

/** The engagement numbers of the client's orders (placement contracts) running in the period. */
async function orderReferences(db: Db, organisationId: string, clientId: string, from: string, to: string) {
  const rows = await db
    .selectDistinct({ n: placementContracts.commitmentNumber })
    .from(placementContracts)
    .where(
      and(
        eq(placementContracts.organisationId, organisationId),
        eq(placementContracts.clientId, clientId),
        isNotNull(placementContracts.commitmentNumber),
        lte(placementContracts.startDate, to),
        gte(placementContracts.endDate, from),
      ),
    );
  return rows.map((r) => r.n!).sort();
}

export async function sellerAndBuyer(db: Db, organisationId: string, clientId: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId));
  const settings = await readOrganisationSettings({ db, organisationId });
  const seller: Party = {
    name: org.name,
    siret: org.siret,
    addressLine: org.addressLine,
    postalCode: org.postalCode,
    communeName: org.communeName,
    email: org.email,
    phone: org.phone,
    website: org.website,
    iban: settings.iban,
  };
  const buyer: Party = {
    name: client.name,
    siret: client.siret,
    addressLine: client.addressLine,
    postalCode: client.postalCode,
    communeName: client.communeName,
    email: client.billingEmail ?? client.email,
    kind: client.kind,
    chorusServiceCode: client.chorusServiceCode,
  };
  return { seller, buyer, settings, client };
}

/**
 * Issues a numbered invoice or credit note: takes the next gapless number, renders the Factur-X PDF and the
 * CII XML, and stores the document with its lines. Must run inside the transaction that stores it (a rollback
 * gives the number back). VAT: one rounding (half up) on the total before tax.
 */
export async function issueDocument(o: {
  db: Db;
  organisationId: string;
  clientId: string;
  userId: string | null;
  kind: 'invoice' | 'credit_note';
  month: string;
  issuedOn: string;
  periodStart: string;
  periodEnd: string;
  lines: NewLine[];
  credited?: { id: string; number: string; issuedOn: string } | null;
  reason?: string | null;
  /** 1, 2… for a supplementary invoice of the client-month (hours found after its first invoice). */
  supplement?: number;
}) {
  const { db } = o;
  const { seller, buyer, settings, client } = await sellerAndBuyer(db, o.organisationId, o.clientId);
  const number = await nextNumber({
    db,
    organisationId: o.organisationId,
    kind: o.kind,
    prefix: o.kind === 'invoice' ? 'F' : 'AV',
    year: Number(o.issuedOn.slice(0, 4)),
  });
  const netCents = o.lines.reduce((s, l) => s + l.totalCents, 0);
  const vatRateBp = Math.round(settings.vatRatePct * 100);
  const vatCents = roundHalfUp(netCents * vatRateBp, 10000);
  // Individuals: the avance immédiate's split and the SEPA mandate, printed on the invoice as issued.
  const terms =
    o.kind === 'invoice' && client.kind === 'individual'
      ? await individualInvoiceTerms({
          db,
          organisationId: o.organisationId,
          clientId: o.clientId,
          totalCents: netCents + vatCents,
          supplement: o.supplement ?? 0,
        })
      : null;
  const doc: InvoiceDoc = {
    kind: o.kind,
    number,
    issuedOn: o.issuedOn,
    dueOn: addDays(o.issuedOn, client.paymentTermsDays),
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    seller,
    buyer,
    lines: o.lines,
    netCents,
    vatCents,
    totalCents: netCents + vatCents,
    vatRatePct: settings.vatRatePct,
    vatMention: vatRateBp === 0 ? settings.vatMention : null,
    paymentTermsDays: client.paymentTermsDays,
    creditedInvoice: o.credited ? { number: o.credited.number, issuedOn: o.credited.issuedOn } : null,
    reason: o.reason ?? null,
    orderReferences: await orderReferences(db, o.organisationId, o.clientId, o.periodStart, o.periodEnd),
    avanceImmediate: terms?.avanceImmediate ?? null,
    sepaMandate: terms?.sepaMandate ?? null,
  };
  const human = await renderInvoicePdf(doc);
  const xml = await ciiXml(doc);
  const pdf = await facturXPdf(doc, human, xml);
  const [invoice] = await db
    .insert(invoices)
    .values({
      organisationId: o.organisationId,
      clientId: o.clientId,
      kind: o.kind,
      creditedInvoiceId: o.credited?.id ?? null,
      month: o.month,
      supplement: o.supplement ?? 0,
      number,
      issuedOn: doc.issuedOn,
      dueOn: doc.dueOn,
      periodStart: doc.periodStart,
      periodEnd: doc.periodEnd,
      netCents,
      vatCents,
      totalCents: doc.totalCents,
      vatRatePct: Math.round(settings.vatRatePct),
      vatRateBp,
      vatMention: doc.vatMention,
      seller,
      buyer,
      reason: o.reason ?? null,
      pdf,
      xml,
      createdBy: o.userId,
    })
    .returning({
      id: invoices.id,
      number: invoices.number,
      clientId: invoices.clientId,
      totalCents: invoices.totalCents,
      issuedOn: invoices.issuedOn,
    });
  if (terms?.avanceImmediate) {
    // Planned with the invoice, in its transaction; the close then sends it (one request per invoice: URSSAF's demandePaiement carries one invoice number).
    await planUrssafRequest({
      db,
      organisationId: o.organisationId,
      clientId: o.clientId,
      invoiceId: invoice.id,
      month: o.month,
      totalCents: invoice.totalCents,
      ...terms.avanceImmediate,
    });
  }
  if (o.lines.length) {
    await db.insert(invoiceLines).values(
      o.lines.map((l, i) => ({
        organisationId: o.organisationId,
        invoiceId: invoice.id,
        position: i + 1,
        kind: l.kind,
        rome: l.rome ?? null,
        workerId: l.workerId ?? null,
        workerName: l.workerName ?? null,
        label: l.label,
        minutes: l.minutes ?? 0,
        count: l.count,
        hourlyRateCents: l.hourlyRateCents ?? 0,
        surchargePct: l.surchargePct ?? 0,
        unitCents: Math.round(l.unitPrice),
        totalCents: l.totalCents,
      })),
    );
  }
  return invoice;
}
