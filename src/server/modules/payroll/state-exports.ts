import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { invoiceLines, invoices } from '../billing/queries.js';
import { LEGAL } from '../settings/legal-figures.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { workerExits } from '../support/queries.js';
import { ASP_EXIT_REASONS, type AspExitReason } from '../support/rules/asp-exit-reasons.js';
import { monthRange } from '../timesheets/month.js';
import { passes, workers } from '../workers/queries.js';
import { toCsv } from './csv.js';
import { stateWorkedInterventions } from './worked-minutes.js';

const ETP_MINUTES_PER_YEAR = LEGAL.etpHoursPerYear * 60;

/** Minutes billed per worker on the invoices of the months between `fromMonth` and `toMonth`. */
export async function billedMinutes(db: Db, organisationId: string, fromMonth: string, toMonth: string) {
  const rows = await db
    .select({ workerId: invoiceLines.workerId, minutes: sql<number>`sum(${invoiceLines.minutes})::int` })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        eq(invoices.organisationId, organisationId),
        eq(invoices.kind, 'invoice'),
        gte(invoices.month, fromMonth),
        lte(invoices.month, toMonth),
      ),
    )
    .groupBy(invoiceLines.workerId);
  return new Map(rows.map((r) => [r.workerId ?? '', Number(r.minutes)]));
}

export const ASP_COLUMNS = [
  'worker_id',
  'nom',
  'prenom',
  'numero_pass_iae',
  'mois',
  'heures_travaillees',
  'heures_facturees',
  'missions',
  'part_etp',
  'date_sortie',
  'categorie_sortie',
  'motif_sortie_asp',
  'libelle_motif_sortie',
];

/**
 * The monthly State (ASP) declaration: per worker, hours worked (validated timesheets or past shifts not
 * disputed, never shifts merely planned) and billed, missions, and the ETP share of
 * the month (1 ETP = 1 607 h a year, so a month's ETP is hours / (1 607 / 12)); the exit of the month if any.
 */
export async function aspMonthlyExport({
  db,
  organisationId,
  month,
  now,
}: {
  db: Db;
  organisationId: string;
  month: string;
  now?: Date;
}) {
  const range = monthRange(month);
  const items = (await stateWorkedInterventions({ db, organisationId, from: range.first, to: range.last, now })).filter(
    (i) => i.minutes > 0,
  );
  const billed = await billedMinutes(db, organisationId, month, month);
  const exits = await db
    .select()
    .from(workerExits)
    .where(
      and(
        eq(workerExits.organisationId, organisationId),
        gte(workerExits.exitDate, range.first),
        lte(workerExits.exitDate, range.last),
      ),
    );
  const per = new Map<string, { minutes: number; missions: Set<string> }>();
  for (const it of items) {
    const r = per.get(it.workerId) ?? { minutes: 0, missions: new Set<string>() };
    r.minutes += it.minutes;
    r.missions.add(it.missionId);
    per.set(it.workerId, r);
  }
  for (const e of exits) if (!per.has(e.workerId)) per.set(e.workerId, { minutes: 0, missions: new Set() });
  const ids = [...per.keys()];
  const people = ids.length
    ? await db
        .select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName })
        .from(workers)
        .where(inArray(workers.id, ids))
    : [];
  const passRows = ids.length
    ? await db
        .select({ workerId: passes.workerId, number: passes.number, endDate: passes.endDate })
        .from(passes)
        .where(inArray(passes.workerId, ids))
    : [];
  const passOf = new Map<string, string>();
  for (const p of passRows.sort((a, b) => a.endDate.localeCompare(b.endDate))) passOf.set(p.workerId, p.number);
  people.sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
  const rows = people.map((p) => {
    const r = per.get(p.id)!;
    const exit = exits.find((e) => e.workerId === p.id);
    return [
      p.id,
      p.lastName,
      p.firstName,
      passOf.get(p.id) ?? '',
      month,
      (r.minutes / 60).toFixed(2).replace('.', ','),
      ((billed.get(p.id) ?? 0) / 60).toFixed(2).replace('.', ','),
      r.missions.size,
      (r.minutes / (ETP_MINUTES_PER_YEAR / 12)).toFixed(4).replace('.', ','),
      exit?.exitDate ?? '',
      exit?.category ?? '',
      exit?.aspReason ?? '',
      exit?.aspReason ? (ASP_EXIT_REASONS[exit.aspReason as AspExitReason]?.label ?? '') : '',
    ];
  });
  return toCsv(ASP_COLUMNS, rows);
}

/** Yearly estimate of the aide au poste: 1 619 € per ETP worked, within the ETP of the State convention. */
export async function aideAuPosteEstimate({
  db,
  organisationId,
  year,
}: {
  db: Db;
  organisationId: string;
  year: number;
}) {
  const items = await stateWorkedInterventions({ db, organisationId, from: `${year}-01-01`, to: `${year}-12-31` });
  const minutesWorked = items.reduce((s, i) => s + i.minutes, 0);
  const etp = minutesWorked / ETP_MINUTES_PER_YEAR;
  const settings = await readOrganisationSettings({ db, organisationId });
  const conventionEtp = settings.conventionEtp;
  const etpRetained = conventionEtp === null ? etp : Math.min(etp, conventionEtp);
  return {
    year,
    minutesWorked,
    etp: Math.round(etp * 100) / 100,
    conventionEtp,
    etpRetained: Math.round(etpRetained * 100) / 100,
    centsPerEtp: LEGAL.aideAuPosteCentsPerEtp,
    amountCents: Math.round(etpRetained * LEGAL.aideAuPosteCentsPerEtp),
    capped: conventionEtp !== null && etp > conventionEtp,
  };
}
