import crypto from 'node:crypto';
import type { Db } from '../src/server/db/connect.js';
import { auditEvents } from '../src/server/modules/audit/schema.js';
import { invoiceLines, invoices, payments } from '../src/server/modules/billing/schema.js';
import { needRoutes, needs } from '../src/server/modules/needs/schema.js';

const uid = () => crypto.randomBytes(4).toString('hex');

/** A need with its route to one AI, with chosen instants (the reporting tests compute times to claim). */
export async function makeRoutedNeed(
  db: Db,
  o: {
    organisationId: string | null;
    networkId?: string | null;
    createdAt: string;
    status?: (typeof needs.$inferInsert)['status'];
    deadlineAt?: string;
    claimedAt?: string;
    declinedAt?: string;
  },
) {
  const status = o.status ?? (o.claimedAt ? 'claimed' : 'routed');
  const [need] = await db
    .insert(needs)
    .values({
      reference: `B-${uid()}`,
      networkId: o.networkId ?? null,
      status,
      urgency: 'urgent',
      establishmentName: 'EHPAD Les Tilleuls',
      establishmentKind: 'care_home',
      communeCode: '94028',
      communeName: 'Créteil',
      departement: '94',
      contactName: 'Claire Martin',
      contactEmail: 'direction@tilleuls.test',
      consentAt: new Date(o.createdAt),
      followTokenHash: uid(),
      routedAt: o.organisationId ? new Date(o.createdAt) : null,
      deadlineAt: o.deadlineAt ? new Date(o.deadlineAt) : null,
      claimedByOrganisationId: o.claimedAt ? o.organisationId : null,
      claimedAt: o.claimedAt ? new Date(o.claimedAt) : null,
      createdAt: new Date(o.createdAt),
    })
    .returning();
  if (o.organisationId)
    await db.insert(needRoutes).values({
      needId: need.id,
      organisationId: o.organisationId,
      rank: 1,
      status: o.claimedAt ? 'claimed' : o.declinedAt ? 'declined' : 'routed',
      routedAt: new Date(o.createdAt),
      claimedAt: o.claimedAt ? new Date(o.claimedAt) : null,
      declinedAt: o.declinedAt ? new Date(o.declinedAt) : null,
      declineReason: o.declinedAt ? 'Pas de salarié·e disponible' : null,
    });
  return need;
}

/** An issued invoice with one line of hours, and optionally a payment. */
export async function makeInvoice(
  db: Db,
  o: {
    organisationId: string;
    clientId: string;
    month: string;
    totalCents: number;
    dueOn: string;
    minutes: number;
    workerId?: string;
    paidCents?: number;
  },
) {
  // Lines are accepted only in the invoice's own transaction (database trigger: issued invoices never change).
  const invoice = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invoices)
      .values({
        organisationId: o.organisationId,
        clientId: o.clientId,
        month: o.month,
        number: `F-${uid()}`,
        issuedOn: `${o.month}-28`,
        dueOn: o.dueOn,
        periodStart: `${o.month}-01`,
        periodEnd: `${o.month}-28`,
        netCents: o.totalCents,
        vatCents: 0,
        totalCents: o.totalCents,
        seller: {},
        buyer: {},
        pdf: Buffer.from('%PDF-1.4'),
        xml: '<x/>',
      })
      .returning();
    await tx.insert(invoiceLines).values({
      organisationId: o.organisationId,
      invoiceId: row.id,
      position: 1,
      kind: 'hours',
      workerId: o.workerId ?? null,
      label: 'Heures',
      minutes: o.minutes,
      totalCents: o.totalCents,
    });
    return row;
  });
  if (o.paidCents)
    await db.insert(payments).values({
      organisationId: o.organisationId,
      invoiceId: invoice.id,
      amountCents: o.paidCents,
      paidOn: `${o.month}-28`,
    });
  return invoice;
}

/** An audit event at a chosen instant (the time a shift found its replacement). */
export async function makeAuditEvent(
  db: Db,
  o: { organisationId: string; action: string; recordId: string; at: string },
) {
  await db.insert(auditEvents).values({
    organisationId: o.organisationId,
    action: o.action,
    recordType: 'shift',
    recordId: o.recordId,
    at: new Date(o.at),
  });
}
