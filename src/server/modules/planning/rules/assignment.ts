import { formatMinutes } from '../../../../shared/format.js';
import { addDays } from '../../calendar/paris-time.js';
import { dangerousWork } from '../../quotes/rules/dangerous-jobs.js';
import { LEGAL } from '../../settings/legal-figures.js';
import { type PassOnDay, passDayProblem } from '../../workers/rules/pass-dates.js';
import { derogationRuns, HOURS_CAP_MINUTES, hoursCapVerdict } from './hours-cap.js';
import { parisClock, parisDay, parisMidnightMs } from './paris-clock.js';
import {
  ageOn,
  averageWeeklyBreach,
  contractHoursBreach,
  DEFAULT_LIMITS,
  dailyHoursBreach,
  minorNightBreach,
  minorWeeklyBreach,
  sixDaysBreach,
  touchesNight,
  type WorkingTimeBreach,
  type WorkingTimeLimits,
  weeklyRestBreach,
} from './working-time.js';

/**
 * Every hard constraint of an assignment, in one place (PRODUCT.md, planning). Pure: the facts are loaded by
 * ../assignment-facts.ts in a few set-based queries, so that the same code checks one assignment, ranks
 * 12 000 candidates or plans 2 000 shifts.
 */
export const RULE_CODES = [
  'worker_overlap',
  'pass_not_valid',
  'enterprise_hours_cap',
  'no_employment_contract',
  'dangerous_job',
  'job_not_held',
  'worker_excluded_by_client',
  'worker_unavailable',
  'daily_rest',
  'weekly_hours_exceeded',
  'daily_hours_exceeded',
  'average_weekly_hours_exceeded',
  'weekly_rest',
  'six_days_a_week',
  'contract_hours_exceeded',
  'minor_night_work',
  'minor_hours_exceeded',
  'information_visit_required',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** Code du travail L3131-1: 11 consecutive hours of rest between two working days. */
export const DAILY_REST_MINUTES = LEGAL.dailyRestMinutes;
/** Code du travail L3121-20: never more than 48 h in one week. */
export const LEGAL_WEEKLY_MAX_MINUTES = LEGAL.weeklyWorkMaxMinutes;
/** A shift never lasts more than 12 h (also a database constraint). */
export const MAX_SHIFT_MINUTES = LEGAL.shiftMaxMinutes;

const HOUR = 3_600_000;

/** The shift to be given, with what the rules need precomputed (Paris dates, week, month). */
export type Slot = {
  id: string | null;
  startMs: number;
  endMs: number;
  minutes: number;
  clientId: string;
  clientName: string;
  clientCounts: boolean;
  /** The client's legal form is unknown: its hours count (safe side) and the officer is asked to complete it. */
  clientLegalFormUnknown: boolean;
  rome: string;
  romeLabel: string;
  startDate: string;
  /** Paris date of the last minute of the shift (a night shift ends the next day). */
  lastDate: string;
  monday: string;
  month: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
  siteLat: number | null;
  siteLon: number | null;
};

export function makeSlot(o: {
  id?: string | null;
  start: Date;
  end: Date;
  clientId: string;
  clientName: string;
  clientCounts: boolean;
  clientLegalFormUnknown?: boolean;
  rome: string;
  romeLabel?: string;
  siteLat?: number | null;
  siteLon?: number | null;
}): Slot {
  const startMs = o.start.getTime();
  const endMs = o.end.getTime();
  const s = parisClock(startMs);
  const e = parisClock(endMs);
  return {
    id: o.id ?? null,
    startMs,
    endMs,
    minutes: Math.round((endMs - startMs) / 60_000),
    clientId: o.clientId,
    clientName: o.clientName,
    clientCounts: o.clientCounts,
    clientLegalFormUnknown: o.clientLegalFormUnknown ?? false,
    rome: o.rome,
    romeLabel: o.romeLabel ?? o.rome,
    startDate: s.date,
    lastDate: parisDay(endMs - 60_000),
    monday: s.monday,
    month: s.month,
    weekday: s.weekday,
    startMinute: s.minuteOfDay,
    endMinute: e.date === s.date ? e.minuteOfDay : 24 * 60 + e.minuteOfDay,
    siteLat: o.siteLat ?? null,
    siteLon: o.siteLon ?? null,
  };
}

export type BusyShift = { id: string; startMs: number; endMs: number; startDate: string; clientName: string };

/** What the rules know about one worker around the slots being checked. */
export type WorkerFacts = {
  id: string;
  organisationId: string;
  name: string;
  firstName: string;
  lat: number | null;
  lon: number | null;
  maxMinutesPerWeek: number | null;
  weeklyAvailability: Record<string, [string, string][]>;
  derogationFrom: string | null;
  derogationTo: string | null;
  targetJobs: string[];
  /** rome → level 1..3 */
  jobs: Map<string, number>;
  /** With their suspensions and pending prolongation: validity on a day is decided by workers/rules/pass-dates.ts. */
  passes: PassOnDay[];
  contracts: { startDate: string; endDate: string | null; weeklyMinutes: number }[];
  /** Declared unavailabilities and absences. */
  unavailable: { startMs: number; endMs: number; reason: string }[];
  /** Assigned shifts near the slots (overlap and daily rest). */
  shifts: BusyShift[];
  /** monday → minutes assigned that week */
  weekMinutes: Map<string, number>;
  /** YYYY-MM → minutes assigned that month */
  monthMinutes: Map<string, number>;
  /** Clients that asked not to receive this worker. */
  excludedBy: Set<string>;
  /** clientId → shifts worked there over the last 12 months */
  continuity: Map<string, number>;
  /** The 480 h window: counted minutes and its bounds (null: no window opened yet). */
  cap: { windowStart: string | null; windowEnd: string | null; countedMinutes: number; exact: boolean };
  /** For the rules protecting workers under 18 (L3162-1, L3163-2); unknown: treated as an adult. */
  birthDate?: string | null;
  /** Day the medical information visit was done (R5132-26-7); null: not done yet. */
  informationVisitDoneOn?: string | null;
  /** The organisation's choices within the law (daily maximum by agreement, complementary hours). */
  limits?: WorkingTimeLimits;
};

export type Violation = { code: RuleCode; status: 409 | 422; message: string };
export type Verdict = { ok: true; warnings: string[] } | { ok: false; violation: Violation };

const d = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const hm = (minute: number) =>
  `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const hours = formatMinutes;
const slotLabel = (s: Slot) => `le ${d(s.startDate)} de ${hm(s.startMinute)} à ${hm(s.endMinute)}`;

/**
 * A refusal whose message is written only when read: ranking and planning try thousands of workers per slot and
 * most tries are refused (busy, resting), so formatting each refusal's dates would cost more than the check itself.
 */
const fail = (code: RuleCode, message: () => string): Verdict => {
  let text: string | undefined;
  return {
    ok: false,
    violation: {
      code,
      status: code === 'worker_overlap' ? 409 : 422,
      get message() {
        text ??= message();
        return text;
      },
    },
  };
};

/** Whether the 480 h cap window applies on `date` (a new window opens when the previous one has run out). */
function capCountedOn(w: WorkerFacts, date: string) {
  if (!w.cap.windowStart || !w.cap.windowEnd || date > w.cap.windowEnd || date < w.cap.windowStart) {
    return { counted: 0, windowStart: date };
  }
  return { counted: w.cap.countedMinutes, windowStart: w.cap.windowStart };
}

function timeToMinute(t: string) {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
}

/** Checks every hard constraint of giving `slot` to worker `w`; the first broken rule is reported. */
export function checkAssignment(slot: Slot, w: WorkerFacts): Verdict {
  const name = w.name;

  // One worker cannot be in two places at once (also the exclusion constraint shifts_no_overlap).
  for (const o of w.shifts) {
    if (o.id !== slot.id && o.startMs < slot.endMs && slot.startMs < o.endMs) {
      return fail('worker_overlap', () => {
        const oc = parisClock(o.startMs);
        return `${name} travaille déjà le ${d(oc.date)} à ${hm(oc.minuteOfDay)} (${o.clientName}) : ce créneau ${slotLabel(slot)} se chevauche avec le sien. Choisissez une autre personne ou un autre horaire.`;
      });
    }
  }

  // No shift on a day without a valid PASS IAE, nor on a day it is suspended (PRODUCT.md, L5132-8; les-emplois).
  for (const day of slot.lastDate === slot.startDate ? [slot.startDate] : [slot.startDate, slot.lastDate]) {
    const problem = passDayProblem(w.passes, day, name);
    if (problem) return fail('pass_not_valid', () => `${problem} (créneau ${slotLabel(slot)})`);
  }

  // 480 h over 24 months with users that are private-law employers (L5132-9, R5132-18): hoursCapVerdict is
  // the one verdict, tested by rows in hours-cap.test.ts.
  const warnings: string[] = [];
  if (slot.clientCounts) {
    const { counted, windowStart } = capCountedOn(w, slot.startDate);
    const derogation = derogationRuns(w.derogationFrom, w.derogationTo, slot.startDate);
    const verdict = hoursCapVerdict(counted, slot.minutes, derogation);
    const total = counted + slot.minutes;
    if (verdict.code === 'enterprise_hours_cap') {
      return fail(
        'enterprise_hours_cap',
        () =>
          `${name} a déjà ${hours(counted)} de mise à disposition chez des employeurs de droit privé depuis le ${d(windowStart)} : le créneau ${slotLabel(slot)} chez ${slot.clientName} dépasserait le plafond de 480 h sur 24 mois (art. L5132-9 du Code du travail). Choisissez une autre personne ou obtenez une dérogation du préfet.`,
      );
    }
    if (verdict.code === 'warning' && !derogation) {
      warnings.push(
        `${name} atteindra ${hours(total)} sur les 480 h autorisées chez des employeurs de droit privé (${Math.round((total / HOURS_CAP_MINUTES) * 100)} %).`,
      );
    }
    if (slot.clientLegalFormUnknown) {
      warnings.push(
        `La forme juridique de ${slot.clientName} n’est pas renseignée : par prudence, ces heures comptent dans le plafond de 480 h. Complétez la fiche du client.`,
      );
    }
  }

  // An employment contract covering the day.
  if (!w.contracts.some((c) => c.startDate <= slot.startDate && (c.endDate === null || slot.startDate <= c.endDate))) {
    return fail(
      'no_employment_contract',
      () =>
        `${name} n’a pas de contrat de travail couvrant le ${d(slot.startDate)} : établissez ou prolongez son contrat avant de lui confier ce créneau.`,
    );
  }

  // Particularly dangerous work is never placed (D4154-1).
  const danger = dangerousWork(slot.rome);
  if (danger) {
    return fail(
      'dangerous_job',
      () =>
        `Le métier ${slot.romeLabel} (${slot.rome}) relève des travaux particulièrement dangereux interdits aux salariés mis à disposition : ${danger}. ${name} ne peut pas y être affecté·e.`,
    );
  }

  if (!w.jobs.has(slot.rome)) {
    return fail(
      'job_not_held',
      () =>
        `${name} n’exerce pas le métier ${slot.romeLabel} (${slot.rome}) : ajoutez ce métier à sa fiche si elle ou il le maîtrise, ou choisissez une autre personne.`,
    );
  }

  if (w.excludedBy.has(slot.clientId)) {
    return fail(
      'worker_excluded_by_client',
      () => `${slot.clientName} a demandé à ne plus recevoir ${name} : choisissez une autre personne.`,
    );
  }

  for (const u of w.unavailable) {
    if (u.startMs < slot.endMs && slot.startMs < u.endMs) {
      return fail(
        'worker_unavailable',
        () =>
          `${name} est indisponible ${slotLabel(slot)} (${u.reason}) : choisissez une autre personne ou un autre horaire.`,
      );
    }
  }
  const pattern = w.weeklyAvailability;
  if (pattern && Object.keys(pattern).length > 0) {
    const ranges = pattern[String(slot.weekday)] ?? [];
    const fits = ranges.some(([a, b]) => {
      const from = timeToMinute(a);
      const to = b === '00:00' || b === '24:00' ? 24 * 60 : timeToMinute(b);
      return from <= slot.startMinute && Math.min(slot.endMinute, 24 * 60) <= to;
    });
    if (!fits) {
      return fail(
        'worker_unavailable',
        () =>
          `${name} a déclaré ne pas être disponible ${slotLabel(slot)} (ses disponibilités habituelles) : choisissez une autre personne ou un autre horaire.`,
      );
    }
  }

  // 11 h of rest between two working days (L3131-1); a split shift within one day is allowed.
  for (const o of w.shifts) {
    if (o.id === slot.id) continue;
    const gap = o.startMs >= slot.endMs ? o.startMs - slot.endMs : slot.startMs - o.endMs;
    if (gap >= 0 && gap < 11 * HOUR && o.startDate !== slot.startDate) {
      return fail(
        'daily_rest',
        () =>
          `${name} n’aurait que ${hours(Math.round(gap / 60_000))} de repos entre ce créneau ${slotLabel(slot)} et son autre créneau chez ${o.clientName} : il faut 11 h de repos entre deux journées (art. L3131-1 du Code du travail).`,
      );
    }
  }

  const weekMax = Math.min(w.maxMinutesPerWeek ?? LEGAL_WEEKLY_MAX_MINUTES, LEGAL_WEEKLY_MAX_MINUTES);
  const weekTotal = (w.weekMinutes.get(slot.monday) ?? 0) + slot.minutes;
  if (weekTotal > weekMax) {
    const legal = weekMax === LEGAL_WEEKLY_MAX_MINUTES;
    return fail('weekly_hours_exceeded', () =>
      legal
        ? `${name} aurait ${hours(weekTotal)} de travail la semaine du ${d(slot.monday)} : la loi interdit plus de 48 h dans une même semaine (art. L3121-20 du Code du travail). Choisissez une autre personne.`
        : `${name} aurait ${hours(weekTotal)} la semaine du ${d(slot.monday)}, au-delà de son maximum de ${hours(weekMax)} par semaine : choisissez une autre personne.`,
    );
  }

  const breach = workingTimeBreach(slot, w, weekTotal);
  if (breach) return fail(breach.code, () => workingTimeMessage(breach, slot, w));

  // Night work needs the medical information visit first (R5132-26-7).
  if (touchesNight(slot.startMinute, slot.endMinute, LEGAL.nightStart, LEGAL.nightEnd)) {
    const done = w.informationVisitDoneOn ?? null;
    if (done === null || done > slot.startDate) {
      return fail(
        'information_visit_required',
        () =>
          `Le créneau ${slotLabel(slot)} comporte des heures de nuit (21 h – 6 h) : ${name} doit d’abord passer sa visite d’information et de prévention auprès de la médecine du travail (art. R5132-26-7 du Code du travail). Enregistrez la visite sur sa fiche ou choisissez une autre personne.`,
      );
    }
  }

  return { ok: true, warnings };
}

/** Every working-time rule of ./working-time.ts, first broken one. */
function workingTimeBreach(slot: Slot, w: WorkerFacts, weekTotal: number): WorkingTimeBreach | null {
  const limits = w.limits ?? DEFAULT_LIMITS;
  const minor = w.birthDate ? ageOn(w.birthDate, slot.startDate) < LEGAL.minorAge : false;
  // One pass over the worker's other shifts (this runs for every candidate of a ranking or a plan).
  const week = weekBounds(slot.monday);
  let dayMinutes = slot.minutes;
  let others = 0;
  let daysInWeek: string[] | null = null;
  for (const o of w.shifts) {
    if (o.id === slot.id) continue;
    others++;
    if (o.startDate === slot.startDate) dayMinutes += Math.round((o.endMs - o.startMs) / 60_000);
    if (o.startDate >= slot.monday && o.startDate < week.nextMonday) {
      daysInWeek ??= [];
      daysInWeek.push(o.startDate);
    }
  }
  const contract = w.contracts.find(
    (c) => c.startDate <= slot.startDate && (c.endDate === null || slot.startDate <= c.endDate),
  );
  return (
    minorNightBreach({ startMinute: slot.startMinute, endMinute: slot.endMinute, minor }) ??
    dailyHoursBreach({ dayMinutes, minor, limits }) ??
    minorWeeklyBreach({ weekMinutes: weekTotal, minor }) ??
    contractHoursBreach({ weekMinutes: weekTotal, contractWeeklyMinutes: contract?.weeklyMinutes ?? null, limits }) ??
    // Only a worker whose loaded weeks hold more than 12 weeks at 44 h can break the average: skip the others.
    (sumOf(w.weekMinutes) + slot.minutes > LEGAL.averageWeeklyMaxMinutes * LEGAL.averageWeeks
      ? averageWeeklyBreach({
          monday: slot.monday,
          weekMinutes: (m) => (w.weekMinutes.get(m) ?? 0) + (m === slot.monday ? slot.minutes : 0),
        })
      : null) ??
    // Six distinct days at most: fewer than six other shifts in the week cannot make seven.
    (daysInWeek !== null && daysInWeek.length >= LEGAL.maxWorkDaysPerWeek
      ? sixDaysBreach({ workDays: [...daysInWeek, slot.startDate] })
      : null) ??
    // The slot alone always leaves the week's rest (weeklyRestBreach answers null for a single period).
    (others > 0
      ? weeklyRestBreach({
          weekStartMs: week.weekStartMs,
          weekEndMs: week.weekEndMs,
          work: [...w.shifts.filter((o) => o.id !== slot.id), { startMs: slot.startMs, endMs: slot.endMs }],
        })
      : null)
  );
}

const sumOf = (m: Map<string, number>) => {
  let total = 0;
  for (const v of m.values()) total += v;
  return total;
};

/** Computed once per week: a few hundred weeks in a server's life, one per call before. */
const weekBoundsOf = new Map<string, { weekStartMs: number; weekEndMs: number; nextMonday: string }>();
/** The instants a Paris week starts and ends (paris-clock.ts: fast enough for thousands of workers on one slot). */
function weekBounds(monday: string) {
  let bounds = weekBoundsOf.get(monday);
  if (!bounds) {
    const nextMonday = addDays(monday, 7);
    bounds = { weekStartMs: parisMidnightMs(monday), weekEndMs: parisMidnightMs(nextMonday), nextMonday };
    weekBoundsOf.set(monday, bounds);
  }
  return bounds;
}

/** The refusal in words a coordinator understands, naming the article. */
function workingTimeMessage(b: WorkingTimeBreach, slot: Slot, w: WorkerFacts): string {
  const name = w.name;
  const when = slotLabel(slot);
  const art = `(art. ${b.article} du Code du travail)`;
  const total = b.totalMinutes !== undefined ? hours(b.totalMinutes) : '';
  const limit = b.limitMinutes !== undefined ? hours(b.limitMinutes) : '';
  switch (b.code) {
    case 'minor_night_work':
      return `${name} a moins de 18 ans : le créneau ${when} tombe entre 22 h et 6 h, le travail de nuit lui est interdit ${art}. Choisissez une autre personne ou un autre horaire.`;
    case 'minor_hours_exceeded':
      return `${name} a moins de 18 ans : avec le créneau ${when}, elle ou il travaillerait ${total}, au-delà des ${limit} autorisées ${art}. Choisissez une autre personne.`;
    case 'daily_hours_exceeded':
      return `${name} travaillerait ${total} le ${d(slot.startDate)} avec ce créneau : la durée maximale de travail est de ${limit} par jour ${art}. Choisissez une autre personne ou raccourcissez le créneau.`;
    case 'contract_hours_exceeded':
      return `${name} a un contrat de travail à temps partiel : avec le créneau ${when}, sa semaine du ${d(slot.monday)} atteindrait ${total}, au-delà des ${limit} permises par son contrat et les heures complémentaires ${art}. Modifiez son contrat par avenant ou choisissez une autre personne.`;
    case 'average_weekly_hours_exceeded':
      return `${name} dépasserait ${limit} de travail par semaine en moyenne sur 12 semaines (${total} en moyenne) avec le créneau ${when} ${art}. Choisissez une autre personne.`;
    case 'six_days_a_week':
      return `${name} travaillerait 7 jours la semaine du ${d(slot.monday)} avec le créneau ${when} : on ne peut pas travailler plus de 6 jours par semaine ${art}. Choisissez une autre personne.`;
    case 'weekly_rest':
      return `${name} n’aurait plus 35 heures de repos d’affilée la semaine du ${d(slot.monday)} avec le créneau ${when} (24 h de repos hebdomadaire et 11 h de repos quotidien, ${art.slice(1, -1)}). Choisissez une autre personne ou un autre jour.`;
  }
}

/** Records in memory that `slot` was given to `w` (the auto-planner's running state). */
export function commitAssignment(slot: Slot, w: WorkerFacts): void {
  w.shifts.push({
    id: slot.id ?? `new-${w.shifts.length}`,
    startMs: slot.startMs,
    endMs: slot.endMs,
    startDate: slot.startDate,
    clientName: slot.clientName,
  });
  w.weekMinutes.set(slot.monday, (w.weekMinutes.get(slot.monday) ?? 0) + slot.minutes);
  w.monthMinutes.set(slot.month, (w.monthMinutes.get(slot.month) ?? 0) + slot.minutes);
  if (slot.clientCounts) {
    if (!w.cap.windowStart || slot.startDate > (w.cap.windowEnd ?? '')) {
      // Approximation for planning only: the assignment itself re-checks exactly.
      w.cap.countedMinutes = capCountedOn(w, slot.startDate).counted;
    }
    w.cap.countedMinutes += slot.minutes;
    w.cap.windowStart ??= slot.startDate;
    w.cap.windowEnd ??= '9999-12-31';
  }
}

/** Undoes commitAssignment (the auto-planner's local search). */
export function uncommitAssignment(slot: Slot, w: WorkerFacts): void {
  const i = w.shifts.findIndex((s) => s.startMs === slot.startMs && s.endMs === slot.endMs);
  if (i >= 0) w.shifts.splice(i, 1);
  w.weekMinutes.set(slot.monday, (w.weekMinutes.get(slot.monday) ?? 0) - slot.minutes);
  w.monthMinutes.set(slot.month, (w.monthMinutes.get(slot.month) ?? 0) - slot.minutes);
  if (slot.clientCounts) w.cap.countedMinutes -= slot.minutes;
}
