import { and, asc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { forbidden } from '../../http/errors.js';
import { addDays, parisInstant, parisToday } from '../calendar/paris-time.js';
import { shifts } from '../planning/queries.js';
import { workers } from '../workers/queries.js';
import { hireDeclarations, workerExits } from './schema.js';

/**
 * The people a client may declare it hires: those who worked for it (an assigned shift in the last twelve
 * months or still to come), have not left the AI and are not already declared. A client never sees the AI's
 * other workers.
 */
export async function hireCandidates({ db, actor, workerId }: { db: Db; actor: OrgActor; workerId?: string }) {
  if (actor.role !== 'client_user' || !actor.clientId) throw forbidden('Seul un client déclare une embauche.');
  const since = parisInstant(addDays(parisToday(), -366));
  const rows = await db
    .selectDistinct({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName })
    .from(shifts)
    .innerJoin(workers, eq(workers.id, shifts.workerId))
    .where(
      and(
        eq(shifts.organisationId, actor.organisationId),
        eq(shifts.clientId, actor.clientId),
        isNotNull(shifts.workerId),
        gte(shifts.startAt, since),
        workerId ? eq(workers.id, workerId) : undefined,
        sql`NOT EXISTS (SELECT 1 FROM ${workerExits} WHERE ${workerExits.workerId} = ${workers.id})`,
        // Already declared and waiting for the AI's answer: shown in « Mes déclarations », not twice.
        sql`NOT EXISTS (SELECT 1 FROM ${hireDeclarations} WHERE ${hireDeclarations.workerId} = ${workers.id} AND ${hireDeclarations.status} = 'pending')`,
      ),
    )
    .orderBy(asc(workers.lastName), asc(workers.firstName));
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
}
