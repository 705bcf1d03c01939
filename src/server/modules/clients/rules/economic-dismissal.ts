import { LEGAL } from '../../settings/legal-figures.js';

/**
 * L5132-7: an AI may not place anyone with a user that made an economic dismissal on an equivalent job
 * in the last 6 months. The flag is the dismissal date; it blocks new contracts until 6 months later.
 */
export function economicDismissalUntil(dismissedOn: string): string {
  const [y, m, d] = dismissedOn.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + LEGAL.economicDismissalMonths, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** True when a contract starting on `on` is blocked by the client's dismissal flag. */
export function blockedByEconomicDismissal(until: string | null | undefined, on: string): boolean {
  return !!until && on < until;
}
