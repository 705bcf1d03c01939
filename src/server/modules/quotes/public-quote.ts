import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { clients, sites } from '../clients/queries.js';
import { acceptQuoteById, refuseQuoteById } from './accept-quote.js';
import { effectiveStatus, presentLine } from './present-quote.js';
import { quoteLines, quotes } from './schema.js';
import { hashToken } from './send-quote.js';

/** The quote a private link opens; any other token (or a replaced link) is simply not found. */
export async function findQuoteByToken(db: Db, token: string) {
  const [quote] = await db
    .select()
    .from(quotes)
    .where(eq(quotes.acceptTokenHash, hashToken(token)));
  if (!quote) throw notFound('Ce lien de devis');
  return quote;
}

/** What the client sees through its link: the quote, not the AI's internal notes. */
export async function publicQuote(db: Db, token: string) {
  const quote = await findQuoteByToken(db, token);
  const [[org], [client], lines, site] = await Promise.all([
    db.select().from(organisations).where(eq(organisations.id, quote.organisationId)),
    db.select().from(clients).where(eq(clients.id, quote.clientId)),
    db.select().from(quoteLines).where(eq(quoteLines.quoteId, quote.id)).orderBy(asc(quoteLines.position)),
    quote.siteId
      ? db
          .select()
          .from(sites)
          .where(eq(sites.id, quote.siteId))
          .then((r) => r[0])
      : Promise.resolve(undefined),
  ]);
  return {
    number: quote.number,
    revision: quote.revision,
    status: effectiveStatus(quote),
    organisation: { name: org.name, phone: org.phone, email: org.email },
    clientName: client.name,
    validUntil: quote.validUntil,
    tenderReference: quote.tenderReference,
    totalCents: quote.totalCents,
    startDate: quote.startDate,
    endDate: quote.endDate,
    tasks: quote.tasks,
    siteName: site ? [site.name, site.communeName].filter(Boolean).join(', ') : null,
    protectiveEquipment: quote.protectiveEquipment,
    lines: lines.map(presentLine),
    acceptedAt: quote.acceptedAt?.toISOString() ?? null,
    acceptedBy: quote.acceptedBy,
    refusedAt: quote.refusedAt?.toISOString() ?? null,
  };
}

export async function acceptQuoteByToken(o: { db: Db; token: string; name: string; ip: string | null }) {
  const quote = await findQuoteByToken(o.db, o.token);
  return acceptQuoteById({
    db: o.db,
    actor: { userId: null, organisationId: quote.organisationId },
    quoteId: quote.id,
    signature: { by: o.name, ip: o.ip, via: 'link' },
  });
}

export async function refuseQuoteByToken(o: {
  db: Db;
  token: string;
  name: string;
  ip: string | null;
  reason?: string | null;
}) {
  const quote = await findQuoteByToken(o.db, o.token);
  return refuseQuoteById({
    db: o.db,
    actor: { userId: null, organisationId: quote.organisationId },
    quoteId: quote.id,
    by: o.name,
    ip: o.ip,
    reason: o.reason,
  });
}
