/**
 * Calendar days as "YYYY-MM-DD" strings, for both sides: plain day arithmetic, no time zone involved (a day is a
 * day in Paris as anywhere). Instants and Paris wall-clock times stay in the server's calendar/paris-time.ts and the
 * web's planning/time.ts. See docs/decisions/015-shared-format-and-dates.md.
 */

/** The day `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** The Monday of the week containing the day. */
export const mondayOf = (date: string) => addDays(date, -((weekdayOf(date) + 6) % 7));
