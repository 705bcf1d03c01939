import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { networkOrganisations, organisations } from '../accounts/queries.js';
import { romeLabel } from '../directory/rome.js';
import { findCommune } from '../geo/communes.js';
import { makeSlot } from './rules/assignment.js';
import { poolingRequests } from './schema.js';

// The reads the regional pooling operations share (ask-network, list-pooling-requests, offer-worker…).

/** An AI consents to regional pooling in its settings (poolingConsent, see modules/settings). */
export async function poolingEnabled(db: Db, organisationId: string): Promise<boolean> {
  const [o] = await db
    .select({ on: sql<boolean>`coalesce((${organisations.settings} ->> 'poolingConsent')::boolean, false)` })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return !!o?.on;
}

/** The networks an AI belongs to. */
export async function networksOf(db: Db, organisationId: string) {
  const rows = await db
    .select({ networkId: networkOrganisations.networkId })
    .from(networkOrganisations)
    .where(eq(networkOrganisations.organisationId, organisationId));
  return rows.map((r) => r.networkId);
}

/** Presents a request to another AI: the job, the commune and the times, no personal data. */
export const presentRequest = (r: typeof poolingRequests.$inferSelect, orgName: string) => ({
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

/** A request of another AI of my networks, when my AI consents; otherwise 404. */
export async function visibleRequest(db: Db, actor: OrgActor, requestId: string) {
  if (!(await poolingEnabled(db, actor.organisationId))) throw notFound('Cette demande');
  const nets = await networksOf(db, actor.organisationId);
  const [r] = await db.select().from(poolingRequests).where(eq(poolingRequests.id, requestId));
  if (!r || !nets.includes(r.networkId) || r.organisationId === actor.organisationId) throw notFound('Cette demande');
  return r;
}

/** The slot a request describes, for ranking and checking my workers against it. */
export const virtualSlot = (r: typeof poolingRequests.$inferSelect) => {
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
