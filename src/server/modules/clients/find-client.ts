import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { clientScope } from '../../policies/scopes.js';
import { clients } from './schema.js';

/** The client in the actor's organisation (a client_user sees only its own); 404 otherwise. */
export async function findClient(db: Db, actor: OrgActor, clientId: string) {
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), clientScope(actor)));
  if (!client) throw notFound('Ce client');
  return client;
}
