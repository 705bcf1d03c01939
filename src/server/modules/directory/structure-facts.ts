import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { safeHttpUrl } from '../../http/validation.js';
import { networkOrganisations, organisations } from '../accounts/queries.js';
import { normaliseText } from '../geo/communes.js';
import { directoryProfiles, organisationJobs, organisationTerritories } from './schema.js';

/** "Trait d’Union Emploi" in Créteil → "trait-d-union-emploi-creteil" (unique: -2, -3… when taken). */
export async function uniqueSlug(db: Db, name: string, communeName?: string | null): Promise<string> {
  const withCommune = communeName && !normaliseText(name).includes(normaliseText(communeName));
  const base =
    normaliseText(withCommune ? `${name} ${communeName}` : name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'structure';
  const taken = new Set(
    (
      await db
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(like(organisations.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The structure of this network, or 404 (never a hint that a structure of another network exists). */
export async function findNetworkStructure(db: Db, networkId: string, organisationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(organisationId)) throw notFound('Cette structure');
  const [row] = await db
    .select({ org: organisations })
    .from(organisations)
    .innerJoin(networkOrganisations, eq(networkOrganisations.organisationId, organisations.id))
    .where(and(eq(networkOrganisations.networkId, networkId), eq(organisations.id, organisationId)));
  if (!row) throw notFound('Cette structure');
  return row.org;
}

/** Replaces a structure's jobs, territory and network labels (inside the caller's transaction). */
export async function writeDirectoryFacts(
  tx: Db,
  organisationId: string,
  facts: {
    jobs?: string[];
    territory?: { departements: string[]; communes: string[] };
    networks?: string[];
    externalId?: string | null;
    source?: string | null;
  },
) {
  if (facts.jobs) {
    await tx.delete(organisationJobs).where(eq(organisationJobs.organisationId, organisationId));
    if (facts.jobs.length)
      await tx.insert(organisationJobs).values(facts.jobs.map((rome) => ({ organisationId, rome })));
  }
  if (facts.territory) {
    await tx.delete(organisationTerritories).where(eq(organisationTerritories.organisationId, organisationId));
    const rows = [
      ...[...new Set(facts.territory.departements)].map((code) => ({ kind: 'departement' as const, code })),
      ...[...new Set(facts.territory.communes)].map((code) => ({ kind: 'commune' as const, code })),
    ].map((r) => ({ ...r, organisationId }));
    if (rows.length) await tx.insert(organisationTerritories).values(rows);
  }
  const profile: Partial<typeof directoryProfiles.$inferInsert> = {};
  if (facts.networks) profile.networkLabels = facts.networks;
  if (facts.externalId !== undefined) profile.externalId = facts.externalId;
  if (facts.source !== undefined) profile.source = facts.source;
  if (Object.keys(profile).length) {
    await tx
      .insert(directoryProfiles)
      .values({ organisationId, ...profile })
      .onConflictDoUpdate({ target: directoryProfiles.organisationId, set: { ...profile, updatedAt: sql`now()` } });
  }
}

export type StructureDetail = Awaited<ReturnType<typeof loadStructureDetails>>[number];

/** Full view of structures: contact, presentation, jobs, territory, network labels. */
export async function loadStructureDetails(db: Db, orgs: (typeof organisations.$inferSelect)[]) {
  const ids = orgs.map((o) => o.id);
  if (!ids.length) return [];
  const [jobs, territories, profiles] = await Promise.all([
    db.select().from(organisationJobs).where(inArray(organisationJobs.organisationId, ids)),
    db.select().from(organisationTerritories).where(inArray(organisationTerritories.organisationId, ids)),
    db.select().from(directoryProfiles).where(inArray(directoryProfiles.organisationId, ids)),
  ]);
  return orgs.map((o) => {
    const profile = profiles.find((p) => p.organisationId === o.id);
    const t = territories.filter((x) => x.organisationId === o.id);
    return {
      id: o.id,
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      siret: o.siret,
      address: {
        line: o.addressLine,
        postalCode: o.postalCode,
        communeCode: o.communeCode,
        communeName: o.communeName,
      },
      departement: o.departement,
      location: o.lat !== null && o.lon !== null ? { lat: o.lat, lon: o.lon } : null,
      phone: o.phone,
      email: o.email,
      website: safeHttpUrl(o.website),
      openingHours: o.openingHours,
      presentation: o.presentation,
      jobs: jobs
        .filter((j) => j.organisationId === o.id)
        .map((j) => j.rome)
        .sort(),
      territory: {
        departements: t
          .filter((x) => x.kind === 'departement')
          .map((x) => x.code)
          .sort(),
        communes: t
          .filter((x) => x.kind === 'commune')
          .map((x) => x.code)
          .sort(),
      },
      networks: profile?.networkLabels ?? [],
      externalId: profile?.externalId ?? null,
      isPublic: o.isPublic,
      isActive: o.isActive,
      updatedAt: (profile && profile.updatedAt > o.updatedAt ? profile.updatedAt : o.updatedAt).toISOString(),
    };
  });
}

/** A public and active structure by id or slug, or 404. */
export async function getPublicStructure({ db, idOrSlug }: { db: Db; idOrSlug: string }) {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [org] = await db
    .select()
    .from(organisations)
    .where(
      and(
        byId ? eq(organisations.id, idOrSlug) : eq(organisations.slug, idOrSlug),
        eq(organisations.isPublic, true),
        eq(organisations.isActive, true),
      ),
    );
  if (!org) throw notFound('Cette structure');
  return (await loadStructureDetails(db, [org]))[0];
}
