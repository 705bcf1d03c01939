import { asc, eq, inArray } from 'drizzle-orm';
// The answer's shape is the shared contract's (src/shared/workers.ts).
import type { PassView } from '../../../shared/workers.js';
import type { Db } from '../../db/connect.js';
import { daysLeft, extensionMonthsLeft, passBaseEnd, passStateOn } from './rules/pass-dates.js';
import { passExtensions, passes, passSuspensions } from './schema.js';

export { PassView } from '../../../shared/workers.js';

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
