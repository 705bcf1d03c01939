import crypto from 'node:crypto';
import type { Db } from '../src/server/db/connect.js';
import { addDays, parisToday } from '../src/server/modules/calendar/paris-time.js';
import { quoteLines, quotes, rates } from '../src/server/modules/quotes/schema.js';

const uid = () => crypto.randomBytes(3).toString('hex');

/** A rate row (default: any job, any client kind, 22 € an hour from 2026-01-01). */
export async function makeRate(db: Db, o: { organisationId: string } & Partial<typeof rates.$inferInsert>) {
  const [rate] = await db
    .insert(rates)
    .values({ hourlyRateCents: 2200, effectiveFrom: '2026-01-01', ...o })
    .returning();
  return rate;
}

/** A quote stored directly (for states the API would refuse to create, e.g. already expired). */
export async function makeQuote(
  db: Db,
  o: { organisationId: string; clientId: string; rome?: string; minutes?: number; hourlyRateCents?: number } & Partial<
    typeof quotes.$inferInsert
  >,
) {
  const minutes = o.minutes ?? 600;
  const rate = o.hourlyRateCents ?? 2200;
  const total = Math.round((minutes * rate) / 60);
  const { rome, minutes: _m, hourlyRateCents: _h, ...rest } = o;
  const [quote] = await db
    .insert(quotes)
    .values({
      number: `D-T-${uid()}`,
      validUntil: addDays(parisToday(), 30),
      totalCents: total,
      // R5132-20: a company's contract states an equivalent employee's pay (tests that need none set null).
      equivalentPayCents: 1385,
      ...rest,
    })
    .returning();
  await db.insert(quoteLines).values({
    organisationId: o.organisationId,
    quoteId: quote.id,
    position: 1,
    rome: rome ?? 'K2204',
    label: 'Entretien des locaux',
    minutes,
    hourlyRateCents: rate,
    totalCents: total,
  });
  return quote;
}
