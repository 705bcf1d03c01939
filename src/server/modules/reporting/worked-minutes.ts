import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { rowsOf } from '../../db/rows.js';
import { instantsOf, type Period } from './period.js';

/** Clients of the medico-social sector (care homes and other medico-social establishments): the regional call. */
export const MEDICO_SOCIAL_KINDS = ['care_home', 'medico_social'] as const;

export type WorkedMonth = { month: string; minutes: number; medicoSocialMinutes: number; workers: number };
export type WorkedTotals = { minutes: number; medicoSocialMinutes: number; workers: number; clients: number };

/**
 * The minutes worked as payroll/worked-minutes.ts counts them (timesheet times minus breaks when there is an
 * entry, else the planned shift; assigned shifts starting in the period; every shift has a mission), but summed by the database per
 * Paris month, so that two years of an AI's shifts never travel to the application.
 */
const workedRows = (organisationIds: string[], period: Period) => {
  const { start, end } = instantsOf(period);
  return sql`
    SELECT s.worker_id, s.client_id, s.organisation_id,
      to_char(s.start_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month,
      c.kind IN ('care_home', 'medico_social') AS medico,
      greatest(0, round(extract(epoch FROM (coalesce(te.actual_end, s.end_at) - coalesce(te.actual_start, s.start_at))) / 60)
        - coalesce(te.break_minutes, 0))::int AS minutes
    FROM shifts s
    JOIN clients c ON c.id = s.client_id
    LEFT JOIN timesheet_entries te ON te.shift_id = s.id
    WHERE s.organisation_id IN (${sql.join(
      organisationIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      AND s.status = 'assigned' AND s.start_at >= ${start.toISOString()}::timestamptz AND s.start_at < ${end.toISOString()}::timestamptz`;
};

export type WorkedFigures = { months: WorkedMonth[]; totals: WorkedTotals };

/**
 * Months and totals of a period in one pass over the shifts (GROUPING SETS): the dashboard's most expensive
 * read, done once per request.
 */
export async function workedFigures(db: Db, organisationId: string, period: Period): Promise<WorkedFigures> {
  const rows = await rowsOf<{
    month: string | null;
    minutes: number;
    medico: number;
    workers: number;
    clients: number;
  }>(
    db,
    sql`SELECT month, coalesce(sum(minutes), 0)::int AS minutes,
          coalesce(sum(CASE WHEN medico THEN minutes ELSE 0 END), 0)::int AS medico,
          count(DISTINCT worker_id)::int AS workers, count(DISTINCT client_id)::int AS clients
        FROM (${workedRows([organisationId], period)}) w GROUP BY GROUPING SETS ((month), ()) ORDER BY month`,
  );
  const total = rows.find((r) => r.month === null);
  return {
    months: rows
      .filter((r) => r.month !== null)
      .map((r) => ({
        month: r.month!,
        minutes: Number(r.minutes),
        medicoSocialMinutes: Number(r.medico),
        workers: Number(r.workers),
      })),
    totals: {
      minutes: Number(total?.minutes ?? 0),
      medicoSocialMinutes: Number(total?.medico ?? 0),
      workers: Number(total?.workers ?? 0),
      clients: Number(total?.clients ?? 0),
    },
  };
}

export async function workedTotals(db: Db, organisationId: string, period: Period): Promise<WorkedTotals> {
  return (await workedFigures(db, organisationId, period)).totals;
}

/** Minutes delivered to medico-social clients by several AIs, per AI and month (the network's dashboard). */
export async function medicoSocialByOrganisationMonth(db: Db, organisationIds: string[], period: Period) {
  if (organisationIds.length === 0) return [];
  const rows = await rowsOf<{ organisation_id: string; month: string; minutes: number }>(
    db,
    sql`SELECT organisation_id, month, sum(minutes)::int AS minutes
        FROM (${workedRows(organisationIds, period)}) w WHERE medico GROUP BY organisation_id, month`,
  );
  return rows.map((r) => ({ organisationId: r.organisation_id, month: r.month, minutes: Number(r.minutes) }));
}
