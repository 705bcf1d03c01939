import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { euros } from './invoice-document.js';
import { findInvoice, invoiceBalance } from './invoice-queries.js';
import { invoices, type PaymentMethod, payments } from './schema.js';

/** A full or partial payment; more than what is still due is refused (422) and nothing is recorded. */
export async function recordPayment(o: {
  db: Db;
  /** userId null: recorded by Passerelle itself (an URSSAF payment read by the status job). */
  actor: Pick<OrgActor, 'organisationId' | 'role' | 'clientId'> & { userId: string | null };
  invoiceId: string;
  input: { amountCents: number; paidOn: string; method?: PaymentMethod; reference?: string | null };
}) {
  return o.db.transaction(async (tx) => {
    const inv = await findInvoice(tx, o.actor, o.invoiceId);
    // Lock the invoice's payments: two payments at once cannot both pass the check.
    // (a row lock is not an UPDATE: the immutability trigger does not fire)
    await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, inv.id)).for('update');
    if (inv.kind !== 'invoice')
      throw ruleBroken('not_an_invoice', 'Un avoir ne se règle pas : enregistrez le paiement sur la facture.');
    const balance = await invoiceBalance(tx, inv.id);
    if (o.input.amountCents > balance.outstandingCents) {
      throw ruleBroken(
        'payment_exceeds_due',
        `Ce paiement de ${euros(o.input.amountCents)} dépasse le reste à payer de la facture ${inv.number} (${euros(balance.outstandingCents)}).`,
        [{ path: 'amountCents', message: `Au plus ${euros(balance.outstandingCents)}` }],
      );
    }
    const [p] = await tx
      .insert(payments)
      .values({
        organisationId: o.actor.organisationId,
        invoiceId: inv.id,
        amountCents: o.input.amountCents,
        paidOn: o.input.paidOn,
        method: o.input.method ?? 'virement',
        reference: o.input.reference ?? null,
        createdBy: o.actor.userId,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'payment.record',
      recordType: 'invoice',
      recordId: inv.id,
      details: { amountCents: p.amountCents },
    });
    return {
      id: p.id,
      amountCents: p.amountCents,
      paidOn: p.paidOn,
      outstandingCents: balance.outstandingCents - p.amountCents,
    };
  });
}
