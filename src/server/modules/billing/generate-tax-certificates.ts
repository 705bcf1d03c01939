import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../shared/billing.js';
import type { Db } from '../../db/connect.js';
import { ruleBroken } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { frenchDate, parisDate, parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { createDocument, field } from '../documents/pdf.js';
import { LEGAL } from '../settings/legal-figures.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { isLiveEntry } from '../timesheets/live-entries.js';
import { timesheetEntries, timesheets } from '../timesheets/queries.js';
import { workers } from '../workers/queries.js';
import { euros } from './invoice-document.js';
import { invoices, payments, THIRD_PARTY_PAYMENT_METHODS, taxCertificates } from './schema.js';

const hours = (m: number) => `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;

/**
 * The amount a certificate carries: what the client paid out of pocket in the year — prepaid CESU, the
 * avance immédiate of the tax credit and APA/PCH paid directly are deducted (servicesalapersonne.gouv.fr,
 * "L'attestation fiscale annuelle"; CGI art. 199 sexdecies). Pure, table-tested.
 */
export function outOfPocket(paid: readonly { amountCents: number; method: string }[]) {
  const thirdParty = (m: string) => (THIRD_PARTY_PAYMENT_METHODS as readonly string[]).includes(m);
  const sum = (f: (m: string) => boolean) => paid.filter((p) => f(p.method)).reduce((s, p) => s + p.amountCents, 0);
  return {
    paidCents: sum((m) => !thirdParty(m)),
    cesuPrepaidCents: sum((m) => m === 'cesu_prepaid'),
    avanceImmediateCents: sum((m) => m === 'avance_immediate'),
    apaPchCents: sum((m) => m === 'apa_pch'),
  };
}

/** The intervenant's identification number printed on certificates: stable, never the person's NIR. */
export const intervenantNumber = (workerId: string) => workerId.replace(/-/g, '').slice(0, 10).toUpperCase();

/**
 * Attestations fiscales (services à la personne, art. 199 sexdecies CGI, D7233-1 Code du travail), with what
 * servicesalapersonne.gouv.fr lists: the organisation and its SAP declaration number and date, the client, the
 * interventions (intervenant's name and identification number, date, duration) and the amount paid out of
 * pocket. None is issued while the organisation has no SAP declaration number. Regenerating replaces it.
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
  if (!settings.sapDeclarationNumber)
    throw ruleBroken(
      'sap_declaration_missing',
      'Une attestation fiscale porte le numéro de déclaration « services à la personne » de la structure : renseignez-le dans les paramètres (avec sa date) avant de générer les attestations.',
    );
  const individuals = await db
    .select()
    .from(clients)
    .where(and(eq(clients.organisationId, organisationId), eq(clients.kind, 'individual')))
    .orderBy(asc(clients.name));
  const out: { clientId: string; clientName: string; paidCents: number; minutes: number }[] = [];
  for (const client of individuals) {
    const paid = await db
      .select({
        amountCents: payments.amountCents,
        paidOn: payments.paidOn,
        method: payments.method,
        number: invoices.number,
      })
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
        workerId: workers.id,
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
          // A slot cancelled after invoicing (absence, replacement) is not an intervention of the year.
          isLiveEntry,
        ),
      )
      .orderBy(asc(timesheetEntries.actualStart));
    if (paid.length === 0 && entries.length === 0) continue;
    const amounts = outOfPocket(paid);
    const paidCents = amounts.paidCents;
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
      `n° ${settings.sapDeclarationNumber}${settings.sapDeclarationDate ? ` du ${frenchDate(settings.sapDeclarationDate)}` : ''}`,
    );
    field(doc, `Montant effectivement payé en ${year}`, euros(paidCents));
    if (amounts.cesuPrepaidCents)
      field(doc, 'Dont réglé en CESU préfinancés (non compris)', euros(amounts.cesuPrepaidCents));
    if (amounts.avanceImmediateCents)
      field(doc, 'Avance immédiate du crédit d’impôt (déduite)', euros(amounts.avanceImmediateCents));
    if (amounts.apaPchCents) field(doc, 'Aides APA / PCH versées directement (déduites)', euros(amounts.apaPchCents));
    field(doc, 'Heures d’intervention', hours(minutes));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text('Intervenants');
    doc.font('Helvetica').fontSize(9);
    const people = new Map(entries.map((e) => [e.workerId, `${e.lastName.toUpperCase()} ${e.firstName}`]));
    for (const [id, name] of people) doc.text(`${name} — n° d’identification ${intervenantNumber(id)}`);
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(10).text('Interventions');
    doc.font('Helvetica').fontSize(9);
    for (const e of entries) {
      doc.text(
        `${frenchDate(parisDate(e.start))} — ${e.firstName} ${e.lastName} (n° ${intervenantNumber(e.workerId)}) — ${hours(minutesOf(e))}`,
      );
    }
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(10).text('Paiements reçus');
    doc.font('Helvetica').fontSize(9);
    for (const p of paid)
      doc.text(
        `${frenchDate(p.paidOn)} — facture ${p.number} — ${euros(p.amountCents)} (${PAYMENT_METHOD_LABELS[p.method as PaymentMethod]})`,
      );
    if (amounts.cesuPrepaidCents) {
      doc.moveDown(0.5);
      doc
        .fontSize(8)
        .text(
          'Une partie a été réglée en CESU préfinancés : lors de votre déclaration de revenus, indiquez clairement le montant des CESU que vous avez personnellement financés ; seul ce montant ouvre droit à l’avantage fiscal.',
        );
    }
    doc.moveDown();
    doc
      .fontSize(8)
      .text(
        `Les sommes versées ouvrent droit au crédit d’impôt de l’article 199 sexdecies du Code général des impôts, dans ses limites. Attestation établie pour être jointe à la déclaration de revenus, remise au plus tard le ${frenchDate(`${year + 1}-${LEGAL.taxCertificateDeadline}`)}.`,
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
  for (const o of orgs) {
    // An AI without a SAP declaration does no services à la personne: it issues no certificate.
    const settings = await readOrganisationSettings({ db, organisationId: o.id });
    if (settings.sapDeclarationNumber) await generateTaxCertificates({ db, organisationId: o.id, year });
  }
}
