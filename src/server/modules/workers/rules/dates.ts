import { addDays } from '../../calendar/paris-time.js';

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb): src/shared/dates.ts. */
export { addMonths } from '../../../../shared/dates.js';

/** Age in whole years on a given day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Number of days from a to b inclusive. */
export const daysInclusive = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;

export { addDays };
