import { and, eq } from 'drizzle-orm';
import { addMonths } from '../../../shared/dates.js';
import type { DemoWorld } from '../../demo/world.js';
import { monthBounds, parisInstant } from '../calendar/paris-time.js';
import { timesheetCorrections, timesheetEntries, timesheets } from './schema.js';
import { syncTimesheets } from './sync-timesheets.js';

/** The month's timesheets of one organisation, prepared from its shifts, in a stable order. */
async function prepareMonth(world: DemoWorld, organisationId: string, month: string) {
  const { db } = world;
  await syncTimesheets({ db, organisationId, month });
  const sheets = await db
    .select()
    .from(timesheets)
    .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)));
  return sheets.sort((a, b) => a.clientId.localeCompare(b.clientId));
}

/**
 * The current month's timesheets of ai-1 and ai-2 in several states: most still in draft, some sent to the
 * client, a few validated, one disputed by the client (with a correction waiting), so that the officer's
 * "relevés à valider" page has something to do. ai-2 also has its previous month still open (the billing demo
 * closes ai-1's months only), where an AI stands in the days after a month ends.
 */
export async function seedTimesheetsDemo(world: DemoWorld): Promise<void> {
  const { db, rng } = world;
  const month = world.today.slice(0, 7);
  for (const org of world.orgs.slice(0, 2)) {
    const sheets = await prepareMonth(world, org.id, month);
    for (const [i, t] of sheets.entries()) {
      const sentAt = parisInstant(world.today, '09:00');
      if (t.clientId === world.demoClientId) {
        // The demo care home: sent, waiting for Sophie Lambert's validation in the portal.
        await db.update(timesheets).set({ status: 'sent', sentAt }).where(eq(timesheets.id, t.id));
      } else if (i % 5 === 1) {
        await db
          .update(timesheets)
          .set({ status: 'validated', sentAt, validatedAt: sentAt, validatedBy: 'Contact du client (lien privé)' })
          .where(eq(timesheets.id, t.id));
      } else if (i % 5 === 2 && !sheets.some((s) => s.status === 'disputed')) {
        await db
          .update(timesheets)
          .set({
            status: 'disputed',
            sentAt,
            disputedAt: sentAt,
            disputeReason: 'L’intervention du mardi s’est terminée 30 minutes plus tôt (contact du client, lien privé)',
          })
          .where(eq(timesheets.id, t.id));
        t.status = 'disputed';
      } else if (i % 5 === 3) {
        await db.update(timesheets).set({ status: 'sent', sentAt }).where(eq(timesheets.id, t.id));
      }
    }
    // A worker's own correction on one entry (a forgotten break), with its history.
    const [entry] = await db
      .select()
      .from(timesheetEntries)
      .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
      .where(and(eq(timesheets.organisationId, org.id), eq(timesheets.month, month), eq(timesheets.status, 'draft')))
      .limit(1);
    if (entry) {
      const e = entry.timesheet_entries;
      await db.update(timesheetEntries).set({ breakMinutes: 20 }).where(eq(timesheetEntries.id, e.id));
      await db.insert(timesheetCorrections).values({
        organisationId: org.id,
        entryId: e.id,
        userId: org.users.placement ?? org.users.admin ?? null,
        role: 'placement_officer',
        reason: rng.pick(['Pause de 20 minutes oubliée', 'Pause repas déclarée par la salariée']),
        before: { actualStart: e.actualStart.toISOString(), actualEnd: e.actualEnd.toISOString(), breakMinutes: 0 },
        after: { actualStart: e.actualStart.toISOString(), actualEnd: e.actualEnd.toISOString(), breakMinutes: 20 },
      });
    }
  }
  await seedEndedMonth(world, world.orgs[1].id, addMonths(`${month}-01`, -1).slice(0, 7));
}

/**
 * An ended month not yet closed: its timesheets were sent on its last day; most clients validated them that
 * evening, a few have not answered, one disputes an hour. Its close is refused until they are validated or
 * the close is forced (the billing walk forces ai-2's).
 */
async function seedEndedMonth(world: DemoWorld, organisationId: string, month: string): Promise<void> {
  const { db, rng } = world;
  const sentAt = parisInstant(monthBounds(month).last, '17:00');
  const sheets = await prepareMonth(world, organisationId, month);
  for (const [i, t] of sheets.entries()) {
    if (i === 2) {
      await db
        .update(timesheets)
        .set({
          status: 'disputed',
          sentAt,
          disputedAt: new Date(sentAt.getTime() + 3 * 3_600_000),
          disputeReason:
            'Une intervention du dernier samedi n’a pas eu lieu : la salariée a été prévenue trop tard (contact du client, lien privé)',
        })
        .where(eq(timesheets.id, t.id));
    } else if (i % 4 === 3) {
      await db.update(timesheets).set({ status: 'sent', sentAt }).where(eq(timesheets.id, t.id));
    } else {
      const validatedAt = new Date(sentAt.getTime() + rng.int(1, 5) * 3_600_000);
      await db
        .update(timesheets)
        .set({ status: 'validated', sentAt, validatedAt, validatedBy: 'Contact du client (lien privé)' })
        .where(eq(timesheets.id, t.id));
    }
  }
}
