import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import type { Page } from '../../http/pagination.js';
import { escapeLike } from '../../http/validation.js';
import { networkOrganisations, type OrganisationKind, organisations } from '../accounts/queries.js';
import { normaliseText } from '../geo/communes.js';
import { organisationInvitations } from './schema.js';
import { loadStructureDetails } from './structure-facts.js';

export type NetworkStructureFilters = {
  q?: string;
  kind?: OrganisationKind;
  departement?: string;
  status?: 'public' | 'hidden' | 'inactive';
};

/** Every structure of the coordinator's network, hidden and inactive ones included, by name. */
export async function listNetworkStructures({
  db,
  actor,
  filters,
  page,
}: {
  db: Db;
  actor: NetworkActor;
  filters: NetworkStructureFilters;
  page: Page;
}) {
  const o = organisations;
  const where: SQL[] = [eq(networkOrganisations.networkId, actor.networkId)];
  if (filters.kind) where.push(eq(o.kind, filters.kind));
  if (filters.departement) where.push(eq(o.departement, filters.departement));
  if (filters.status === 'public') where.push(eq(o.isPublic, true), eq(o.isActive, true));
  if (filters.status === 'hidden') where.push(eq(o.isPublic, false), eq(o.isActive, true));
  if (filters.status === 'inactive') where.push(eq(o.isActive, false));
  const q = filters.q ? normaliseText(filters.q) : '';
  for (const w of q.split(' ').filter(Boolean)) {
    where.push(
      sql`regexp_replace(unaccent(lower(${o.name} || ' ' || coalesce(${o.communeName}, '') || ' ' || coalesce(${o.siret}, ''))), '[-''’]', ' ', 'g') like ${`%${escapeLike(w)}%`}`,
    );
  }
  const rows = await db
    .select({ org: o, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(o)
    .innerJoin(networkOrganisations, eq(networkOrganisations.organisationId, o.id))
    .where(and(...where))
    .orderBy(asc(sql`unaccent(lower(${o.name}))`), asc(o.id))
    .limit(page.limit)
    .offset(page.offset);
  const details = await loadStructureDetails(
    db,
    rows.map((r) => r.org),
  );
  const ids = details.map((d) => d.id);
  const invitations = ids.length
    ? await db
        .select({
          organisationId: organisationInvitations.organisationId,
          email: organisationInvitations.email,
          acceptedAt: organisationInvitations.acceptedAt,
          createdAt: organisationInvitations.createdAt,
        })
        .from(organisationInvitations)
        .where(sql`${organisationInvitations.organisationId} in ${ids}`)
        .orderBy(asc(organisationInvitations.createdAt))
    : [];
  const items = details.map((d) => {
    const last = invitations.filter((i) => i.organisationId === d.id).at(-1);
    return {
      ...d,
      invitation: last
        ? { email: last.email, accepted: !!last.acceptedAt, sentAt: last.createdAt.toISOString() }
        : null,
    };
  });
  return { items, total: rows[0]?.total ?? 0 };
}
