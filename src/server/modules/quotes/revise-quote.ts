import { asc, eq } from 'drizzle-orm';
import type { EquipmentSupplier } from '../../../shared/equipment.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { checkQuoteTerms, insertQuoteVersion } from './create-quote.js';
import { findQuote, quoteContext } from './find-quote.js';
import { presentQuote } from './present-quote.js';
import type { ReviseQuoteInput } from './quote-input.js';
import { quoteLines, quotes } from './schema.js';

export type ReviseQuoteOptions = { db: Db; actor: OrgActor; quoteId: string; input: ReviseQuoteInput };

/**
 * A new version of a quote not yet accepted: same number, revision + 1, previous_id pointing to the old one,
 * which becomes "superseded" and stays readable. Its link stops working; send the new version.
 */
export async function reviseQuote({ db, actor, quoteId, input }: ReviseQuoteOptions) {
  const current = await findQuote(db, actor, quoteId);
  await checkQuoteTerms(db, actor, current.clientId, input);
  return db.transaction(async (tx) => {
    const old = await findQuote(tx, actor, quoteId, { forUpdate: true });
    if (old.status === 'accepted') {
      throw conflict(
        'quote_already_accepted',
        `Le devis ${old.number} est accepté : un changement passe par un avenant au contrat.`,
      );
    }
    if (old.status === 'superseded') {
      throw conflict(
        'quote_superseded',
        `Cette version du devis ${old.number} a déjà été remplacée : modifiez la plus récente.`,
      );
    }
    const oldLines = await tx
      .select()
      .from(quoteLines)
      .where(eq(quoteLines.quoteId, old.id))
      .orderBy(asc(quoteLines.position));
    const pick = <K extends keyof ReviseQuoteInput>(k: K, fallback: unknown) =>
      input[k] !== undefined ? input[k] : fallback;
    await tx.update(quotes).set({ status: 'superseded', acceptTokenHash: null }).where(eq(quotes.id, old.id));
    const quote = await insertQuoteVersion(tx, actor, {
      clientId: old.clientId,
      needId: old.needId,
      number: old.number,
      revision: old.revision + 1,
      previousId: old.id,
      terms: {
        lines:
          input.lines ??
          oldLines.map((l) => ({
            rome: l.rome,
            label: l.label,
            minutes: l.minutes,
            hourlyRateCents: l.hourlyRateCents,
          })),
        validUntil: input.validUntil ?? old.validUntil,
        tenderReference: pick('tenderReference', old.tenderReference) as string | null,
        siteId: pick('siteId', old.siteId) as string | null,
        startDate: pick('startDate', old.startDate) as string | null,
        endDate: pick('endDate', old.endDate) as string | null,
        tasks: pick('tasks', old.tasks) as string | null,
        protectiveEquipment: pick('protectiveEquipment', old.protectiveEquipment) as string | null,
        equipmentSuppliedBy: pick('equipmentSuppliedBy', old.equipmentSuppliedBy) as EquipmentSupplier | null,
        equivalentPayCents: pick('equivalentPayCents', old.equivalentPayCents) as number | null,
        notes: pick('notes', old.notes) as string | null,
      },
    });
    await recordAudit({
      db: tx,
      actor,
      action: 'quote.revise',
      recordType: 'quote',
      recordId: quote.id,
      details: { previousId: old.id },
    });
    const { client } = await quoteContext(tx, quote);
    return presentQuote(quote, { clientName: client.name });
  });
}
