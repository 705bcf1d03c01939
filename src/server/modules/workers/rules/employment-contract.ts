import { LEGAL } from '../../settings/legal-figures.js';
import { addDays, addMonths, ageOn, daysInclusive } from './dates.js';
import type { Verdict } from './pass-dates.js';

/**
 * Employment contracts of an AI (PRODUCT.md): CDD d'usage (D1242-1), CDDI (L5132-11-1, L5132-15-1:
 * at least 4 months, at most 24 months in total, longer for the cases of the law), CDI inclusion
 * (L5132-11-1 as amended 2018: 57 years or older, after 12 months of pathway, at most 20 % of the AI's ETP).
 * Weekly hours may be under 24 h (L5132-11-1).
 */
export type ContractKind = 'cddu' | 'cddi' | 'cdi_inclusion';

/**
 * Cases in which a CDDI may go beyond 24 months (L5132-11-1), up to 60 months: to finish a training under way,
 * or for a person aged 50 or more or recognised as a disabled worker, on France Travail's decision. Particular
 * difficulties alone no longer extend a CDDI (kept only to read contracts signed before).
 */
export const CDDI_EXTENSION_REASONS = {
  training: 'Formation en cours à terminer',
  senior_50: 'Salarié·e de 50 ans et plus (décision de France Travail)',
  rqth: 'Travailleur handicapé reconnu (décision de France Travail)',
} as const;
export type CddiExtensionReason = keyof typeof CDDI_EXTENSION_REASONS;
export const CDDI_EXTENDED_MAX_MONTHS = LEGAL.cddiExtendedMaxMonths;

export type ContractRequest = {
  kind: ContractKind;
  startDate: string;
  endDate: string | null;
  weeklyMinutes: number;
  extensionReason?: CddiExtensionReason | null;
  /** Day of France Travail's decision, required for the 50+ and RQTH cases. */
  extensionDecisionOn?: string | null;
};

export type ContractFacts = {
  birthDate: string;
  /** Other contracts of the worker (for overlaps and the CDDI total). */
  contracts: { kind: ContractKind; startDate: string; endDate: string | null }[];
  /** First day of the worker's pathway in the AI (first contract or hire date). */
  pathwayStart: string | null;
  /** ETP granted by the AI's convention, or null when not set. */
  conventionEtp: number | null;
  /** ETP already taken by running CDI inclusion contracts (weekly minutes / 35 h). */
  cdiInclusionEtp: number;
};

const FULL_TIME_WEEKLY_MINUTES = 35 * 60;
const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const fail = (code: string, message: string): Verdict => ({ ok: false, code, message });

/** Months covered by a contract, counted in days / 30.4375 (the usual average month). */
const monthsOf = (start: string, end: string) => daysInclusive(start, end) / 30.4375;

export function contractVerdict(c: ContractRequest, f: ContractFacts): Verdict {
  if (c.endDate && c.endDate < c.startDate)
    return fail('contract_dates', 'La date de fin du contrat précède sa date de début.');
  if (c.weeklyMinutes <= 0 || c.weeklyMinutes > 48 * 60)
    return fail('contract_weekly_hours', 'La durée hebdomadaire doit être comprise entre 1 minute et 48 heures.');
  const overlap = f.contracts.find(
    (o) => (o.endDate === null || o.endDate >= c.startDate) && (c.endDate === null || c.endDate >= o.startDate),
  );
  if (overlap)
    return fail(
      'employment_contract_overlap',
      `Un contrat de travail court déjà du ${fr(overlap.startDate)}${overlap.endDate ? ` au ${fr(overlap.endDate)}` : ' sans date de fin'} : un seul contrat à la fois.`,
    );

  if (c.kind === 'cddu' || c.kind === 'cddi') {
    if (!c.endDate) return fail('fixed_term_needs_end', 'Un contrat à durée déterminée a une date de fin.');
  }
  if (c.kind === 'cddi') {
    const minEnd = addDays(addMonths(c.startDate, LEGAL.cddiMinMonths), -1);
    if (c.endDate! < minEnd)
      return fail(
        'cddi_min_duration',
        `Un CDDI dure au moins ${LEGAL.cddiMinMonths} mois : la fin doit être le ${fr(minEnd)} ou après.`,
      );
    const previous = f.contracts
      .filter((o) => o.kind === 'cddi' && o.endDate)
      .reduce((s, o) => s + monthsOf(o.startDate, o.endDate!), 0);
    const total = previous + monthsOf(c.startDate, c.endDate!);
    if (total > LEGAL.cddiMaxMonths + 0.01 && c.extensionReason) {
      const problem = cddiExtensionProblem(c, f.birthDate);
      if (problem) return fail('cddi_extension_reason', problem);
    }
    const max = c.extensionReason ? CDDI_EXTENDED_MAX_MONTHS : LEGAL.cddiMaxMonths;
    if (total > max + 0.01)
      return fail(
        'cddi_max_duration',
        c.extensionReason
          ? `Les CDDI d’une même personne ne dépassent pas ${max} mois au total, même prolongés (${Math.round(total)} mois demandés).`
          : `Les CDDI d’une même personne ne dépassent pas ${max} mois au total (${Math.round(total)} mois demandés) : indiquez le cas de prolongation prévu par la loi, s’il s’applique.`,
      );
  }
  if (c.kind === 'cdi_inclusion') {
    if (c.endDate) return fail('cdi_has_no_end', 'Un CDI inclusion n’a pas de date de fin.');
    const age = ageOn(f.birthDate, c.startDate);
    if (age < LEGAL.cdiInclusionMinAge)
      return fail(
        'cdi_inclusion_age',
        `Le CDI inclusion est réservé aux personnes de ${LEGAL.cdiInclusionMinAge} ans et plus (${age} ans au début du contrat).`,
      );
    const needed = f.pathwayStart && addMonths(f.pathwayStart, LEGAL.cdiInclusionPathwayMonths);
    if (!needed || c.startDate < needed)
      return fail(
        'cdi_inclusion_pathway',
        needed
          ? `Le CDI inclusion suppose 12 mois de parcours dans la structure : possible à partir du ${fr(needed)}.`
          : 'Le CDI inclusion suppose 12 mois de parcours dans la structure : aucun contrat antérieur n’est enregistré.',
      );
    if (f.conventionEtp === null)
      return fail(
        'cdi_inclusion_quota',
        'Le CDI inclusion est limité à 20 % des ETP conventionnés : renseignez l’ETP de la convention dans les paramètres.',
      );
    const added = c.weeklyMinutes / FULL_TIME_WEEKLY_MINUTES;
    const max = f.conventionEtp * LEGAL.cdiInclusionMaxShareOfEtp;
    if (f.cdiInclusionEtp + added > max + 1e-9)
      return fail(
        'cdi_inclusion_quota',
        `Les CDI inclusion ne dépassent pas 20 % des ETP conventionnés (${max.toFixed(1)} ETP) : ${f.cdiInclusionEtp.toFixed(1)} ETP déjà engagés.`,
      );
  }
  return { ok: true };
}

export const etpOfWeeklyMinutes = (weeklyMinutes: number) => weeklyMinutes / FULL_TIME_WEEKLY_MINUTES;

/** Why the case given does not allow a CDDI beyond 24 months (L5132-11-1), or null when it does. */
export function cddiExtensionProblem(c: ContractRequest, birthDate: string): string | null {
  const reason = c.extensionReason;
  if (!reason || !(reason in CDDI_EXTENSION_REASONS))
    return 'Au-delà de 24 mois, un CDDI n’est prolongé que pour achever une formation, ou pour une personne de 50 ans et plus ou reconnue travailleur handicapé sur décision de France Travail : les difficultés particulières seules ne suffisent plus.';
  if (reason === 'senior_50' && ageOn(birthDate, c.startDate) < LEGAL.cddiExtensionMinAge)
    return `La prolongation au-delà de 24 mois pour âge concerne les personnes de ${LEGAL.cddiExtensionMinAge} ans et plus (${ageOn(birthDate, c.startDate)} ans au début du contrat).`;
  if ((reason === 'senior_50' || reason === 'rqth') && !c.extensionDecisionOn)
    return 'Indiquez la date de la décision de France Travail qui autorise la prolongation du CDDI au-delà de 24 mois.';
  return null;
}
