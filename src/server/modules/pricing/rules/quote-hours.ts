import { addDays, parisInstant, weekdayOf } from '../../calendar/paris-time.js';
import { isPublicHoliday } from '../../calendar/public-holidays.js';
import { classifyMinutes, type Rate, type SurchargeKind, surchargePct } from './price-shift.js';

export type QuoteHoursInput = {
  /** Minutes for the whole period (weekly minutes × headcount × weeks). */
  minutes: number;
  /** The schedule as written in the diagnostic or the need ("21h-7h", "de 20:00 à 08:00"…). */
  schedule: string | null;
  /** The establishment said the work includes nights / weekends. */
  nights: boolean;
  weekends: boolean;
  startDate: string;
  /** Last day; four weeks when the need has no end. */
  endDate: string | null;
};

export type QuoteHoursLine = { kind: SurchargeKind; minutes: number; surchargePct: number };

/** The first time range of a schedule ("21h-7h", "20:00 – 08:00", "de 6h30 à 14h"), in minutes of the day. */
export function scheduleRange(schedule: string | null): { from: number; to: number } | null {
  const m = schedule?.match(/(\d{1,2})\s*[h:]\s*(\d{2})?\s*(?:-|–|à|a)\s*(\d{1,2})\s*[h:]?\s*(\d{2})?/i);
  if (!m) return null;
  const from = Number(m[1]) * 60 + Number(m[2] ?? 0);
  const to = Number(m[3]) * 60 + Number(m[4] ?? 0);
  if (from >= 24 * 60 || to > 24 * 60 || from === to) return null;
  return { from, to };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Splits a quote's hours into normal, night, Sunday and public-holiday minutes, so that each part carries the
 * organisation's surcharge (the same classification as the invoice: priceShift's classifyMinutes).
 * - Days: the work is spread evenly over the period's days — every day with weekends, Monday to Saturday
 *   otherwise; Sundays and public holidays of the period take their share.
 * - Night: the share of the schedule's time range that falls between 21:00 and 06:00; with no range written,
 *   all the hours when the need says nights, none otherwise.
 * Rounded to the minute; the parts always add up to the minutes given.
 */
export function splitQuoteHours(input: QuoteHoursInput, rate: Rate): QuoteHoursLine[] {
  const last = input.endDate ?? addDays(input.startDate, 27);
  let days = 0;
  let sundays = 0;
  let holidays = 0;
  for (let d = input.startDate; d <= last; d = addDays(d, 1)) {
    const sunday = weekdayOf(d) === 0;
    if (sunday && !input.weekends) continue;
    days++;
    if (isPublicHoliday(d)) holidays++;
    else if (sunday) sundays++;
  }
  const range = scheduleRange(input.schedule);
  let nightShare = input.nights ? 1 : 0;
  if (range) {
    // A plain Tuesday, 1 September 2026, measures the range: no Sunday nor holiday in it.
    const start = parisInstant('2026-09-01', hhmm(range.from));
    const end = parisInstant(range.to > range.from ? '2026-09-01' : '2026-09-02', hhmm(range.to));
    const c = classifyMinutes(start, end, {
      ...rate,
      nightSurchargePct: 1,
      sundaySurchargePct: 0,
      holidaySurchargePct: 0,
    });
    nightShare = c.night / (c.night + c.normal);
  }
  const total = input.minutes;
  const holiday = days ? Math.round((total * holidays) / days) : 0;
  const sunday = days ? Math.round((total * sundays) / days) : 0;
  const rest = total - holiday - sunday;
  // On Sundays and holidays at night the higher surcharge applies (as on the invoice); kept simple here: the
  // day surcharge, which is the higher one for every default rate.
  const night = Math.round(rest * nightShare);
  const lines: QuoteHoursLine[] = [
    { kind: 'normal', minutes: rest - night, surchargePct: 0 },
    { kind: 'night', minutes: night, surchargePct: surchargePct('night', rate) },
    { kind: 'sunday', minutes: sunday, surchargePct: surchargePct('sunday', rate) },
    { kind: 'holiday', minutes: holiday, surchargePct: surchargePct('holiday', rate) },
  ];
  return lines.filter((l) => l.minutes > 0);
}
