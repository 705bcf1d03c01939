import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { pickRate } from './rules/pick-rate.js';
import { rates } from './schema.js';

export type FindRateOptions = {
  db: Db;
  organisationId: string;
  /** ROME code of the job. */
  rome: string;
  /** The client's kind (clients.kind). */
  clientKind: string;
  /** The Paris date the work was done (YYYY-MM-DD): old work keeps old prices. */
  on: string;
};

export type Rate = typeof rates.$inferSelect;

/**
 * The rate that applies (billing calls this for each shift): the most specific rate of the organisation
 * effective on that day — job and client kind, then job only, then client kind only, then the default.
 * null when the organisation has no rate for it (billing should then refuse to price the work).
 */
export async function findRate({ db, organisationId, rome, clientKind, on }: FindRateOptions): Promise<Rate | null> {
  const rows = await db
    .select()
    .from(rates)
    .where(
      and(
        eq(rates.organisationId, organisationId),
        lte(rates.effectiveFrom, on),
        or(isNull(rates.effectiveTo), gte(rates.effectiveTo, on)),
        or(isNull(rates.rome), eq(rates.rome, rome)),
        or(isNull(rates.clientKind), eq(rates.clientKind, clientKind)),
      ),
    );
  return pickRate(rows, { rome, clientKind, on });
}
