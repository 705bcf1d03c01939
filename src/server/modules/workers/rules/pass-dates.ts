import { LEGAL } from '../../settings/legal-figures.js';
import type { PassExtensionReason } from '../schema.js';
import { addDays, addMonths, daysInclusive } from './dates.js';

/**
 * PASS IAE dates (PRODUCT.md; Code du travail L5132-1 and R5132-1-8 to -1-17, since 1 Dec 2021):
 * 2 years (end = start + 730 days − 1); each suspension (≤ 36 months) pushes the end back by its length;
 * extensions of 12 months capped per reason; a new PASS only 2 years after the previous one expired.
 */

/** Total extension months allowed per reason (R5132-1-8: RQTH 3 years, 50+ 5 years, difficulties 3 years, 57+ CDI 10 years). */
export const PASS_EXTENSION_CAP_MONTHS: Record<PassExtensionReason, number> = {
  rqth: 36,
  senior_50: 60,
  particular_difficulties: 36,
  cdi_inclusion_57: 120,
};
/** One extension lasts 12 months at most (except the 57+ CDI inclusion one, up to its cap). */
export const PASS_EXTENSION_MONTHS = 12;

export const PASS_EXTENSION_LABELS: Record<PassExtensionReason, string> = {
  rqth: 'Travailleur handicapé (RQTH)',
  senior_50: 'Senior de 50 ans et plus',
  particular_difficulties: 'Difficultés particulières faisant obstacle à l’insertion',
  cdi_inclusion_57: 'CDI inclusion à 57 ans et plus',
};

export type Suspension = { startDate: string; endDate: string };
export type Extension = { reason: PassExtensionReason; months: number };

export const passBaseEnd = (startDate: string) => addDays(startDate, LEGAL.passDurationDays - 1);

/** The effective last day of validity: base end, plus extension months, plus suspended days. */
export function passEffectiveEnd(startDate: string, suspensions: Suspension[], extensions: Extension[]): string {
  const months = extensions.reduce((s, e) => s + e.months, 0);
  const suspended = suspensions.reduce((s, x) => s + daysInclusive(x.startDate, x.endDate), 0);
  return addDays(addMonths(passBaseEnd(startDate), months), suspended);
}

export type Verdict = { ok: true } | { ok: false; code: string; message: string };
const ok: Verdict = { ok: true };

export function suspensionVerdict(pass: { startDate: string; endDate: string }, s: Suspension): Verdict {
  if (s.endDate < s.startDate)
    return { ok: false, code: 'suspension_dates', message: 'La fin de la suspension précède son début.' };
  if (s.startDate < pass.startDate || s.startDate > pass.endDate)
    return {
      ok: false,
      code: 'suspension_outside_pass',
      message: 'Une suspension commence pendant la validité du PASS IAE.',
    };
  if (s.endDate > addDays(addMonths(s.startDate, LEGAL.passSuspensionMaxMonths), -1))
    return {
      ok: false,
      code: 'suspension_too_long',
      message: `Une suspension dure ${LEGAL.passSuspensionMaxMonths} mois au plus : raccourcissez-la ou enregistrez-en une nouvelle ensuite.`,
    };
  return ok;
}

export function extensionVerdict(existing: Extension[], added: Extension): Verdict {
  const maxOne =
    added.reason === 'cdi_inclusion_57' ? PASS_EXTENSION_CAP_MONTHS.cdi_inclusion_57 : PASS_EXTENSION_MONTHS;
  if (added.months < 1 || added.months > maxOne)
    return {
      ok: false,
      code: 'pass_extension_length',
      message: `Une prolongation dure ${maxOne} mois au plus.`,
    };
  const used = existing.filter((e) => e.reason === added.reason).reduce((s, e) => s + e.months, 0);
  const cap = PASS_EXTENSION_CAP_MONTHS[added.reason];
  if (used + added.months > cap)
    return {
      ok: false,
      code: 'pass_extension_cap',
      message: `Le plafond de prolongation pour le motif « ${PASS_EXTENSION_LABELS[added.reason]} » est de ${cap / 12} ans : ${used} mois déjà accordés, ${cap - used} mois restants.`,
    };
  return ok;
}

/** A new PASS: none still valid on its start, and 2 years after the previous one expired. */
export function newPassVerdict(previous: { endDate: string }[], startDate: string): Verdict {
  for (const p of previous) {
    if (p.endDate >= startDate)
      return {
        ok: false,
        code: 'pass_already_valid',
        message: `Un PASS IAE est déjà valide jusqu’au ${frDate(p.endDate)} : prolongez-le plutôt que d’en créer un autre.`,
      };
    const allowed = addDays(addMonths(p.endDate, LEGAL.passWaitingPeriodYears * 12), 1);
    if (startDate < allowed)
      return {
        ok: false,
        code: 'pass_waiting_period',
        message: `Le précédent PASS IAE a expiré le ${frDate(p.endDate)} : un nouveau PASS n’est possible qu’à partir du ${frDate(allowed)} (délai de carence de 2 ans).`,
      };
  }
  return ok;
}

const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Days until the PASS ends (0 on its last day, negative once expired). */
export const daysLeft = (endDate: string, today: string) => daysInclusive(today, endDate) - 1;

/** The alert thresholds (days before the end) at which the referent is emailed. */
export const PASS_ALERT_THRESHOLDS = [60, 30] as const;

/** The thresholds reached on `today` for a PASS ending on `endDate` (the smallest first). */
export function reachedThresholds(endDate: string, today: string): number[] {
  const left = daysLeft(endDate, today);
  if (left < 0) return [];
  return PASS_ALERT_THRESHOLDS.filter((t) => left <= t).sort((a, b) => a - b);
}
