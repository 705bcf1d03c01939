import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { workers } from '../workers/queries.js';
import { findShift } from './find-shift.js';
import { shiftProposals } from './schema.js';

/** The proposals of one shift, in the officer's order, with how each reached (or did not reach) the person. */
export async function listShiftProposals({ db, actor, shiftId }: { db: Db; actor: OrgActor; shiftId: string }) {
  const shift = await findShift(db, actor.organisationId, shiftId);
  const rows = await db
    .select({
      id: shiftProposals.id,
      workerId: shiftProposals.workerId,
      firstName: workers.firstName,
      lastName: workers.lastName,
      rank: shiftProposals.rank,
      status: shiftProposals.status,
      channel: shiftProposals.channel,
      createdAt: shiftProposals.createdAt,
      respondedAt: shiftProposals.respondedAt,
    })
    .from(shiftProposals)
    .innerJoin(workers, eq(workers.id, shiftProposals.workerId))
    .where(and(eq(shiftProposals.shiftId, shift.id), eq(shiftProposals.organisationId, actor.organisationId)))
    .orderBy(asc(shiftProposals.createdAt), asc(shiftProposals.rank));
  return {
    items: rows.map(({ firstName, lastName, createdAt, respondedAt, ...r }) => ({
      ...r,
      workerName: `${firstName} ${lastName}`,
      createdAt: createdAt.toISOString(),
      respondedAt: respondedAt?.toISOString() ?? null,
    })),
  };
}
