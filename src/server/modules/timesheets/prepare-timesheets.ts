import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { syncTimesheets } from './sync-timesheets.js';

/**
 * The explicit "prepare the month's timesheets" action: brings them in line with the shifts (new shifts added,
 * cancelled ones removed, late shifts of a validated timesheet put in a supplementary one), in one transaction.
 */
export async function prepareTimesheets({ db, actor, month }: { db: Db; actor: OrgActor; month: string }) {
  return db.transaction(async (tx) => {
    const result = await syncTimesheets({ db: tx, organisationId: actor.organisationId, month });
    if (result.added || result.updated || result.removed) {
      await recordAudit({
        db: tx,
        actor,
        action: 'timesheet.prepare',
        recordType: 'timesheet_month',
        recordId: null,
        details: { month, ...result },
      });
    }
    return { month, ...result };
  });
}
