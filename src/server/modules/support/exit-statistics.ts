import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { LEGAL } from '../settings/legal-figures.js';
import { EXIT_CATEGORIES, type ExitCategory, workerExits } from './schema.js';

export type ExitStatistics = {
  /** Exits dated in [from, to] that count (≥ 150 h worked), per ASP category. */
  byCategory: Record<ExitCategory, number>;
  /** Exits in the period left out because the worker worked under 150 h. */
  notCounted: number;
};

export type ExitStatisticsOptions = { db: Db; organisationId: string; from: string; to: string };

/**
 * Exits per ASP category for the State reporting (PRODUCT.md): an AI exit counts only after 150 h worked,
 * the hours being those of shifts assigned to the worker that ended by the exit date, or the hours frozen on the exit
 * when it was recorded (which may include hours worked before the AI used Passerelle), whichever is larger.
 */
export async function exitStatistics({ db, organisationId, from, to }: ExitStatisticsOptions): Promise<ExitStatistics> {
  const minutes = sql<number>`greatest("worker_exits"."minutes_worked", coalesce((
    SELECT sum(extract(epoch from (s.end_at - s.start_at)) / 60) FROM shifts s
    WHERE s.worker_id = "worker_exits"."worker_id" AND s.status = 'assigned'
      AND s.end_at <= least(now(), (("worker_exits"."exit_date" + 1)::timestamp AT TIME ZONE 'Europe/Paris'))
  ), 0))::int`;
  const rows = await db
    .select({
      category: workerExits.category,
      counted: sql<boolean>`${minutes} >= ${LEGAL.exitCountingMinMinutes}`,
      n: sql<number>`count(*)::int`,
    })
    .from(workerExits)
    .where(
      and(
        eq(workerExits.organisationId, organisationId),
        gte(workerExits.exitDate, from),
        lte(workerExits.exitDate, to),
      ),
    )
    .groupBy(workerExits.category, sql`2`);
  const byCategory = Object.fromEntries(EXIT_CATEGORIES.map((c) => [c, 0])) as Record<ExitCategory, number>;
  let notCounted = 0;
  for (const r of rows) {
    if (r.counted) byCategory[r.category] += Number(r.n);
    else notCounted += Number(r.n);
  }
  return { byCategory, notCounted };
}
