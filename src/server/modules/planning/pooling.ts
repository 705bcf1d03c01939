import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound, ruleBroken } from '../../http/errors.js';
import { networkOrganisations, organisations } from '../accounts/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { findCommune } from '../geo/communes.js';
import { queueEmail } from '../notifications/queue-email.js';
import { workers } from '../workers/schema.js';
import { cancelShift } from './cancel-shift.js';
import { officerEmails, shiftWhen } from './notify.js';
import { rankForSlot } from './rank-replacements.js';
import { makeSlot } from './rules/assignment.js';
import { poolingOffers, poolingRequests } from './schema.js';
import { findShift, romeLabel } from './shift-context.js';
import { verifyAssignment } from './verify-assignment.js';

/** An AI consents to regional pooling in its settings (poolingConsent, see modules/settings). */
export async function poolingEnabled(db: Db, organisationId: string): Promise<boolean> {
  const [o] = await db
    .select({ on: sql<boolean>`coalesce((${organisations.settings} ->> 'poolingConsent')::boolean, false)` })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return !!o?.on;
}

export async function setPoolingConsent({ db, actor, enabled }: { db: Db; actor: OrgActor; enabled: boolean }) {
  await db
    .update(organisations)
    .set({
      settings: sql`jsonb_set(coalesce(${organisations.settings}, '{}'::jsonb), '{poolingConsent}', ${JSON.stringify(enabled)}::jsonb)`,
    })
    .where(eq(organisations.id, actor.organisationId));
  await recordAudit({
    db,
    actor,
    action: 'pooling.consent',
    recordType: 'organisation',
    recordId: actor.organisationId,
    details: { enabled },
  });
  return { enabled };
}

async function networksOf(db: Db, organisationId: string) {
  const rows = await db
    .select({ networkId: networkOrganisations.networkId })
    .from(networkOrganisations)
    .where(eq(networkOrganisations.organisationId, organisationId));
  return rows.map((r) => r.networkId);
}

/** Asks the consenting AIs of the network for a worker: they see the job, the commune and the times only. */
export async function askNetwork({ db, actor, shiftId }: { db: Db; actor: OrgActor; shiftId: string }) {
  return db.transaction(async (tx) => {
    const shift = await findShift(tx, actor.organisationId, shiftId, true);
    if (shift.status !== 'open')
      throw conflict('shift_not_open', 'Seul un créneau à pourvoir peut être proposé au réseau.');
    const [networkId] = await networksOf(tx, actor.organisationId);
    if (!networkId)
      throw ruleBroken(
        'no_network',
        'Votre structure ne fait partie d’aucun réseau : la mutualisation est impossible.',
      );
    const [existing] = await tx
      .select()
      .from(poolingRequests)
      .where(and(eq(poolingRequests.shiftId, shift.id), eq(poolingRequests.status, 'open')));
    if (existing) return { id: existing.id, status: existing.status, notified: 0 };
    const [request] = await tx
      .insert(poolingRequests)
      .values({
        organisationId: actor.organisationId,
        networkId,
        shiftId: shift.id,
        rome: shift.rome,
        communeCode: shift.siteCommuneCode,
        startAt: shift.startAt,
        endAt: shift.endAt,
        createdBy: actor.userId,
      })
      .returning();
    const partners = await tx
      .select({ id: organisations.id })
      .from(networkOrganisations)
      .innerJoin(organisations, eq(organisations.id, networkOrganisations.organisationId))
      .where(
        and(
          eq(networkOrganisations.networkId, networkId),
          ne(organisations.id, actor.organisationId),
          sql`coalesce((${organisations.settings} ->> 'poolingConsent')::boolean, false)`,
        ),
      );
    for (const p of partners) {
      for (const email of await officerEmails(tx, p.id, [])) {
        await queueEmail({
          db: tx,
          to: email,
          subject: `Mutualisation : une AI du réseau cherche un·e ${romeLabel(shift.rome)}`,
          text: `Une structure du réseau cherche un·e ${romeLabel(shift.rome)} ${shiftWhen(shift.startAt, shift.endAt)} à ${shift.siteCommune ?? shift.siteCommuneCode}.\n\nOuvrez Passerelle (Planning › Mutualisation) pour proposer une personne de votre équipe.`,
          organisationId: p.id,
          related: { type: 'pooling_request', id: request.id },
        });
      }
    }
    await recordAudit({ db: tx, actor, action: 'pooling.ask', recordType: 'shift', recordId: shift.id });
    return { id: request.id, status: request.status, notified: partners.length };
  });
}

const presentRequest = (r: typeof poolingRequests.$inferSelect, orgName: string) => ({
  id: r.id,
  organisationName: orgName,
  rome: r.rome,
  romeLabel: romeLabel(r.rome),
  communeCode: r.communeCode,
  communeName: findCommune(r.communeCode)?.name ?? r.communeCode,
  start: r.startAt.toISOString(),
  end: r.endAt.toISOString(),
  status: r.status,
});

/** Open requests of the other AIs of my networks (only when my AI consents). No personal data. */
export async function listPoolingRequests({ db, actor }: { db: Db; actor: OrgActor }) {
  if (!(await poolingEnabled(db, actor.organisationId))) return { items: [], total: 0, consent: false };
  const nets = await networksOf(db, actor.organisationId);
  if (nets.length === 0) return { items: [], total: 0, consent: true };
  const rows = await db
    .select({ r: poolingRequests, orgName: organisations.name })
    .from(poolingRequests)
    .innerJoin(organisations, eq(organisations.id, poolingRequests.organisationId))
    .where(
      and(
        inArray(poolingRequests.networkId, nets),
        eq(poolingRequests.status, 'open'),
        ne(poolingRequests.organisationId, actor.organisationId),
        sql`${poolingRequests.endAt} > now()`,
      ),
    )
    .orderBy(poolingRequests.startAt)
    .limit(200);
  return { items: rows.map((x) => presentRequest(x.r, x.orgName)), total: rows.length, consent: true };
}

async function visibleRequest(db: Db, actor: OrgActor, requestId: string) {
  if (!(await poolingEnabled(db, actor.organisationId))) throw notFound('Cette demande');
  const nets = await networksOf(db, actor.organisationId);
  const [r] = await db.select().from(poolingRequests).where(eq(poolingRequests.id, requestId));
  if (!r || !nets.includes(r.networkId) || r.organisationId === actor.organisationId) throw notFound('Cette demande');
  return r;
}

const virtualSlot = (r: typeof poolingRequests.$inferSelect) => {
  const c = findCommune(r.communeCode);
  // The asking AI's client is unknown here: its own rules (do-not-send list, 480 h) are checked there.
  return makeSlot({
    start: r.startAt,
    end: r.endAt,
    clientId: '00000000-0000-0000-0000-000000000000',
    clientName: 'l’établissement demandeur',
    clientCounts: false,
    rome: r.rome,
    romeLabel: romeLabel(r.rome),
    siteLat: c?.lat ?? null,
    siteLon: c?.lon ?? null,
  });
};

/** My workers who could take another AI's shift, ranked. */
export async function poolingCandidates({ db, actor, requestId }: { db: Db; actor: OrgActor; requestId: string }) {
  const r = await visibleRequest(db, actor, requestId);
  return rankForSlot({ db, organisationIds: [actor.organisationId], slot: virtualSlot(r), limit: 10 });
}

/** Answers a request with one of my workers (checked against my rules). */
export async function offerWorker({
  db,
  actor,
  requestId,
  workerId,
}: {
  db: Db;
  actor: OrgActor;
  requestId: string;
  workerId: string;
}) {
  return db.transaction(async (tx) => {
    const r = await visibleRequest(tx, actor, requestId);
    if (r.status !== 'open') throw conflict('pooling_closed', 'Cette demande est déjà pourvue.');
    const v = await verifyAssignment({ db: tx, organisationId: actor.organisationId, workerId, slot: virtualSlot(r) });
    const c = findCommune(r.communeCode);
    const [w] = await tx.select({ lat: workers.lat, lon: workers.lon }).from(workers).where(eq(workers.id, workerId));
    const km =
      c && w?.lat != null && w?.lon != null
        ? Math.round(Math.hypot((c.lat - w.lat) * 111, (c.lon - w.lon) * 73))
        : null;
    const [offer] = await tx
      .insert(poolingOffers)
      .values({
        requestId: r.id,
        organisationId: actor.organisationId,
        workerId,
        distanceKm: km,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    for (const email of await officerEmails(tx, r.organisationId, [r.createdBy])) {
      await queueEmail({
        db: tx,
        to: email,
        subject: 'Mutualisation : une AI du réseau propose une personne',
        text: `Une structure du réseau propose une personne (${v.workerName.split(' ')[0]}) pour votre créneau ${shiftWhen(r.startAt, r.endAt)}. Ouvrez le planning pour accepter.`,
        organisationId: r.organisationId,
        related: { type: 'pooling_request', id: r.id },
      });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'pooling.offer',
      recordType: 'pooling_request',
      recordId: r.id,
      details: { workerId },
    });
    return { id: offer?.id ?? null, status: 'offered' as const };
  });
}

/** The asking AI sees the offers on its shift: the answering AI and a first name, nothing more. */
export async function shiftPooling({ db, actor, shiftId }: { db: Db; actor: OrgActor; shiftId: string }) {
  await findShift(db, actor.organisationId, shiftId);
  const [r] = await db
    .select()
    .from(poolingRequests)
    .where(and(eq(poolingRequests.shiftId, shiftId), eq(poolingRequests.organisationId, actor.organisationId)))
    .orderBy(desc(poolingRequests.createdAt))
    .limit(1);
  if (!r) return { request: null, offers: [] };
  const offers = await db
    .select({
      id: poolingOffers.id,
      status: poolingOffers.status,
      distanceKm: poolingOffers.distanceKm,
      orgName: organisations.name,
      firstName: workers.firstName,
    })
    .from(poolingOffers)
    .innerJoin(organisations, eq(organisations.id, poolingOffers.organisationId))
    .innerJoin(workers, eq(workers.id, poolingOffers.workerId))
    .where(eq(poolingOffers.requestId, r.id));
  return {
    request: { id: r.id, status: r.status, createdAt: r.createdAt.toISOString() },
    offers: offers.map((o) => ({
      id: o.id,
      status: o.status,
      distanceKm: o.distanceKm,
      organisationName: o.orgName,
      firstName: o.firstName,
    })),
  };
}

/**
 * Accepts another AI's offer: the request is filled, the shift is handed over (cancelled here with the
 * reason, so that it is neither billed nor counted twice) and the answering AI is told to plan it on its side.
 */
export async function acceptPoolingOffer({
  db,
  actor,
  shiftId,
  offerId,
}: {
  db: Db;
  actor: OrgActor;
  shiftId: string;
  offerId: string;
}) {
  return db.transaction(async (tx) => {
    const shift = await findShift(tx, actor.organisationId, shiftId, true);
    const [row] = await tx
      .select({ o: poolingOffers, r: poolingRequests, orgName: organisations.name })
      .from(poolingOffers)
      .innerJoin(poolingRequests, eq(poolingRequests.id, poolingOffers.requestId))
      .innerJoin(organisations, eq(organisations.id, poolingOffers.organisationId))
      .where(
        and(
          eq(poolingOffers.id, offerId),
          eq(poolingRequests.shiftId, shift.id),
          eq(poolingRequests.organisationId, actor.organisationId),
        ),
      );
    if (!row) throw notFound('Cette proposition');
    if (row.r.status !== 'open') throw conflict('pooling_closed', 'Cette demande est déjà pourvue.');
    await tx.update(poolingOffers).set({ status: 'accepted' }).where(eq(poolingOffers.id, offerId));
    await tx
      .update(poolingOffers)
      .set({ status: 'declined' })
      .where(and(eq(poolingOffers.requestId, row.r.id), ne(poolingOffers.id, offerId)));
    await tx.update(poolingRequests).set({ status: 'filled' }).where(eq(poolingRequests.id, row.r.id));
    await cancelShift({ db: tx, actor, shiftId: shift.id, reason: `Confié à ${row.orgName} (mutualisation)` });
    for (const email of await officerEmails(tx, row.o.organisationId, [row.o.createdBy])) {
      await queueEmail({
        db: tx,
        to: email,
        subject: 'Mutualisation : votre proposition est acceptée',
        text: `Votre proposition pour le créneau ${shiftWhen(shift.startAt, shift.endAt)} (${romeLabel(shift.rome)}) est acceptée. Créez la mission chez ${shift.clientName} dans votre planning.`,
        organisationId: row.o.organisationId,
        related: { type: 'pooling_request', id: row.r.id },
      });
    }
    return { status: 'filled' as const };
  });
}
