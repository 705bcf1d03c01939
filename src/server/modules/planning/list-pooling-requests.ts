import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { organisations } from '../accounts/queries.js';
import { networksOf, poolingEnabled, presentRequest } from './pooling-network.js';
import { poolingRequests } from './schema.js';

/** Open requests of the other AIs of my networks (only when my AI consents). No personal data. */
export async function listPoolingRequests({ db, actor }: { db: Db; actor: OrgActor }) {
  if (!(await poolingEnabled(db, actor.organisationId))) return { items: [], total: 0, consent: false };
  const nets = await networksOf(db, actor.organisationId);
  if (nets.length === 0) return { items: [], total: 0, consent: true };
  const rows = await db
    .select({ r: poolingRequests, orgName: organisations.name })
    .from(poolingRequests)
    .innerJoin(organisations, eq(organisations.id, poolingRequests.organisationId))
    .where(
      and(
        inArray(poolingRequests.networkId, nets),
        eq(poolingRequests.status, 'open'),
        ne(poolingRequests.organisationId, actor.organisationId),
        sql`${poolingRequests.endAt} > now()`,
      ),
    )
    .orderBy(poolingRequests.startAt)
    .limit(200);
  return { items: rows.map((x) => presentRequest(x.r, x.orgName)), total: rows.length, consent: true };
}
