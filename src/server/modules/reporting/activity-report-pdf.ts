import { EXIT_CATEGORIES, EXIT_COUNT_LABELS } from '../../../shared/support.js';
import type { Db } from '../../db/connect.js';
import { frenchDate, parisToday } from '../calendar/paris-time.js';
import { createDocument, field } from '../documents/pdf.js';
import { letterheadOf } from '../quotes/quote-pdf.js';
import { aiDashboard } from './ai-dashboard.js';

const hours = (minutes: number) =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(minutes / 60)} h`;
const pct = (share: number | null) =>
  share === null ? '—' : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(share * 100)} %`;
const num = (n: number | null, digits = 2) =>
  n === null ? '—' : new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(n);

/**
 * The AI's yearly activity report for the dialogue de gestion with the State (DDETS) and its funders: the
 * figures of the AI dashboard for the calendar year (same operation, so both always agree).
 */
export async function activityReportPdf({
  db,
  organisationId,
  year,
  now = new Date(),
}: {
  db: Db;
  organisationId: string;
  year: number;
  now?: Date;
}): Promise<Buffer> {
  const [letterhead, d] = await Promise.all([
    letterheadOf(db, organisationId),
    aiDashboard({ db, organisationId, period: { from: `${year}-01-01`, to: `${year}-12-31` }, now }),
  ]);
  const partial = d.to < `${year}-12-31`;
  const { doc, finish } = createDocument({
    title: `Rapport d’activité ${year}`,
    letterhead,
    reference: `Dialogue de gestion — période du ${frenchDate(d.from)} au ${frenchDate(d.to)}${
      partial ? ' (année en cours)' : ''
    } — édité le ${frenchDate(parisToday(now))}`,
  });
  const section = (title: string) => {
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#1971c2').text(title);
    doc.font('Helvetica').fontSize(10).fillColor('#000000').moveDown(0.3);
  };

  section('Emplois et ETP');
  field(doc, 'ETP réalisés', num(d.summary.etp));
  field(doc, 'ETP conventionnés', num(d.conventionEtp));
  field(doc, 'Part de l’ETP conventionné consommée', pct(d.etpConsumption));
  field(doc, 'Nombre de salarié·es en parcours ayant travaillé', String(d.workersPresent));
  field(doc, 'Salarié·es embauché·es dans l’année', String(d.workersHired));

  section('Heures');
  field(doc, 'Heures travaillées', hours(d.summary.minutesWorked));
  field(doc, 'Heures facturées', hours(d.summary.minutesBilled));
  field(doc, 'Heures dans le secteur médico-social (EHPAD…)', hours(d.medicoSocialMinutes));
  field(doc, 'Part des heures EHPAD / médico-social', pct(d.medicoSocialShare));
  field(doc, 'Clients actifs', String(d.activeClients));
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').text('Heures par mois');
  doc.font('Helvetica');
  for (const m of d.months)
    doc.text(`${m.month} : ${hours(m.minutesWorked)} travaillées, ${hours(m.minutesBilled)} facturées`);

  section('Sorties (salarié·es ayant travaillé au moins 150 h)');
  for (const key of EXIT_CATEGORIES) field(doc, EXIT_COUNT_LABELS[key], String(d.summary.exits[key]));
  field(doc, 'Sorties non comptées (moins de 150 h)', String(d.exitsNotCounted));
  field(doc, 'Taux de sortie dynamique', pct(d.summary.dynamicExitRate));
  doc
    .fontSize(8)
    .fillColor('#333333')
    .text('Taux de sortie dynamique = (emploi durable + transition + sorties positives) / (sorties − retraits).');
  doc.fontSize(10).fillColor('#000000');

  section('Accompagnement');
  field(doc, 'Chargé·es d’accompagnement (CIP)', String(d.supportStaff));
  field(doc, 'Salarié·es par chargé·e d’accompagnement', num(d.workersPerSupportStaff, 1));
  field(doc, 'PASS IAE finissant dans les 90 jours', String(d.passEndingSoon));

  section('Réponse aux besoins et remplacements');
  field(doc, 'Besoins orientés vers la structure', String(d.needs.routed));
  field(doc, 'Besoins pris en charge', String(d.needs.claimed));
  field(doc, 'Créneaux à remplacer (absences)', String(d.replacements.uncovered));
  field(doc, 'Taux de remplacement', pct(d.replacements.fillRate));
  return finish();
}
