import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { ruleBroken } from '../../http/errors.js';
import { organisations } from '../accounts/schema.js';
import { frenchDate, parisDate, parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/schema.js';
import { createDocument, field } from '../documents/pdf.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { timesheetEntries, timesheets } from '../timesheets/schema.js';
import { workers } from '../workers/schema.js';
import { euros } from './invoice-document.js';
import { invoices, payments, taxCertificates } from './schema.js';

const hours = (m: number) => `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;

/**
 * Attestations fiscales (services à la personne, art. 199 sexdecies CGI, D7233-1 Code du travail): for each
 * individual client, the year's interventions (date, worker, hours) and the amounts actually paid that year.
 * Regenerating replaces the year's certificate.
 */
export async function generateTaxCertificates({
  db,
  organisationId,
  year,
}: {
  db: Db;
  organisationId: string;
  year: number;
}) {
  if (year > Number(parisToday().slice(0, 4))) {
    throw ruleBroken(
      'year_not_started',
      `L’année ${year} n’a pas commencé : aucune attestation fiscale ne peut être établie pour elle.`,
    );
  }
  const [org] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  const settings = await readOrganisationSettings({ db, organisationId });
  const individuals = await db
    .select()
    .from(clients)
    .where(and(eq(clients.organisationId, organisationId), eq(clients.kind, 'individual')))
    .orderBy(asc(clients.name));
  const out: { clientId: string; clientName: string; paidCents: number; minutes: number }[] = [];
  for (const client of individuals) {
    const paid = await db
      .select({ amountCents: payments.amountCents, paidOn: payments.paidOn, number: invoices.number })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(
        and(
          eq(invoices.organisationId, organisationId),
          eq(invoices.clientId, client.id),
          gte(payments.paidOn, `${year}-01-01`),
          lte(payments.paidOn, `${year}-12-31`),
        ),
      )
      .orderBy(asc(payments.paidOn));
    const entries = await db
      .select({
        start: timesheetEntries.actualStart,
        end: timesheetEntries.actualEnd,
        breakMinutes: timesheetEntries.breakMinutes,
        firstName: workers.firstName,
        lastName: workers.lastName,
      })
      .from(timesheetEntries)
      .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
      .innerJoin(workers, eq(workers.id, timesheetEntries.workerId))
      .where(
        and(
          eq(timesheets.organisationId, organisationId),
          eq(timesheets.clientId, client.id),
          inArray(
            timesheets.month,
            Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
          ),
          sql`${timesheets.closedAt} IS NOT NULL`,
        ),
      )
      .orderBy(asc(timesheetEntries.actualStart));
    if (paid.length === 0 && entries.length === 0) continue;
    const paidCents = paid.reduce((s, p) => s + p.amountCents, 0);
    const minutesOf = (e: (typeof entries)[number]) =>
      Math.round((e.end.getTime() - e.start.getTime()) / 60000) - e.breakMinutes;
    const minutes = entries.reduce((s, e) => s + minutesOf(e), 0);
    const { doc, finish } = createDocument({
      title: `Attestation fiscale ${year}`,
      letterhead: org,
      reference: `Services à la personne — année ${year}`,
    });
    doc.text(
      `${org.name} atteste que ${client.name}${client.addressLine ? `, ${client.addressLine}` : ''}${client.postalCode ? ` ${client.postalCode}` : ''} ${client.communeName ?? ''}, a bénéficié de services à la personne à son domicile en ${year}.`,
    );
    doc.moveDown(0.5);
    field(
      doc,
      'Déclaration services à la personne',
      settings.sapDeclarationNumber ?? 'à renseigner dans les paramètres',
    );
    field(doc, `Montant effectivement payé en ${year}`, euros(paidCents));
    field(doc, 'Heures d’intervention', hours(minutes));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text('Interventions');
    doc.font('Helvetica').fontSize(9);
    for (const e of entries) {
      doc.text(`${frenchDate(parisDate(e.start))} — ${e.firstName} ${e.lastName} — ${hours(minutesOf(e))}`);
    }
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(10).text('Paiements reçus');
    doc.font('Helvetica').fontSize(9);
    for (const p of paid) doc.text(`${frenchDate(p.paidOn)} — facture ${p.number} — ${euros(p.amountCents)}`);
    doc.moveDown();
    doc
      .fontSize(8)
      .text(
        'Les sommes versées ouvrent droit au crédit d’impôt de l’article 199 sexdecies du Code général des impôts, dans ses limites. Attestation établie pour être jointe à la déclaration de revenus.',
      );
    const pdf = await finish();
    await db
      .insert(taxCertificates)
      .values({ organisationId, clientId: client.id, year, paidCents, minutes, pdf })
      .onConflictDoUpdate({
        target: [taxCertificates.organisationId, taxCertificates.year, taxCertificates.clientId],
        set: { paidCents, minutes, pdf, generatedAt: new Date() },
      });
    out.push({ clientId: client.id, clientName: client.name, paidCents, minutes });
  }
  return { year, items: out };
}

export async function generateTaxCertificatesForAll({ db, year }: { db: Db; year: number }) {
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const o of orgs) await generateTaxCertificates({ db, organisationId: o.id, year });
}
