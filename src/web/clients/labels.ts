/** French labels of the client kinds (API.md's enumeration). */
export const CLIENT_KIND_LABELS: Record<string, string> = {
  individual: 'Particulier',
  association: 'Association',
  local_authority: 'Collectivité',
  company: 'Entreprise',
  social_landlord: 'Bailleur social',
  care_home: 'EHPAD / résidence',
  medico_social: 'Médico-social',
  public_body: 'Établissement public',
};
export const CLIENT_KIND_OPTIONS = Object.entries(CLIENT_KIND_LABELS).map(([value, label]) => ({ value, label }));

export type Address = {
  line: string | null;
  postalCode: string | null;
  communeCode: string;
  communeName: string | null;
};
export type Client = {
  id: string;
  name: string;
  kind: string;
  siret: string | null;
  address: Address;
  contact: { name: string | null; email: string | null; phone: string | null };
  billing: {
    email: string | null;
    address: string | null;
    paymentTermsDays: number;
    chorusServiceCode: string | null;
    chorusCommitmentNumber: string | null;
  };
  forProfit: boolean | null;
  economicDismissalOn: string | null;
  economicDismissalUntil: string | null;
  /** INSEE catégorie juridique (level 2 or 3) or 'private_individual'; null while unknown. */
  legalForm: string | null;
  legalFormLabel: string | null;
  countsForHoursCap: boolean;
  hoursCapReason: string;
  /** A company by legal form: its contracts state an equivalent employee's pay (R5132-20). */
  companyByLegalForm: boolean;
  notes: string | null;
  archivedAt: string | null;
};
export type Site = { id: string; name: string; address: Address; accessNotes: string | null };
export type Contact = { id: string; name: string; role: string | null; email: string | null; phone: string | null };
export type ClientDetail = Client & {
  sites: Site[];
  contacts: Contact[];
  excludedWorkers: { workerId: string; name: string; reason: string | null; since: string }[];
};

export const addressText = (a: Address) =>
  [a.line, [a.postalCode, a.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ');
