import { and, asc, count, desc, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ClientKind } from '../../../shared/clients.js';
import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/pagination.js';
import { networkOrganisations, organisations } from '../accounts/queries.js';
import { jobsOf, type NeedJobView, type NeedView, presentNeed } from './get-need.js';
import { isOverdue } from './rules/claim-deadline.js';
import { type NeedStatus, needRoutes, needs, type RouteStatus } from './schema.js';

/** A need the network watches: the one it was assigned to, or one routed to any of its AIs. */
export function watchedBy(networkId: string): SQL {
  return or(
    eq(needs.networkId, networkId),
    exists(
      sql`(select 1 from ${needRoutes} r join ${networkOrganisations} no on no.organisation_id = r.organisation_id
           where r.need_id = ${needs.id} and no.network_id = ${networkId})`,
    ),
  )!;
}

const overdueSql = sql`(${needs.status} = 'routed' and ${needs.deadlineAt} <= now())`;

export type NetworkRoute = {
  organisationId: string;
  name: string;
  distanceKm: number | null;
  status: RouteStatus;
  routedAt: string;
  viewedAt: string | null;
  declineReason: string | null;
};

export type NetworkNeedItem = {
  id: string;
  reference: string;
  urgency: 'urgent' | 'structural';
  status: NeedStatus;
  createdAt: string;
  claimedBy?: { organisationId: string; name: string };
  routedTo: NetworkRoute[];
  claimedAt: string | null;
  deadlineAt: string | null;
  overdue: boolean;
  /** Every AI it was routed to said no: it needs re-routing. */
  allDeclined: boolean;
  /** Minutes from submission to claim, or to now while unclaimed. */
  waitedMinutes: number;
  establishmentName: string;
  establishmentKind: ClientKind;
  communeName: string;
  departement: string;
  jobs: Pick<NeedJobView, 'rome' | 'label' | 'headcount'>[];
};

/** `open` = unrouted or routed (waiting for an AI); `overdue` = routed and past its deadline. */
export type NetworkNeedFilter = NeedStatus | 'open' | 'overdue';

export async function routesOf(db: Db, needIds: string[]): Promise<Map<string, NetworkRoute[]>> {
  const out = new Map<string, NetworkRoute[]>();
  if (needIds.length === 0) return out;
  const rows = await db
    .select({ route: needRoutes, name: organisations.name })
    .from(needRoutes)
    .innerJoin(organisations, eq(organisations.id, needRoutes.organisationId))
    .where(inArray(needRoutes.needId, needIds))
    .orderBy(asc(needRoutes.rank));
  for (const { route, name } of rows) {
    const list = out.get(route.needId) ?? [];
    list.push({
      organisationId: route.organisationId,
      name,
      distanceKm: route.distanceKm,
      status: route.status,
      routedAt: route.routedAt.toISOString(),
      viewedAt: route.viewedAt?.toISOString() ?? null,
      declineReason: route.declineReason,
    });
    out.set(route.needId, list);
  }
  return out;
}

export type ListNetworkNeedsOptions = {
  db: Db;
  actor: NetworkActor;
  status?: NetworkNeedFilter;
  page: Page;
  now?: Date;
};

/** The network console: every need it watches, overdue first, then unrouted, then waiting, then the rest. */
export async function listNetworkNeeds({ db, actor, status, page, now = new Date() }: ListNetworkNeedsOptions) {
  const filter =
    status === 'open'
      ? inArray(needs.status, ['unrouted', 'routed'])
      : status === 'overdue'
        ? overdueSql
        : status
          ? eq(needs.status, status)
          : undefined;
  const where = and(watchedBy(actor.networkId), filter);
  const group = sql`(case when ${overdueSql} then 0 when ${needs.status} = 'unrouted' then 1 when ${needs.status} = 'routed' then 2 else 3 end)`;
  const [rows, [total]] = await Promise.all([
    db
      .select({ need: needs, claimedByName: organisations.name })
      .from(needs)
      .leftJoin(organisations, eq(organisations.id, needs.claimedByOrganisationId))
      .where(where)
      .orderBy(asc(group), asc(sql`case when ${group} < 3 then ${needs.createdAt} end`), desc(needs.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(needs).where(where),
  ]);
  const ids = rows.map((r) => r.need.id);
  const [routes, jobs] = await Promise.all([routesOf(db, ids), jobsOf(db, ids)]);
  const items: NetworkNeedItem[] = rows.map(({ need, claimedByName }) => {
    const routedTo = routes.get(need.id) ?? [];
    const end = need.claimedAt ?? now;
    return {
      id: need.id,
      reference: need.reference,
      urgency: need.urgency,
      status: need.status,
      createdAt: need.createdAt.toISOString(),
      ...(need.claimedByOrganisationId
        ? { claimedBy: { organisationId: need.claimedByOrganisationId, name: claimedByName ?? '' } }
        : {}),
      routedTo,
      claimedAt: need.claimedAt?.toISOString() ?? null,
      deadlineAt: need.deadlineAt?.toISOString() ?? null,
      overdue: isOverdue(need, now),
      allDeclined: need.status === 'routed' && routedTo.length > 0 && routedTo.every((r) => r.status === 'declined'),
      waitedMinutes: Math.max(0, Math.round((end.getTime() - need.createdAt.getTime()) / 60_000)),
      establishmentName: need.establishmentName,
      establishmentKind: need.establishmentKind,
      communeName: need.communeName,
      departement: need.departement,
      jobs: (jobs.get(need.id) ?? []).map(({ rome, label, headcount }) => ({ rome, label, headcount })),
    };
  });
  return { items, total: Number(total.n) };
}

/** One need as the coordinator sees it: everything, with every route. */
export async function getNetworkNeed({
  db,
  actor,
  needId,
  now = new Date(),
}: {
  db: Db;
  actor: NetworkActor;
  needId: string;
  now?: Date;
}): Promise<NeedView & { routedTo: NetworkRoute[] }> {
  const [row] = await db
    .select({ need: needs, claimedByName: organisations.name })
    .from(needs)
    .leftJoin(organisations, eq(organisations.id, needs.claimedByOrganisationId))
    .where(and(eq(needs.id, needId), watchedBy(actor.networkId)));
  if (!row) throw notFound('Ce besoin');
  const [routes, jobs] = await Promise.all([routesOf(db, [needId]), jobsOf(db, [needId])]);
  return {
    ...presentNeed(row.need, null, row.claimedByName, jobs.get(needId) ?? [], now),
    // The client the claiming AI created from the need is that AI's record, not the network's (isolation matrix).
    clientId: null,
    routedTo: routes.get(needId) ?? [],
  };
}
