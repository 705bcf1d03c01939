import { and, asc, count, eq, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { Page } from '../../http/pagination.js';
import { escapeLike, safeHttpUrl } from '../../http/validation.js';
import { type OrganisationKind, organisations } from '../accounts/queries.js';
import { findCommune, normaliseText } from '../geo/communes.js';
import { directoryProfiles, organisationJobs } from './schema.js';

export type StructureFilters = {
  /** INSEE code of the commune to search around. */
  commune?: string;
  /** Radius around the commune, 1–100 km (default 25). */
  radiusKm?: number;
  departement?: string;
  /** A ROME code ("K2204"), a job family ("K22") or a domain ("K"). */
  job?: string;
  kind?: OrganisationKind;
  /** Free text on the name and the commune, accents and case ignored. */
  q?: string;
};

export const DEFAULT_RADIUS_KM = 25;
const KM_PER_DEGREE = 111.32;

/**
 * The WHERE clause and distance expression of a public directory search: only public and active structures.
 * The radius search prefilters on a bounding box (btree on lat/lon, migration 0007) and then keeps the exact
 * great-circle distance, so that a search over thousands of structures stays a few milliseconds.
 */
export function structureSearchClause(filters: StructureFilters) {
  const o = organisations;
  const where: SQL[] = [eq(o.isPublic, true), eq(o.isActive, true)];
  let distance: SQL<number> | null = null;
  if (filters.commune) {
    const c = findCommune(filters.commune);
    if (c) {
      const r = filters.radiusKm ?? DEFAULT_RADIUS_KM;
      const dLat = r / KM_PER_DEGREE;
      const dLon = r / (KM_PER_DEGREE * Math.max(0.1, Math.cos((c.lat * Math.PI) / 180)));
      distance = sql<number>`(2 * 6371 * asin(least(1, sqrt(
        power(sin(radians(${o.lat} - ${c.lat}::float8) / 2), 2)
        + cos(radians(${c.lat}::float8)) * cos(radians(${o.lat})) * power(sin(radians(${o.lon} - ${c.lon}::float8) / 2), 2)))))`;
      where.push(
        sql`${o.lat} between ${c.lat - dLat}::float8 and ${c.lat + dLat}::float8`,
        sql`${o.lon} between ${c.lon - dLon}::float8 and ${c.lon + dLon}::float8`,
        sql`${distance} <= ${r}::float8`,
      );
    }
  }
  if (filters.departement) where.push(eq(o.departement, filters.departement));
  if (filters.kind) where.push(eq(o.kind, filters.kind));
  if (filters.job) {
    const job = filters.job.toUpperCase();
    const match = job.length === 5 ? eq(organisationJobs.rome, job) : like(organisationJobs.rome, `${job}%`);
    where.push(
      sql`exists (select 1 from ${organisationJobs} where ${organisationJobs.organisationId} = ${o.id} and ${match})`,
    );
  }
  const q = filters.q ? normaliseText(filters.q) : '';
  if (q) {
    const text = sql`regexp_replace(unaccent(lower(${o.name} || ' ' || coalesce(${o.communeName}, ''))), '[-''’]', ' ', 'g')`;
    const words = q.split(' ').filter(Boolean);
    where.push(and(...words.map((w) => sql`${text} like ${`%${escapeLike(w)}%`}`))!);
  }
  return { where: and(...where)!, distance };
}

export type StructureSummary = {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  siret: string | null;
  address: { line: string | null; postalCode: string | null; communeCode: string | null; communeName: string | null };
  departement: string | null;
  location: { lat: number; lon: number } | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  jobs: string[];
  networks: string[];
  distanceKm: number | null;
};

/** GET /api/public/structures: public and active structures matching the filters, nearest first around a commune. */
export async function searchStructures({ db, filters, page }: { db: Db; filters: StructureFilters; page: Page }) {
  const o = organisations;
  const { where, distance } = structureSearchClause(filters);
  const rows = await db
    .select({
      id: o.id,
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      siret: o.siret,
      addressLine: o.addressLine,
      postalCode: o.postalCode,
      communeCode: o.communeCode,
      communeName: o.communeName,
      departement: o.departement,
      lat: o.lat,
      lon: o.lon,
      phone: o.phone,
      email: o.email,
      website: o.website,
      distance: distance ?? sql<null>`null::float8`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      // One round trip: the page's jobs and network labels come with it (evaluated after the LIMIT).
      jobs: sql<
        string[] | null
      >`(select array_agg(${organisationJobs.rome} order by ${organisationJobs.rome}) from ${organisationJobs} where ${organisationJobs.organisationId} = ${o.id})`,
      labels: sql<
        string[] | null
      >`(select ${directoryProfiles.networkLabels} from ${directoryProfiles} where ${directoryProfiles.organisationId} = ${o.id})`,
    })
    .from(o)
    .where(where)
    .orderBy(...(distance ? [asc(distance), asc(o.name)] : [asc(sql`unaccent(lower(${o.name}))`)]), asc(o.id))
    .limit(page.limit)
    .offset(page.offset);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.offset > 0) {
    [{ total }] = await db.select({ total: count() }).from(o).where(where);
  }
  const items: StructureSummary[] = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    siret: r.siret,
    address: { line: r.addressLine, postalCode: r.postalCode, communeCode: r.communeCode, communeName: r.communeName },
    departement: r.departement,
    location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
    phone: r.phone,
    email: r.email,
    website: safeHttpUrl(r.website),
    jobs: r.jobs ?? [],
    networks: r.labels ?? [],
    distanceKm: r.distance === null || r.distance === undefined ? null : Math.round(Number(r.distance) * 10) / 10,
  }));
  return { items, total };
}

export type StructurePoint = {
  id: string;
  name: string;
  kind: OrganisationKind;
  communeName: string | null;
  lat: number;
  lon: number;
  distanceKm: number | null;
};

/** Every matching structure as a compact point, for the map (thousands of markers in one answer). */
export async function structurePoints({ db, filters }: { db: Db; filters: StructureFilters }) {
  const o = organisations;
  const { where, distance } = structureSearchClause(filters);
  const rows = await db
    .select({
      id: o.id,
      name: o.name,
      kind: o.kind,
      communeName: o.communeName,
      lat: o.lat,
      lon: o.lon,
      distance: distance ?? sql<null>`null::float8`,
    })
    .from(o)
    .where(and(where, sql`${o.lat} is not null`, sql`${o.lon} is not null`))
    .orderBy(...(distance ? [asc(distance), asc(o.name)] : [asc(sql`unaccent(lower(${o.name}))`)]), asc(o.id))
    .limit(20_000);
  const items: StructurePoint[] = rows.map(({ distance: d, ...r }) => ({
    ...r,
    lat: Math.round(r.lat! * 1e5) / 1e5,
    lon: Math.round(r.lon! * 1e5) / 1e5,
    distanceKm: d === null || d === undefined ? null : Math.round(Number(d) * 10) / 10,
  }));
  return { items, total: items.length };
}
