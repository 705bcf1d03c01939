import { sql } from 'drizzle-orm';
import { HOME_TILES, type HomeTile, type HomeTileKey } from '../../../shared/reporting.js';
import type { Db } from '../../db/connect.js';
import { rowsOf } from '../../db/rows.js';
import type { OrgActor } from '../../http/actor.js';
import { type Action, roleAllows } from '../../policies/permissions.js';
import { addDays, parisToday } from '../calendar/paris-time.js';

/** The permission each tile needs: a role sees only the tiles of actions it may take (UX.md). */
const TILE_ACTION: Record<HomeTileKey, Action | 'client'> = {
  shifts_open_72h: 'shift.assign',
  needs_to_claim: 'need.claim',
  proposals_pending: 'shift.assign',
  contracts_to_sign: 'placement_contract.write',
  pass_ending_90d: 'eligibility.write',
  prolongations_to_request: 'eligibility.write',
  interviews_due: 'support.write',
  health_visits_due: 'support.write',
  exits_to_record: 'exit.write',
  timesheets_to_validate: 'timesheet.manage',
  timesheets_disputed: 'timesheet.manage',
  month_close: 'month.close',
  invoices_overdue: 'invoice.write',
  client_next_shifts: 'client',
  client_timesheets_to_validate: 'client',
  client_invoices_unpaid: 'client',
};

/** Whether an actor sees a tile: the back office by permission, a client user its own three tiles only. */
export function seesTile(role: OrgActor['role'], key: HomeTileKey) {
  const action = TILE_ACTION[key];
  if (action === 'client') return role === 'client_user';
  return role !== 'client_user' && roleAllows(role, action);
}

const count = async (db: Db, query: ReturnType<typeof sql>) => Number((await rowsOf<{ n: number }>(db, query))[0].n);

/**
 * The counts of an AI member's home page, each scoped to the organisation (and, for a client user, to its
 * client). Only the tiles the actor's role may act on are computed.
 */
export async function orgHome({ db, actor, now = new Date() }: { db: Db; actor: OrgActor; now?: Date }) {
  const org = actor.organisationId;
  const today = parisToday(now);
  const nowIso = now.toISOString();
  const previousMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const clientId = actor.clientId ?? '00000000-0000-0000-0000-000000000000';

  const compute: Record<HomeTileKey, () => Promise<Omit<HomeTile, 'key'>>> = {
    shifts_open_72h: async () => ({
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM shifts WHERE organisation_id = ${org} AND status = 'open'
            AND start_at >= ${nowIso}::timestamptz AND start_at < ${nowIso}::timestamptz + interval '72 hours'`,
      ),
    }),
    needs_to_claim: async () => {
      const [r] = await rowsOf<{ n: number; deadline: Date | string | null }>(
        db,
        sql`SELECT count(*)::int AS n, min(n.deadline_at) AS deadline FROM need_routes r JOIN needs n ON n.id = r.need_id
            WHERE r.organisation_id = ${org} AND r.status <> 'declined' AND n.claimed_by_organisation_id IS NULL
              AND n.status = 'routed'`,
      );
      return { count: Number(r.n), deadlineAt: r.deadline ? new Date(r.deadline).toISOString() : null };
    },
    proposals_pending: async () => ({
      count: await count(
        db,
        sql`SELECT count(DISTINCT p.shift_id)::int AS n FROM shift_proposals p JOIN shifts s ON s.id = p.shift_id
            WHERE p.organisation_id = ${org} AND p.status = 'pending' AND s.status = 'open' AND s.start_at > ${nowIso}::timestamptz`,
      ),
    }),
    contracts_to_sign: async () => ({
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM placement_contracts WHERE organisation_id = ${org}
            AND signed_at IS NULL AND status IN ('draft', 'active') AND end_date >= ${today}::date`,
      ),
    }),
    pass_ending_90d: async () => ({ count: await count(db, passEnding(org, today, 90)) }),
    prolongations_to_request: async () => ({
      // A PASS ending within 30 days with no extension asked yet: the request must reach the prescriber first.
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM (${passEndingRows(org, today, 30)}) p
            WHERE NOT EXISTS (SELECT 1 FROM pass_extensions e WHERE e.pass_id = p.id)`,
      ),
    }),
    interviews_due: async () => ({
      // A person in pathway (contract running today, no exit) without an interview for three months.
      count: await count(
        db,
        sql`SELECT count(DISTINCT c.worker_id)::int AS n FROM employment_contracts c
            WHERE c.organisation_id = ${org} AND c.start_date <= ${today}::date
              AND (c.end_date IS NULL OR c.end_date >= ${today}::date)
              AND NOT EXISTS (SELECT 1 FROM worker_exits x WHERE x.worker_id = c.worker_id)
              AND NOT EXISTS (SELECT 1 FROM support_interviews i WHERE i.worker_id = c.worker_id
                AND i.held_on > ${addDays(today, -91)}::date)`,
      ),
    }),
    health_visits_due: async () => ({
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM health_visits WHERE organisation_id = ${org} AND done_on IS NULL
            AND due_on <= ${addDays(today, 30)}::date`,
      ),
    }),
    exits_to_record: async () => ({
      // Every contract of the person ended, and no exit recorded yet (the State counts exits).
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM (SELECT c.worker_id FROM employment_contracts c
              WHERE c.organisation_id = ${org} GROUP BY c.worker_id
              HAVING bool_and(c.end_date IS NOT NULL AND c.end_date < ${today}::date)) w
            WHERE NOT EXISTS (SELECT 1 FROM worker_exits x WHERE x.worker_id = w.worker_id)`,
      ),
    }),
    timesheets_to_validate: async () => ({
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM timesheets WHERE organisation_id = ${org}
            AND status IN ('draft', 'sent') AND closed_at IS NULL`,
      ),
    }),
    timesheets_disputed: async () => ({
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM timesheets WHERE organisation_id = ${org} AND status = 'disputed'
            AND closed_at IS NULL`,
      ),
    }),
    month_close: async () => {
      const rows = await rowsOf<{ status: 'running' | 'done' }>(
        db,
        sql`SELECT status FROM month_closes WHERE organisation_id = ${org} AND month = ${previousMonth}
            ORDER BY started_at DESC LIMIT 1`,
      );
      const state = rows[0]?.status ?? 'not_started';
      return { count: state === 'done' ? 0 : 1, month: previousMonth, state };
    },
    invoices_overdue: async () => {
      const [r] = await rowsOf<{ n: number; cents: number }>(db, unpaid(org, null, today, true));
      return { count: Number(r.n), amountCents: Number(r.cents) };
    },
    client_next_shifts: async () => ({
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM shifts WHERE organisation_id = ${org} AND client_id = ${clientId}
            AND status <> 'cancelled' AND start_at >= ${nowIso}::timestamptz
            AND start_at < ${nowIso}::timestamptz + interval '7 days'`,
      ),
    }),
    client_timesheets_to_validate: async () => ({
      count: await count(
        db,
        sql`SELECT count(*)::int AS n FROM timesheets WHERE organisation_id = ${org} AND client_id = ${clientId}
            AND status = 'sent' AND closed_at IS NULL`,
      ),
    }),
    client_invoices_unpaid: async () => {
      const [r] = await rowsOf<{ n: number; cents: number }>(db, unpaid(org, clientId, today, false));
      return { count: Number(r.n), amountCents: Number(r.cents) };
    },
  };

  const keys = HOME_TILES.filter((k) => seesTile(actor.role, k));
  const tiles: HomeTile[] = [];
  for (const key of keys) tiles.push({ key, ...(await compute[key]()) });
  return { today, tiles };
}

const passEndingRows = (org: string, today: string, days: number) =>
  sql`SELECT p.id, p.worker_id FROM passes p WHERE p.organisation_id = ${org}
      AND p.end_date >= ${today}::date AND p.end_date <= ${addDays(today, days)}::date
      AND NOT EXISTS (SELECT 1 FROM passes q WHERE q.worker_id = p.worker_id AND q.end_date > p.end_date)
      AND NOT EXISTS (SELECT 1 FROM worker_exits x WHERE x.worker_id = p.worker_id)`;

const passEnding = (org: string, today: string, days: number) =>
  sql`SELECT count(DISTINCT worker_id)::int AS n FROM (${passEndingRows(org, today, days)}) p`;

/** Invoices not fully paid (optionally only those past their due date), for the AI or one client. */
const unpaid = (org: string, clientId: string | null, today: string, overdueOnly: boolean) =>
  sql`SELECT count(*)::int AS n, coalesce(sum(due), 0)::int AS cents FROM (
        SELECT i.total_cents - coalesce((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0) AS due
        FROM invoices i WHERE i.organisation_id = ${org} AND i.kind = 'invoice'
          ${clientId ? sql`AND i.client_id = ${clientId}` : sql``}
          ${overdueOnly ? sql`AND i.due_on < ${today}::date` : sql``}) x
      WHERE due > 0`;
