import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import type { Page } from '../../http/pagination.js';
import { invoiceScope } from '../../policies/scopes.js';
import { parisToday } from '../calendar/paris-time.js';
import { clients } from '../clients/queries.js';
import type { Party } from './invoice-document.js';
import { invoiceLines, invoices, payments } from './schema.js';

const paidSql = sql<number>`coalesce((select sum(p.amount_cents) from payments p where p.invoice_id = invoices.id), 0)::int`;
const creditedSql = sql<number>`coalesce((select sum(c.total_cents) from invoices c where c.credited_invoice_id = invoices.id), 0)::int`;

/** What a client still owes on an invoice: total − credit notes − payments. */
export async function invoiceBalance(db: Db, invoiceId: string) {
  const [row] = await db
    .select({ totalCents: invoices.totalCents, paidCents: paidSql, creditedCents: creditedSql })
    .from(invoices)
    .where(eq(invoices.id, invoiceId));
  return { ...row, outstandingCents: row.totalCents - row.paidCents - row.creditedCents };
}

/** An invoice of the actor's organisation (a client_user: its own client only), else 404. */
export async function findInvoice(db: Db, actor: Pick<OrgActor, 'organisationId' | 'role' | 'clientId'>, id: string) {
  const [inv] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), invoiceScope(actor)));
  if (!inv) throw notFound('Cette facture');
  return inv;
}

export type InvoiceFilter = {
  month?: string;
  clientId?: string;
  kind?: 'invoice' | 'credit_note';
  status?: 'unpaid' | 'overdue' | 'paid';
};

export async function listInvoices({
  db,
  actor,
  filter,
  page,
}: {
  db: Db;
  actor: OrgActor;
  filter: InvoiceFilter;
  page: Page;
}) {
  const clientId = filter.clientId;
  const outstanding = sql`(${invoices.totalCents} - ${paidSql} - ${creditedSql})`;
  const today = parisToday();
  const where = and(
    invoiceScope(actor),
    filter.month ? eq(invoices.month, filter.month) : undefined,
    clientId ? eq(invoices.clientId, clientId) : undefined,
    filter.kind ? eq(invoices.kind, filter.kind) : undefined,
    filter.status === 'unpaid' ? sql`${invoices.kind} = 'invoice' AND ${outstanding} > 0` : undefined,
    filter.status === 'overdue'
      ? sql`${invoices.kind} = 'invoice' AND ${outstanding} > 0 AND ${invoices.dueOn} < ${today}`
      : undefined,
    filter.status === 'paid' ? sql`${invoices.kind} = 'invoice' AND ${outstanding} <= 0` : undefined,
  );
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      clientId: invoices.clientId,
      clientName: clients.name,
      month: invoices.month,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      totalCents: invoices.totalCents,
      paidCents: paidSql,
      creditedCents: creditedSql,
      creditedInvoiceId: invoices.creditedInvoiceId,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(where)
    .orderBy(desc(invoices.issuedOn), desc(invoices.number))
    .limit(page.limit)
    .offset(page.offset);
  const [{ n }] = await db.select({ n: count() }).from(invoices).where(where);
  return {
    items: rows.map((r) => {
      const outstandingCents = r.kind === 'invoice' ? r.totalCents - r.paidCents - r.creditedCents : 0;
      return { ...r, outstandingCents, overdue: outstandingCents > 0 && r.dueOn < today };
    }),
    total: n,
  };
}

export async function presentInvoice(db: Db, inv: typeof invoices.$inferSelect) {
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, inv.id))
    .orderBy(asc(invoiceLines.position));
  const pays = await db.select().from(payments).where(eq(payments.invoiceId, inv.id)).orderBy(asc(payments.paidOn));
  const credits = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      issuedOn: invoices.issuedOn,
      totalCents: invoices.totalCents,
      reason: invoices.reason,
    })
    .from(invoices)
    .where(eq(invoices.creditedInvoiceId, inv.id))
    .orderBy(asc(invoices.number));
  const [credited] = inv.creditedInvoiceId
    ? await db
        .select({ id: invoices.id, number: invoices.number })
        .from(invoices)
        .where(inArray(invoices.id, [inv.creditedInvoiceId]))
    : [];
  const paidCents = pays.reduce((s, p) => s + p.amountCents, 0);
  const creditedCents = credits.reduce((s, c) => s + c.totalCents, 0);
  const outstandingCents = inv.kind === 'invoice' ? inv.totalCents - paidCents - creditedCents : 0;
  return {
    id: inv.id,
    number: inv.number,
    kind: inv.kind,
    clientId: inv.clientId,
    month: inv.month,
    issuedOn: inv.issuedOn,
    dueOn: inv.dueOn,
    periodStart: inv.periodStart,
    periodEnd: inv.periodEnd,
    netCents: inv.netCents,
    vatCents: inv.vatCents,
    totalCents: inv.totalCents,
    vatRatePct: inv.vatRateBp / 100,
    vatMention: inv.vatMention,
    // A copy of both parties taken at issue (jsonb): the shared contract's Party.
    seller: inv.seller as Party,
    buyer: inv.buyer as Party,
    reason: inv.reason,
    creditedInvoice: credited ?? null,
    lines: lines.map((l) => ({
      position: l.position,
      kind: l.kind,
      rome: l.rome,
      workerId: l.workerId,
      workerName: l.workerName,
      label: l.label,
      minutes: l.minutes,
      count: l.count,
      hourlyRateCents: l.hourlyRateCents,
      surchargePct: l.surchargePct,
      totalCents: l.totalCents,
    })),
    payments: pays.map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      paidOn: p.paidOn,
      method: p.method,
      reference: p.reference,
    })),
    creditNotes: credits,
    paidCents,
    creditedCents,
    outstandingCents,
    overdue: outstandingCents > 0 && inv.dueOn < parisToday(),
  };
}
