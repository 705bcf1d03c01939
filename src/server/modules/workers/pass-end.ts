import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { addDays, addMonths, daysInclusive } from './rules/dates.js';
import { passBaseEnd } from './rules/pass-dates.js';
import { passExtensions, passes, passSuspensions } from './schema.js';

/**
 * Recomputes and stores the effective end of a PASS (planning reads passes.end_date to know whether a PASS is
 * valid on a day): granted end (or start + 730 days − 1), plus extension months, plus suspended days.
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
  const base = pass.grantedEndDate ?? passBaseEnd(pass.startDate);
  const months = extensions.reduce((s, e) => s + e.months, 0);
  const days = suspensions.reduce((s, x) => s + daysInclusive(x.startDate, x.endDate), 0);
  const end = addDays(addMonths(base, months), days);
  await db.update(passes).set({ endDate: end }).where(eq(passes.id, passId));
  return end;
}
