import { and, asc, count, desc, eq, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { quoteScope } from '../../policies/scopes.js';
import { parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { findQuote, quoteContext } from './find-quote.js';
import { presentLine, presentQuote } from './present-quote.js';
import { placementContracts, quoteLines, quotes } from './schema.js';

export type ListQuotesOptions = {
  db: Db;
  actor: OrgActor;
  status?: string;
  clientId?: string;
  needId?: string;
  /** Include the versions replaced by a revision (default: only the latest of each quote). */
  history?: boolean;
  page: Page;
};

/** Quotes, newest first; a client_user sees only its own. "expired" = draft or sent past its validity. */
export async function listQuotes({ db, actor, status, clientId, needId, history, page }: ListQuotesOptions) {
  const today = parisToday();
  const where: SQL[] = [quoteScope(actor)];
  if (clientId) where.push(eq(quotes.clientId, clientId));
  if (needId) where.push(eq(quotes.needId, needId));
  if (!history && status !== 'superseded') where.push(ne(quotes.status, 'superseded'));
  if (status === 'expired') {
    where.push(inArray(quotes.status, ['draft', 'sent', 'expired']));
    where.push(lt(quotes.validUntil, today));
  } else if (status === 'draft' || status === 'sent') {
    where.push(eq(quotes.status, status));
    where.push(gte(quotes.validUntil, today));
  } else if (status) where.push(eq(quotes.status, status as 'accepted'));
  const cond = and(...where);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        quote: quotes,
        clientName: clients.name,
        // The contract as it stands (its latest amendment), like the quote's page: a join on every contract
        // row listed a quote once per amendment.
        placementContractId: sql<
          string | null
        >`(select ${placementContracts.id} from ${placementContracts} where ${placementContracts.quoteId} = ${quotes.id} and ${placementContracts.organisationId} = ${quotes.organisationId} order by ${placementContracts.createdAt} desc limit 1)`,
      })
      .from(quotes)
      .innerJoin(clients, eq(clients.id, quotes.clientId))
      .where(cond)
      .orderBy(desc(quotes.createdAt), desc(quotes.number))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(quotes).where(cond),
  ]);
  return {
    items: rows.map((r) =>
      presentQuote(r.quote, { clientName: r.clientName, placementContractId: r.placementContractId }),
    ),
    total: n,
  };
}

/** One quote with its lines and the versions of the same number. */
export async function getQuote({ db, actor, quoteId }: { db: Db; actor: OrgActor; quoteId: string }) {
  const quote = await findQuote(db, actor, quoteId);
  return quoteDetail(db, quote);
}

export async function quoteDetail(db: Db, quote: typeof quotes.$inferSelect) {
  const [{ client, placementContractId }, lines, versions] = await Promise.all([
    quoteContext(db, quote),
    db.select().from(quoteLines).where(eq(quoteLines.quoteId, quote.id)).orderBy(asc(quoteLines.position)),
    db
      .select()
      .from(quotes)
      .where(and(eq(quotes.organisationId, quote.organisationId), eq(quotes.number, quote.number)))
      .orderBy(asc(quotes.revision)),
  ]);
  return {
    ...presentQuote(quote, { clientName: client.name, placementContractId }),
    lines: lines.map(presentLine),
    history: versions.map((v) => ({
      id: v.id,
      revision: v.revision,
      status: v.status,
      totalCents: v.totalCents,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}
