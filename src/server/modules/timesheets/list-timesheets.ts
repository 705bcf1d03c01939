import { and, asc, count, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { shiftScope, timesheetScope } from '../../policies/scopes.js';
import { clients } from '../clients/queries.js';
import { shifts } from '../planning/queries.js';
import { isLiveEntry, signedEntryMinutes } from './live-entries.js';
import { monthRange } from './month.js';
import { type TimesheetStatus, timesheetEntries, timesheets } from './schema.js';

/**
 * The month's timesheets, what needs attention first. Read-only: the timesheets are brought in line with the
 * shifts by the "prepare" action, the sending and the month close; `pendingShifts` counts the month's assigned
 * shifts not yet in a timesheet, so that the page can offer to prepare them.
 */
export async function listTimesheets(o: {
  db: Db;
  actor: OrgActor;
  month: string;
  status?: TimesheetStatus;
  page: Page;
}) {
  const { db, actor, month } = o;
  const where = and(
    timesheetScope(actor),
    eq(timesheets.month, month),
    o.status ? eq(timesheets.status, o.status) : undefined,
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
    .orderBy(order, asc(clients.name), asc(timesheets.sequence))
    .limit(o.page.limit)
    .offset(o.page.offset);
  const [{ n }] = await db.select({ n: count() }).from(timesheets).where(where);
  const { from, to } = monthRange(month);
  const [{ pending }] = await db
    .select({ pending: count() })
    .from(shifts)
    .where(
      and(
        shiftScope(actor),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, from),
        lt(shifts.startAt, to),
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
