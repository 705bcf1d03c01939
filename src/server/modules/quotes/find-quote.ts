import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { quoteScope } from '../../policies/scopes.js';
import { clients } from '../clients/queries.js';
import { placementContracts, quotes } from './schema.js';

/** The quote in the actor's organisation (a client_user sees only its client's); 404 otherwise. */
export async function findQuote(db: Db, actor: OrgActor, quoteId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(quotes)
    .where(and(eq(quotes.id, quoteId), quoteScope(actor)));
  const [quote] = opts.forUpdate ? await q.for('update') : await q;
  if (!quote) throw notFound('Ce devis');
  return quote;
}

export async function quoteContext(db: Db, quote: typeof quotes.$inferSelect) {
  const [[client], [contract]] = await Promise.all([
    db.select().from(clients).where(eq(clients.id, quote.clientId)),
    db
      .select({ id: placementContracts.id })
      .from(placementContracts)
      .where(eq(placementContracts.quoteId, quote.id))
      .orderBy(desc(placementContracts.createdAt))
      .limit(1),
  ]);
  return { client, placementContractId: contract?.id ?? null };
}
