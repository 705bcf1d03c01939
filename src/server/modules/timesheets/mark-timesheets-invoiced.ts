import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { timesheets } from './schema.js';

/** Links timesheets to the invoice (or credit note) that bills them. Call inside billing's transaction. */
export async function markTimesheetsInvoiced(
  db: Db,
  o: { organisationId: string; timesheetIds: string[]; invoiceId: string },
) {
  if (o.timesheetIds.length === 0) return;
  await db
    .update(timesheets)
    .set({ invoiceId: o.invoiceId })
    .where(and(eq(timesheets.organisationId, o.organisationId), inArray(timesheets.id, o.timesheetIds)));
}
