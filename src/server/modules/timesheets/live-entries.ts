import { sql } from 'drizzle-orm';
import { timesheetEntries } from './schema.js';

/**
 * SQL condition: the entry counts as worked now — it is not a reversal and no reversal cancels it. Every reader
 * of worked hours (payroll, State reporting, certificates) uses it, so that a reversed slot is never counted.
 */
export const isLiveEntry = sql`(${timesheetEntries.reversesEntryId} IS NULL AND NOT EXISTS (SELECT 1 FROM timesheet_entries reversal WHERE reversal.reverses_entry_id = ${timesheetEntries.id}))`;

/** SQL: the entry's minutes, negative for a reversal (what it adds to the bill). */
export const signedEntryMinutes = sql<number>`(case when ${timesheetEntries.reversesEntryId} is null then 1 else -1 end) * greatest(0, extract(epoch from (${timesheetEntries.actualEnd} - ${timesheetEntries.actualStart})) / 60 - ${timesheetEntries.breakMinutes})`;
