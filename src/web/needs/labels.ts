import type { EquipmentSupplier } from '../../shared/equipment';
/** French words of the needs pages, in one place. */
export const KIND_LABELS: Record<string, string> = {
  care_home: 'EHPAD / maison de retraite',
  medico_social: 'Autre établissement médico-social',
  association: 'Association',
  local_authority: 'Collectivité',
  company: 'Entreprise',
  social_landlord: 'Bailleur social',
  individual: 'Particulier',
  public_body: 'Établissement public',
};

export const URGENCY_LABELS: Record<string, string> = { urgent: 'Renfort urgent', structural: 'Besoin durable' };

/** What an AI sees of a need in its inbox. */
export const INBOX_LABELS: Record<string, string> = {
  new: 'Nouveau',
  claimed: 'Pris en charge',
  in_diagnostic: 'En diagnostic',
  quoted: 'Devis envoyé',
  won: 'Gagné',
  lost: 'Perdu',
  taken: 'Pris par une autre structure',
  declined: 'Décliné',
};

export const INBOX_COLORS: Record<string, string> = {
  new: 'blue',
  claimed: 'teal',
  in_diagnostic: 'cyan',
  quoted: 'violet',
  won: 'green',
  lost: 'gray',
  taken: 'gray',
  declined: 'gray',
};

/** The need's own status, as the network console shows it. */
export const STATUS_LABELS: Record<string, string> = {
  unrouted: 'Non orienté',
  routed: 'En attente',
  claimed: 'Pris en charge',
  in_diagnostic: 'En diagnostic',
  quoted: 'Devis envoyé',
  won: 'Gagné',
  lost: 'Perdu',
};

export const STATUS_COLORS: Record<string, string> = {
  unrouted: 'orange',
  routed: 'blue',
  claimed: 'teal',
  in_diagnostic: 'cyan',
  quoted: 'violet',
  won: 'green',
  lost: 'gray',
};

export const ROUTE_LABELS: Record<string, string> = {
  routed: 'non lu',
  viewed: 'vu',
  claimed: 'a pris en charge',
  declined: 'a décliné',
};

/** "12 min", "3 h 05", "2 j 4 h". */
export function formatWait(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return hours ? `${days} j ${hours} h` : `${days} j`;
}

export type NeedJob = {
  rome: string;
  label: string;
  headcount: number;
  hoursPerWeek: number | null;
  startDate: string;
  endDate: string | null;
  schedule: string | null;
  nights: boolean;
  weekends: boolean;
};

export type Diagnostic = {
  jobs: {
    rome: string;
    headcount: number;
    minutesPerWeek: number | null;
    schedule: string;
    skills: string;
    certificates: string;
  }[];
  startDate: string | null;
  endDate: string | null;
  protectiveEquipment: string;
  equipmentSuppliedBy: EquipmentSupplier | null;
  accessConstraints: string;
  carePathwayInterest: boolean;
  notes: string;
};

export type NeedView = {
  id: string;
  reference: string;
  urgency: 'urgent' | 'structural';
  status: string;
  inboxStatus: string;
  createdAt: string;
  deadlineAt: string | null;
  overdue: boolean;
  establishment: {
    name: string;
    kind: string;
    siret: string | null;
    address: { line: string | null; postalCode: string | null; communeCode: string; communeName: string };
  };
  contact: { name: string; email: string; phone: string | null } | null;
  description: string;
  carePathway: boolean;
  jobs: NeedJob[];
  diagnostic: Diagnostic | null;
  diagnosticAt: string | null;
  claimedBy: { organisationId: string; name: string } | null;
  claimedAt: string | null;
  route?: { status: string; distanceKm: number | null; declineReason: string | null } | null;
};

/** Table badges show their whole label rather than an ellipsis when the table is tight. */
export const NO_CLIP = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;
