import { sql } from 'drizzle-orm';
import type { NetworkDashboard } from '../../../shared/reporting.js';
import type { Db } from '../../db/connect.js';
import { rowsOf } from '../../db/rows.js';
import type { NetworkActor } from '../../http/actor.js';
import { watchedBy } from '../needs/list-network-needs.js';
import { networkStats } from './network-stats.js';
import { instantsOf, monthsOf, type Period } from './period.js';
import { median } from './rules/exit-rate.js';
import { deliveredSecondsByOrganisationMonth } from './worked-minutes.js';

type Figures = Omit<NetworkDashboard['perDepartement'][number], 'departement'>;

/**
 * The network's dashboard: API.md's stats plus the same figures per AI, per département and per month.
 * Only counts and sums leave the AIs (no worker, no person is named): the coordinator sees the mobilisation,
 * never someone's file. Hours delivered are those of network/stats (assigned shifts with medico-social
 * clients, already over), needs routed are routes to the AI, claims and time to claim those of the AI.
 */
export async function networkDashboard({
  db,
  actor,
  period,
  now = new Date(),
}: {
  db: Db;
  actor: NetworkActor;
  period: Period;
  now?: Date;
}): Promise<NetworkDashboard> {
  const { start, end } = instantsOf(period);
  const s = start.toISOString();
  const e = end.toISOString();
  const members = sql`(SELECT organisation_id FROM network_organisations WHERE network_id = ${actor.networkId})`;
  const memberIds = (
    await rowsOf<{ organisation_id: string }>(
      db,
      sql`SELECT organisation_id FROM network_organisations WHERE network_id = ${actor.networkId}`,
    )
  ).map((r) => r.organisation_id);
  // The expensive figure, read once (aggregated months + live rest) for the stats and the breakdowns.
  const deliveredSeconds = await deliveredSecondsByOrganisationMonth(db, memberIds, period, now);
  const delivered = deliveredSeconds.map((r) => ({
    organisation_id: r.organisationId,
    month: r.month,
    minutes: Math.round(r.seconds / 60),
  }));
  const [stats, orgs, routed, claims, hires, counters, needMonths] = await Promise.all([
    networkStats({ db, actor, from: period.from, to: period.to, now, delivered: deliveredSeconds }),
    rowsOf<{ id: string; name: string; departement: string | null; lat: number | null; lon: number | null }>(
      db,
      sql`SELECT o.id, o.name, o.departement, o.lat, o.lon FROM organisations o
          WHERE o.id IN ${members} ORDER BY o.name`,
    ),
    rowsOf<{ organisation_id: string; n: number }>(
      db,
      sql`SELECT r.organisation_id, count(DISTINCT r.need_id)::int AS n FROM need_routes r
          JOIN needs n ON n.id = r.need_id
          WHERE r.organisation_id IN ${members} AND n.created_at >= ${s}::timestamptz AND n.created_at < ${e}::timestamptz
          GROUP BY r.organisation_id`,
    ),
    rowsOf<{ organisation_id: string; minutes: number }>(
      db,
      sql`SELECT n.claimed_by_organisation_id AS organisation_id,
            (extract(epoch FROM (n.claimed_at - n.created_at)) / 60)::int AS minutes
          FROM needs n
          WHERE n.claimed_by_organisation_id IN ${members} AND n.claimed_at IS NOT NULL
            AND n.created_at >= ${s}::timestamptz AND n.created_at < ${e}::timestamptz`,
    ),
    rowsOf<{ organisation_id: string; month: string; n: number }>(
      db,
      sql`SELECT x.organisation_id, to_char(x.exit_date, 'YYYY-MM') AS month, count(*)::int AS n FROM worker_exits x
          WHERE x.organisation_id IN ${members} AND x.hired_by_client_id IS NOT NULL
            AND x.exit_date >= ${period.from}::date AND x.exit_date <= ${period.to}::date
          GROUP BY 1, 2`,
    ),
    rowsOf<{ unrouted: number; overdue: number }>(
      db,
      // No alias: watchedBy() names the columns as "needs"."…".
      sql`SELECT count(*) FILTER (WHERE needs.status = 'unrouted')::int AS unrouted,
            count(*) FILTER (WHERE needs.status = 'routed' AND needs.deadline_at <= ${now.toISOString()}::timestamptz)::int AS overdue
          FROM needs WHERE ${watchedBy(actor.networkId)}`,
    ),
    rowsOf<{ month: string; needs: number; claimed: number }>(
      db,
      sql`SELECT to_char(needs.created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month, count(*)::int AS needs,
            count(needs.claimed_at)::int AS claimed
          FROM needs WHERE ${watchedBy(actor.networkId)}
            AND needs.created_at >= ${s}::timestamptz AND needs.created_at < ${e}::timestamptz
          GROUP BY 1`,
    ),
  ]);

  const sumBy = <T extends { organisation_id: string }>(rows: T[], value: (r: T) => number) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r.organisation_id, (m.get(r.organisation_id) ?? 0) + value(r));
    return m;
  };
  const routedOf = sumBy(routed, (r) => Number(r.n));
  const deliveredOf = sumBy(delivered, (r) => Number(r.minutes));
  const hiresOf = sumBy(hires, (r) => Number(r.n));
  const claimMinutes = new Map<string, number[]>();
  for (const c of claims)
    claimMinutes.set(c.organisation_id, [...(claimMinutes.get(c.organisation_id) ?? []), Number(c.minutes)]);

  const perAi = orgs.map((o) => {
    const minutes = claimMinutes.get(o.id) ?? [];
    return {
      organisationId: o.id,
      name: o.name,
      departement: o.departement,
      lat: o.lat === null ? null : Number(o.lat),
      lon: o.lon === null ? null : Number(o.lon),
      needsRouted: routedOf.get(o.id) ?? 0,
      claimed: minutes.length,
      medianMinutesToClaim: median(minutes),
      minutesDelivered: deliveredOf.get(o.id) ?? 0,
      hiresByClients: hiresOf.get(o.id) ?? 0,
    };
  });

  const departements = new Map<string, { figures: Figures; claimMinutes: number[] }>();
  for (const a of perAi) {
    const key = a.departement ?? '—';
    const d = departements.get(key) ?? {
      figures: { needsRouted: 0, claimed: 0, medianMinutesToClaim: null, minutesDelivered: 0, hiresByClients: 0 },
      claimMinutes: [],
    };
    d.figures.needsRouted += a.needsRouted;
    d.figures.claimed += a.claimed;
    d.figures.minutesDelivered += a.minutesDelivered;
    d.figures.hiresByClients += a.hiresByClients;
    d.claimMinutes.push(...(claimMinutes.get(a.organisationId) ?? []));
    departements.set(key, d);
  }

  const monthly = new Map(needMonths.map((m) => [m.month, m]));
  const deliveredMonth = new Map<string, number>();
  for (const d of delivered) deliveredMonth.set(d.month, (deliveredMonth.get(d.month) ?? 0) + Number(d.minutes));
  const hiresMonth = new Map<string, number>();
  for (const h of hires) hiresMonth.set(h.month, (hiresMonth.get(h.month) ?? 0) + Number(h.n));

  return {
    from: period.from,
    to: period.to,
    stats,
    unrouted: Number(counters[0].unrouted),
    overdue: Number(counters[0].overdue),
    perAi,
    perDepartement: [...departements.entries()]
      .map(([departement, d]) => ({ departement, ...d.figures, medianMinutesToClaim: median(d.claimMinutes) }))
      .sort((a, b) => a.departement.localeCompare(b.departement)),
    perMonth: (period.from <= period.to ? monthsOf(period) : []).map((month) => ({
      month,
      needs: Number(monthly.get(month)?.needs ?? 0),
      claimed: Number(monthly.get(month)?.claimed ?? 0),
      minutesDelivered: deliveredMonth.get(month) ?? 0,
      hiresByClients: hiresMonth.get(month) ?? 0,
    })),
  };
}
