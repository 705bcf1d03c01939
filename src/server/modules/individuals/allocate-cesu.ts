import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { euros } from '../billing/invoice-document.js';
import { findInvoice, invoiceBalance } from '../billing/invoice-queries.js';
import { recordPayment } from '../billing/record-payment.js';
import { cesuAllocationVerdict } from './rules/cesu-allocation.js';
import { cesuAllocations, cesuTitles } from './schema.js';

/** What is left of a batch: its face value times its count, less what was allocated. */
export async function cesuBatchLeft(db: Db, cesuTitleId: string) {
  const [row] = await db
    .select({
      total: sql<number>`(${cesuTitles.faceValueCents} * ${cesuTitles.count})::int`,
      used: sql<number>`coalesce((select sum(a.amount_cents) from cesu_allocations a where a.cesu_title_id = ${cesuTitles.id}), 0)::int`,
    })
    .from(cesuTitles)
    .where(eq(cesuTitles.id, cesuTitleId));
  return row.total - row.used;
}

/**
 * Applies part of a CESU batch to an invoice of the same client: recorded as a payment of method cesu_prepaid
 * (deducted from the tax certificate: CGI art. 199 sexdecies, 4; BOI-IR-RICI-150-20-10) and as an allocation
 * of the batch. Partial allocations are allowed; never more than the batch has left nor than the invoice's due
 * (422 and nothing recorded).
 */
export async function allocateCesu(o: {
  db: Db;
  actor: OrgActor;
  input: { cesuTitleId: string; invoiceId: string; amountCents: number; allocatedOn: string };
}) {
  const { db, actor, input } = o;
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .select()
      .from(cesuTitles)
      .where(and(eq(cesuTitles.id, input.cesuTitleId), eq(cesuTitles.organisationId, actor.organisationId)))
      .for('update');
    if (!batch) throw notFound('Ce lot de CESU');
    const inv = await findInvoice(tx, actor, input.invoiceId);
    if (inv.clientId !== batch.clientId)
      throw ruleBroken('cesu_other_client', 'Ces CESU ont été remis par un autre client que celui de la facture.');
    const left = await cesuBatchLeft(tx, batch.id);
    const due = (await invoiceBalance(tx, inv.id)).outstandingCents;
    const verdict = cesuAllocationVerdict({ amountCents: input.amountCents, batchLeftCents: left, dueCents: due });
    if (!verdict.ok) {
      const message =
        verdict.code === 'cesu_exceeds_batch'
          ? `Il ne reste que ${euros(left)} sur ce lot de CESU.`
          : `La facture ${inv.number} n’a plus que ${euros(due)} à payer.`;
      throw ruleBroken(verdict.code, message, [{ path: 'amountCents', message: `Au plus ${euros(verdict.max)}` }]);
    }
    const payment = await recordPayment({
      db: tx,
      actor,
      invoiceId: inv.id,
      input: {
        amountCents: input.amountCents,
        paidOn: input.allocatedOn,
        method: 'cesu_prepaid',
        reference: `CESU ${batch.issuer} ${batch.numbers}`.slice(0, 200),
      },
    });
    const [allocation] = await tx
      .insert(cesuAllocations)
      .values({
        organisationId: actor.organisationId,
        cesuTitleId: batch.id,
        invoiceId: inv.id,
        paymentId: payment.id,
        amountCents: input.amountCents,
        allocatedOn: input.allocatedOn,
      })
      .returning();
    return { ...allocation, batchLeftCents: left - input.amountCents, outstandingCents: payment.outstandingCents };
  });
}
