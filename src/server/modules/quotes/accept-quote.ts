import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { conflict, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { frenchDate, parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { type ContractActor, createPlacementContractFromQuote, type Signature } from './create-placement-contract.js';
import { progressNeed } from './need-progress.js';
import { quotes } from './schema.js';

/** Why a quote cannot be answered any more (accepted, refused, replaced, expired), or nothing. */
export function assertQuoteOpen(quote: typeof quotes.$inferSelect, today = parisToday()) {
  if (quote.status === 'accepted') {
    throw conflict(
      'quote_already_accepted',
      `Le devis ${quote.number} a déjà été accepté le ${frenchDate(quote.acceptedAt!.toISOString().slice(0, 10))}.`,
    );
  }
  if (quote.status === 'refused')
    throw conflict('quote_refused', `Le devis ${quote.number} a été refusé : il ne peut plus être accepté.`);
  if (quote.status === 'superseded') {
    throw conflict(
      'quote_superseded',
      `Le devis ${quote.number} a été remplacé par une version plus récente : répondez à celle-ci.`,
    );
  }
  if (quote.status === 'expired' || quote.validUntil < today) {
    throw ruleBroken(
      'quote_expired',
      `Le devis ${quote.number} n’est plus valable depuis le ${frenchDate(quote.validUntil)} : demandez une nouvelle version à l’association.`,
    );
  }
}

export type AcceptQuoteByIdOptions = {
  db: Db;
  actor: ContractActor;
  quoteId: string;
  signature: Omit<Signature, 'at'>;
};

/**
 * The client accepts the quote (online, through its portal, or recorded by the AI from a signed copy):
 * the acceptance records who, when and from which IP, and generates the signed placement contract.
 * Refused with nothing changed when the quote is expired, already answered, or the contract breaks a rule.
 */
export async function acceptQuoteById({ db, actor, quoteId, signature }: AcceptQuoteByIdOptions) {
  return db.transaction(async (tx) => {
    const [quote] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, quoteId), eq(quotes.organisationId, actor.organisationId)))
      .for('update');
    assertQuoteOpen(quote);
    const [client] = await tx.select().from(clients).where(eq(clients.id, quote.clientId));
    const at = new Date();
    await tx
      .update(quotes)
      .set({ status: 'accepted', acceptedAt: at, acceptedBy: signature.by, acceptedIp: signature.ip })
      .where(eq(quotes.id, quote.id));
    await recordAudit({
      db: tx,
      actor,
      action: 'quote.accept',
      recordType: 'quote',
      recordId: quote.id,
      details: { by: signature.by, ip: signature.ip, via: signature.via },
    });
    const contract = await createPlacementContractFromQuote(tx, actor, {
      quote: { ...quote, status: 'accepted' },
      client,
      signature: { ...signature, at },
    });
    await progressNeed(tx, actor, quote.needId, 'won');
    return { status: 'accepted' as const, placementContractId: contract.id };
  });
}

/** The client declines the quote; it stays in the history. */
export async function refuseQuoteById(o: {
  db: Db;
  actor: ContractActor;
  quoteId: string;
  by: string;
  ip: string | null;
  reason?: string | null;
}) {
  return o.db.transaction(async (tx) => {
    const [quote] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, o.quoteId), eq(quotes.organisationId, o.actor.organisationId)))
      .for('update');
    assertQuoteOpen(quote);
    await tx
      .update(quotes)
      .set({
        status: 'refused',
        refusedAt: new Date(),
        refusedBy: o.by,
        refusedIp: o.ip,
        refusalReason: o.reason ?? null,
      })
      .where(eq(quotes.id, quote.id));
    await progressNeed(tx, o.actor, quote.needId, 'lost');
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'quote.refuse',
      recordType: 'quote',
      recordId: quote.id,
      details: { by: o.by, ip: o.ip },
    });
    return { status: 'refused' as const };
  });
}
