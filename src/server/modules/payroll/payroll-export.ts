import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { absences } from '../planning/queries.js';
import { classifyMinutes, type Rate } from '../pricing/rules/price-shift.js';
import { monthRange } from '../timesheets/month.js';
import { workers } from '../workers/queries.js';
import { decimalHours, toCsv } from './csv.js';
import { workedInterventions } from './worked-minutes.js';

/**
 * For payroll, one surcharge per minute with a fixed precedence: public holiday > Sunday > night
 * (the rate percentages of the invoice do not matter to the pay).
 */
const PAYROLL_PRECEDENCE: Rate = {
  hourlyRateCents: 1,
  nightSurchargePct: 1,
  sundaySurchargePct: 2,
  holidaySurchargePct: 3,
  travelFeeCents: 0,
  minimumBilledMinutes: 0,
};

export const PAY_ELEMENTS = [
  { code: 'HN', label: 'Heures normales' },
  { code: 'HNUIT', label: 'Heures de nuit (21 h – 6 h)' },
  { code: 'HDIM', label: 'Heures du dimanche' },
  { code: 'HFER', label: 'Heures de jour férié' },
  { code: 'DEPL', label: 'Interventions (indemnités de déplacement)' },
  { code: 'ABS', label: 'Absences' },
] as const;

export const PAYROLL_COLUMNS = [
  'worker_id',
  'nom',
  'prenom',
  'mois',
  'code_element',
  'libelle_element',
  'minutes',
  'heures',
  'nombre',
];

/** The payroll variables of a month: one row per worker and pay element (elements at zero are left out). */
export async function payrollExport({ db, organisationId, month }: { db: Db; organisationId: string; month: string }) {
  const range = monthRange(month);
  const items = await workedInterventions({ db, organisationId, from: range.first, to: range.last });
  const abs = await db
    .select()
    .from(absences)
    .where(
      and(eq(absences.organisationId, organisationId), lt(absences.startAt, range.to), gt(absences.endAt, range.from)),
    );
  const per = new Map<string, Record<string, number>>();
  const get = (w: string) => {
    let r = per.get(w);
    if (!r) {
      r = { HN: 0, HNUIT: 0, HDIM: 0, HFER: 0, DEPL: 0, ABS: 0 };
      per.set(w, r);
    }
    return r;
  };
  for (const it of items) {
    const m = classifyMinutes(it.start, it.end, PAYROLL_PRECEDENCE);
    // Breaks come off normal minutes first, as on the invoice.
    let b = it.breakMinutes;
    for (const k of ['normal', 'night', 'sunday', 'holiday'] as const) {
      const take = Math.min(b, m[k]);
      m[k] -= take;
      b -= take;
    }
    const r = get(it.workerId);
    r.HN += m.normal;
    r.HNUIT += m.night;
    r.HDIM += m.sunday;
    r.HFER += m.holiday;
    r.DEPL += 1;
  }
  for (const a of abs) {
    const start = Math.max(a.startAt.getTime(), range.from.getTime());
    const end = Math.min(a.endAt.getTime(), range.to.getTime());
    get(a.workerId).ABS += Math.round((end - start) / 60000);
  }
  const ids = [...per.keys()];
  const people = ids.length
    ? await db
        .select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName })
        .from(workers)
        .where(inArray(workers.id, ids))
    : [];
  people.sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
  const rows: (string | number)[][] = [];
  for (const p of people) {
    const r = per.get(p.id)!;
    for (const el of PAY_ELEMENTS) {
      const v = r[el.code];
      if (!v) continue;
      const isCount = el.code === 'DEPL';
      rows.push([
        p.id,
        p.lastName,
        p.firstName,
        month,
        el.code,
        el.label,
        isCount ? '' : v,
        isCount ? '' : decimalHours(v),
        isCount ? v : '',
      ]);
    }
  }
  return toCsv(PAYROLL_COLUMNS, rows);
}
