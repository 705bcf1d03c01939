import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { ruleBroken } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { frenchDate } from '../calendar/paris-time.js';
import { queueEmail } from '../notifications/queue-email.js';
import { assertQuoteOpen } from './accept-quote.js';
import { findQuote, quoteContext } from './find-quote.js';
import { progressNeed } from './need-progress.js';
import { presentQuote } from './present-quote.js';
import { quotes } from './schema.js';

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export type SendQuoteOptions = {
  db: Db;
  actor: OrgActor;
  quoteId: string;
  /** Where to send it; the client's contact email by default. */
  to?: string | null;
  publicUrl: string;
};

/**
 * Emails the quote with a private link where the client reads, accepts or refuses it. Only a hash of the
 * link's token is stored; sending again makes a new link and the old one stops working.
 */
export async function sendQuote({ db, actor, quoteId, to, publicUrl }: SendQuoteOptions) {
  return db.transaction(async (tx) => {
    const quote = await findQuote(tx, actor, quoteId, { forUpdate: true });
    assertQuoteOpen(quote);
    const { client, placementContractId } = await quoteContext(tx, quote);
    const recipient = to ?? client.email;
    if (!recipient) {
      throw ruleBroken(
        'client_without_email',
        `${client.name} n’a pas d’adresse e-mail : ajoutez-en une sur sa fiche ou saisissez un destinataire.`,
      );
    }
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, actor.organisationId));
    const token = crypto.randomBytes(24).toString('base64url');
    const [updated] = await tx
      .update(quotes)
      .set({ status: 'sent', sentAt: new Date(), acceptTokenHash: hashToken(token) })
      .where(eq(quotes.id, quote.id))
      .returning();
    const link = `${publicUrl}/devis/reponse/${token}`;
    await queueEmail({
      db: tx,
      to: recipient,
      organisationId: actor.organisationId,
      related: { type: 'quote', id: quote.id },
      subject: `Devis ${quote.number} de ${org.name}`,
      text: [
        'Bonjour,',
        '',
        `${org.name} vous adresse le devis ${quote.number} pour ${client.name}.`,
        `Il est valable jusqu’au ${frenchDate(quote.validUntil)}.`,
        '',
        'Pour le lire, l’accepter ou le refuser, ouvrez ce lien personnel :',
        link,
        '',
        'En l’acceptant, vous signez le contrat de mise à disposition.',
        '',
        `${org.name}${org.phone ? ` — ${org.phone}` : ''}`,
      ].join('\n'),
    });
    await progressNeed(tx, actor, quote.needId, 'quoted');
    await recordAudit({
      db: tx,
      actor,
      action: 'quote.send',
      recordType: 'quote',
      recordId: quote.id,
      details: { to: recipient },
    });
    return { ...presentQuote(updated, { clientName: client.name, placementContractId }), link };
  });
}
