import { capInWords, extensionNeedsPrescriber, PASS_EXTENSION_LABELS } from '../../../../shared/workers.js';
import { LEGAL } from '../../settings/legal-figures.js';
import type { PassExtensionReason } from '../schema.js';
import { addDays, addMonths, daysInclusive } from './dates.js';

/**
 * PASS IAE dates (PRODUCT.md; Code du travail L5132-1 and R5132-1-8 to -1-17, since 1 Dec 2021; les-emplois
 * itou/approvals/models.py): 2 years (end = start + 730 days − 1); each suspension (≤ 36 months, never
 * overlapping another) pushes the end back by its length; prolongations of 12 months at most, the whole
 * pathway's prolongations within the cap of the reason asked for; a prolongation that needs the authorised
 * prescriber's opinion takes effect once granted; a new PASS 2 years after the previous one expired.
 */

/**
 * Cap of the whole pathway's prolongations per reason (les-emplois MAX_CUMULATIVE_DURATION: SENIOR_CDI 10 years,
 * COMPLETE_TRAINING 2 years, RQTH 3 years, SENIOR 5 years, PARTICULAR_DIFFICULTIES 3 years).
 */
export const PASS_EXTENSION_CAP_MONTHS: Record<PassExtensionReason, number> = LEGAL.passExtensionCapMonths;
/** One prolongation lasts 12 months at most (except the 57+ CDI inclusion one, up to its cap). */
export const PASS_EXTENSION_MONTHS = LEGAL.passExtensionMaxMonths;

// The reasons' labels and which wait for the prescriber are the shared contract's (src/shared/workers.ts), so that
// the server's messages and the record page say the same words as les emplois de l'inclusion.
export { extensionNeedsPrescriber };

export type Suspension = { startDate: string; endDate: string };
export type ExtensionStatus = 'pending' | 'granted' | 'refused';
export type Extension = { reason: PassExtensionReason; months: number; status?: ExtensionStatus };

export const passBaseEnd = (startDate: string) => addDays(startDate, LEGAL.passDurationDays - 1);

/** Only granted prolongations move the end (a missing status is a granted one, as before decisions existed). */
const granted = (e: Extension) => (e.status ?? 'granted') === 'granted';

/** The effective last day of validity: base end, plus granted extension months, plus suspended days. */
export function passEffectiveEnd(
  startDate: string,
  suspensions: Suspension[],
  extensions: Extension[],
  grantedEndDate?: string | null,
): string {
  const months = extensions.filter(granted).reduce((s, e) => s + e.months, 0);
  const suspended = suspensions.reduce((s, x) => s + daysInclusive(x.startDate, x.endDate), 0);
  return addDays(addMonths(grantedEndDate ?? passBaseEnd(startDate), months), suspended);
}

export type Verdict = { ok: true } | { ok: false; code: string; message: string };
const ok: Verdict = { ok: true };

export function suspensionVerdict(
  pass: { startDate: string; endDate: string },
  s: Suspension,
  existing: Suspension[] = [],
): Verdict {
  if (s.endDate < s.startDate)
    return { ok: false, code: 'suspension_dates', message: 'La fin de la suspension précède son début.' };
  if (s.startDate < pass.startDate || s.startDate > pass.endDate)
    return {
      ok: false,
      code: 'suspension_outside_pass',
      message: `Une suspension commence pendant la validité du PASS IAE (du ${frDate(pass.startDate)} au ${frDate(pass.endDate)}).`,
    };
  if (s.endDate > addDays(addMonths(s.startDate, LEGAL.passSuspensionMaxMonths), -1))
    return {
      ok: false,
      code: 'suspension_too_long',
      message: `Une suspension dure ${LEGAL.passSuspensionMaxMonths} mois au plus : raccourcissez-la ou enregistrez-en une nouvelle ensuite.`,
    };
  const overlap = existing.find((o) => o.startDate <= s.endDate && s.startDate <= o.endDate);
  if (overlap)
    return {
      ok: false,
      code: 'suspension_overlap',
      message: `Le PASS IAE est déjà suspendu du ${frDate(overlap.startDate)} au ${frDate(overlap.endDate)} : deux suspensions ne se chevauchent pas.`,
    };
  return ok;
}

/**
 * A new prolongation: one at a time awaiting the prescriber, 12 months at most, and the whole pathway's
 * prolongations (granted or awaiting, whatever their reason) within the cap of the reason asked for — so
 * that changing reason never opens a fresh cap (les-emplois get_max_end_at, MAX_CUMULATIVE_DURATION).
 */
export function extensionVerdict(existing: Extension[], added: Extension): Verdict {
  if (existing.some((e) => e.status === 'pending'))
    return {
      ok: false,
      code: 'pass_extension_pending',
      message: 'Une demande de prolongation attend déjà la décision du prescripteur : enregistrez sa décision d’abord.',
    };
  const maxOne =
    added.reason === 'cdi_inclusion_57' ? PASS_EXTENSION_CAP_MONTHS.cdi_inclusion_57 : PASS_EXTENSION_MONTHS;
  if (added.months < 1 || added.months > maxOne)
    return {
      ok: false,
      code: 'pass_extension_length',
      message: `Une prolongation dure ${maxOne} mois au plus.`,
    };
  const used = existing.filter((e) => e.status !== 'refused').reduce((s, e) => s + e.months, 0);
  const cap = PASS_EXTENSION_CAP_MONTHS[added.reason];
  if (used + added.months > cap)
    return {
      ok: false,
      code: 'pass_extension_cap',
      message: `Les prolongations d’un parcours ne dépassent pas ${capInWords(cap)} pour le motif « ${PASS_EXTENSION_LABELS[added.reason]} » : ${used} mois déjà accordés ou demandés, ${Math.max(0, cap - used)} mois restants.`,
    };
  return ok;
}

/** Months of prolongation still available for each reason (the whole pathway counted). */
export function extensionMonthsLeft(existing: Extension[]): Record<PassExtensionReason, number> {
  const used = existing.filter((e) => e.status !== 'refused').reduce((s, e) => s + e.months, 0);
  const out = {} as Record<PassExtensionReason, number>;
  for (const [reason, cap] of Object.entries(PASS_EXTENSION_CAP_MONTHS) as [PassExtensionReason, number][])
    out[reason] = Math.max(0, cap - used);
  return out;
}

export type PassOnDay = {
  startDate: string;
  /** Effective end (granted prolongations and suspended days included). */
  endDate: string;
  suspensions?: Suspension[];
  /** A prolongation awaits the authorised prescriber's decision. */
  pendingExtension?: boolean;
};

export type PassDayState = 'valid' | 'suspended' | 'not_started' | 'expired' | 'none';

/**
 * Whether a worker may work on a day under their PASS IAE (L5132-8; les-emplois Approval.is_suspended): valid
 * between its start and its effective end, except on the days it is suspended. A pending prolongation does not
 * extend it until the prescriber grants it.
 */
export function passStateOn(passes: readonly PassOnDay[], day: string): { state: PassDayState; pass?: PassOnDay } {
  const covering = passes.find((p) => p.startDate <= day && day <= p.endDate);
  if (covering) {
    const suspended = (covering.suspensions ?? []).some((s) => s.startDate <= day && day <= s.endDate);
    return { state: suspended ? 'suspended' : 'valid', pass: covering };
  }
  const ended = [...passes].filter((p) => p.endDate < day).sort((a, b) => a.endDate.localeCompare(b.endDate));
  if (ended.length > 0) return { state: 'expired', pass: ended[ended.length - 1] };
  if (passes.length > 0) return { state: 'not_started', pass: passes[0] };
  return { state: 'none' };
}

/** A refusal in words a coordinator understands, or null when the PASS allows work on that day. */
export function passDayProblem(passes: readonly PassOnDay[], day: string, name: string): string | null {
  const { state, pass } = passStateOn(passes, day);
  if (state === 'valid') return null;
  if (state === 'suspended') {
    const s = (pass!.suspensions ?? []).find((x) => x.startDate <= day && day <= x.endDate)!;
    return `Le PASS IAE de ${name} est suspendu du ${frDate(s.startDate)} au ${frDate(s.endDate)} : pas de mission pendant une suspension.`;
  }
  if (state === 'expired')
    return pass!.pendingExtension
      ? `Le PASS IAE de ${name} a expiré le ${frDate(pass!.endDate)} et sa prolongation attend la décision du prescripteur : elle ne vaut qu’une fois accordée.`
      : `Le PASS IAE de ${name} a expiré le ${frDate(pass!.endDate)} : prolongez-le avant de lui confier ce créneau.`;
  if (state === 'not_started')
    return `Le PASS IAE de ${name} ne commence que le ${frDate(pass!.startDate)} : il faut un PASS IAE en cours le ${frDate(day)}.`;
  return `${name} n’a pas de PASS IAE valide le ${frDate(day)} : il faut un PASS IAE en cours pour lui confier ce créneau.`;
}

/**
 * A new PASS: none still valid on its start, and 2 years after the previous one expired (waiting period,
 * les-emplois CommonApprovalMixin.WAITING_PERIOD_YEARS) — unless an authorised prescriber's diagnosis is
 * recorded, which lifts it: then the AI is warned, not refused.
 */
export function newPassVerdict(
  previous: { endDate: string }[],
  startDate: string,
  prescriberDiagnosis = false,
): Verdict & { warning?: string } {
  let warning: string | undefined;
  for (const p of previous) {
    if (p.endDate >= startDate)
      return {
        ok: false,
        code: 'pass_already_valid',
        message: `Un PASS IAE est déjà valide jusqu’au ${frDate(p.endDate)} : prolongez-le plutôt que d’en créer un autre.`,
      };
    const allowed = addDays(addMonths(p.endDate, LEGAL.passWaitingPeriodYears * 12), 1);
    if (startDate < allowed) {
      const text = `Le précédent PASS IAE a expiré le ${frDate(p.endDate)} : délai de carence de ${LEGAL.passWaitingPeriodYears} ans jusqu’au ${frDate(allowed)}`;
      if (!prescriberDiagnosis)
        return {
          ok: false,
          code: 'pass_waiting_period',
          message: `${text} ; seul un diagnostic d’un prescripteur habilité permet un nouveau PASS avant cette date.`,
        };
      warning = `${text}, levé par le diagnostic du prescripteur habilité enregistré.`;
    }
  }
  return warning ? { ok: true, warning } : ok;
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
