import { LEGAL } from '../../settings/legal-figures.js';

/** Minutes of one ETP over a full year: 1 607 h (Code du travail L3121-41, the ASP's reference for an AI). */
export const ETP_MINUTES_PER_YEAR = LEGAL.etpHoursPerYear * 60;

/**
 * ETP consumed by `minutes` worked over a period of `days` calendar days: the year's 1 607 h prorated to the
 * period (the State's convention counts ETP per year; a month or a quarter is its share of the year).
 * Rounded to the hundredth, as the ASP's extranet shows it.
 */
export function etpOf(minutes: number, days = 365): number {
  if (days <= 0) return 0;
  const etp = minutes / (ETP_MINUTES_PER_YEAR * (days / 365));
  return Math.round(etp * 100) / 100;
}

/** Share of the convention's ETP consumed (1 = all of it), or null when the convention sets none. */
export function etpConsumption(etp: number, conventionEtp: number | null): number | null {
  if (conventionEtp === null || conventionEtp <= 0) return null;
  return Math.round((etp / conventionEtp) * 1000) / 1000;
}
