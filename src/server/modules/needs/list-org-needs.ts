import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ClientKind } from '../../../shared/clients.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { needScope } from '../../policies/scopes.js';
import { type InboxStatus, inboxStatusSql, jobsOf, type NeedJobView } from './get-need.js';
import { isOverdue } from './rules/claim-deadline.js';
import { needRoutes, needs } from './schema.js';

export type OrgNeedItem = {
  id: string;
  reference: string;
  urgency: 'urgent' | 'structural';
  status: InboxStatus;
  createdAt: string;
  deadlineAt: string | null;
  overdue: boolean;
  establishmentName: string;
  establishmentKind: ClientKind;
  communeName: string;
  distanceKm: number | null;
  viewedAt: string | null;
  jobs: Pick<NeedJobView, 'rome' | 'label' | 'headcount' | 'startDate'>[];
};

/** `routed` (API.md's word) means the same as `new`; `open` = new, claimed and in diagnostic. */
export type OrgNeedFilter = InboxStatus | 'routed' | 'open';

export type ListOrgNeedsOptions = { db: Db; actor: OrgActor; status?: OrgNeedFilter; page: Page; now?: Date };

/** The AI's inbox: needs routed to it, new ones first (urgent first), then the most recent. */
export async function listOrgNeeds({ db, actor, status, page, now = new Date() }: ListOrgNeedsOptions) {
  const statuses: InboxStatus[] | undefined =
    status === 'routed'
      ? ['new']
      : status === 'open'
        ? ['new', 'claimed', 'in_diagnostic']
        : status
          ? [status]
          : undefined;
  const where = and(
    eq(needRoutes.organisationId, actor.organisationId),
    statuses ? inArray(inboxStatusSql, statuses) : undefined,
    needScope(actor),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ need: needs, route: needRoutes, inbox: inboxStatusSql })
      .from(needRoutes)
      .innerJoin(needs, eq(needs.id, needRoutes.needId))
      .where(where)
      .orderBy(
        asc(sql`case when ${inboxStatusSql} = 'new' then 0 else 1 end`),
        asc(sql`case when ${inboxStatusSql} = 'new' and ${needs.urgency} = 'urgent' then 0 else 1 end`),
        desc(needs.createdAt),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(needRoutes).innerJoin(needs, eq(needs.id, needRoutes.needId)).where(where),
  ]);
  const jobs = await jobsOf(
    db,
    rows.map((r) => r.need.id),
  );
  const items: OrgNeedItem[] = rows.map(({ need, route, inbox }) => ({
    id: need.id,
    reference: need.reference,
    urgency: need.urgency,
    status: inbox,
    createdAt: need.createdAt.toISOString(),
    deadlineAt: need.deadlineAt?.toISOString() ?? null,
    overdue: isOverdue(need, now),
    establishmentName: need.establishmentName,
    establishmentKind: need.establishmentKind,
    communeName: need.communeName,
    distanceKm: route.distanceKm,
    viewedAt: route.viewedAt?.toISOString() ?? null,
    jobs: (jobs.get(need.id) ?? []).map(({ rome, label, headcount, startDate }) => ({
      rome,
      label,
      headcount,
      startDate,
    })),
  }));
  return { items, total: Number(total.n) };
}

/** Counts for the navigation badge and the inbox tabs. */
export async function countOrgNeeds({ db, actor }: { db: Db; actor: OrgActor }) {
  const rows = await db
    .select({ status: inboxStatusSql, n: count() })
    .from(needRoutes)
    .innerJoin(needs, eq(needs.id, needRoutes.needId))
    .where(eq(needRoutes.organisationId, actor.organisationId))
    .groupBy(inboxStatusSql);
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}
