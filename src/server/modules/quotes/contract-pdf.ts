import { eq } from 'drizzle-orm';
import { CLIENT_KIND_LABELS } from '../../../shared/clients.js';
import { EQUIPMENT_SUPPLIER_IN_CONTRACT } from '../../../shared/equipment.js';
import type { Db } from '../../db/connect.js';
import { frenchDate, frenchTime, parisDate } from '../calendar/paris-time.js';
import { clients, sites } from '../clients/queries.js';
import { isCompanyByLegalForm } from '../clients/rules/hours-cap-scope.js';
import { createDocument, field } from '../documents/pdf.js';
import { euros, letterheadOf } from './quote-pdf.js';
import { placementContracts } from './schema.js';

/**
 * The contrat de mise à disposition (or its amendment) with every mention of R5132-20: workers' names,
 * tasks, place, end date, the pay of an equivalent employee for a company, protective equipment and who
 * supplies it; both parties' legal details and the signature trail.
 */
export async function renderPlacementContractPdf(
  db: Db,
  contract: typeof placementContracts.$inferSelect,
): Promise<Buffer> {
  const [org, [client], site, original] = await Promise.all([
    letterheadOf(db, contract.organisationId),
    db.select().from(clients).where(eq(clients.id, contract.clientId)),
    contract.siteId
      ? db
          .select()
          .from(sites)
          .where(eq(sites.id, contract.siteId))
          .then((r) => r[0])
      : Promise.resolve(undefined),
    contract.amendsId
      ? db
          .select()
          .from(placementContracts)
          .where(eq(placementContracts.id, contract.amendsId))
          .then((r) => r[0])
      : Promise.resolve(undefined),
  ]);
  const { doc, finish } = createDocument({
    title: original ? `Avenant au contrat de mise à disposition` : 'Contrat de mise à disposition',
    letterhead: org,
    reference: `${contract.number}${original ? ` — avenant au contrat ${original.number}` : ''} · établi le ${frenchDate(parisDate(contract.createdAt))}`,
  });
  const address = (a: { addressLine?: string | null; postalCode?: string | null; communeName?: string | null }) =>
    [a.addressLine, [a.postalCode, a.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ');

  doc.font('Helvetica-Bold').text('Entre les soussignés');
  doc.moveDown(0.3);
  field(doc, 'L’association intermédiaire', org.name);
  doc.text(`${address(org)}${org.siret ? ` — SIRET ${org.siret}` : ''}`);
  doc.text('Association intermédiaire conventionnée par l’État (articles L5132-7 et suivants du Code du travail).');
  doc.moveDown(0.3);
  field(doc, 'L’utilisateur', `${client.name} (${CLIENT_KIND_LABELS[client.kind]})`);
  doc.text(`${address(client)}${client.siret ? ` — SIRET ${client.siret}` : ''}`);
  if (client.contactName) doc.text(`Représenté par ${client.contactName}`);
  doc.moveDown();

  doc.font('Helvetica-Bold').text('Mentions de l’article R5132-20 du Code du travail');
  doc.moveDown(0.3);
  field(
    doc,
    'Salarié·es mis·es à disposition',
    contract.workerNames.length ? contract.workerNames.join(', ') : 'à désigner par avenant avant toute intervention',
  );
  field(doc, 'Tâches confiées', contract.tasks);
  field(
    doc,
    'Lieu d’intervention',
    site ? `${site.name} — ${address(site)}${site.accessNotes ? ` (${site.accessNotes})` : ''}` : address(client),
  );
  field(doc, 'Date de début', frenchDate(contract.startDate));
  field(doc, 'Date de fin de la mise à disposition', frenchDate(contract.endDate));
  field(
    doc,
    'Rémunération d’un salarié de qualification équivalente',
    // The same test as signing (equivalentPayProblem): a company by legal form, for-profit care homes included.
    isCompanyByLegalForm(client.legalForm) || contract.equivalentPayCents
      ? contract.equivalentPayCents
        ? `${euros(contract.equivalentPayCents)} brut de l’heure`
        : 'à préciser par l’utilisateur avant la première intervention'
      : 'sans objet (l’utilisateur n’est pas une entreprise)',
  );
  field(
    doc,
    'Équipements de protection individuelle',
    contract.protectiveEquipment || 'aucun équipement particulier requis',
  );
  field(
    doc,
    'Équipements fournis par',
    contract.equipmentSuppliedBy
      ? (EQUIPMENT_SUPPLIER_IN_CONTRACT[contract.equipmentSuppliedBy] ?? contract.equipmentSuppliedBy)
      : 'sans objet',
  );
  if (contract.amendmentReason) field(doc, 'Objet de l’avenant', contract.amendmentReason);
  if (contract.commitmentNumber) field(doc, 'Numéro d’engagement (commande publique)', contract.commitmentNumber);
  doc.moveDown();
  doc.font('Helvetica').fontSize(9);
  doc.text(
    'L’utilisateur s’engage à ne pas confier aux salarié·es des travaux particulièrement dangereux (article D4154-1 du Code du travail), à respecter les durées du travail et à informer l’association de tout accident. Il atteste ne pas avoir procédé à un licenciement économique sur un poste équivalent dans les six derniers mois (article L5132-7).',
  );
  doc.text('Les prestations sont facturées selon le devis accepté et les relevés d’heures validés.');
  doc.moveDown();
  doc.fontSize(10).font('Helvetica-Bold').text('Signatures');
  doc.moveDown(0.3);
  field(doc, 'Pour l’association', `${org.name}, le ${frenchDate(parisDate(contract.createdAt))}`);
  field(
    doc,
    'Pour l’utilisateur',
    contract.signedAt
      ? `signé en ligne par ${contract.signedBy} le ${frenchDate(parisDate(contract.signedAt))} à ${frenchTime(contract.signedAt)}${contract.signedIp ? ` (adresse IP ${contract.signedIp})` : ''}`
      : 'en attente de signature',
  );
  return finish();
}
