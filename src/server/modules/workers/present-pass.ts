import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import { daysLeft, extensionMonthsLeft, passBaseEnd, passStateOn } from './rules/pass-dates.js';
import {
  PASS_EXTENSION_REASONS,
  PASS_EXTENSION_STATUSES,
  PASS_SUSPENSION_REASONS,
  passExtensions,
  passes,
  passSuspensions,
} from './schema.js';

export const PassView = z.object({
  id: z.string(),
  workerId: z.string(),
  number: z.string(),
  startDate: z.string(),
  /** Effective end, after suspensions and extensions. */
  endDate: z.string(),
  baseEndDate: z.string(),
  daysLeft: z.number().int(),
  /** Suspended today (no shift on a suspended day). */
  suspendedToday: z.boolean(),
  suspensions: z.array(
    z.object({
      id: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      reason: z.enum(PASS_SUSPENSION_REASONS),
      explanation: z.string().nullable(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      reason: z.enum(PASS_EXTENSION_REASONS),
      months: z.number().int(),
      requestedOn: z.string(),
      evidence: z.string().nullable(),
      /** pending: awaits the authorised prescriber's decision and does not extend the PASS yet. */
      status: z.enum(PASS_EXTENSION_STATUSES),
      decidedOn: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  /** Set when recording a new PASS during the waiting period lifted by a prescriber's diagnosis. */
  warning: z.string().optional(),
  /** Months of extension still available per reason, the whole pathway counted (R5132-1-8, les-emplois). */
  extensionMonthsLeft: z.record(z.string(), z.number().int()),
});
export type PassView = z.infer<typeof PassView>;

export async function presentPasses(db: Db, rows: (typeof passes.$inferSelect)[], today: string): Promise<PassView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const sus = await db
    .select()
    .from(passSuspensions)
    .where(inArray(passSuspensions.passId, ids))
    .orderBy(asc(passSuspensions.startDate));
  const ext = await db
    .select()
    .from(passExtensions)
    .where(inArray(passExtensions.passId, ids))
    .orderBy(asc(passExtensions.createdAt));
  return rows.map((p) => {
    const extensions = ext.filter((e) => e.passId === p.id);
    const suspensions = sus.filter((s) => s.passId === p.id);
    return {
      id: p.id,
      workerId: p.workerId,
      number: p.number,
      startDate: p.startDate,
      endDate: p.endDate,
      baseEndDate: p.grantedEndDate ?? passBaseEnd(p.startDate),
      daysLeft: daysLeft(p.endDate, today),
      suspendedToday: passStateOn([{ ...p, suspensions }], today).state === 'suspended',
      suspensions: suspensions.map((s) => ({
        id: s.id,
        startDate: s.startDate,
        endDate: s.endDate,
        reason: s.reason,
        explanation: s.explanation,
      })),
      extensions: extensions.map((e) => ({
        id: e.id,
        reason: e.reason,
        months: e.months,
        requestedOn: e.requestedOn,
        evidence: e.evidence,
        status: e.status,
        decidedOn: e.decidedOn,
        decidedBy: e.decidedBy,
        decisionNote: e.decisionNote,
      })),
      extensionMonthsLeft: extensionMonthsLeft(extensions),
    };
  });
}

export async function passesOfWorker(db: Db, workerId: string, today: string) {
  const rows = await db.select().from(passes).where(eq(passes.workerId, workerId)).orderBy(asc(passes.startDate));
  return presentPasses(db, rows, today);
}
