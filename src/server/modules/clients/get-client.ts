import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { workers } from '../workers/queries.js';
import { findClient } from './find-client.js';
import { presentClient, presentContact, presentSite } from './present-client.js';
import { clientContacts, clientExcludedWorkers, sites } from './schema.js';

export type GetClientOptions = { db: Db; actor: OrgActor; clientId: string };

/** A client with its sites, contacts and "do not send" list. */
export async function getClient({ db, actor, clientId }: GetClientOptions) {
  const client = await findClient(db, actor, clientId);
  const scope = (t: { organisationId: any; clientId: any }) =>
    and(eq(t.organisationId, actor.organisationId), eq(t.clientId, client.id));
  const [siteRows, contactRows, excluded] = await Promise.all([
    db.select().from(sites).where(scope(sites)).orderBy(asc(sites.createdAt)),
    db.select().from(clientContacts).where(scope(clientContacts)).orderBy(asc(clientContacts.createdAt)),
    db
      .select({
        workerId: clientExcludedWorkers.workerId,
        reason: clientExcludedWorkers.reason,
        createdAt: clientExcludedWorkers.createdAt,
        firstName: workers.firstName,
        lastName: workers.lastName,
      })
      .from(clientExcludedWorkers)
      .leftJoin(workers, eq(workers.id, clientExcludedWorkers.workerId))
      .where(scope(clientExcludedWorkers)),
  ]);
  return {
    ...presentClient(client),
    sites: siteRows.map(presentSite),
    contacts: contactRows.map(presentContact),
    excludedWorkers: excluded.map((e) => ({
      workerId: e.workerId,
      name: e.firstName ? `${e.firstName} ${e.lastName}` : 'Salarié·e inconnu·e',
      reason: e.reason,
      since: e.createdAt.toISOString(),
    })),
  };
}
