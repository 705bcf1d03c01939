import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { avanceImmediateShares } from './rules/avance-immediate.js';
import { maskIban } from './rules/iban.js';
import { sepaMandates, urssafRegistrations } from './schema.js';
import { urssafConfigFromEnv } from './urssaf-api.js';

export type IndividualInvoiceTerms = {
  /** The 50 % split when URSSAF pays this invoice through the avance immédiate. */
  avanceImmediate: { urssafShareCents: number; clientShareCents: number } | null;
  /** The SEPA mandate the invoice is debited under. */
  sepaMandate: { rum: string; ibanMasked: string; signedOn: string; creditorId: string | null } | null;
};

/**
 * What an individual's invoice says about how it is paid, read when it is issued: the avance immédiate (the
 * organisation enabled it, URSSAF_API_URL is configured, the client is registered; every invoice of the month,
 * supplementary ones included, URSSAF taking one payment request per invoice) and the SEPA mandate in force
 * when the organisation collects by direct debit.
 */
export async function individualInvoiceTerms(o: {
  db: Db;
  organisationId: string;
  clientId: string;
  totalCents: number;
  /** 0 for the month's first invoice; supplementary invoices (1, 2…) are requested too (one request per invoice). */
  supplement: number;
}): Promise<IndividualInvoiceTerms> {
  const settings = await readOrganisationSettings({ db: o.db, organisationId: o.organisationId });
  let avanceImmediate: IndividualInvoiceTerms['avanceImmediate'] = null;
  if (settings.avanceImmediate && urssafConfigFromEnv() && o.totalCents > 0) {
    const [reg] = await o.db
      .select({ status: urssafRegistrations.status })
      .from(urssafRegistrations)
      .where(
        and(eq(urssafRegistrations.organisationId, o.organisationId), eq(urssafRegistrations.clientId, o.clientId)),
      );
    if (reg?.status === 'registered') avanceImmediate = avanceImmediateShares(o.totalCents);
  }
  let sepaMandate: IndividualInvoiceTerms['sepaMandate'] = null;
  if (settings.sepaDirectDebit) {
    const [m] = await o.db
      .select()
      .from(sepaMandates)
      .where(
        and(
          eq(sepaMandates.organisationId, o.organisationId),
          eq(sepaMandates.clientId, o.clientId),
          isNull(sepaMandates.revokedOn),
        ),
      );
    if (m)
      sepaMandate = {
        rum: m.rum,
        ibanMasked: maskIban(m.iban),
        signedOn: m.signedOn,
        creditorId: settings.sepaCreditorId,
      };
  }
  return { avanceImmediate, sepaMandate };
}
