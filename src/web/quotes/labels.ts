import { EQUIPMENT_SUPPLIER_LABELS } from '../../shared/equipment';
export const QUOTE_STATUS_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  sent: 'Envoyé',
  accepted: 'Accepté',
  refused: 'Refusé',
  expired: 'Expiré',
  superseded: 'Remplacé',
};
/** Dark shades, outlined: readable at AA contrast on white. */
export const QUOTE_STATUS_COLORS: Record<string, string> = {
  draft: 'gray.7',
  sent: 'blue.9',
  accepted: 'teal.9',
  refused: 'red.9',
  expired: 'grape.9',
  superseded: 'gray.7',
};
export const SUPPLIER_LABELS = EQUIPMENT_SUPPLIER_LABELS;

export type QuoteLine = {
  id?: string;
  rome: string;
  label: string;
  minutes: number;
  hourlyRateCents: number;
  totalCents?: number;
};
export type Quote = {
  id: string;
  number: string;
  revision: number;
  previousId: string | null;
  status: string;
  clientId: string;
  clientName: string;
  needId: string | null;
  validUntil: string;
  tenderReference: string | null;
  totalCents: number;
  siteId: string | null;
  startDate: string | null;
  endDate: string | null;
  tasks: string | null;
  protectiveEquipment: string | null;
  equipmentSuppliedBy: string | null;
  equivalentPayCents: number | null;
  notes: string | null;
  sentAt: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
  acceptedIp: string | null;
  refusedAt: string | null;
  refusedBy: string | null;
  refusalReason: string | null;
  placementContractId: string | null;
  createdAt: string;
};
export type QuoteDetail = Quote & {
  lines: QuoteLine[];
  history: { id: string; revision: number; status: string; totalCents: number; createdAt: string }[];
};
export type Contract = {
  id: string;
  number: string;
  status: string;
  clientId: string;
  clientName: string;
  siteName: string | null;
  quoteId: string | null;
  amendsId: string | null;
  amendmentReason: string | null;
  tasks: string;
  startDate: string;
  endDate: string;
  equivalentPayCents: number | null;
  protectiveEquipment: string | null;
  equipmentSuppliedBy: string | null;
  workerNames: string[];
  workerIds?: string[];
  /** The engagement number of the order (Chorus Pro), given by the public buyer. */
  commitmentNumber?: string | null;
  signedAt: string | null;
  signedBy: string | null;
  signedIp: string | null;
  createdAt: string;
};
export type ContractDetail = Contract & {
  site: {
    name: string;
    addressLine: string | null;
    postalCode: string | null;
    communeName: string | null;
    accessNotes: string | null;
  } | null;
  versions: {
    id: string;
    number: string;
    amendsId: string | null;
    workerNames: string[];
    workerIds?: string[];
    signedAt: string | null;
    createdAt: string;
  }[];
};

/** API.md: round(minutes × hourlyRateCents / 60). */
export const lineTotal = (minutes: number, rate: number) => Math.round((minutes * rate) / 60);
