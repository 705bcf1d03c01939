/**
 * The directory of the inclusion structures (public map and search, network console), shared by the server's
 * routes and the web app: the structure kinds and their French labels, the answers' shapes and the endpoints
 * (docs/decisions/016-typed-client-from-shared-schemas.md). Rules that need the server's data (a commune, a
 * département or a ROME code that exists, a valid SIRET) are added by src/server/modules/directory.
 */
import { z } from 'zod';
import { endpoint, fileAnswer } from './http.js';

export const ORGANISATION_KINDS = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GEIQ', 'OTHER'] as const;
export type Kind = (typeof ORGANISATION_KINDS)[number];

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

/** The network console's filter on a structure's visibility. */
export const STRUCTURE_VISIBILITIES = ['public', 'hidden', 'inactive'] as const;

/** The public directory's filters, in the order of the URL (API.md). */
export const FILTER_KEYS = ['commune', 'radiusKm', 'departement', 'job', 'kind', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const formatKm = (km: number) => `${String(km).replace('.', ',')} km`;

// ---- answers

export const AddressView = z.object({
  line: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
});
export type Address = z.infer<typeof AddressView>;

export const addressText = (a: Address) =>
  [a.line, [a.postalCode, a.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ');

const Location = z.object({ lat: z.number(), lon: z.number() }).nullable();
const CodeLabel = z.object({ code: z.string(), label: z.string() });

export const StructureView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  siret: z.string().nullable(),
  address: AddressView,
  departement: z.string().nullable(),
  location: Location,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  jobs: z.array(z.string()),
  networks: z.array(z.string()),
  distanceKm: z.number().nullable(),
});
export type StructureSummary = z.infer<typeof StructureView>;

export const StructureDetailView = StructureView.omit({ distanceKm: true }).extend({
  openingHours: z.string().nullable(),
  presentation: z.string().nullable(),
  territory: z.object({ departements: z.array(z.string()), communes: z.array(z.string()) }),
  jobLabels: z.array(CodeLabel),
  networkLabels: z.array(CodeLabel),
  updatedAt: z.string(),
});
export type StructureDetail = z.infer<typeof StructureDetailView>;

export const NetworkStructureView = StructureDetailView.extend({
  isPublic: z.boolean(),
  isActive: z.boolean(),
  externalId: z.string().nullable(),
  invitation: z.object({ email: z.string(), accepted: z.boolean(), sentAt: z.string() }).nullable().optional(),
});
export type NetworkStructure = z.infer<typeof NetworkStructureView>;

export const PointView = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  communeName: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  distanceKm: z.number().nullable(),
});
export type StructurePoint = z.infer<typeof PointView>;
export const PointsView = z.object({ items: z.array(PointView), total: z.number() });

export const CommuneView = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** La Poste's codes serving the commune. */
  postalCodes: z.array(z.string()),
  /** Its 2018 name when renamed since (Valserhône was Bellegarde-sur-Valserine): searches still find it by it. */
  formerName: z.string().nullable(),
  /**
   * In a search's answer, the commune that has joined this one whose name the search matched (« Étrez » finds Bresse
   * Vallons); null otherwise.
   */
  joinedName: z.string().nullable(),
});
export type Commune = z.infer<typeof CommuneView>;

type PostalCommune = {
  name: string;
  departement: string;
  postalCodes: string[];
  formerName?: string | null;
  joinedName?: string | null;
};

/**
 * How a commune reads in a picker: with its postal codes when it has one or two (« Créteil (94000) », « Saint-Denis
 * (93200, 93210) »), else with its département (« Paris (75) »): two namesakes are told apart either way.
 */
export function communeChoiceLabel(c: PostalCommune): string {
  const codes = c.postalCodes.length && c.postalCodes.length <= 2 ? c.postalCodes.join(', ') : c.departement;
  // A renamed commune says its former name: a person who typed « Bellegarde » sees why Valserhône answers; a commune
  // found by the name of one that joined it says so (« Étrez » finds « Bresse Vallons, qui inclut Étrez »).
  if (c.joinedName) return `${c.name}, qui inclut ${c.joinedName} (${codes})`;
  return c.formerName ? `${c.name}, anciennement ${c.formerName} (${codes})` : `${c.name} (${codes})`;
}

/**
 * The postal code an address form holds once a commune is picked. The person's own code stays (a CEDEX code is in
 * no list), unless it was one of the previous commune's and not of the new one: it is then replaced, like an empty
 * field, by the code typed in the search when the new commune has it, else by the commune's only code, else left
 * empty for the person to write (a commune with several codes).
 */
export function postalCodeAfterPick(
  current: string,
  search: string,
  picked: { postalCodes: string[] },
  previous: { postalCodes: string[] } | null,
): string {
  const code = current.trim();
  const stale = code !== '' && !!previous?.postalCodes.includes(code) && !picked.postalCodes.includes(code);
  if (code && !stale) return current;
  const typed = search.trim();
  if (picked.postalCodes.includes(typed)) return typed;
  return picked.postalCodes.length === 1 ? picked.postalCodes[0] : '';
}

/** What the address form says under a postal code typed before (or against) the commune. */
export type PostalCodeHint<C> =
  | { kind: 'none' }
  /** The commune is empty and the code serves one commune: the form picks it. */
  | { kind: 'fill'; commune: C }
  /** The commune is empty and the code serves a few: the person picks one of them in one click. */
  | { kind: 'choose'; communes: C[] }
  /** The commune is empty and the code serves too many to list (51300 serves 46): the person types the name. */
  | { kind: 'many' }
  /** The commune is empty and the code serves none (a CEDEX code, a typo): the person picks the commune by name. */
  | { kind: 'unknown' }
  /** The commune picked is not one of the few the code serves (`communes`): the person may switch in one click. */
  | { kind: 'other'; communes: C[] };

/**
 * The hint for a postal code, given the commune picked (its INSEE code, '' when none) and the communes the search of
 * that code found (`null` while it loads; it must hold more than `max` communes when more serve the code). Only a
 * whole code (five digits) is looked at; a commune the person picked is never replaced, only questioned.
 */
export function postalCodeHint<C extends { code: string; postalCodes: string[] }>(
  postalCode: string,
  communeCode: string,
  found: C[] | null,
  max = 8,
): PostalCodeHint<C> {
  const code = postalCode.trim();
  if (!/^\d{5}$/.test(code) || !found) return { kind: 'none' };
  // The search also returns communes whose INSEE code starts so: only those the postal code serves count.
  const served = found.filter((c) => c.postalCodes.includes(code));
  if (communeCode) {
    // Past `max` the search may have stopped before the commune picked: nothing is said rather than a false alarm.
    if (served.length === 0 || served.length > max || served.some((c) => c.code === communeCode))
      return { kind: 'none' };
    return { kind: 'other', communes: served };
  }
  if (served.length === 0) return { kind: 'unknown' };
  if (served.length === 1) return { kind: 'fill', commune: served[0] };
  return served.length <= max ? { kind: 'choose', communes: served } : { kind: 'many' };
}

export const JobView = z.object({
  code: z.string(),
  label: z.string(),
  familyCode: z.string(),
  familyLabel: z.string(),
  domainCode: z.string(),
  domainLabel: z.string(),
});
export type Job = z.infer<typeof JobView>;

export const ImportRowView = z.object({
  line: z.number(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'reject']),
  organisationId: z.string().nullable(),
  problems: z.array(z.string()),
});
export type ImportRow = z.infer<typeof ImportRowView>;
export const ImportPreviewView = z.object({
  clean: z.boolean(),
  counts: z.object({ create: z.number(), update: z.number(), reject: z.number() }),
  rows: z.array(ImportRowView),
});
export type ImportPreview = z.infer<typeof ImportPreviewView>;

/**
 * One structure in data·inclusion's schema v1 (structure.json, data-inclusion-structure.schema.json next to the
 * directory module): the fields it defines, nothing else.
 */
export const DataInclusionStructureView = z.object({
  source: z.string(),
  id: z.string(),
  nom: z.string(),
  date_maj: z.string(),
  siret: z.string().nullable(),
  adresse: z.string().nullable(),
  code_postal: z.string().nullable(),
  code_insee: z.string().nullable(),
  commune: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_web: z.string().nullable(),
  description: z.string().nullable(),
  horaires_accueil: z.string().nullable(),
  reseaux_porteurs: z.array(z.string()).nullable(),
  lien_source: z.string().nullable(),
});

/** The simplified outlines of the départements (IGN), a GeoJSON FeatureCollection sent as stored. */
export const DEPARTEMENTS_GEOJSON_ANSWER = {
  description: 'A GeoJSON FeatureCollection: one feature per département, properties {code, nom}',
  content: {
    'application/geo+json': {
      schema: fileAnswer('application/geo+json').content['application/geo+json'].schema,
    },
  },
};

// ---- inputs (their shape; the server adds the rules that need its data)

const OptionalText = z.string().nullish();

/** What a coordinator types to create or edit a structure of the directory. */
export const StructureShape = z.strictObject({
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  siret: OptionalText,
  address: z.strictObject({ line: OptionalText, postalCode: OptionalText, communeCode: z.string() }),
  phone: OptionalText,
  email: OptionalText,
  website: OptionalText,
  openingHours: OptionalText,
  presentation: OptionalText,
  jobs: z.array(z.string()).optional(),
  territory: z.strictObject({ departements: z.array(z.string()), communes: z.array(z.string()) }).optional(),
  networks: z.array(z.string()).optional(),
  isPublic: z.boolean().optional(),
  isActive: z.boolean().optional(),
});
export type StructureForm = z.input<typeof StructureShape>;

/** The public filters' shape (the server checks that each commune, département and job exists). */
export const StructureFiltersShape = z.object({
  commune: z.string().optional(),
  radiusKm: z.coerce.number().optional(),
  departement: z.string().optional(),
  job: z.string().optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  q: z.string().max(100).optional(),
});

const Uuid = z.uuid();
const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const NetworkParams = z.object({ networkId: Uuid });
const NetworkStructureParams = NetworkParams.extend({ organisationId: z.string() });
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const ImportBody = z.strictObject({
  format: z.enum(['csv', 'json'], { error: 'Le format doit être csv ou json.' }),
  /** The file's bytes in base64, so that its encoding can be checked line by line. */
  contentBase64: z.string().min(1, 'Le fichier est vide.'),
});
const CodeLabels = z.object({ items: z.array(CodeLabel), total: z.number() });

export const directoryApi = {
  search: endpoint({
    method: 'GET',
    path: '/api/public/structures',
    query: StructureFiltersShape.extend(Page),
    response: z.object({ items: z.array(StructureView), total: z.number() }),
  }),
  points: endpoint({
    method: 'GET',
    path: '/api/public/structures.points.json',
    query: StructureFiltersShape,
    response: PointsView,
  }),
  dataInclusion: endpoint({
    method: 'GET',
    path: '/api/public/structures.datainclusion.json',
    response: z.array(DataInclusionStructureView),
  }),
  structure: endpoint({
    method: 'GET',
    path: '/api/public/structures/:idOrSlug',
    params: z.object({ idOrSlug: z.string().max(120) }),
    response: StructureDetailView,
  }),
  communes: endpoint({
    method: 'GET',
    path: '/api/public/communes',
    query: z.object({
      q: z.string().max(100).default(''),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
    response: z.object({ items: z.array(CommuneView), total: z.number() }),
  }),
  commune: endpoint({
    method: 'GET',
    path: '/api/public/communes/:code',
    params: z.object({ code: z.string().max(10) }),
    response: CommuneView,
  }),
  jobs: endpoint({
    method: 'GET',
    path: '/api/public/jobs',
    query: z.object({ ...Page, q: z.string().max(100).default('') }),
    response: z.object({ items: z.array(JobView), total: z.number() }),
  }),
  departementsGeojson: endpoint({
    method: 'GET',
    path: '/api/public/departements.geojson',
    response: z.string().meta({ format: 'binary' }),
  }),
  departements: endpoint({
    method: 'GET',
    path: '/api/public/departements',
    response: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })), total: z.number() }),
  }),
  reseauxPorteurs: endpoint({ method: 'GET', path: '/api/public/reseaux-porteurs', response: CodeLabels }),
  invitation: endpoint({
    method: 'GET',
    path: '/api/public/invitations/:token',
    params: TokenParams,
    response: z.object({
      organisationName: z.string(),
      email: z.string(),
      name: z.string(),
      expiresAt: z.string(),
      expired: z.boolean(),
      accepted: z.boolean(),
      existingAccount: z.boolean(),
    }),
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/public/invitations/:token/accept',
    params: TokenParams,
    body: z.strictObject({
      password: z
        .string()
        .min(12, 'Le mot de passe doit comporter au moins 12 caractères.')
        .max(200, '200 caractères au plus.')
        .optional(),
      name: z.string().trim().max(120).optional(),
    }),
    response: z.object({ organisationId: Uuid, existingAccount: z.boolean() }),
  }),
  networkStructures: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/structures',
    params: NetworkParams,
    query: z.object({
      ...Page,
      q: z.string().max(100).optional(),
      kind: z.enum(ORGANISATION_KINDS).optional(),
      departement: z.string().max(3).optional(),
      status: z.enum(STRUCTURE_VISIBILITIES).optional(),
    }),
    response: z.object({ items: z.array(NetworkStructureView), total: z.number() }),
  }),
  networkStructure: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/structures/:organisationId',
    params: NetworkStructureParams,
    response: NetworkStructureView,
  }),
  createStructure: endpoint({
    method: 'POST',
    path: '/api/networks/:networkId/structures',
    params: NetworkParams,
    body: StructureShape,
    status: 201,
    response: NetworkStructureView,
  }),
  updateStructure: endpoint({
    method: 'PATCH',
    path: '/api/networks/:networkId/structures/:organisationId',
    params: NetworkStructureParams,
    body: StructureShape.partial(),
    response: NetworkStructureView,
  }),
  inviteAdmin: endpoint({
    method: 'POST',
    path: '/api/networks/:networkId/structures/:organisationId/invitations',
    params: NetworkStructureParams,
    body: z.strictObject({
      email: z.string().trim().email('Adresse e-mail invalide.').max(254),
      name: z.string().trim().min(2, 'Indiquez le nom de la personne.').max(120),
    }),
    status: 201,
    response: z.object({ id: Uuid, email: z.string(), expiresAt: z.string() }),
  }),
  importPreview: endpoint({
    method: 'POST',
    path: '/api/networks/:networkId/structures/import/preview',
    params: NetworkParams,
    body: ImportBody,
    response: ImportPreviewView,
  }),
  importConfirm: endpoint({
    method: 'POST',
    path: '/api/networks/:networkId/structures/import/confirm',
    params: NetworkParams,
    body: ImportBody,
    response: z.object({ created: z.number(), updated: z.number(), rows: z.array(ImportRowView) }),
  }),
};
