import { and, eq } from 'drizzle-orm';
import { CONTRACT_KIND_TITLES } from '../../../shared/workers.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { frenchDate } from '../calendar/paris-time.js';
import { findJob } from '../directory/rome.js';
import { createDocument, field } from '../documents/pdf.js';
import { findWorker, fullName } from './find-worker.js';
import { letterheadOf } from './letterhead.js';
import { CDDI_EXTENSION_REASONS, type CddiExtensionReason } from './rules/employment-contract.js';
import { employmentContracts, passes, workerJobs } from './schema.js';

const hours = (m: number) => `${Math.floor(m / 60)} h${m % 60 ? String(m % 60).padStart(2, '0') : ''}`;

/** The employment contract as a PDF in the AI's letterhead, with the mentions of the law for its kind. */
export async function employmentContractPdf({
  db,
  actor,
  workerId,
  contractId,
}: {
  db: Db;
  actor: OrgActor;
  workerId: string;
  contractId: string;
}) {
  const worker = await findWorker(db, actor, workerId);
  const [contract] = await db
    .select()
    .from(employmentContracts)
    .where(and(eq(employmentContracts.id, contractId), eq(employmentContracts.workerId, workerId)));
  if (!contract) throw notFound('Ce contrat de travail');
  const letterhead = await letterheadOf(db, actor.organisationId);
  const jobs = await db.select().from(workerJobs).where(eq(workerJobs.workerId, workerId));
  const [pass] = await db.select().from(passes).where(eq(passes.workerId, workerId)).orderBy(passes.startDate);
  const { doc, finish } = createDocument({
    title: CONTRACT_KIND_TITLES[contract.kind],
    letterhead,
    reference: `Contrat de travail de ${fullName(worker)}, à compter du ${frenchDate(contract.startDate)}`,
  });
  doc.font('Helvetica-Bold').text('Entre les soussignés');
  doc
    .font('Helvetica')
    .text(
      `${letterhead.name}, association intermédiaire conventionnée par l’État (article L5132-7 du Code du travail), l’employeur,`,
    );
  doc.text(
    `et ${fullName(worker)}, né·e le ${frenchDate(worker.birthDate)}, demeurant ${[worker.addressLine, worker.postalCode, worker.communeName].filter(Boolean).join(' ')}, le ou la salarié·e.`,
  );
  doc.moveDown();
  field(doc, 'Nature du contrat', CONTRACT_KIND_TITLES[contract.kind]);
  field(doc, 'Date de début', frenchDate(contract.startDate));
  field(
    doc,
    'Date de fin',
    contract.endDate ? frenchDate(contract.endDate) : 'sans terme (contrat à durée indéterminée)',
  );
  field(doc, 'Durée hebdomadaire de travail', hours(contract.weeklyMinutes));
  field(doc, 'Emplois', jobs.map((j) => findJob(j.rome)?.label ?? j.rome).join(', ') || '—');
  field(
    doc,
    'PASS IAE',
    pass ? `n° ${pass.number}, valable du ${frenchDate(pass.startDate)} au ${frenchDate(pass.endDate)}` : '—',
  );
  if (contract.extensionReason)
    field(
      doc,
      'Prolongation au-delà de 24 mois',
      CDDI_EXTENSION_REASONS[contract.extensionReason as CddiExtensionReason] ?? contract.extensionReason,
    );
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Objet');
  doc
    .font('Helvetica')
    .text(
      'Le ou la salarié·e est embauché·e en vue de faciliter son insertion professionnelle. Il ou elle est mis·e à disposition d’utilisateurs (particuliers, associations, collectivités, entreprises) dans le cadre de contrats de mise à disposition, et bénéficie d’un accompagnement socio-professionnel.',
    );
  doc.moveDown();
  if (contract.kind === 'cddu')
    doc.text(
      'Contrat conclu au titre de l’article D1242-1 du Code du travail : il n’ouvre pas droit à l’indemnité de fin de contrat.',
    );
  if (contract.kind === 'cddi')
    doc.text(
      'Contrat conclu au titre de l’article L5132-11-1 du Code du travail : durée de 4 mois au moins, renouvelable dans la limite de 24 mois (sauf cas de prolongation de l’article L5132-15-1). La durée hebdomadaire peut être inférieure à 24 heures.',
    );
  if (contract.kind === 'cdi_inclusion')
    doc.text(
      'Contrat conclu au titre de l’article L5132-11-1 du Code du travail pour une personne de 57 ans et plus, après 12 mois de parcours dans la structure.',
    );
  doc.moveDown(2);
  doc.text('Fait en deux exemplaires.');
  doc.moveDown();
  doc.text('L’employeur                                                                Le ou la salarié·e');
  return finish();
}
