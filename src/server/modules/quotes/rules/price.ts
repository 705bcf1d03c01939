import { parisParts } from '../../calendar/paris-time.js';
import { isPublicHoliday } from '../../calendar/public-holidays.js';

/** API.md: a quote line's total is round(minutes × hourlyRateCents / 60), in integer cents. */
export function lineTotalCents(minutes: number, hourlyRateCents: number): number {
  return Math.round((minutes * hourlyRateCents) / 60);
}

export const quoteTotalCents = (lines: readonly { minutes: number; hourlyRateCents: number }[]) =>
  lines.reduce((sum, l) => sum + lineTotalCents(l.minutes, l.hourlyRateCents), 0);

/** The hourly amount of a surcharge: rate × pct / 100, rounded to the cent. */
export const surchargeRateCents = (hourlyRateCents: number, pct: number) => Math.round((hourlyRateCents * pct) / 100);

/** Night is 21:00–06:00, Europe/Paris (the rates' night surcharge). */
export const NIGHT_STARTS_HOUR = 21;
export const NIGHT_ENDS_HOUR = 6;

export type SurchargeMinutes = {
  minutes: number;
  nightMinutes: number;
  /** Sunday minutes that are not on a public holiday. */
  sundayMinutes: number;
  /** Public-holiday minutes (a Sunday that is a public holiday counts here only: the two do not add up). */
  holidayMinutes: number;
};

/**
 * Splits a period into the minutes that carry a surcharge, by Paris wall-clock time.
 * Paris offsets are whole hours, so the Paris hour and date are constant between two UTC hour marks.
 */
export function surchargeMinutes(start: Date, end: Date): SurchargeMinutes {
  const out: SurchargeMinutes = { minutes: 0, nightMinutes: 0, sundayMinutes: 0, holidayMinutes: 0 };
  let t = start.getTime();
  const stop = end.getTime();
  while (t < stop) {
    const next = Math.min(stop, (Math.floor(t / 3_600_000) + 1) * 3_600_000);
    const minutes = Math.round((next - t) / 60_000);
    const p = parisParts(new Date(t));
    out.minutes += minutes;
    if (p.hour >= NIGHT_STARTS_HOUR || p.hour < NIGHT_ENDS_HOUR) out.nightMinutes += minutes;
    if (isPublicHoliday(p.date)) out.holidayMinutes += minutes;
    else if (p.weekday === 0) out.sundayMinutes += minutes;
    t = next;
  }
  return out;
}

export type RateTerms = {
  hourlyRateCents: number;
  nightSurchargePct: number;
  sundaySurchargePct: number;
  holidaySurchargePct: number;
  travelFeeCents: number;
  minimumBilledMinutes: number;
};

export type ShiftPrice = SurchargeMinutes & {
  billedMinutes: number;
  baseCents: number;
  nightCents: number;
  sundayCents: number;
  holidayCents: number;
  travelFeeCents: number;
  totalCents: number;
};

/**
 * The price of one period of work under a rate: the base on the billed minutes (at least the rate's
 * minimum), plus the night surcharge (cumulative with the day's), plus either the Sunday or the public
 * holiday surcharge, plus the travel fee. Each part is rounded to the cent on its own, as it is printed.
 */
export function priceShift(start: Date, end: Date, rate: RateTerms): ShiftPrice {
  const m = surchargeMinutes(start, end);
  const billedMinutes = Math.max(m.minutes, rate.minimumBilledMinutes);
  const baseCents = lineTotalCents(billedMinutes, rate.hourlyRateCents);
  const part = (minutes: number, pct: number) => lineTotalCents(minutes, surchargeRateCents(rate.hourlyRateCents, pct));
  const nightCents = part(m.nightMinutes, rate.nightSurchargePct);
  const sundayCents = part(m.sundayMinutes, rate.sundaySurchargePct);
  const holidayCents = part(m.holidayMinutes, rate.holidaySurchargePct);
  return {
    ...m,
    billedMinutes,
    baseCents,
    nightCents,
    sundayCents,
    holidayCents,
    travelFeeCents: rate.travelFeeCents,
    totalCents: baseCents + nightCents + sundayCents + holidayCents + rate.travelFeeCents,
  };
}
