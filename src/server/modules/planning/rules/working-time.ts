import { addDays } from '../../calendar/paris-time.js';
import { LEGAL } from '../../settings/legal-figures.js';

/**
 * The working-time rules of the Code du travail that bound a worker's planning, as pure functions. Each takes
 * what it needs and answers null (allowed) or the broken rule: its code, its article and the figures a
 * coordinator needs to understand the refusal. checkAssignment (./assignment.ts) calls them on every path
 * (assign, move, auto-plan, proposal accept, ranking).
 */
export type WorkingTimeCode =
  | 'daily_hours_exceeded'
  | 'average_weekly_hours_exceeded'
  | 'weekly_rest'
  | 'six_days_a_week'
  | 'contract_hours_exceeded'
  | 'minor_night_work'
  | 'minor_hours_exceeded';

export type WorkingTimeBreach = {
  code: WorkingTimeCode;
  article: string;
  limitMinutes?: number;
  totalMinutes?: number;
};

/** The organisation's choices within the law (settings). */
export type WorkingTimeLimits = {
  /** 10 h (L3121-18) or up to 12 h when a collective agreement allows it (L3121-19). */
  dailyMaxMinutes: number;
  /** 1/10 (L3123-20) or up to 1/3 by agreement (L3123-21). */
  complementaryShare: number;
};

export const DEFAULT_LIMITS: WorkingTimeLimits = {
  dailyMaxMinutes: LEGAL.dailyWorkMaxMinutes,
  complementaryShare: LEGAL.complementaryHoursShare,
};

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whole years of age on `date` (YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Whether a shift from `startMinute` (0–1439, Paris) to `endMinute` (may pass 1440 when it ends the next day)
 * touches the night from `from` to `to` (e.g. 21:00–06:00).
 */
export function touchesNight(startMinute: number, endMinute: number, from: string, to: string): boolean {
  const f = minuteOf(from);
  const t = minuteOf(to);
  return startMinute < t || endMinute > f;
}

/** L3121-18 / L3162-1: the day's work with the new shift. */
export function dailyHoursBreach(o: {
  dayMinutes: number;
  minor: boolean;
  limits: WorkingTimeLimits;
}): WorkingTimeBreach | null {
  if (o.minor && o.dayMinutes > LEGAL.minorDailyMaxMinutes) {
    return {
      code: 'minor_hours_exceeded',
      article: 'L3162-1',
      limitMinutes: LEGAL.minorDailyMaxMinutes,
      totalMinutes: o.dayMinutes,
    };
  }
  const max = Math.min(o.limits.dailyMaxMinutes, LEGAL.dailyWorkMaxByAgreementMinutes);
  if (o.dayMinutes > max) {
    return {
      code: 'daily_hours_exceeded',
      article: max > LEGAL.dailyWorkMaxMinutes ? 'L3121-19' : 'L3121-18',
      limitMinutes: max,
      totalMinutes: o.dayMinutes,
    };
  }
  return null;
}

/** L3162-1: a worker under 18 works 35 h a week at most. */
export function minorWeeklyBreach(o: { weekMinutes: number; minor: boolean }): WorkingTimeBreach | null {
  if (o.minor && o.weekMinutes > LEGAL.minorWeeklyMaxMinutes) {
    return {
      code: 'minor_hours_exceeded',
      article: 'L3162-1',
      limitMinutes: LEGAL.minorWeeklyMaxMinutes,
      totalMinutes: o.weekMinutes,
    };
  }
  return null;
}

/** L3163-1, L3163-2: no work between 22:00 and 06:00 for a worker under 18. */
export function minorNightBreach(o: {
  startMinute: number;
  endMinute: number;
  minor: boolean;
}): WorkingTimeBreach | null {
  if (o.minor && touchesNight(o.startMinute, o.endMinute, LEGAL.minorNightStart, LEGAL.minorNightEnd)) {
    return { code: 'minor_night_work', article: 'L3163-2' };
  }
  return null;
}

/**
 * L3123-20, L3123-21, L3123-9: a part-time contract bounds the week to its hours plus the complementary hours
 * allowed, and never up to the legal duration. A full-time contract is bounded by the legal maxima only.
 */
export function contractHoursBreach(o: {
  weekMinutes: number;
  contractWeeklyMinutes: number | null;
  limits: WorkingTimeLimits;
}): WorkingTimeBreach | null {
  const c = o.contractWeeklyMinutes;
  if (c === null || c >= LEGAL.legalWeeklyMinutes) return null;
  const share = Math.min(o.limits.complementaryShare, LEGAL.complementaryHoursShareByAgreement);
  const limit = Math.min(Math.floor(c * (1 + share)), LEGAL.legalWeeklyMinutes - 1);
  if (o.weekMinutes > limit) {
    return {
      code: 'contract_hours_exceeded',
      article: share > LEGAL.complementaryHoursShare ? 'L3123-21' : 'L3123-20',
      limitMinutes: limit,
      totalMinutes: o.weekMinutes,
    };
  }
  return null;
}

/**
 * L3121-22: 44 h a week on average over any 12 consecutive weeks. `weekMinutes(monday)` gives the minutes of
 * each week with the new shift included; every 12-week period holding the shift's week is checked.
 */
export function averageWeeklyBreach(o: {
  monday: string;
  weekMinutes: (monday: string) => number;
}): WorkingTimeBreach | null {
  const n = LEGAL.averageWeeks;
  for (let k = 0; k < n; k++) {
    const first = addDays(o.monday, -7 * k);
    let total = 0;
    for (let i = 0; i < n; i++) total += o.weekMinutes(addDays(first, 7 * i));
    if (total > LEGAL.averageWeeklyMaxMinutes * n) {
      return {
        code: 'average_weekly_hours_exceeded',
        article: 'L3121-22',
        limitMinutes: LEGAL.averageWeeklyMaxMinutes,
        totalMinutes: Math.round(total / n),
      };
    }
  }
  return null;
}

/** L3132-1: at most 6 days of work in one week (Monday to Sunday). */
export function sixDaysBreach(o: { workDays: readonly string[] }): WorkingTimeBreach | null {
  const days = new Set(o.workDays);
  if (days.size > LEGAL.maxWorkDaysPerWeek) return { code: 'six_days_a_week', article: 'L3132-1' };
  return null;
}

/**
 * L3132-2: in each week, a rest of 24 consecutive hours plus the 11 h of daily rest (35 h). `work` holds the
 * work periods around the week (the new shift included); a gap of 35 h that overlaps the week satisfies it.
 * Periods not loaded count as rest (the caller loads the week and a margin on both sides).
 */
export function weeklyRestBreach(o: {
  weekStartMs: number;
  weekEndMs: number;
  work: readonly { startMs: number; endMs: number }[];
}): WorkingTimeBreach | null {
  const sorted = [...o.work].sort((a, b) => a.startMs - b.startMs);
  const need = LEGAL.weeklyRestMinutes * 60_000;
  let restFrom = Number.NEGATIVE_INFINITY;
  for (const p of sorted) {
    if (p.startMs - restFrom >= need && p.startMs > o.weekStartMs && restFrom < o.weekEndMs) return null;
    restFrom = Math.max(restFrom, p.endMs);
  }
  if (restFrom < o.weekEndMs) return null;
  return { code: 'weekly_rest', article: 'L3132-2', limitMinutes: LEGAL.weeklyRestMinutes };
}
