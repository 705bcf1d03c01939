import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { passEffectiveEnd } from './rules/pass-dates.js';
import { passExtensions, passes, passSuspensions } from './schema.js';

/**
 * Recomputes and stores the effective end of a PASS (planning reads passes.end_date to know whether a PASS is
 * valid on a day): granted end (or start + 730 days − 1), plus granted extension months, plus suspended days.
 */
export async function storeEffectivePassEnd(db: Db, organisationId: string, passId: string): Promise<string> {
  const [pass] = await db
    .select()
    .from(passes)
    .where(and(eq(passes.id, passId), eq(passes.organisationId, organisationId)));
  const suspensions = await db.select().from(passSuspensions).where(eq(passSuspensions.passId, passId));
  const extensions = await db
    .select()
    .from(passExtensions)
    .where(eq(passExtensions.passId, passId))
    .orderBy(asc(passExtensions.createdAt));
  // Only granted prolongations count: one awaiting the prescriber moves nothing (les-emplois ProlongationRequest).
  const end = passEffectiveEnd(pass.startDate, suspensions, extensions, pass.grantedEndDate);
  await db.update(passes).set({ endDate: end }).where(eq(passes.id, passId));
  return end;
}
