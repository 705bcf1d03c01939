import { sql } from 'drizzle-orm';
import type { AiDashboard } from '../../../shared/reporting.js';
import type { Db } from '../../db/connect.js';
import { rowsOf } from '../../db/rows.js';
import { addDays, daysBetween, parisToday } from '../calendar/paris-time.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { exitStatistics } from '../support/exit-statistics.js';
import { instantsOf, monthsOf, type Period, pastPart } from './period.js';
import { reportSummary } from './report-summary.js';
import { etpConsumption, etpOf } from './rules/etp.js';
import { median } from './rules/exit-rate.js';
import { workedFigures } from './worked-minutes.js';

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * Everything the AI dashboard shows for a period (Paris dates), computed by the database in a few aggregate
 * queries. The summary is API.md's /reports/summary of the same period, so the dashboard and the yearly
 * report never disagree with it. The period is cut at today: a dashboard shows what happened.
 */
export async function aiDashboard({
  db,
  organisationId,
  period: asked,
  now = new Date(),
}: {
  db: Db;
  organisationId: string;
  period: Period;
  now?: Date;
}): Promise<AiDashboard> {
  const period = pastPart(asked, now);
  const { from, to } = period;
  const { start, end } = instantsOf(period);
  const today = parisToday(now);
  // The shifts are read once (the expensive part); the summary reuses the totals.
  const [{ months: worked, totals }, exits] = await Promise.all([
    workedFigures(db, organisationId, period),
    exitStatistics({ db, organisationId, from, to }),
  ]);
  const [summary, billed, settings, hired, replacement, needRows, invoiceRow, passRow, staffRow] = await Promise.all([
    reportSummary({ db, organisationId, from, to, worked: totals, exitStats: exits }),
    rowsOf<{ month: string; minutes: number }>(
      db,
      sql`SELECT i.month, coalesce(sum(l.minutes), 0)::int AS minutes FROM invoice_lines l
            JOIN invoices i ON i.id = l.invoice_id
            WHERE i.organisation_id = ${organisationId} AND i.kind = 'invoice'
              AND i.month >= ${from.slice(0, 7)} AND i.month <= ${to.slice(0, 7)}
            GROUP BY i.month`,
    ),
    readOrganisationSettings({ db, organisationId }),
    // A worker is hired in the period when their first employment contract starts in it.
    rowsOf<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM (
              SELECT worker_id, min(start_date) AS first FROM employment_contracts
              WHERE organisation_id = ${organisationId} GROUP BY worker_id) f
            WHERE f.first >= ${from}::date AND f.first <= ${to}::date`,
    ),
    // Replacements: shifts left open by an absence (uncovered_worker_id), and when they found a new worker —
    // the first assignment recorded in the audit trail or the accepted proposal, after the absence was declared.
    rowsOf<{ status: string; minutes: number | null }>(
      db,
      sql`SELECT s.status,
              extract(epoch FROM (least(
                (SELECT min(e.at) FROM audit_events e WHERE e.organisation_id = s.organisation_id
                   AND e.action = 'shift.assign' AND e.record_id = s.id::text),
                (SELECT min(p.responded_at) FROM shift_proposals p WHERE p.shift_id = s.id AND p.status = 'accepted'))
                - coalesce((SELECT max(a.created_at) FROM absences a WHERE a.worker_id = s.uncovered_worker_id
                   AND a.organisation_id = s.organisation_id AND a.start_at < s.end_at AND a.end_at > s.start_at),
                   s.created_at)) / 60)::int AS minutes
            FROM shifts s
            WHERE s.organisation_id = ${organisationId} AND s.uncovered_worker_id IS NOT NULL AND s.status <> 'cancelled'
              AND s.start_at >= ${start.toISOString()}::timestamptz AND s.start_at < ${end.toISOString()}::timestamptz`,
    ),
    // Needs routed to this AI in the period: answered (claimed or declined) and the time to answer.
    rowsOf<{ status: string; minutes: number | null }>(
      db,
      sql`SELECT r.status, (extract(epoch FROM (coalesce(r.claimed_at, r.declined_at) - r.routed_at)) / 60)::int AS minutes
            FROM need_routes r
            WHERE r.organisation_id = ${organisationId}
              AND r.routed_at >= ${start.toISOString()}::timestamptz AND r.routed_at < ${end.toISOString()}::timestamptz`,
    ),
    // Invoices not fully paid today (whatever their month): what the AI is owed, and how much of it is late.
    rowsOf<{ outstanding: number; outstanding_cents: number; overdue: number; overdue_cents: number }>(
      db,
      sql`SELECT count(*)::int AS outstanding, coalesce(sum(due), 0)::int AS outstanding_cents,
              count(*) FILTER (WHERE due_on < ${today}::date)::int AS overdue,
              coalesce(sum(due) FILTER (WHERE due_on < ${today}::date), 0)::int AS overdue_cents
            FROM (SELECT i.due_on, i.total_cents - coalesce((SELECT sum(p.amount_cents) FROM payments p
                    WHERE p.invoice_id = i.id), 0) AS due
                  FROM invoices i WHERE i.organisation_id = ${organisationId} AND i.kind = 'invoice') x
            WHERE due > 0`,
    ),
    rowsOf<{ n: number }>(
      db,
      sql`SELECT count(DISTINCT p.worker_id)::int AS n FROM passes p
            WHERE p.organisation_id = ${organisationId} AND p.end_date >= ${today}::date
              AND p.end_date <= ${addDays(today, 90)}::date
              AND NOT EXISTS (SELECT 1 FROM passes q WHERE q.worker_id = p.worker_id AND q.end_date > p.end_date)
              AND NOT EXISTS (SELECT 1 FROM worker_exits x WHERE x.worker_id = p.worker_id)`,
    ),
    rowsOf<{ n: number }>(
      db,
      sql`SELECT count(DISTINCT user_id)::int AS n FROM memberships
            WHERE organisation_id = ${organisationId} AND role = 'support_officer'`,
    ),
  ]);

  const billedOf = new Map(billed.map((b) => [b.month, Number(b.minutes)]));
  const workedOf = new Map(worked.map((w) => [w.month, w]));
  const months = from <= to ? monthsOf(period) : [];
  const days = Math.max(0, daysBetween(from, to) + 1);
  const filled = replacement.filter((r) => r.status === 'assigned');
  const answered = needRows.filter((r) => r.status === 'claimed' || r.status === 'declined');
  const staff = Number(staffRow[0].n);
  const inv = invoiceRow[0];
  return {
    from,
    to,
    summary,
    months: months.map((month) => {
      const w = workedOf.get(month);
      // The month's share of the period (the first and last months may be partial).
      const first = month === from.slice(0, 7) ? from : `${month}-01`;
      const monthEnd = addDays(`${nextMonth(month)}-01`, -1);
      // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, compared in lexical order.
      const last = monthEnd > to ? to : monthEnd;
      return {
        month,
        minutesWorked: w?.minutes ?? 0,
        minutesBilled: billedOf.get(month) ?? 0,
        medicoSocialMinutes: w?.medicoSocialMinutes ?? 0,
        workers: w?.workers ?? 0,
        etp: etpOf(w?.minutes ?? 0, daysBetween(first, last) + 1),
      };
    }),
    conventionEtp: settings.conventionEtp,
    etpConsumption: etpConsumption(etpOf(totals.minutes, days), settings.conventionEtp),
    workersPresent: totals.workers,
    workersHired: Number(hired[0].n),
    activeClients: totals.clients,
    medicoSocialMinutes: totals.medicoSocialMinutes,
    medicoSocialShare: ratio(totals.medicoSocialMinutes, totals.minutes),
    replacements: {
      uncovered: replacement.length,
      filled: filled.length,
      open: replacement.length - filled.length,
      fillRate: ratio(filled.length, replacement.length),
      medianMinutesToFill: median(filled.flatMap((r) => (r.minutes === null ? [] : [Math.max(0, Number(r.minutes))]))),
    },
    needs: {
      routed: needRows.length,
      answered: answered.length,
      claimed: needRows.filter((r) => r.status === 'claimed').length,
      medianMinutesToAnswer: median(answered.flatMap((r) => (r.minutes === null ? [] : [Number(r.minutes)]))),
    },
    invoices: {
      outstanding: Number(inv.outstanding),
      outstandingCents: Number(inv.outstanding_cents),
      overdue: Number(inv.overdue),
      overdueCents: Number(inv.overdue_cents),
    },
    passEndingSoon: Number(passRow[0].n),
    exitsNotCounted: exits.notCounted,
    supportStaff: staff,
    workersPerSupportStaff: staff > 0 ? Math.round((totals.workers / staff) * 10) / 10 : null,
  };
}

function nextMonth(month: string) {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
