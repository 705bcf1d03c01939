import type { ReportSummary } from '../../../shared/reporting.js';
import type { Db } from '../../db/connect.js';
import { daysBetween } from '../calendar/paris-time.js';
import { billedMinutes } from '../payroll/state-exports.js';
import { exitStatistics } from '../support/exit-statistics.js';
import { etpOf } from './rules/etp.js';
import { dynamicExitRate } from './rules/exit-rate.js';
import { type WorkedTotals, workedTotals } from './worked-minutes.js';

/**
 * API.md's summary of a period (Paris dates, inclusive): hours worked (timesheet times when there are, else the
 * planned shift) and billed (invoices of the months of the period), ETP prorated to the period, workers and
 * clients with hours, exits of persons with ≥ 150 h per ASP category and the DGEFP dynamic exit rate.
 */
export async function reportSummary({
  db,
  organisationId,
  from,
  to,
  worked: known,
  exitStats,
}: {
  db: Db;
  organisationId: string;
  from: string;
  to: string;
  /** The period's worked totals when the caller already has them (the dashboard reads the shifts once). */
  worked?: WorkedTotals;
  /** The period's exit statistics when the caller already has them. */
  exitStats?: Awaited<ReturnType<typeof exitStatistics>>;
}): Promise<ReportSummary> {
  const worked = known ?? (await workedTotals(db, organisationId, { from, to }));
  const minutesWorked = worked.minutes;
  const billed = await billedMinutes(db, organisationId, from.slice(0, 7), to.slice(0, 7));
  const minutesBilled = [...billed.values()].reduce((s, m) => s + m, 0);
  const stats = exitStats ?? (await exitStatistics({ db, organisationId, from, to }));
  const e = stats.byCategory;
  const exits = {
    durable: e.durable,
    transition: e.transition,
    positive: e.positive,
    other: e.other,
    withdrawn: e.withdrawn,
  };
  return {
    minutesWorked,
    minutesBilled,
    etp: etpOf(minutesWorked, daysBetween(from, to) + 1),
    workers: worked.workers,
    clients: worked.clients,
    exits,
    dynamicExitRate: dynamicExitRate(exits),
  };
}
