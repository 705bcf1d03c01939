import { BARRIER_LABELS, BARRIER_STATUS_LABELS, EXIT_CATEGORY_CHOICES } from '../../../shared/support.js';
import { CONTRACT_KIND_TITLES, type EmploymentContractKind } from '../../../shared/workers.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { assertSensitiveAccess } from '../../policies/sensitive.js';
import { recordAudit } from '../audit/record-audit.js';
import { frenchDate } from '../calendar/paris-time.js';
import { createDocument, field } from '../documents/pdf.js';
import { findWorker } from '../workers/find-worker.js';
import { letterheadOf } from '../workers/letterhead.js';
import { presentWorker } from '../workers/present-worker.js';
import { LEVEL_1_CRITERIA, LEVEL_2_CRITERIA } from '../workers/rules/eligibility.js';
import { readSupportFile } from './read-support-file.js';

export type ExportWorkerDataOptions = { db: Db; actor: OrgActor; workerId: string };

/**
 * RGPD right of access: everything Passerelle holds about a worker, as JSON. It gathers sensitive data, so only
 * a person granted the sensitive data right runs it (403 otherwise); the export is logged.
 */
export async function exportWorkerData({ db, actor, workerId }: ExportWorkerDataOptions) {
  const worker = await findWorker(db, actor, workerId);
  assertSensitiveAccess(actor);
  const record = await presentWorker(db, worker, actor, 'export');
  const supportFile = await readSupportFile({ db, actor, workerId, purpose: 'export' });
  await recordAudit({ db, actor, action: 'worker.export', recordType: 'worker', recordId: workerId });
  return { exportedAt: new Date().toISOString(), worker: record, supportFile };
}

const criterionLabel = (c: string) =>
  (LEVEL_1_CRITERIA as Record<string, string>)[c] ?? (LEVEL_2_CRITERIA as Record<string, string>)[c] ?? c;

/** The same export, as a readable PDF for the person. */
export async function exportWorkerDataPdf(o: ExportWorkerDataOptions) {
  const data = await exportWorkerData(o);
  const w = data.worker;
  const s = data.supportFile;
  const { doc, finish } = createDocument({
    title: `Données personnelles de ${w.firstName} ${w.lastName}`,
    letterhead: await letterheadOf(o.db, o.actor.organisationId),
    reference: `Export du ${frenchDate(data.exportedAt.slice(0, 10))} (droit d’accès, RGPD art. 15)`,
  });
  const section = (title: string) => {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text(title);
    doc.font('Helvetica').fontSize(10);
  };
  section('Identité');
  field(doc, 'Nom', `${w.firstName} ${w.lastName}`);
  field(doc, 'Date de naissance', frenchDate(w.birthDate));
  field(doc, 'Adresse', [w.address.line, w.address.postalCode, w.address.communeName].filter(Boolean).join(' '));
  field(doc, 'Téléphone', w.phone);
  field(doc, 'E-mail', w.email);
  field(doc, 'Métiers', w.jobs.map((j) => `${j.label} (niveau ${j.level})`).join(', '));
  field(doc, 'Projet professionnel', w.targetJobs.map((j) => j.label).join(', '));
  section('PASS IAE et éligibilité');
  for (const p of w.passes)
    field(doc, `PASS n° ${p.number}`, `du ${frenchDate(p.startDate)} au ${frenchDate(p.endDate)}`);
  for (const d of w.diagnoses)
    field(doc, `Diagnostic du ${frenchDate(d.madeOn)}`, d.criteria.map(criterionLabel).join(', '));
  section('Contrats de travail');
  for (const c of w.contracts)
    field(
      doc,
      CONTRACT_KIND_TITLES[c.kind as EmploymentContractKind],
      `du ${frenchDate(c.startDate)}${c.endDate ? ` au ${frenchDate(c.endDate)}` : ''}`,
    );
  section('Accompagnement');
  for (const b of s.barriers)
    field(
      doc,
      `Frein : ${BARRIER_LABELS[b.category]}`,
      `${BARRIER_STATUS_LABELS[b.status]?.toLowerCase()}, intensité ${b.intensity}${b.details ? ` — ${b.details}` : ''}`,
    );
  for (const i of s.interviews) field(doc, `Entretien du ${frenchDate(i.heldOn)}`, i.notes ?? '');
  for (const i of s.immersions)
    field(
      doc,
      `Immersion chez ${i.host}`,
      `du ${frenchDate(i.startDate)} au ${frenchDate(i.endDate)} — ${i.objective}${i.outcome ? ` ; bilan : ${i.outcome}` : ''}`,
    );
  for (const t of s.trainings) field(doc, `Formation : ${t.title}`, `à partir du ${frenchDate(t.startDate)}`);
  for (const p of s.pathways) field(doc, p.title, p.steps.map((x) => `${x.label} (${x.status})`).join(' → '));
  if (s.exit) {
    section('Sortie');
    field(doc, EXIT_CATEGORY_CHOICES[s.exit.category], `${frenchDate(s.exit.date)} — ${s.exit.reason}`);
  }
  return finish();
}
