/**
 * Fast Europe/Paris wall-clock arithmetic for the planning's hot loops (ranking, auto-planner), where Intl is
 * too slow to call a million times. France follows the EU rule: UTC+2 from the last Sunday of March 01:00 UTC
 * to the last Sunday of October 01:00 UTC, UTC+1 otherwise. calendar/paris-time.ts stays the reference.
 */
const boundsByYear = new Map<number, [number, number]>();

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1, 0, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.getTime();
}

/** Offset of Paris from UTC at this instant, in milliseconds. */
export function parisOffsetMs(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  let b = boundsByYear.get(year);
  if (!b) {
    b = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    boundsByYear.set(year, b);
  }
  return ms >= b[0] && ms < b[1] ? 7_200_000 : 3_600_000;
}

export type ParisClock = {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes since Paris midnight. */
  minuteOfDay: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** The Monday (YYYY-MM-DD) of the week. */
  monday: string;
  /** YYYY-MM */
  month: string;
};

export function parisClock(ms: number): ParisClock {
  const local = new Date(ms + parisOffsetMs(ms));
  const date = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay();
  const monday = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((weekday + 6) % 7)),
  )
    .toISOString()
    .slice(0, 10);
  return {
    date,
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
    weekday,
    monday,
    month: date.slice(0, 7),
  };
}

/** The Paris calendar date of an instant, fast. */
export const parisDay = (ms: number) => new Date(ms + parisOffsetMs(ms)).toISOString().slice(0, 10);

/**
 * The instant (ms) of Paris midnight starting `date` (YYYY-MM-DD), fast. Midnight never falls in the hour the
 * clocks skip (they change at 02:00 and 03:00 local), so the offset an hour before UTC midnight settles it.
 */
export function parisMidnightMs(date: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  return utc - parisOffsetMs(utc - 3_600_000);
}
