import type { Db } from '../../db/connect.js';
import { urssafPaymentRequests } from './schema.js';

/**
 * Plans the month's payment request of an invoice under the avance immédiate, in the transaction that issues the
 * invoice: an invoice and its request exist together or not at all, and the close's re-run (or the status job)
 * sends what is planned. One per invoice — a supplementary invoice of the month gets its own — and at most one
 * live request per invoice (partial unique index): a second call changes nothing.
 */
export async function planUrssafRequest(o: {
  db: Db;
  organisationId: string;
  clientId: string;
  invoiceId: string;
  month: string;
  totalCents: number;
  urssafShareCents: number;
  clientShareCents: number;
}) {
  await o.db
    .insert(urssafPaymentRequests)
    .values({
      organisationId: o.organisationId,
      clientId: o.clientId,
      invoiceId: o.invoiceId,
      month: o.month,
      totalCents: o.totalCents,
      urssafShareCents: o.urssafShareCents,
      clientShareCents: o.clientShareCents,
    })
    .onConflictDoNothing();
}
