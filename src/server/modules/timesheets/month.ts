import { ruleBroken } from '../../http/errors.js';
import { addDays, monthBounds, parisInstant } from '../calendar/paris-time.js';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The instants [from, to) of a Paris month, and its first and last days. */
export function monthRange(month: string) {
  if (!MONTH_RE.test(month))
    throw ruleBroken('invalid_month', `Le mois « ${month} » n’existe pas : écrivez-le AAAA-MM.`);
  const { first, last } = monthBounds(month);
  return { first, last, from: parisInstant(first), to: parisInstant(addDays(last, 1)) };
}

/** "2026-11" → "novembre 2026": src/shared/format.ts. */
export { frenchMonth } from '../../../shared/format.js';
