import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { daysBetween, frenchDate } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import { queueEmail } from '../notifications/queue-email.js';
import { euros, isProfessional } from './invoice-document.js';
import { invoiceReminders, invoices } from './schema.js';

/** Reminder stages, in days after the due date. */
export const REMINDER_STAGES = [
  { stage: 1, afterDays: 1 },
  { stage: 2, afterDays: 15 },
  { stage: 3, afterDays: 30 },
] as const;

/** Daily: each overdue invoice gets one email per stage reached, never twice (unique invoice + stage). */
export async function sendReminders({ db, today }: { db: Db; today: string }) {
  const paid = sql<number>`coalesce((select sum(p.amount_cents) from payments p where p.invoice_id = invoices.id), 0)::int`;
  const credited = sql<number>`coalesce((select sum(c.total_cents) from invoices c where c.credited_invoice_id = invoices.id), 0)::int`;
  const overdue = await db
    .select({
      id: invoices.id,
      organisationId: invoices.organisationId,
      number: invoices.number,
      dueOn: invoices.dueOn,
      totalCents: invoices.totalCents,
      paid,
      credited,
      clientName: clients.name,
      clientKind: clients.kind,
      email: sql<string | null>`coalesce(${clients.billingEmail}, ${clients.email})`,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(and(eq(invoices.kind, 'invoice'), lt(invoices.dueOn, today)));
  let sent = 0;
  for (const inv of overdue) {
    const due = inv.totalCents - inv.paid - inv.credited;
    if (due <= 0 || !inv.email) continue;
    const late = daysBetween(inv.dueOn, today);
    const reached = [...REMINDER_STAGES].reverse().find((s) => late >= s.afterDays);
    if (!reached) continue;
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(invoiceReminders)
        .values({ organisationId: inv.organisationId, invoiceId: inv.id, stage: reached.stage })
        .onConflictDoNothing()
        .returning();
      if (!row) return;
      const penalties = isProfessional(inv.clientKind)
        ? '\nDes pénalités de retard et l’indemnité forfaitaire de 40 € pour frais de recouvrement sont applicables.'
        : '';
      await queueEmail({
        db: tx,
        to: inv.email!,
        organisationId: inv.organisationId,
        subject: `${reached.stage === 1 ? 'Rappel' : reached.stage === 2 ? 'Deuxième rappel' : 'Dernier rappel'} : facture ${inv.number} à régler`,
        text: `Bonjour,\n\nLa facture ${inv.number} était à régler le ${frenchDate(inv.dueOn)}.\nIl reste ${euros(due)} à payer.${penalties}\n\nSi vous avez déjà payé, ne tenez pas compte de ce message.\nMerci.`,
        related: { type: 'invoice', id: inv.id },
      });
      sent++;
    });
  }
  return { sent };
}
