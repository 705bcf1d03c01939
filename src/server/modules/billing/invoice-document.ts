import { frenchDate } from '../calendar/paris-time.js';
import { createDocument } from '../documents/pdf.js';
import { LEGAL } from '../settings/legal-figures.js';

export type Party = {
  name: string;
  siret: string | null;
  addressLine: string | null;
  postalCode: string | null;
  communeName: string | null;
  email: string | null;
  phone?: string | null;
  website?: string | null;
  /** Seller only: the account to pay by transfer. */
  iban?: string | null;
  /** Buyer only: the client's kind (individual = consumer, no professional mentions). */
  kind?: string;
  chorusServiceCode?: string | null;
  /** Stored on invoices issued before migration 0028; the engagement number now belongs to the order. */
  chorusCommitmentNumber?: string | null;
};

export type DocLine = {
  label: string;
  /** Minutes for time lines; null for count lines. */
  minutes: number | null;
  count: number;
  /** Hourly price (time lines) or unit price (count lines), in cents; may be fractional (surcharges). */
  unitPrice: number;
  totalCents: number;
};

/** Everything printed on an invoice or a credit note, as issued. */
export type InvoiceDoc = {
  kind: 'invoice' | 'credit_note';
  number: string;
  issuedOn: string;
  dueOn: string;
  periodStart: string;
  periodEnd: string;
  seller: Party;
  buyer: Party;
  lines: DocLine[];
  netCents: number;
  vatCents: number;
  totalCents: number;
  vatRatePct: number;
  vatMention: string | null;
  paymentTermsDays: number;
  creditedInvoice?: { number: string; issuedOn: string } | null;
  reason?: string | null;
  /**
   * The engagement (commitment) numbers of the orders invoiced — placement contracts, from their quote — never
   * the client's: a public buyer gives one per order. Factur-X BT-13 takes it when there is exactly one.
   */
  orderReferences?: string[];
  /** Individuals under the avance immédiate: URSSAF pays the invoice, the client's rest is debited by URSSAF. */
  avanceImmediate?: { urssafShareCents: number; clientShareCents: number } | null;
  /** Individuals paying by SEPA direct debit: the mandate in force (IBAN masked). */
  sepaMandate?: { rum: string; ibanMasked: string; signedOn: string; creditorId: string | null } | null;
};

export const DEFAULT_VAT_MENTION = LEGAL.defaultVatMention;

export const euros = (cents: number) =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} €`.replace(
    /\u202f|\u00a0/g,
    ' ',
  );

const hours = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
};

/** Professional clients get the late-payment mentions of Code de commerce L441-10 and D441-5. */
export const isProfessional = (kind: string | undefined) => kind !== 'individual';

/** Public buyers (State, local authorities, public bodies) pay late-payment interest of décret 2013-269. */
export const isPublicBuyer = (kind: string | undefined) => kind === 'public_body' || kind === 'local_authority';

/** Who the buyer is for the late-payment wording. */
export type BuyerCategory = 'individual' | 'public' | 'company';
export const buyerCategory = (kind: string | undefined): BuyerCategory =>
  !isProfessional(kind) ? 'individual' : isPublicBuyer(kind) ? 'public' : 'company';

/**
 * The late-payment mention that fits the buyer: a company (L441-10 and D441-5 Code de commerce: penalties and
 * the 40 € indemnity), a public buyer (intérêts moratoires and 40 € of décret 2013-269), an individual
 * (a consumer: legal interest, no fixed indemnity).
 */
export function latePaymentMention(kind: string | undefined): string {
  const indemnity = `${LEGAL.recoveryIndemnityCents / 100} €`;
  switch (buyerCategory(kind)) {
    case 'public':
      return `En cas de retard de paiement : intérêts moratoires au taux de la BCE majoré de ${LEGAL.publicLateInterestPoints} points et indemnité forfaitaire pour frais de recouvrement de ${indemnity} (décret n° 2013-269 du 29 mars 2013).`;
    case 'company':
      return `En cas de retard de paiement : pénalités au taux d’intérêt de la BCE majoré de ${LEGAL.professionalLateInterestPoints} points (art. L441-10 du Code de commerce), et indemnité forfaitaire pour frais de recouvrement de ${indemnity} (art. D441-5).`;
    default:
      return 'En cas de retard de paiement, des intérêts au taux légal pourront être appliqués.';
  }
}

/**
 * The plain-French summary an individual reads first (short sentences, one idea each): what was done, the price,
 * who pays what, and what is left to pay and how.
 */
export function plainFrenchSummary(d: InvoiceDoc): string[] {
  const minutes = d.lines.reduce((s, l) => s + (l.minutes ?? 0), 0);
  const out = [
    `Ce que nous avons fait : ${hours(minutes)} d’aide chez vous, du ${frenchDate(d.periodStart)} au ${frenchDate(d.periodEnd)}.`,
    `Prix total : ${euros(d.totalCents)}.`,
  ];
  if (d.avanceImmediate) {
    out.push(
      `L’URSSAF paie pour vous : ${euros(d.avanceImmediate.urssafShareCents)}. C’est l’avance de votre crédit d’impôt (50 %).`,
    );
    out.push(`Il vous reste à payer : ${euros(d.avanceImmediate.clientShareCents)}.`);
    out.push('L’URSSAF vous demande de valider en ligne, puis prélève cette somme sur votre compte.');
  } else if (d.sepaMandate) {
    out.push(`Il vous reste à payer : ${euros(d.totalCents)}.`);
    out.push(
      `Nous prélevons cette somme sur votre compte ${d.sepaMandate.ibanMasked} à partir du ${frenchDate(d.dueOn)}.`,
    );
  } else {
    out.push(`Il vous reste à payer : ${euros(d.totalCents)}, avant le ${frenchDate(d.dueOn)}.`);
  }
  return out;
}

/** How the invoice is paid, when it is not a plain transfer (avance immédiate, SEPA direct debit). */
export function paymentMentions(d: InvoiceDoc): string[] {
  const out: string[] = [];
  if (d.avanceImmediate)
    out.push(
      `Avance immédiate de crédit d’impôt (art. 199 sexdecies du CGI) : l’URSSAF règle ${euros(d.totalCents)}, dont ${euros(d.avanceImmediate.urssafShareCents)} au titre du crédit d’impôt ; reste à la charge du client ${euros(d.avanceImmediate.clientShareCents)}, prélevé par l’URSSAF.`,
    );
  if (d.sepaMandate)
    out.push(
      `Paiement par prélèvement SEPA : mandat ${d.sepaMandate.rum} signé le ${frenchDate(d.sepaMandate.signedOn)}, compte ${d.sepaMandate.ibanMasked}${d.sepaMandate.creditorId ? `, créancier ${d.sepaMandate.creditorId}` : ''}.`,
    );
  return out;
}

export function legalMentions(d: InvoiceDoc): string[] {
  const out: string[] = [...paymentMentions(d)];
  out.push(
    `Conditions de paiement : à ${d.paymentTermsDays} jours, soit au plus tard le ${frenchDate(d.dueOn)}. Pas d’escompte pour paiement anticipé.`,
  );
  out.push(latePaymentMention(d.buyer.kind));
  out.push(d.vatRatePct === 0 ? (d.vatMention ?? DEFAULT_VAT_MENTION) : `TVA au taux de ${d.vatRatePct} %.`);
  out.push(
    'Association intermédiaire conventionnée par l’État (art. L5132-7 du Code du travail) : mise à disposition de personnel.',
  );
  return out;
}

/** The orders' engagement numbers; documents issued before migration 0028 kept the client's. */
export const orderReferencesOf = (d: InvoiceDoc): string[] =>
  d.orderReferences ?? (d.buyer.chorusCommitmentNumber ? [d.buyer.chorusCommitmentNumber] : []);

/** The human-readable PDF (pdfkit); Factur-X wraps it with its XML. */
export async function renderInvoicePdf(d: InvoiceDoc): Promise<Buffer> {
  const title = d.kind === 'invoice' ? `Facture ${d.number}` : `Avoir ${d.number}`;
  const { doc, finish } = createDocument({
    title,
    letterhead: d.seller,
    reference: `Émise le ${frenchDate(d.issuedOn)} · période du ${frenchDate(d.periodStart)} au ${frenchDate(d.periodEnd)}`,
  });
  doc.font('Helvetica-Bold').text('Client');
  doc.font('Helvetica').text(d.buyer.name);
  const addr = [d.buyer.addressLine, [d.buyer.postalCode, d.buyer.communeName].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  if (addr) doc.text(addr);
  if (d.buyer.siret) doc.text(`SIRET ${d.buyer.siret}`);
  if (d.buyer.chorusServiceCode) doc.text(`Code service : ${d.buyer.chorusServiceCode}`);
  const orders = orderReferencesOf(d);
  if (orders.length) doc.text(`N° d’engagement : ${orders.join(', ')}`);
  if (d.seller.siret) doc.text(`Émetteur : ${d.seller.name}, SIRET ${d.seller.siret}`);
  if (d.kind === 'invoice' && !isProfessional(d.buyer.kind)) {
    // Individuals read a plain summary first (issue 18: short words, what was done, how much, what is left).
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(11).text('En bref');
    doc.font('Helvetica').fontSize(10);
    for (const line of plainFrenchSummary(d)) doc.text(line);
    doc.fontSize(10);
  }
  if (d.creditedInvoice) {
    doc.moveDown(0.5);
    doc.text(`Avoir sur la facture ${d.creditedInvoice.number} du ${frenchDate(d.creditedInvoice.issuedOn)}.`);
    if (d.reason) doc.text(`Motif : ${d.reason}`);
  } else if (d.reason) {
    // A supplementary invoice says which invoice it complements.
    doc.moveDown(0.5);
    doc.text(d.reason);
  }
  doc.moveDown();

  const x = [50, 330, 400, 470];
  const widths = [275, 65, 65, 75];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let maxY = y;
    cells.forEach((c, i) => {
      doc.text(c, x[i], y, { width: widths[i], align: i === 0 ? 'left' : 'right' });
      maxY = Math.max(maxY, doc.y);
    });
    doc.y = maxY + 3;
    doc.x = 50;
    if (doc.y > doc.page.height - 100) doc.addPage();
  };
  row(['Désignation', 'Quantité', 'Prix unit.', 'Montant'], true);
  for (const l of d.lines) {
    row([
      l.label,
      l.minutes !== null ? hours(l.minutes) : String(l.count),
      euros(Math.round(l.unitPrice * 100) / 100),
      euros(l.totalCents),
    ]);
  }
  doc.moveDown();
  doc.fontSize(10);
  row(['Total HT', '', '', euros(d.netCents)], true);
  row([`TVA (${d.vatRatePct} %)`, '', '', euros(d.vatCents)]);
  row([d.kind === 'invoice' ? 'Total TTC à payer' : 'Total TTC de l’avoir', '', '', euros(d.totalCents)], true);
  if (d.avanceImmediate) {
    row([
      'Part payée par l’URSSAF (avance immédiate du crédit d’impôt)',
      '',
      '',
      euros(d.avanceImmediate.urssafShareCents),
    ]);
    row(['Reste à votre charge (50 %)', '', '', euros(d.avanceImmediate.clientShareCents)], true);
  }
  doc.moveDown();
  doc.font('Helvetica').fontSize(8);
  for (const m of legalMentions(d)) doc.text(m, 50, doc.y, { width: 495 });
  return finish();
}
