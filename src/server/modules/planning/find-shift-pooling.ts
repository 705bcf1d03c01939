import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { organisations } from '../accounts/queries.js';
import { workers } from '../workers/queries.js';
import { findShift } from './find-shift.js';
import { poolingOffers, poolingRequests } from './schema.js';

/** The asking AI sees the offers on its shift: the answering AI and a first name, nothing more. */
export async function shiftPooling({ db, actor, shiftId }: { db: Db; actor: OrgActor; shiftId: string }) {
  await findShift(db, actor.organisationId, shiftId);
  const [r] = await db
    .select()
    .from(poolingRequests)
    .where(and(eq(poolingRequests.shiftId, shiftId), eq(poolingRequests.organisationId, actor.organisationId)))
    .orderBy(desc(poolingRequests.createdAt))
    .limit(1);
  if (!r) return { request: null, offers: [] };
  const offers = await db
    .select({
      id: poolingOffers.id,
      status: poolingOffers.status,
      distanceKm: poolingOffers.distanceKm,
      orgName: organisations.name,
      firstName: workers.firstName,
    })
    .from(poolingOffers)
    .innerJoin(organisations, eq(organisations.id, poolingOffers.organisationId))
    .innerJoin(workers, eq(workers.id, poolingOffers.workerId))
    .where(eq(poolingOffers.requestId, r.id));
  return {
    request: { id: r.id, status: r.status, createdAt: r.createdAt.toISOString() },
    offers: offers.map((o) => ({
      id: o.id,
      status: o.status,
      distanceKm: o.distanceKm,
      organisationName: o.orgName,
      firstName: o.firstName,
    })),
  };
}
