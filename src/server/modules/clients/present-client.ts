import { z } from 'zod';
import { legalFormLabel } from './legal-forms.js';
import { countsForHoursCap, HOURS_CAP_GROUPS, hoursCapGroup, isCompanyByLegalForm } from './rules/hours-cap-scope.js';
import { CLIENT_KINDS, type clientContacts, type clients, type sites } from './schema.js';

export const Address = z.object({
  line: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
});

export const SiteView = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  address: Address,
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  accessNotes: z.string().nullable(),
});

export const ContactView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ClientView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CLIENT_KINDS),
  siret: z.string().nullable(),
  address: Address,
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  billing: z.object({
    email: z.string().nullable(),
    address: z.string().nullable(),
    paymentTermsDays: z.number(),
    chorusServiceCode: z.string().nullable(),
    chorusCommitmentNumber: z.string().nullable(),
  }),
  forProfit: z.boolean().nullable(),
  economicDismissalOn: z.string().nullable(),
  economicDismissalUntil: z.string().nullable(),
  /** INSEE catégorie juridique (level 2 or 3) or 'private_individual'; null while unknown. */
  legalForm: z.string().nullable(),
  legalFormLabel: z.string().nullable(),
  /** Whether its hours count for the 480 h cap, from the legal form alone (unknown counts). */
  countsForHoursCap: z.boolean(),
  /** Why, in French, with the source kept in docs/LAW.md. */
  hoursCapReason: z.string(),
  /** A company by legal form: its contracts state an equivalent employee's pay (R5132-20). */
  companyByLegalForm: z.boolean(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ClientViewT = z.infer<typeof ClientView>;

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

export function presentSite(s: typeof sites.$inferSelect): z.infer<typeof SiteView> {
  return {
    id: s.id,
    clientId: s.clientId,
    name: s.name,
    address: { line: s.addressLine, postalCode: s.postalCode, communeCode: s.communeCode, communeName: s.communeName },
    location: s.lat !== null && s.lon !== null ? { lat: s.lat, lon: s.lon } : null,
    accessNotes: s.accessNotes,
  };
}

export function presentContact(c: typeof clientContacts.$inferSelect): z.infer<typeof ContactView> {
  return { id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone };
}
