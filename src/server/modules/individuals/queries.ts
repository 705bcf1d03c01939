import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { invoices } from '../billing/queries.js';
import { clients } from '../clients/queries.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { maskIban } from './rules/iban.js';
import { errorReason, rejectReason, statusLabel } from './rules/urssaf-statuses.js';
import { cesuAllocations, cesuTitles, sepaMandates, urssafPaymentRequests, urssafRegistrations } from './schema.js';
import { urssafConfigFromEnv } from './urssaf-api.js';

/** CESU batches of a client (or of the organisation), with what is left of each. */
export async function listCesuTitles(db: Db, organisationId: string, clientId?: string) {
  const rows = await db
    .select({
      id: cesuTitles.id,
      clientId: cesuTitles.clientId,
      clientName: clients.name,
      issuer: cesuTitles.issuer,
      numbers: cesuTitles.numbers,
      faceValueCents: cesuTitles.faceValueCents,
      count: cesuTitles.count,
      receivedOn: cesuTitles.receivedOn,
      usedCents: sql<number>`coalesce((select sum(a.amount_cents) from cesu_allocations a where a.cesu_title_id = ${cesuTitles.id}), 0)::int`,
    })
    .from(cesuTitles)
    .innerJoin(clients, eq(clients.id, cesuTitles.clientId))
    .where(and(eq(cesuTitles.organisationId, organisationId), clientId ? eq(cesuTitles.clientId, clientId) : undefined))
    .orderBy(desc(cesuTitles.receivedOn), asc(cesuTitles.createdAt));
  return rows.map((r) => ({
    ...r,
    totalCents: r.faceValueCents * r.count,
    leftCents: r.faceValueCents * r.count - r.usedCents,
  }));
}

export const presentRequest = (r: typeof urssafPaymentRequests.$inferSelect) => ({
  id: r.id,
  invoiceId: r.invoiceId,
  clientId: r.clientId,
  month: r.month,
  totalCents: r.totalCents,
  urssafShareCents: r.urssafShareCents,
  clientShareCents: r.clientShareCents,
  state: r.state,
  urssafId: r.urssafId,
  urssafStatus: r.urssafStatus,
  statusLabel:
    r.state === 'to_send'
      ? 'À transmettre'
      : r.state === 'error'
        ? 'Refusée à l’envoi'
        : (statusLabel(r.urssafStatus) ?? 'Transmise'),
  rejectCode: r.rejectCode,
  rejectReason: rejectReason(r.rejectCode),
  rejectComment: r.rejectComment,
  errorCode: r.errorCode,
  errorReason: errorReason(r.errorCode, r.errorMessage),
  transferCents: r.transferCents,
  transferOn: r.transferOn,
  sentAt: r.sentAt?.toISOString() ?? null,
  checkedAt: r.checkedAt?.toISOString() ?? null,
});

/** The individual's side of a client record: consent and URSSAF registration, SEPA mandate, CESU batches. */
export async function clientIndividualView(db: Db, actor: Pick<OrgActor, 'organisationId'>, clientId: string) {
  const settings = await readOrganisationSettings({ db, organisationId: actor.organisationId });
  const [reg] = await db
    .select()
    .from(urssafRegistrations)
    .where(
      and(eq(urssafRegistrations.organisationId, actor.organisationId), eq(urssafRegistrations.clientId, clientId)),
    );
  const [mandate] = await db
    .select()
    .from(sepaMandates)
    .where(
      and(
        eq(sepaMandates.organisationId, actor.organisationId),
        eq(sepaMandates.clientId, clientId),
        isNull(sepaMandates.revokedOn),
      ),
    );
  return {
    avanceImmediate: { enabled: settings.avanceImmediate, configured: Boolean(urssafConfigFromEnv()) },
    sepaDirectDebit: settings.sepaDirectDebit,
    registration: reg
      ? {
          consentOn: reg.consentOn,
          civilite: reg.civilite,
          birthName: reg.birthName,
          usageName: reg.usageName,
          firstNames: reg.firstNames,
          birthDate: reg.birthDate,
          birthCountryCode: reg.birthCountryCode,
          birthDepartment: reg.birthDepartment,
          birthCommuneCode: reg.birthCommuneCode,
          birthCommuneName: reg.birthCommuneName,
          mobilePhone: reg.mobilePhone,
          email: reg.email,
          ibanMasked: reg.iban ? maskIban(reg.iban) : null,
          bic: reg.bic,
          accountHolder: reg.accountHolder,
          status: reg.status,
          urssafClientId: reg.urssafClientId,
          registeredAt: reg.registeredAt?.toISOString() ?? null,
          errorReason: errorReason(reg.errorCode, reg.errorMessage),
        }
      : null,
    mandate: mandate
      ? {
          id: mandate.id,
          rum: mandate.rum,
          ibanMasked: maskIban(mandate.iban),
          bic: mandate.bic,
          accountHolder: mandate.accountHolder,
          signedOn: mandate.signedOn,
        }
      : null,
    cesu: await listCesuTitles(db, actor.organisationId, clientId),
  };
}

/** What an invoice carries for an individual: its (latest) URSSAF payment request and the CESU applied to it. */
export async function invoiceIndividualView(db: Db, organisationId: string, invoiceId: string, clientId: string) {
  const [request] = await db
    .select()
    .from(urssafPaymentRequests)
    .where(
      and(eq(urssafPaymentRequests.organisationId, organisationId), eq(urssafPaymentRequests.invoiceId, invoiceId)),
    )
    // The latest request of the invoice (one sent again after a refusal replaces the refused one on screen).
    .orderBy(desc(urssafPaymentRequests.createdAt))
    .limit(1);
  const allocations = await db
    .select({
      id: cesuAllocations.id,
      amountCents: cesuAllocations.amountCents,
      allocatedOn: cesuAllocations.allocatedOn,
      issuer: cesuTitles.issuer,
      numbers: cesuTitles.numbers,
    })
    .from(cesuAllocations)
    .innerJoin(cesuTitles, eq(cesuTitles.id, cesuAllocations.cesuTitleId))
    .where(and(eq(cesuAllocations.organisationId, organisationId), eq(cesuAllocations.invoiceId, invoiceId)))
    .orderBy(asc(cesuAllocations.createdAt));
  const batches = (await listCesuTitles(db, organisationId, clientId)).filter((b) => b.leftCents > 0);
  return {
    urssafRequest: request ? presentRequest(request) : null,
    cesuAllocations: allocations,
    cesuBatches: batches,
  };
}

/** The organisation's payment requests for the accountant, the ones needing attention first. */
export async function listUrssafRequests(db: Db, organisationId: string, states?: string[]) {
  const rows = await db
    .select({ r: urssafPaymentRequests, clientName: clients.name, number: invoices.number })
    .from(urssafPaymentRequests)
    .innerJoin(clients, eq(clients.id, urssafPaymentRequests.clientId))
    .innerJoin(invoices, eq(invoices.id, urssafPaymentRequests.invoiceId))
    .where(
      and(
        eq(urssafPaymentRequests.organisationId, organisationId),
        states?.length ? inArray(urssafPaymentRequests.state, states as never[]) : undefined,
      ),
    )
    .orderBy(desc(urssafPaymentRequests.month), asc(clients.name))
    .limit(200);
  return rows.map(({ r, clientName, number }) => ({ ...presentRequest(r), clientName, invoiceNumber: number }));
}
