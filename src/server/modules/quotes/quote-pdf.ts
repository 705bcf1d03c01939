import { asc, eq } from 'drizzle-orm';
import { formatMinutes } from '../../../shared/format.js';
import { QUOTE_STATUS_IN_DOCUMENT } from '../../../shared/quotes.js';
import type { Db } from '../../db/connect.js';
import { organisations } from '../accounts/queries.js';
import { frenchDate, parisDate } from '../calendar/paris-time.js';
import { clients, sites } from '../clients/queries.js';
import { createDocument, field, type Letterhead } from '../documents/pdf.js';
import { LEGAL } from '../settings/legal-figures.js';
import { effectiveStatus } from './present-quote.js';
import { quoteLines, type quotes } from './schema.js';

export const euros = (cents: number) =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100).replace(/\u202f|\u00a0/g, ' ')} €`;
export const hours = formatMinutes;

export async function letterheadOf(
  db: Db,
  organisationId: string,
): Promise<Letterhead & { departement: string | null }> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return org;
}

/** The quote as a PDF in the organisation's letterhead. */
export async function renderQuotePdf(db: Db, quote: typeof quotes.$inferSelect): Promise<Buffer> {
  const [org, [client], lines, site] = await Promise.all([
    letterheadOf(db, quote.organisationId),
    db.select().from(clients).where(eq(clients.id, quote.clientId)),
    db.select().from(quoteLines).where(eq(quoteLines.quoteId, quote.id)).orderBy(asc(quoteLines.position)),
    quote.siteId
      ? db
          .select()
          .from(sites)
          .where(eq(sites.id, quote.siteId))
          .then((r) => r[0])
      : Promise.resolve(undefined),
  ]);
  const { doc, finish } = createDocument({
    title: `Devis ${quote.number}${quote.revision > 1 ? ` (version ${quote.revision})` : ''}`,
    letterhead: org,
    reference: `Établi le ${frenchDate(parisDate(quote.createdAt))} · valable jusqu’au ${frenchDate(quote.validUntil)}`,
  });
  doc.font('Helvetica-Bold').text('Client');
  doc.font('Helvetica').text(client.name);
  doc.text(
    [client.addressLine, [client.postalCode, client.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', '),
  );
  if (client.siret) doc.text(`SIRET ${client.siret}`);
  doc.moveDown();
  field(doc, 'Statut', QUOTE_STATUS_IN_DOCUMENT[effectiveStatus(quote)]);
  if (quote.tenderReference) field(doc, 'Marché public', quote.tenderReference);
  if (site)
    field(doc, 'Lieu d’intervention', [site.name, site.addressLine, site.communeName].filter(Boolean).join(', '));
  if (quote.startDate || quote.endDate) {
    field(
      doc,
      'Période',
      `${quote.startDate ? `du ${frenchDate(quote.startDate)}` : ''} ${quote.endDate ? `au ${frenchDate(quote.endDate)}` : ''}`.trim(),
    );
  }
  if (quote.tasks) field(doc, 'Tâches', quote.tasks);
  doc.moveDown();

  const cols = [50, 110, 330, 400, 470];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((c, i) => {
      doc.text(c, cols[i], y, { width: (cols[i + 1] ?? 545) - cols[i] - 6, align: i >= 2 ? 'right' : 'left' });
    });
    doc.x = 50;
    doc.moveDown(0.4);
  };
  row(['Métier', 'Prestation', 'Durée', 'Taux horaire', 'Montant'], true);
  for (const l of lines) row([l.rome, l.label, hours(l.minutes), euros(l.hourlyRateCents), euros(l.totalCents)]);
  doc.moveDown(0.5);
  row(['', 'Total', '', '', euros(quote.totalCents)], true);
  doc.moveDown();
  doc.font('Helvetica').fontSize(9).text(`${LEGAL.defaultVatMention}.`, 50);
  doc.text(
    'Les heures sont facturées au réel, d’après les relevés d’heures validés ; les majorations de nuit (21 h – 6 h), de dimanche et de jour férié s’appliquent selon nos tarifs en vigueur.',
  );
  doc.text(
    'L’acceptation du devis vaut signature du contrat de mise à disposition (article R5132-20 du Code du travail).',
  );
  if (quote.notes) {
    doc.moveDown();
    doc.fontSize(10).text(quote.notes);
  }
  if (quote.acceptedAt) {
    doc.moveDown();
    doc.fontSize(10);
    field(
      doc,
      'Accepté par',
      `${quote.acceptedBy} le ${frenchDate(parisDate(quote.acceptedAt))}${quote.acceptedIp ? ` (adresse IP ${quote.acceptedIp})` : ''}`,
    );
  }
  return finish();
}
