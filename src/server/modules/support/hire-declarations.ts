import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { HireDeclaration } from '../../../shared/hires.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { users } from '../accounts/queries.js';
import { clients } from '../clients/queries.js';
import { workers } from '../workers/queries.js';
import { hireDeclarations } from './schema.js';

const declarer = alias(users, 'declarer');

/** A client user sees its own client's declarations only; the back office sees the AI's. */
export const hireScope = (actor: OrgActor) =>
  actor.role === 'client_user'
    ? and(
        eq(hireDeclarations.organisationId, actor.organisationId),
        eq(hireDeclarations.clientId, actor.clientId ?? '00000000-0000-0000-0000-000000000000'),
      )
    : eq(hireDeclarations.organisationId, actor.organisationId);

const columns = {
  id: hireDeclarations.id,
  clientId: hireDeclarations.clientId,
  clientName: clients.name,
  workerId: hireDeclarations.workerId,
  firstName: workers.firstName,
  lastName: workers.lastName,
  hireDate: hireDeclarations.hireDate,
  contractKind: hireDeclarations.contractKind,
  message: hireDeclarations.message,
  status: hireDeclarations.status,
  declaredAt: hireDeclarations.declaredAt,
  declaredByName: declarer.name,
  answeredAt: hireDeclarations.answeredAt,
  answerNote: hireDeclarations.answerNote,
  exitId: hireDeclarations.exitId,
};

type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null };

function present(r: Row): HireDeclaration {
  return {
    id: r.id!,
    clientId: r.clientId!,
    clientName: r.clientName!,
    workerId: r.workerId!,
    workerName: `${r.firstName} ${r.lastName}`,
    hireDate: r.hireDate!,
    contractKind: r.contractKind!,
    message: r.message,
    status: r.status!,
    declaredAt: r.declaredAt!.toISOString(),
    declaredByName: r.declaredByName,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answerNote: r.answerNote,
    exitId: r.exitId,
  };
}

const base = (db: Db) =>
  db
    .select(columns)
    .from(hireDeclarations)
    .innerJoin(clients, eq(clients.id, hireDeclarations.clientId))
    .innerJoin(workers, eq(workers.id, hireDeclarations.workerId))
    .leftJoin(declarer, eq(declarer.id, hireDeclarations.declaredBy));

/** The declarations within the actor's scope, those waiting for an answer first, then the newest. */
export async function listHireDeclarations({ db, actor }: { db: Db; actor: OrgActor }) {
  const rows = await base(db)
    .where(hireScope(actor))
    .orderBy(sql`(${hireDeclarations.status} = 'pending') DESC`, desc(hireDeclarations.declaredAt))
    .limit(200);
  const items = rows.map(present);
  return { items, pending: items.filter((i) => i.status === 'pending').length };
}

/** One declaration within the actor's scope, or 404. */
export async function findHireDeclaration(db: Db, actor: OrgActor, id: string): Promise<HireDeclaration> {
  const [row] = await base(db).where(and(eq(hireDeclarations.id, id), hireScope(actor)));
  if (!row) throw notFound('Cette déclaration d’embauche');
  return present(row);
}
