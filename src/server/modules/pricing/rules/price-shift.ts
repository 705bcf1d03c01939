import { addDays, parisInstant, parisParts } from '../../calendar/paris-time.js';
import { isPublicHoliday } from '../../calendar/public-holidays.js';

/**
 * Pricing of one intervention (a shift as worked), for the invoice of an Association Intermédiaire.
 *
 * Rules (documented in docs/guide/billing.md):
 * - Minutes are classified in Europe/Paris wall-clock time: night is 21:00–06:00, Sunday is the whole
 *   Paris Sunday, a public holiday is one of the 11 days of Code du travail L3133-1.
 * - One surcharge per minute. A public holiday replaces Sunday (a Sunday that is a public holiday is
 *   priced as a public holiday). Between the day surcharge (holiday or Sunday) and the night surcharge,
 *   the higher percentage applies; on a tie the day surcharge is kept.
 * - Breaks are deducted from the cheapest minutes first (normal, then the lowest surcharge): the client
 *   never pays a surcharge for a break.
 * - Minimum billed duration: when the minutes worked are below the rate's minimum, the difference is
 *   billed on a separate "minimum" line at the normal hourly rate.
 * - Travel fee: once per intervention.
 * - Amounts are integer cents. One rounding rule: round half up, once per invoice line
 *   (lineAmountCents), never on intermediate values.
 * - DST: instants are real UTC instants, so the night of the change to summer time has one hour less
 *   and the night back to winter time one hour more, as worked.
 */

export type SurchargeKind = 'normal' | 'night' | 'sunday' | 'holiday';
export type LineKind = SurchargeKind | 'minimum' | 'travel';

export type Rate = {
  hourlyRateCents: number;
  nightSurchargePct: number;
  sundaySurchargePct: number;
  holidaySurchargePct: number;
  travelFeeCents: number;
  minimumBilledMinutes: number;
};

export type PricedLine = {
  kind: LineKind;
  /** Minutes billed on this line (0 for travel). */
  minutes: number;
  /** Quantity: 1 for travel, else 0. */
  count: number;
  surchargePct: number;
  /** Hourly price with the surcharge, in cents (may be fractional: e.g. 1 855 × 1.25). */
  hourlyCents: number;
  totalCents: number;
};

export type PricedShift = {
  workedMinutes: number;
  billedMinutes: number;
  minutes: Record<SurchargeKind, number>;
  lines: PricedLine[];
  totalCents: number;
};

/** Round half up of a non-negative rational n / d (integers). */
export function roundHalfUp(n: number, d: number): number {
  if (n < 0 || d <= 0) throw new Error('roundHalfUp expects n >= 0 and d > 0');
  return Math.floor((2 * n + d) / (2 * d));
}

/** The amount of a line: minutes × hourly rate × (1 + pct/100) / 60, rounded half up to the cent. */
export function lineAmountCents(minutes: number, hourlyRateCents: number, surchargePct: number): number {
  return roundHalfUp(minutes * hourlyRateCents * (100 + surchargePct), 6000);
}

/** The Paris day of a minute's start decides Sunday and public holiday; its hour decides night. */
export function classifyMinutes(start: Date, end: Date, rate: Rate): Record<SurchargeKind, number> {
  const out: Record<SurchargeKind, number> = { normal: 0, night: 0, sunday: 0, holiday: 0 };
  const startDay = parisParts(start).date;
  const endDay = parisParts(new Date(end.getTime() - 1)).date;
  // Boundaries: each Paris midnight, 06:00 and 21:00 inside the shift.
  const cuts = new Set<number>([start.getTime(), end.getTime()]);
  for (let d = addDays(startDay, -1); d <= addDays(endDay, 1); d = addDays(d, 1)) {
    for (const t of ['00:00', '06:00', '21:00']) {
      const at = parisInstant(d, t).getTime();
      if (at > start.getTime() && at < end.getTime()) cuts.add(at);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const from = new Date(points[i]);
    const minutes = Math.round((points[i + 1] - points[i]) / 60_000);
    const p = parisParts(from);
    const night = p.hour >= 21 || p.hour < 6;
    const day: SurchargeKind | null = isPublicHoliday(p.date) ? 'holiday' : p.weekday === 0 ? 'sunday' : null;
    let kind: SurchargeKind = 'normal';
    if (day && night) {
      const dayPct = day === 'holiday' ? rate.holidaySurchargePct : rate.sundaySurchargePct;
      kind = rate.nightSurchargePct > dayPct ? 'night' : day;
    } else if (day) kind = day;
    else if (night) kind = 'night';
    out[kind] += minutes;
  }
  return out;
}

export const surchargePct = (kind: SurchargeKind, rate: Rate) =>
  kind === 'night'
    ? rate.nightSurchargePct
    : kind === 'sunday'
      ? rate.sundaySurchargePct
      : kind === 'holiday'
        ? rate.holidaySurchargePct
        : 0;

/** Prices one intervention with the rate effective on its day (the caller looks the rate up). */
export function priceShift(o: { start: Date; end: Date; breakMinutes?: number; rate: Rate }): PricedShift {
  const { rate } = o;
  if (o.end.getTime() <= o.start.getTime()) throw new Error('A shift ends after it starts');
  const minutes = classifyMinutes(o.start, o.end, rate);
  // Breaks come off the cheapest minutes first.
  let breakLeft = Math.max(0, o.breakMinutes ?? 0);
  const order = (['normal', 'night', 'sunday', 'holiday'] as SurchargeKind[]).sort(
    (a, b) => surchargePct(a, rate) - surchargePct(b, rate),
  );
  for (const k of order) {
    const take = Math.min(breakLeft, minutes[k]);
    minutes[k] -= take;
    breakLeft -= take;
  }
  const workedMinutes = minutes.normal + minutes.night + minutes.sunday + minutes.holiday;
  const lines: PricedLine[] = [];
  for (const kind of ['normal', 'night', 'sunday', 'holiday'] as SurchargeKind[]) {
    if (minutes[kind] === 0) continue;
    const pct = surchargePct(kind, rate);
    lines.push({
      kind,
      minutes: minutes[kind],
      count: 0,
      surchargePct: pct,
      hourlyCents: (rate.hourlyRateCents * (100 + pct)) / 100,
      totalCents: lineAmountCents(minutes[kind], rate.hourlyRateCents, pct),
    });
  }
  const topUp = Math.max(0, rate.minimumBilledMinutes - workedMinutes);
  if (topUp > 0) {
    lines.push({
      kind: 'minimum',
      minutes: topUp,
      count: 0,
      surchargePct: 0,
      hourlyCents: rate.hourlyRateCents,
      totalCents: lineAmountCents(topUp, rate.hourlyRateCents, 0),
    });
  }
  if (rate.travelFeeCents > 0) {
    lines.push({
      kind: 'travel',
      minutes: 0,
      count: 1,
      surchargePct: 0,
      hourlyCents: 0,
      totalCents: rate.travelFeeCents,
    });
  }
  return {
    workedMinutes,
    billedMinutes: workedMinutes + topUp,
    minutes,
    lines,
    totalCents: lines.reduce((s, l) => s + l.totalCents, 0),
  };
}

export type AggregatedLine = {
  key: string;
  kind: LineKind;
  rome: string;
  workerId: string | null;
  surchargePct: number;
  hourlyRateCents: number;
  unitCents: number;
  minutes: number;
  count: number;
  totalCents: number;
};

/**
 * Groups priced interventions into invoice lines (per job, worker, line kind and rate) and rounds
 * once per line: the invoice's total is the sum of its rounded lines.
 */
export function aggregateLines(
  items: { rome: string; workerId: string | null; rate: Rate; priced: PricedShift }[],
): AggregatedLine[] {
  const map = new Map<string, AggregatedLine>();
  for (const it of items) {
    for (const l of it.priced.lines) {
      const unit = l.kind === 'travel' ? it.rate.travelFeeCents : it.rate.hourlyRateCents;
      const key = [it.rome, it.workerId ?? '', l.kind, unit, l.surchargePct].join('|');
      const row = map.get(key) ?? {
        key,
        kind: l.kind,
        rome: it.rome,
        workerId: it.workerId,
        surchargePct: l.surchargePct,
        hourlyRateCents: l.kind === 'travel' ? 0 : unit,
        unitCents: l.kind === 'travel' ? unit : 0,
        minutes: 0,
        count: 0,
        totalCents: 0,
      };
      row.minutes += l.minutes;
      row.count += l.count;
      map.set(key, row);
    }
  }
  for (const row of map.values()) {
    row.totalCents =
      row.kind === 'travel'
        ? row.count * row.unitCents
        : lineAmountCents(row.minutes, row.hourlyRateCents, row.surchargePct);
  }
  return [...map.values()];
}
