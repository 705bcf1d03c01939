import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ClientKind } from '../../../shared/clients.js';
import { INBOX_STATUSES, type InboxStatus } from '../../../shared/needs.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { needScope } from '../../policies/scopes.js';
import { organisations } from '../accounts/queries.js';
import { findJob } from '../directory/rome.js';
import { isOverdue } from './rules/claim-deadline.js';
import {
  type NeedDiagnostic,
  type NeedStatus,
  type NeedUrgency,
  needJobs,
  needRoutes,
  needs,
  type RouteStatus,
} from './schema.js';

export type { InboxStatus };
/**
 * What one AI sees of a need: 'new' while nobody claimed it, its own progress once it claimed it,
 * 'taken' when another AI did, 'declined' when it said no.
 */
export { INBOX_STATUSES };

export function inboxStatus(
  need: { status: NeedStatus; claimedByOrganisationId: string | null },
  route: { status: RouteStatus; organisationId: string } | null,
): InboxStatus {
  if (route?.status === 'declined') return 'declined';
  if (!need.claimedByOrganisationId) return 'new';
  if (route && need.claimedByOrganisationId === route.organisationId) return need.status as InboxStatus;
  return 'taken';
}

/** The same rule in SQL, to filter and count lists. */
export const inboxStatusSql = sql<InboxStatus>`(case
  when ${needRoutes.status} = 'declined' then 'declined'
  when ${needs.claimedByOrganisationId} is null then 'new'
  when ${needs.claimedByOrganisationId} = ${needRoutes.organisationId} then ${needs.status}
  else 'taken' end)`;

export type NeedJobView = {
  rome: string;
  label: string;
  headcount: number;
  hoursPerWeek: number | null;
  startDate: string;
  endDate: string | null;
  schedule: string | null;
  nights: boolean;
  weekends: boolean;
};

/** The need as getNeed() returns it (and GET /api/orgs/:orgId/needs/:id answers it). */
export type NeedView = {
  id: string;
  reference: string;
  urgency: NeedUrgency;
  /** The need's own status (unrouted, routed, claimed, in_diagnostic, quoted, won, lost). */
  status: NeedStatus;
  /** What the acting AI sees (new, claimed, …, taken, declined). */
  inboxStatus: InboxStatus;
  createdAt: string;
  deadlineAt: string | null;
  overdue: boolean;
  establishment: {
    name: string;
    kind: ClientKind;
    siret: string | null;
    address: { line: string | null; postalCode: string | null; communeCode: string; communeName: string };
    location: { lat: number; lon: number } | null;
  };
  /** Hidden (null) once another AI took the need: its contact is no longer this AI's business. */
  contact: { name: string; email: string; phone: string | null } | null;
  description: string;
  carePathway: boolean;
  jobs: NeedJobView[];
  diagnostic: NeedDiagnostic | null;
  diagnosticAt: string | null;
  claimedBy: { organisationId: string; name: string } | null;
  claimedAt: string | null;
  clientId: string | null;
  /** This AI's route: when it was routed, viewed, declined. */
  route: {
    rank: number;
    distanceKm: number | null;
    status: RouteStatus;
    routedAt: string;
    viewedAt: string | null;
    declinedAt: string | null;
    declineReason: string | null;
  } | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function jobsOf(db: Db, needIds: string[]): Promise<Map<string, NeedJobView[]>> {
  const out = new Map<string, NeedJobView[]>();
  if (needIds.length === 0) return out;
  const rows = await db
    .select()
    .from(needJobs)
    .where(inArray(needJobs.needId, needIds))
    .orderBy(asc(needJobs.needId), asc(needJobs.position));
  for (const j of rows) {
    const list = out.get(j.needId) ?? [];
    list.push({
      rome: j.rome,
      label: findJob(j.rome)?.label ?? j.rome,
      headcount: j.headcount,
      hoursPerWeek: j.minutesPerWeek === null ? null : j.minutesPerWeek / 60,
      startDate: j.startDate,
      endDate: j.endDate,
      schedule: j.schedule,
      nights: j.nights,
      weekends: j.weekends,
    });
    out.set(j.needId, list);
  }
  return out;
}

export type GetNeedOptions = { db: Db; actor: OrgActor; needId: string; now?: Date };

/**
 * A need routed to the actor's AI (404 otherwise), with its establishment, contact, jobs and diagnostic.
 * A client_user sees only the needs its AI linked to its client. For other modules (quotes: "create a client
 * from a need", a quote's need) as well as for the HTTP route.
 */
export async function getNeed({ db, actor, needId, now = new Date() }: GetNeedOptions): Promise<NeedView> {
  const [row] = await db
    .select({ need: needs, route: needRoutes, claimedByName: organisations.name })
    .from(needs)
    .innerJoin(needRoutes, and(eq(needRoutes.needId, needs.id), eq(needRoutes.organisationId, actor.organisationId)))
    .leftJoin(organisations, eq(organisations.id, needs.claimedByOrganisationId))
    .where(and(eq(needs.id, needId), needScope(actor)));
  if (!row) throw notFound('Ce besoin');
  const jobs = (await jobsOf(db, [needId])).get(needId) ?? [];
  return presentNeed(row.need, row.route, row.claimedByName, jobs, now);
}

export function presentNeed(
  n: typeof needs.$inferSelect,
  route: typeof needRoutes.$inferSelect | null,
  claimedByName: string | null,
  jobs: NeedJobView[],
  now: Date,
): NeedView {
  const status = inboxStatus(n, route);
  return {
    id: n.id,
    reference: n.reference,
    urgency: n.urgency,
    status: n.status,
    inboxStatus: status,
    createdAt: n.createdAt.toISOString(),
    deadlineAt: iso(n.deadlineAt),
    overdue: isOverdue(n, now),
    establishment: {
      name: n.establishmentName,
      kind: n.establishmentKind,
      siret: n.siret,
      address: {
        line: n.addressLine,
        postalCode: n.postalCode,
        communeCode: n.communeCode,
        communeName: n.communeName,
      },
      location: n.lat === null || n.lon === null ? null : { lat: n.lat, lon: n.lon },
    },
    contact: status === 'taken' ? null : { name: n.contactName, email: n.contactEmail, phone: n.contactPhone },
    description: n.description,
    carePathway: n.carePathway,
    jobs,
    diagnostic: n.diagnostic ?? null,
    diagnosticAt: iso(n.diagnosticAt),
    claimedBy: n.claimedByOrganisationId
      ? { organisationId: n.claimedByOrganisationId, name: claimedByName ?? '' }
      : null,
    claimedAt: iso(n.claimedAt),
    clientId: n.clientId,
    route: route
      ? {
          rank: route.rank,
          distanceKm: route.distanceKm,
          status: route.status,
          routedAt: route.routedAt.toISOString(),
          viewedAt: iso(route.viewedAt),
          declinedAt: iso(route.declinedAt),
          declineReason: route.declineReason,
        }
      : null,
  };
}

/** Records that the AI saw the need (first time only). */
export async function markNeedViewed({
  db,
  actor,
  needIds,
  now = new Date(),
}: {
  db: Db;
  actor: OrgActor;
  needIds: string[];
  now?: Date;
}) {
  if (needIds.length === 0 || (actor.role !== 'org_admin' && actor.role !== 'placement_officer')) return;
  await db
    .update(needRoutes)
    .set({ status: 'viewed', viewedAt: now })
    .where(
      and(
        eq(needRoutes.organisationId, actor.organisationId),
        inArray(needRoutes.needId, needIds),
        eq(needRoutes.status, 'routed'),
      ),
    );
}
