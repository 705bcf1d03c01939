import { ApiError } from '../api';

/** Shapes of the directory's public API (src/server/modules/directory/routes.ts). */
export type Kind = 'AI' | 'ACI' | 'EI' | 'ETTI' | 'EITI' | 'GEIQ' | 'OTHER';

export const KIND_LABELS: Record<Kind, string> = {
  AI: 'Association intermédiaire',
  ACI: 'Atelier et chantier d’insertion',
  EI: 'Entreprise d’insertion',
  ETTI: 'Entreprise de travail temporaire d’insertion',
  EITI: 'Entreprise d’insertion par le travail indépendant',
  GEIQ: 'Groupement d’employeurs (GEIQ)',
  OTHER: 'Autre structure',
};

export const KIND_SHORT: Record<Kind, string> = {
  AI: 'AI',
  ACI: 'ACI',
  EI: 'EI',
  ETTI: 'ETTI',
  EITI: 'EITI',
  GEIQ: 'GEIQ',
  OTHER: 'Autre',
};

/** Marker colours per kind (contrast ≥ 3:1 on the light base map). */
export const KIND_COLORS: Record<Kind, string> = {
  AI: '#1c5fb8',
  ACI: '#2b7a3d',
  EI: '#a34e00',
  ETTI: '#7b3fa0',
  EITI: '#8a6d00',
  GEIQ: '#b0243a',
  OTHER: '#555555',
};

export type Address = {
  line: string | null;
  postalCode: string | null;
  communeCode: string | null;
  communeName: string | null;
};

export type StructurePoint = {
  id: string;
  name: string;
  kind: Kind;
  communeName: string | null;
  lat: number;
  lon: number;
  distanceKm: number | null;
};

export type StructureSummary = {
  id: string;
  slug: string;
  name: string;
  kind: Kind;
  siret: string | null;
  address: Address;
  departement: string | null;
  location: { lat: number; lon: number } | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  jobs: string[];
  networks: string[];
  distanceKm: number | null;
};

export type StructureDetail = Omit<StructureSummary, 'distanceKm'> & {
  openingHours: string | null;
  presentation: string | null;
  territory: { departements: string[]; communes: string[] };
  jobLabels: { code: string; label: string }[];
  networkLabels: { code: string; label: string }[];
  updatedAt: string;
};

export type NetworkStructure = StructureDetail & {
  isPublic: boolean;
  isActive: boolean;
  externalId: string | null;
  invitation?: { email: string; accepted: boolean; sentAt: string } | null;
};

export type Commune = { code: string; name: string; departement: string; lat: number; lon: number };
export type Job = {
  code: string;
  label: string;
  familyCode: string;
  familyLabel: string;
  domainCode: string;
  domainLabel: string;
};

export const FILTER_KEYS = ['commune', 'radiusKm', 'departement', 'job', 'kind', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const addressText = (a: Address) =>
  [a.line, [a.postalCode, a.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ');

export const formatKm = (km: number) => `${String(km).replace('.', ',')} km`;

/** A 4xx answer will not change on retry (bad filters): show it at once. */
export const retryServerErrors = (count: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && count < 1;
