import { LEGAL } from '../../settings/legal-figures.js';

/**
 * PRODUCT.md, State reporting: an AI exit counts for the statistics only after 150 hours worked
 * (ASP guide of the dynamic exit rate). Hours are those of shifts assigned to the worker and already past.
 */
export function exitCountsForStatistics(minutesWorked: number): boolean {
  return minutesWorked >= LEGAL.exitCountingMinMinutes;
}
