import { addMonths } from '../../../../shared/dates.js';
import { addDays } from '../../calendar/paris-time.js';
import { LEGAL } from '../../settings/legal-figures.js';

/**
 * The 480 h cap of the Code du travail (L5132-9, R5132-18): the hours a worker of an AI is placed with users
 * that are employers of L2211-1 may not exceed 480 over the 24 months that start with the first such
 * placement. Private individuals, private non-profits and administrative public bodies do not count (the
 * client's legal form decides); a prefect's derogation lifts the cap while it runs.
 */
export const HOURS_CAP_MINUTES = LEGAL.hoursCapMinutes;
/** From this share of the cap, the officer is warned before placing more hours. */
export const HOURS_CAP_WARNING_RATIO = LEGAL.hoursCapWarningRatio;
export const HOURS_CAP_WINDOW_MONTHS = LEGAL.hoursCapWindowMonths;

/**
 * Whether hours placed with a client count toward the cap: the clients module owns that rule (the client's
 * legal form). Its SQL twin is hours_cap_counts_legal_form(text) (migration 0027), behind hours_cap_counts(clients).
 */
export { countsForHoursCap } from '../../clients/rules/hours-cap-scope.js';
/** YYYY-MM-DD plus whole months (the day is clamped to the month's end): src/shared/dates.ts. */
export { addMonths };

export type CountedPlacement = { date: string; minutes: number };

export type HoursCapWindow = {
  /** First day of the 24-month window containing `date`; null when no counted placement starts one. */
  windowStart: string | null;
  /** Last day of that window (inclusive). */
  windowEnd: string | null;
  countedMinutes: number;
};

export type CapWindow = { windowStart: string; windowEnd: string; countedMinutes: number };

/**
 * Every 24-month window of a worker's pathway, in order: the first counted placement opens one; the first
 * counted placement after it has run out opens the next. The database keeps the same chain in
 * hours_cap_windows (refresh_hours_cap_windows, migration 0020) for set-based reads.
 */
export function hoursCapWindowChain(placements: readonly CountedPlacement[]): CapWindow[] {
  const sorted = [...placements].sort((a, b) => a.date.localeCompare(b.date));
  const chain: CapWindow[] = [];
  for (const p of sorted) {
    let last = chain[chain.length - 1];
    if (!last || p.date > last.windowEnd) {
      last = { windowStart: p.date, windowEnd: windowEndOf(p.date), countedMinutes: 0 };
      chain.push(last);
    }
    last.countedMinutes += p.minutes;
  }
  return chain;
}

const windowEndOf = (start: string) => addDays(addMonths(start, HOURS_CAP_WINDOW_MONTHS), -1);

/**
 * The 24-month window that applies on `date` and the minutes already counted in it. A window opens with the
 * first counted placement; when it has run out, the next counted placement opens a new one.
 */
export function hoursCapWindow(
  placements: readonly CountedPlacement[],
  date: string,
  options: { placingOn?: boolean } = {},
): HoursCapWindow {
  const running = hoursCapWindowChain(placements).find((w) => w.windowStart <= date && date <= w.windowEnd);
  if (running) return running;
  if (!options.placingOn) return { windowStart: null, windowEnd: null, countedMinutes: 0 };
  // No window runs on that day: a placement then opens one, which also holds the placements planned after.
  const end = windowEndOf(date);
  const countedMinutes = placements.filter((p) => p.date >= date && p.date <= end).reduce((s, p) => s + p.minutes, 0);
  return { windowStart: date, windowEnd: end, countedMinutes };
}

export type HoursCapVerdict = { code: 'ok' | 'warning' | 'enterprise_hours_cap'; ratio: number };

/** Adding `addedMinutes` of counted placement to `countedMinutes`: refused above 480 h unless a derogation runs. */
export function hoursCapVerdict(countedMinutes: number, addedMinutes: number, derogation: boolean): HoursCapVerdict {
  const total = countedMinutes + addedMinutes;
  const ratio = total / HOURS_CAP_MINUTES;
  if (derogation) return { code: 'ok', ratio };
  if (total > HOURS_CAP_MINUTES) return { code: 'enterprise_hours_cap', ratio };
  if (ratio >= HOURS_CAP_WARNING_RATIO) return { code: 'warning', ratio };
  return { code: 'ok', ratio };
}

/** A prefect's derogation runs on `date` when it falls between its bounds (an open end runs on). */
export function derogationRuns(from: string | null, to: string | null, date: string): boolean {
  if (!from) return false;
  return from <= date && (!to || date <= to);
}
