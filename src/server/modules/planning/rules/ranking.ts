import type { Slot, WorkerFacts } from './assignment.js';

/**
 * How well a worker who may legally take a shift fits it (0–100), with the reasons in words for the officer.
 * The weights say the AI's priorities: a known face for the client's residents, a short trip, hours for those
 * who need them (the AI's mission is to give work to the people it employs), the job level and the project.
 */
export const WEIGHTS = { distance: 25, continuity: 20, need: 25, level: 10, project: 15, pathway: 5 } as const;

/** Jobs that lead to one another (a care-home pathway: ASH → aide-soignant·e, etc.). */
const PATHWAYS: Record<string, string[]> = {
  J1301: ['J1501', 'K1302', 'J1304'],
  K2204: ['J1301', 'K2201'],
  K1304: ['K1302', 'K1305'],
  G1605: ['G1602', 'G1603'],
};

export type Ranked = { score: number; distanceKm: number | null; minutesThisWeek: number; reasons: string[] };

const RAD = Math.PI / 180;
/** Great-circle distance in km (same formula as geo/communes.ts, inlined for the hot loop). */
export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLon = (bLon - aLon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const hours = (minutes: number) => `${Math.round(minutes / 6) / 10} h`.replace('.', ',');

/** The weekly hours the worker's contract plans, for "hours still needed". */
export function contractWeeklyMinutes(w: WorkerFacts, date: string): number {
  const c = w.contracts.find((x) => x.startDate <= date && (x.endDate === null || date <= x.endDate));
  return c?.weeklyMinutes ?? w.maxMinutesPerWeek ?? 24 * 60;
}

/** The score alone, without the reasons in words (ranking and planning score thousands of workers a slot). */
export function scoreOnly(
  slot: Slot,
  w: WorkerFacts,
): { score: number; distanceKm: number | null; minutesThisWeek: number } {
  let score = 0;
  let distanceKm: number | null = null;
  if (w.lat !== null && w.lon !== null && slot.siteLat !== null && slot.siteLon !== null) {
    distanceKm = Math.round(haversineKm(w.lat, w.lon, slot.siteLat, slot.siteLon) * 10) / 10;
    score += WEIGHTS.distance * Math.max(0, 1 - distanceKm / 25);
  }
  const visits = w.continuity.get(slot.clientId) ?? 0;
  if (visits > 0) score += WEIGHTS.continuity * Math.min(1, visits / 8);
  const minutesThisWeek = w.weekMinutes.get(slot.monday) ?? 0;
  const planned = contractWeeklyMinutes(w, slot.startDate);
  const weekGap = Math.max(0, planned - minutesThisWeek);
  const monthMinutes = w.monthMinutes.get(slot.month) ?? 0;
  const monthGap = Math.max(0, (planned * 52) / 12 - monthMinutes);
  const need =
    planned > 0 ? 0.6 * Math.min(1, weekGap / planned) + 0.4 * Math.min(1, monthGap / ((planned * 52) / 12)) : 0;
  score += WEIGHTS.need * need;
  const level = w.jobs.get(slot.rome) ?? 1;
  score += (WEIGHTS.level * level) / 3;
  if (w.targetJobs.includes(slot.rome)) score += WEIGHTS.project;
  else if (w.targetJobs.some((t) => PATHWAYS[slot.rome]?.includes(t))) score += WEIGHTS.pathway + WEIGHTS.project / 2;
  return { score: Math.round(score), distanceKm, minutesThisWeek };
}

export function scoreCandidate(slot: Slot, w: WorkerFacts): Ranked {
  const reasons: string[] = [];
  let score = 0;

  let distanceKm: number | null = null;
  if (w.lat !== null && w.lon !== null && slot.siteLat !== null && slot.siteLon !== null) {
    distanceKm = Math.round(haversineKm(w.lat, w.lon, slot.siteLat, slot.siteLon) * 10) / 10;
    score += WEIGHTS.distance * Math.max(0, 1 - distanceKm / 25);
    if (distanceKm <= 3) reasons.push(`Habite tout près (${String(distanceKm).replace('.', ',')} km)`);
    else reasons.push(`Habite à ${Math.round(distanceKm)} km`);
  }

  const visits = w.continuity.get(slot.clientId) ?? 0;
  if (visits > 0) {
    score += WEIGHTS.continuity * Math.min(1, visits / 8);
    reasons.push(`Connaît déjà ${slot.clientName} (${visits} intervention${visits > 1 ? 's' : ''} cette année)`);
  }

  const minutesThisWeek = w.weekMinutes.get(slot.monday) ?? 0;
  const planned = contractWeeklyMinutes(w, slot.startDate);
  const weekGap = Math.max(0, planned - minutesThisWeek);
  const monthMinutes = w.monthMinutes.get(slot.month) ?? 0;
  const monthGap = Math.max(0, (planned * 52) / 12 - monthMinutes);
  const need =
    planned > 0 ? 0.6 * Math.min(1, weekGap / planned) + 0.4 * Math.min(1, monthGap / ((planned * 52) / 12)) : 0;
  score += WEIGHTS.need * need;
  if (weekGap >= slot.minutes) {
    reasons.push(`N’a que ${hours(minutesThisWeek)} cette semaine sur ${hours(planned)} prévues`);
  } else if (weekGap === 0) {
    reasons.push(`A déjà ses ${hours(planned)} prévues cette semaine`);
  }

  const level = w.jobs.get(slot.rome) ?? 1;
  score += (WEIGHTS.level * level) / 3;
  reasons.push(
    level >= 3
      ? 'Expérimenté·e dans ce métier'
      : level === 2
        ? 'A de l’expérience dans ce métier'
        : 'Débutant·e dans ce métier',
  );

  if (w.targetJobs.includes(slot.rome)) {
    score += WEIGHTS.project;
    reasons.push('Correspond à son projet professionnel');
  } else if (w.targetJobs.some((t) => PATHWAYS[slot.rome]?.includes(t))) {
    score += WEIGHTS.pathway + WEIGHTS.project / 2;
    reasons.push('Une étape vers le métier qu’elle ou il vise');
  }

  return { score: Math.round(score), distanceKm, minutesThisWeek, reasons };
}

/**
 * The `limit` best of `items` by `compare` (negative: a before b), exactly as a stable sort of all of them
 * followed by a slice would give, in one pass: ranking a regional pool checks thousands of workers to show ten.
 */
export function bestOf<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (limit <= 0) return best;
  for (const item of items) {
    // Not strictly better than the last kept: a stable sort would leave it after (ties keep the earlier first).
    if (best.length === limit && compare(item, best[limit - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(item, best[at - 1]) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}
