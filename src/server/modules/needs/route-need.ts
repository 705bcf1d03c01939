import { and, asc, eq, exists, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { networkOrganisations, networks, organisations } from '../accounts/queries.js';
import { organisationJobs, organisationTerritories } from '../directory/queries.js';
import { type Commune, distanceKm } from '../geo/communes.js';

/** Default number of AIs a need goes to at once; a network may change it (networks.settings.routingLimit). */
export const DEFAULT_ROUTING_LIMIT = 5;

export type RoutingCandidate = {
  organisationId: string;
  name: string;
  distanceKm: number | null;
  networkId: string | null;
  /** At least one job asked for is offered exactly (not only its family). */
  exactJob: boolean;
};

/** "K2204" → "K22": a job family match counts for routing. */
export const jobFamily = (rome: string) => rome.slice(0, 3);

const round1 = (km: number) => Math.round(km * 10) / 10;

export type FindRoutingCandidatesOptions = {
  db: Db;
  commune: Commune;
  romes: string[];
  /** Put first when it qualifies (the form was opened from its page). */
  preferredOrganisationId?: string | null;
  /** Skip the territory check and take every AI within this radius instead (the coordinator widening). */
  radiusKm?: number;
  /** Restrict to the AIs of one network (coordinator's view). */
  networkId?: string;
};

/**
 * The active AIs whose territory covers the commune (its département or the commune itself, R5132-19)
 * and that offer at least one of the jobs, exactly or by family; nearest first.
 */
export async function findRoutingCandidates(o: FindRoutingCandidatesOptions): Promise<RoutingCandidate[]> {
  const { db, commune } = o;
  const romes = [...new Set(o.romes.map((r) => r.toUpperCase()))];
  const families = [...new Set(romes.map(jobFamily))];
  if (romes.length === 0) return [];
  const coversTerritory = exists(
    db
      .select({ one: sql`1` })
      .from(organisationTerritories)
      .where(
        and(
          eq(organisationTerritories.organisationId, organisations.id),
          or(
            and(eq(organisationTerritories.kind, 'departement'), eq(organisationTerritories.code, commune.departement)),
            and(eq(organisationTerritories.kind, 'commune'), eq(organisationTerritories.code, commune.code)),
          ),
        ),
      ),
  );
  const offersJob = exists(
    db
      .select({ one: sql`1` })
      .from(organisationJobs)
      .where(
        and(
          eq(organisationJobs.organisationId, organisations.id),
          or(inArray(organisationJobs.rome, romes), inArray(sql`substr(${organisationJobs.rome}, 1, 3)`, families)),
        ),
      ),
  );
  const exactJob = sql<boolean>`exists (select 1 from ${organisationJobs} where ${organisationJobs.organisationId} = ${organisations.id} and ${inArray(organisationJobs.rome, romes)})`;
  const rows = await db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      lat: organisations.lat,
      lon: organisations.lon,
      exactJob,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.isActive, true),
        eq(organisations.kind, 'AI'),
        offersJob,
        o.radiusKm === undefined ? coversTerritory : undefined,
        o.networkId
          ? exists(
              db
                .select({ one: sql`1` })
                .from(networkOrganisations)
                .where(
                  and(
                    eq(networkOrganisations.organisationId, organisations.id),
                    eq(networkOrganisations.networkId, o.networkId),
                  ),
                ),
            )
          : undefined,
      ),
    );
  const networkOf = await networksOf(
    db,
    rows.map((r) => r.organisationId),
  );
  let candidates: RoutingCandidate[] = rows.map((r) => ({
    organisationId: r.organisationId,
    name: r.name,
    distanceKm: r.lat === null || r.lon === null ? null : round1(distanceKm(commune, { lat: r.lat, lon: r.lon })),
    networkId: networkOf.get(r.organisationId) ?? null,
    exactJob: r.exactJob === true || (r.exactJob as unknown) === 't',
  }));
  if (o.radiusKm !== undefined) {
    const radius = o.radiusKm;
    candidates = candidates.filter((c) => c.distanceKm !== null && c.distanceKm <= radius);
  }
  candidates.sort(
    (a, b) =>
      (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name, 'fr'),
  );
  const preferred = candidates.findIndex((c) => c.organisationId === o.preferredOrganisationId);
  if (preferred > 0) candidates.unshift(...candidates.splice(preferred, 1));
  return candidates;
}

/** The (first) network of each organisation. */
export async function networksOf(db: Db, organisationIds: string[]): Promise<Map<string, string>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ organisationId: networkOrganisations.organisationId, networkId: networkOrganisations.networkId })
    .from(networkOrganisations)
    .where(inArray(networkOrganisations.organisationId, organisationIds))
    .orderBy(asc(networkOrganisations.joinedAt));
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.organisationId)) out.set(r.organisationId, r.networkId);
  return out;
}

/** How many AIs a need of this network goes to at once. */
export async function routingLimit(db: Db, networkId: string | null): Promise<number> {
  if (!networkId) return DEFAULT_ROUTING_LIMIT;
  const [row] = await db.select({ settings: networks.settings }).from(networks).where(eq(networks.id, networkId));
  const value = (row?.settings as { routingLimit?: unknown } | undefined)?.routingLimit;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20
    ? value
    : DEFAULT_ROUTING_LIMIT;
}

/**
 * The network that watches a need no AI qualified for: the network of the nearest active AI whose territory
 * covers the commune, whatever its jobs; failing that, of the nearest AI at all.
 */
export async function watchingNetwork(db: Db, commune: Commune): Promise<string | null> {
  const rows = await db
    .select({
      organisationId: organisations.id,
      lat: organisations.lat,
      lon: organisations.lon,
      covers: sql<boolean>`exists (select 1 from ${organisationTerritories} where ${organisationTerritories.organisationId} = ${organisations.id} and ((${organisationTerritories.kind} = 'departement' and ${organisationTerritories.code} = ${commune.departement}) or (${organisationTerritories.kind} = 'commune' and ${organisationTerritories.code} = ${commune.code})))`,
    })
    .from(organisations)
    .innerJoin(networkOrganisations, eq(networkOrganisations.organisationId, organisations.id))
    .where(and(eq(organisations.isActive, true), eq(organisations.kind, 'AI')));
  if (rows.length === 0) return null;
  const score = (r: (typeof rows)[number]) =>
    (r.covers === true || (r.covers as unknown) === 't' ? 0 : 100_000) +
    (r.lat === null || r.lon === null ? 50_000 : distanceKm(commune, { lat: r.lat, lon: r.lon }));
  const best = rows.sort((a, b) => score(a) - score(b))[0];
  return (await networksOf(db, [best.organisationId])).get(best.organisationId) ?? null;
}
