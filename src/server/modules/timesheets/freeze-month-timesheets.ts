import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { timesheets } from './schema.js';

/**
 * Freezes an organisation's timesheets of a month when billing closes it: nothing changes in a timesheet once it
 * is being invoiced (corrections then go through a correction timesheet). Call inside the close's transaction.
 */
export async function freezeMonthTimesheets(db: Db, o: { organisationId: string; month: string }) {
  await db
    .update(timesheets)
    .set({ closedAt: new Date() })
    .where(
      and(eq(timesheets.organisationId, o.organisationId), eq(timesheets.month, o.month), isNull(timesheets.closedAt)),
    );
}
