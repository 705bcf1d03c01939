import { and, eq, sql } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { organisations } from '../accounts/schema.js';
import { addDays, monthBounds } from '../calendar/paris-time.js';
import { isWorkingDay } from '../calendar/public-holidays.js';
import { timesheets } from '../timesheets/schema.js';
import { syncTimesheets } from '../timesheets/sync-timesheets.js';
import { closeMonth } from './close-month.js';
import { generateTaxCertificates } from './generate-tax-certificates.js';
import { issueCreditNote } from './issue-credit-note.js';
import { invoices, payments } from './schema.js';

const previousMonth = (month: string) => {
  const d = new Date(`${month}-01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};
const firstWorkingDay = (month: string) => {
  let d = `${month}-01`;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
};

/**
 * ai-1: the three full months before today closed (timesheets validated by the clients, one invoice
 * per client issued on the first working day of the next month), payments received (the oldest month paid,
 * the middle one mostly paid with a partial payment and a few overdue invoices, the last one just issued),
 * one credit note for a disputed hour, and the current year's tax certificates for individual clients.
 */
export async function seedBillingDemo(world: DemoWorld): Promise<void> {
  const { db, rng } = world;
  const current = world.today.slice(0, 7);
  const months = [
    previousMonth(previousMonth(previousMonth(current))),
    previousMonth(previousMonth(current)),
    previousMonth(current),
  ];
  // ai-1 only: its accountant (compta@ai-1) and its client portal tell the story; ai-2 keeps open months.
  for (const org of world.orgs.slice(0, 1)) {
    const userId = org.users.accountant ?? org.users.admin ?? null;
    const actor = {
      organisationId: org.id,
      role: 'accountant' as const,
      userId: userId ?? '',
      clientId: null,
      workerId: null,
    };
    for (const [index, month] of months.entries()) {
      const next = monthBounds(month).last;
      const issuedOn = firstWorkingDay(addDays(next, 1).slice(0, 7));
      await syncTimesheets({ db, organisationId: org.id, month });
      const validatedAt = new Date(`${addDays(next, 1)}T09:00:00Z`);
      await db
        .update(timesheets)
        .set({ status: 'validated', sentAt: validatedAt, validatedAt, validatedBy: 'Contact du client (lien privé)' })
        .where(and(eq(timesheets.organisationId, org.id), eq(timesheets.month, month)));
      await closeMonth({ db, actor: { ...actor, userId: userId as string }, month, issuedOn });
      const issued = await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.organisationId, org.id), eq(invoices.month, month), eq(invoices.kind, 'invoice')));
      issued.sort((a, b) => a.number.localeCompare(b.number));
      const credited = new Map<string, number>();
      if (index === 1 && org === world.orgs[0]) {
        const target = issued.find((i) => i.clientId === world.demoClientId) ?? issued[0];
        if (target) {
          const note = await issueCreditNote({
            db,
            actor: { ...actor, userId: userId as string },
            invoiceId: target.id,
            input: {
              amountCents: Math.min(4300, target.totalCents),
              reason: 'Intervention du 2e samedi facturée deux fois (contestation du client)',
            },
            issuedOn: addDays(issuedOn, 6),
          });
          credited.set(target.id, note.totalCents);
        }
      }
      for (const [i, inv] of issued.entries()) {
        const paidOn = addDays(inv.issuedOn, rng.int(8, 35));
        if (paidOn > world.today) continue;
        if (index === 0 || (index === 1 && i % 4 !== 3) || (index === 2 && i % 3 === 0)) {
          // One partial payment in the middle month: the rest is still due.
          const partial = index === 1 && i % 4 === 1;
          const amountCents = partial ? Math.floor(inv.totalCents / 2) : inv.totalCents - (credited.get(inv.id) ?? 0);
          if (amountCents <= 0) continue;
          await db.insert(payments).values({
            organisationId: org.id,
            invoiceId: inv.id,
            amountCents,
            paidOn,
            method: rng.pick(['virement', 'virement', 'cheque', 'cesu_prepaid']),
            reference: partial ? 'Acompte' : null,
            createdBy: userId,
          });
        }
      }
    }
    // The demo AIs serve individuals (services à la personne): they hold a SAP declaration, printed on the
    // certificates, which cannot be issued without it.
    await db
      .update(organisations)
      .set({
        settings: sql`${organisations.settings} || jsonb_build_object('sapDeclarationNumber', ${`SAP${org.id
          .replace(/[^0-9]/g, '')
          .padEnd(9, '0')
          .slice(0, 9)}`}::text, 'sapDeclarationDate', '2019-09-02'::text)`,
      })
      .where(eq(organisations.id, org.id));
    await generateTaxCertificates({ db, organisationId: org.id, year: Number(world.today.slice(0, 4)) });
  }
}
