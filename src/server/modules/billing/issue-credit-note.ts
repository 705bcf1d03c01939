import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { roundHalfUp } from '../pricing/rules/price-shift.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { euros } from './invoice-document.js';
import { findInvoice, invoiceBalance } from './invoice-queries.js';
import { issueDocument } from './issue-document.js';
import { invoices } from './schema.js';

/**
 * A credit note (avoir) corrects an issued invoice, which itself never changes. Its total (tax included)
 * cannot exceed what the invoice still carries after earlier credit notes and payments (422 otherwise).
 */
export async function issueCreditNote(o: {
  db: Db;
  actor: OrgActor;
  invoiceId: string;
  input: { amountCents: number; reason: string };
  issuedOn?: string;
}) {
  return o.db.transaction(async (tx) => {
    const inv = await findInvoice(tx, o.actor, o.invoiceId);
    await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, inv.id)).for('update');
    if (inv.kind !== 'invoice') throw ruleBroken('not_an_invoice', 'Un avoir ne peut corriger qu’une facture.');
    const balance = await invoiceBalance(tx, inv.id);
    const creditable = balance.totalCents - balance.creditedCents - balance.paidCents;
    if (o.input.amountCents > creditable) {
      throw ruleBroken(
        'credit_note_exceeds_invoice',
        `Cet avoir de ${euros(o.input.amountCents)} dépasse ce que porte encore la facture ${inv.number} (${euros(Math.max(0, creditable))}).`,
        [{ path: 'amountCents', message: `Au plus ${euros(Math.max(0, creditable))}` }],
      );
    }
    // The amount given is tax included; the line carries the amount before tax.
    const settings = await readOrganisationSettings({ db: tx, organisationId: o.actor.organisationId });
    const bp = Math.round(settings.vatRatePct * 100);
    const net = bp === 0 ? o.input.amountCents : roundHalfUp(o.input.amountCents * 10000, 10000 + bp);
    const note = await issueDocument({
      db: tx,
      organisationId: o.actor.organisationId,
      clientId: inv.clientId,
      userId: o.actor.userId,
      kind: 'credit_note',
      month: inv.month,
      issuedOn: o.issuedOn ?? parisToday(),
      periodStart: inv.periodStart,
      periodEnd: inv.periodEnd,
      lines: [
        {
          kind: 'credit',
          label: `Avoir sur la facture ${inv.number} : ${o.input.reason}`,
          minutes: null,
          count: 1,
          unitPrice: net,
          totalCents: net,
        },
      ],
      credited: { id: inv.id, number: inv.number, issuedOn: inv.issuedOn },
      reason: o.input.reason,
    });
    if (note.totalCents > creditable) {
      throw ruleBroken('credit_note_exceeds_invoice', `Avec la TVA, cet avoir dépasserait la facture ${inv.number}.`);
    }
    await recordAudit({
      db: tx,
      actor: o.actor,
      action: 'credit_note.issue',
      recordType: 'invoice',
      recordId: inv.id,
      details: { creditNoteId: note.id, amountCents: note.totalCents },
    });
    return note;
  });
}
