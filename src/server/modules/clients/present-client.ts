import type { Client, Contact, Site } from '../../../shared/clients.js';
import { legalFormLabel } from './legal-forms.js';
import { countsForHoursCap, HOURS_CAP_GROUPS, hoursCapGroup, isCompanyByLegalForm } from './rules/hours-cap-scope.js';
import type { clientContacts, clients, sites } from './schema.js';

// The answers' shapes are the shared contract's (src/shared/clients.ts).
export { AddressView as Address, ClientView, ContactView, SiteView } from '../../../shared/clients.js';
export type ClientViewT = Client;

export function presentClient(c: typeof clients.$inferSelect): ClientViewT {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    siret: c.siret,
    address: { line: c.addressLine, postalCode: c.postalCode, communeCode: c.communeCode, communeName: c.communeName },
    location: c.lat !== null && c.lon !== null ? { lat: c.lat, lon: c.lon } : null,
    contact: { name: c.contactName, email: c.email, phone: c.phone },
    billing: {
      email: c.billingEmail,
      address: c.billingAddress,
      paymentTermsDays: c.paymentTermsDays,
      chorusServiceCode: c.chorusServiceCode,
      chorusCommitmentNumber: c.chorusCommitmentNumber,
    },
    forProfit: c.forProfit,
    economicDismissalOn: c.economicDismissalOn,
    economicDismissalUntil: c.economicDismissalUntil,
    legalForm: c.legalForm,
    legalFormLabel: legalFormLabel(c.legalForm),
    countsForHoursCap: countsForHoursCap(c.legalForm),
    hoursCapReason: HOURS_CAP_GROUPS[hoursCapGroup(c.legalForm)].label,
    companyByLegalForm: isCompanyByLegalForm(c.legalForm),
    notes: c.notes,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentSite(s: typeof sites.$inferSelect): Site {
  return {
    id: s.id,
    clientId: s.clientId,
    name: s.name,
    address: { line: s.addressLine, postalCode: s.postalCode, communeCode: s.communeCode, communeName: s.communeName },
    location: s.lat !== null && s.lon !== null ? { lat: s.lat, lon: s.lon } : null,
    accessNotes: s.accessNotes,
  };
}

export function presentContact(c: typeof clientContacts.$inferSelect): Contact {
  return { id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone };
}
