import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { clients } from '../clients/schema.js';
import { shifts } from '../planning/schema.js';
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
    eq(timesheets.organisationId, actor.organisationId),
    eq(timesheets.month, month),
    o.status ? eq(timesheets.status, o.status) : undefined,
    actor.role === 'client_user'
      ? eq(timesheets.clientId, actor.clientId ?? '00000000-0000-0000-0000-000000000000')
      : undefined,
  );
  const minutes = sql<number>`coalesce((select sum(greatest(0, extract(epoch from (${timesheetEntries.actualEnd} - ${timesheetEntries.actualStart})) / 60 - ${timesheetEntries.breakMinutes})) from ${timesheetEntries} where ${timesheetEntries.timesheetId} = ${timesheets.id}), 0)::int`;
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
        eq(shifts.organisationId, actor.organisationId),
        eq(shifts.status, 'assigned'),
        gte(shifts.startAt, from),
        lt(shifts.startAt, to),
        actor.role === 'client_user'
          ? eq(shifts.clientId, actor.clientId ?? '00000000-0000-0000-0000-000000000000')
          : undefined,
        sql`not exists (select 1 from ${timesheetEntries} where ${timesheetEntries.shiftId} = ${shifts.id})`,
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
