import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { jobsOf, type NeedJobView } from './get-need.js';
import { routesOf } from './list-network-needs.js';
import { type NeedStatus, needs } from './schema.js';
import { sha256 } from './submit-need.js';

export type NeedFollowUp = {
  reference: string;
  urgency: 'urgent' | 'structural';
  status: NeedStatus;
  createdAt: string;
  establishmentName: string;
  communeName: string;
  jobs: NeedJobView[];
  /** How many AIs received it, and how many of them opened it. */
  routedCount: number;
  viewedCount: number;
  claimedAt: string | null;
  claimedBy: { name: string; phone: string | null; email: string | null; communeName: string | null } | null;
};

/** The establishment's view of its need, through the private link of its receipt (only its hash is stored). */
export async function followNeed({ db, token }: { db: Db; token: string }): Promise<NeedFollowUp> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound('Ce besoin');
  const [row] = await db
    .select({ need: needs, org: organisations })
    .from(needs)
    .leftJoin(organisations, and(eq(organisations.id, needs.claimedByOrganisationId)))
    .where(eq(needs.followTokenHash, sha256(token)));
  if (!row) throw notFound('Ce besoin');
  const { need, org } = row;
  const [routes, jobs] = await Promise.all([routesOf(db, [need.id]), jobsOf(db, [need.id])]);
  const list = routes.get(need.id) ?? [];
  return {
    reference: need.reference,
    urgency: need.urgency,
    status: need.status,
    createdAt: need.createdAt.toISOString(),
    establishmentName: need.establishmentName,
    communeName: need.communeName,
    jobs: jobs.get(need.id) ?? [],
    routedCount: list.length,
    viewedCount: list.filter((r) => r.viewedAt !== null).length,
    claimedAt: need.claimedAt?.toISOString() ?? null,
    claimedBy: org ? { name: org.name, phone: org.phone, email: org.email, communeName: org.communeName } : null,
  };
}
