import { and, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import { networkOrganisations, organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { distanceKm, findCommune } from '../geo/communes.js';
import { jobsOf } from './get-need.js';
import { watchedBy } from './list-network-needs.js';
import { emailRoutedAi } from './notify-need.js';
import { findRoutingCandidates } from './route-need.js';
import { claimDeadline } from './rules/claim-deadline.js';
import { needRoutes, needs } from './schema.js';

async function findWatchedNeed(db: Db, actor: NetworkActor, needId: string) {
  const [need] = await db
    .select()
    .from(needs)
    .where(and(eq(needs.id, needId), watchedBy(actor.networkId)));
  if (!need) throw notFound('Ce besoin');
  return need;
}

export type RerouteCandidate = {
  organisationId: string;
  name: string;
  distanceKm: number | null;
  /** Its convention territory covers the establishment's commune (R5132-19). */
  coversTerritory: boolean;
  exactJob: boolean;
  routeStatus: 'routed' | 'viewed' | 'claimed' | 'declined' | null;
};

/**
 * The AIs of the network the coordinator may re-route a need to: by default those whose territory covers the
 * commune; with radiusKm, every AI of the network offering the jobs within that distance (widening the radius).
 */
export async function listRerouteCandidates({
  db,
  actor,
  needId,
  radiusKm,
}: {
  db: Db;
  actor: NetworkActor;
  needId: string;
  radiusKm?: number;
}): Promise<RerouteCandidate[]> {
  const need = await findWatchedNeed(db, actor, needId);
  const commune = findCommune(need.communeCode)!;
  const romes = ((await jobsOf(db, [needId])).get(needId) ?? []).map((j) => j.rome);
  const [inTerritory, wide, routes] = await Promise.all([
    findRoutingCandidates({ db, commune, romes, networkId: actor.networkId }),
    radiusKm === undefined
      ? Promise.resolve([])
      : findRoutingCandidates({ db, commune, romes, networkId: actor.networkId, radiusKm }),
    db.select().from(needRoutes).where(eq(needRoutes.needId, needId)),
  ]);
  const covered = new Set(inTerritory.map((c) => c.organisationId));
  const merged = new Map([...inTerritory, ...wide].map((c) => [c.organisationId, c]));
  return [...merged.values()]
    .sort((a, b) => (a.distanceKm ?? 1e9) - (b.distanceKm ?? 1e9))
    .map((c) => ({
      organisationId: c.organisationId,
      name: c.name,
      distanceKm: c.distanceKm,
      coversTerritory: covered.has(c.organisationId),
      exactJob: c.exactJob,
      routeStatus: routes.find((r) => r.organisationId === c.organisationId)?.status ?? null,
    }));
}

export type RerouteNeedOptions = {
  db: Db;
  actor: NetworkActor;
  needId: string;
  organisationIds: string[];
  publicUrl: string;
  now?: Date;
};

/**
 * The coordinator sends an unclaimed need to other AIs of the network (or asks again one that declined).
 * The claim deadline starts again, and the reminder may go out again.
 */
export async function rerouteNeed({
  db,
  actor,
  needId,
  organisationIds,
  publicUrl,
  now = new Date(),
}: RerouteNeedOptions) {
  return db.transaction(async (tx) => {
    const need = await findWatchedNeed(tx, actor, needId);
    if (need.claimedByOrganisationId)
      throw conflict('need_already_claimed', 'Ce besoin a déjà été pris en charge : il ne peut plus être réorienté.');
    const ids = [...new Set(organisationIds)];
    const orgs = await tx
      .select({
        id: organisations.id,
        name: organisations.name,
        lat: organisations.lat,
        lon: organisations.lon,
        active: organisations.isActive,
      })
      .from(organisations)
      .innerJoin(networkOrganisations, eq(networkOrganisations.organisationId, organisations.id))
      .where(and(inArray(organisations.id, ids), eq(networkOrganisations.networkId, actor.networkId)));
    const missing = ids.filter((id) => !orgs.some((o) => o.id === id));
    if (missing.length > 0)
      throw ruleBroken('organisation_not_in_network', 'Une des structures choisies n’appartient pas à votre réseau.', {
        organisationIds: missing,
      });
    const inactive = orgs.filter((o) => !o.active);
    if (inactive.length > 0)
      throw ruleBroken(
        'organisation_inactive',
        `${inactive[0].name} n’est plus active : choisissez une autre structure.`,
      );
    const existing = await tx.select().from(needRoutes).where(eq(needRoutes.needId, needId));
    const [{ last }] = await tx
      .select({ last: max(needRoutes.rank) })
      .from(needRoutes)
      .where(eq(needRoutes.needId, needId));
    let rank = last ?? 0;
    const notified: string[] = [];
    for (const id of ids) {
      const org = orgs.find((o) => o.id === id)!;
      const route = existing.find((r) => r.organisationId === id);
      if (!route) {
        await tx.insert(needRoutes).values({
          needId,
          organisationId: id,
          rank: ++rank,
          distanceKm:
            org.lat === null || org.lon === null || need.lat === null || need.lon === null
              ? null
              : Math.round(distanceKm({ lat: need.lat, lon: need.lon }, { lat: org.lat, lon: org.lon }) * 10) / 10,
          routedBy: actor.userId,
          routedAt: now,
        });
        notified.push(id);
      } else if (route.status === 'declined') {
        await tx
          .update(needRoutes)
          .set({
            status: 'routed',
            declinedAt: null,
            declineReason: null,
            routedBy: actor.userId,
            routedAt: now,
            remindedAt: null,
          })
          .where(and(eq(needRoutes.needId, needId), eq(needRoutes.organisationId, id)));
        notified.push(id);
      }
    }
    const deadlineAt = claimDeadline(now, need.urgency);
    await tx
      .update(needs)
      .set({
        status: 'routed',
        routedAt: now,
        deadlineAt,
        overdueAt: null,
        networkId: need.networkId ?? actor.networkId,
        statusChangedAt: need.status === 'routed' ? need.statusChangedAt : now,
      })
      .where(eq(needs.id, needId));
    await tx
      .update(needRoutes)
      .set({ remindedAt: null })
      .where(and(eq(needRoutes.needId, needId), inArray(needRoutes.status, ['routed', 'viewed'])));
    const jobs = (await jobsOf(tx, [needId])).get(needId) ?? [];
    for (const organisationId of notified) {
      await emailRoutedAi(tx, { need: { ...need, deadlineAt, jobs }, organisationId, publicUrl });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'need.reroute',
      recordType: 'need',
      recordId: needId,
      details: { organisationIds: ids, notified },
    });
    return { id: needId, status: 'routed' as const, notified: notified.length, deadlineAt: deadlineAt.toISOString() };
  });
}
