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

/** Cases in which a CDDI may go beyond 24 months (L5132-15-1), up to 60 months. */
export const CDDI_EXTENSION_REASONS = {
  senior_50: 'Salarié·e de 50 ans et plus',
  rqth: 'Travailleur handicapé (RQTH)',
  particular_difficulties: 'Difficultés particulièrement importantes',
  training: 'Formation en cours à terminer',
} as const;
export type CddiExtensionReason = keyof typeof CDDI_EXTENSION_REASONS;
export const CDDI_EXTENDED_MAX_MONTHS = 60;

export type ContractRequest = {
  kind: ContractKind;
  startDate: string;
  endDate: string | null;
  weeklyMinutes: number;
  extensionReason?: CddiExtensionReason | null;
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
