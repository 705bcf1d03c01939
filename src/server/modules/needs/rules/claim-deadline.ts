import { addDays, parisInstant, parisParts } from '../../calendar/paris-time.js';
import { isWorkingDay } from '../../calendar/public-holidays.js';
import type { NeedUrgency } from '../schema.js';

/**
 * How long the routed AIs have to claim a need before the network steps in (PRODUCT.md, journey step 1;
 * the regional call's promise of a fast answer): an urgent reinforcement 4 hours, round the clock; a
 * structural need 3 working days (Monday to Friday, French public holidays of Code du travail L3133-1 excluded).
 */
export const CLAIM_DEADLINES = { urgentHours: 4, structuralWorkingDays: 3 } as const;

/**
 * The instant a need routed at `routedAt` becomes overdue.
 * Structural: the clock only runs on working days. Routed on a working day, the deadline is the same
 * Paris time on the 3rd working day after; routed on a weekend or holiday, the clock starts at midnight
 * of the next working day (so the AI gets 3 full working days).
 */
export function claimDeadline(routedAt: Date, urgency: NeedUrgency): Date {
  if (urgency === 'urgent') return new Date(routedAt.getTime() + CLAIM_DEADLINES.urgentHours * 3_600_000);
  const p = parisParts(routedAt);
  let day = p.date;
  let time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  let extraMs = routedAt.getTime() % 60_000;
  if (!isWorkingDay(day)) {
    while (!isWorkingDay(day)) day = addDays(day, 1);
    time = '00:00';
    extraMs = 0;
  }
  for (let n = 0; n < CLAIM_DEADLINES.structuralWorkingDays; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) n++;
  }
  return new Date(parisInstant(day, time).getTime() + extraMs);
}

/** A need is overdue when nobody claimed it by its deadline. */
export const isOverdue = (need: { status: string; deadlineAt: Date | null }, now: Date) =>
  need.status === 'routed' && need.deadlineAt !== null && need.deadlineAt.getTime() <= now.getTime();
