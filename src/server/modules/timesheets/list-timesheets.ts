import { and, asc, count, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { addMonths } from '../../../shared/dates.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { shiftScope, timesheetScope } from '../../policies/scopes.js';
import { parisInstant, parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { shifts } from '../planning/queries.js';
import { isLiveEntry, signedEntryMinutes } from './live-entries.js';
import { monthRange } from './month.js';
import { type TimesheetStatus, timesheetEntries, timesheets } from './schema.js';

/**
 * What is still to be done on a timesheet before it can be invoiced: send it, have it validated, settle it (a
 * client may validate in its portal the hours of a timesheet not yet sent to it).
 */
const OPEN_STATUSES: TimesheetStatus[] = ['draft', 'sent', 'disputed'];

/**
 * The month's timesheets, what needs attention first. Read-only: the timesheets are brought in line with the
 * shifts by the "prepare" action, the sending and the month close; `pendingShifts` counts the month's assigned
 * shifts not yet in a timesheet, so that the page can offer to prepare them.
 *
 * Without a month, the timesheets still to be handled in every month, oldest month first: what the home's
 * « to validate » tiles count. On the 2nd of a month the timesheets to validate are last month's, and a night
 * shift starting after midnight belongs to the next one; a list bound to the current month would hide both.
 * `pendingShifts` then counts those of the months being handled (last month on): older months without
 * timesheets are history (imported, or invoiced before Passerelle), not work to do.
 */
export async function listTimesheets(o: {
  db: Db;
  actor: OrgActor;
  month?: string;
  /** Empty or absent: every status of the month, or the open ones without a month. */
  statuses?: TimesheetStatus[];
  page: Page;
}) {
  const { db, actor, month } = o;
  const where = and(
    timesheetScope(actor),
    month ? eq(timesheets.month, month) : isNull(timesheets.closedAt),
    o.statuses?.length
      ? inArray(timesheets.status, o.statuses)
      : month
        ? undefined
        : inArray(timesheets.status, OPEN_STATUSES),
  );
  // A correction timesheet's reversals count negatively: they take back hours that did not happen.
  const minutes = sql<number>`coalesce((select sum(${signedEntryMinutes}) from ${timesheetEntries} where ${timesheetEntries.timesheetId} = ${timesheets.id}), 0)::int`;
  const entriesCount = sql<number>`(select count(*) from ${timesheetEntries} where ${timesheetEntries.timesheetId} = ${timesheets.id})::int`;
  const order = sql`case ${timesheets.status} when 'disputed' then 0 when 'draft' then 1 when 'sent' then 2 else 3 end`;
  const rows = await db
    .select({
      id: timesheets.id,
      clientId: timesheets.clientId,
      clientName: clients.name,
      month: timesheets.month,
      sequence: timesheets.sequence,
      status: timesheets.status,
      kind: timesheets.kind,
      sentAt: timesheets.sentAt,
      validatedAt: timesheets.validatedAt,
      closedAt: timesheets.closedAt,
      disputeReason: timesheets.disputeReason,
      minutes,
      entries: entriesCount,
    })
    .from(timesheets)
    .innerJoin(clients, eq(clients.id, timesheets.clientId))
    .where(where)
    .orderBy(order, asc(timesheets.month), asc(clients.name), asc(timesheets.sequence))
    .limit(o.page.limit)
    .offset(o.page.offset);
  const [{ n }] = await db.select({ n: count() }).from(timesheets).where(where);
  const range = month
    ? monthRange(month)
    : { from: parisInstant(addMonths(`${parisToday().slice(0, 7)}-01`, -1)), to: null };
  const [{ pending }] = await db
    .select({ pending: count() })
    .from(shifts)
    .where(
      and(
        shiftScope(actor),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, range.from),
        range.to ? lt(shifts.startAt, range.to) : undefined,
        // Only what happened: a shift enters a timesheet once it has ended.
        lte(shifts.endAt, new Date()),
        sql`not exists (select 1 from ${timesheetEntries} where ${timesheetEntries.shiftId} = ${shifts.id} and ${isLiveEntry})`,
      ),
    );
  return {
    items: rows.map((r) => ({
      ...r,
      sentAt: r.sentAt?.toISOString() ?? null,
      validatedAt: r.validatedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
    })),
    total: n,
    pendingShifts: pending,
  };
}
