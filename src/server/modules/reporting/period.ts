import { addDays, parisInstant, parisToday } from '../calendar/paris-time.js';

export type Period = { from: string; to: string };

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf({ from, to }: Period): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last || out.length > 240) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/**
 * A dashboard shows what happened: the period ends today at the latest, so that shifts merely planned later in
 * the month are not counted as worked (PRODUCT.md: hours worked, never merely planned).
 */
export function pastPart(period: Period, now: Date): Period {
  const today = parisToday(now);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, compared in lexical order.
  return { from: period.from, to: period.to > today ? today : period.to };
}

/** [start, end) instants of a period of Paris dates. */
export function instantsOf({ from, to }: Period) {
  return { start: parisInstant(from), end: parisInstant(addDays(to, 1)) };
}
