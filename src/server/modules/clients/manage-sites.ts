import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound, validationFailed } from '../../http/errors.js';
import { hasVisibleCharacter } from '../../http/validation.js';
import { recordAudit } from '../audit/record-audit.js';
import { communeCodeProblem, findCommune } from '../geo/communes.js';
import { placementContracts } from '../quotes/queries.js';
import { AddressInput } from './client-input.js';
import { findClient } from './find-client.js';
import { presentSite } from './present-client.js';
import { sites } from './schema.js';

export const SiteBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Nommez le lieu (ex. « Bâtiment B »).')
    .max(200)
    .refine(hasVisibleCharacter, 'Nommez le lieu (ex. « Bâtiment B »).'),
  address: AddressInput,
  accessNotes: z.string().trim().max(2000).nullable().optional(),
});
export type SiteInput = z.infer<typeof SiteBody>;

function commune(code: string) {
  const c = findCommune(code);
  if (!c) {
    const message = communeCodeProblem(code, 'Cette commune est inconnue (code INSEE).')!;
    throw validationFailed([{ path: 'address.communeCode', message }]);
  }
  return c;
}

const siteValues = (input: SiteInput) => {
  const c = commune(input.address.communeCode);
  return {
    name: input.name,
    addressLine: input.address.line ?? null,
    postalCode: input.address.postalCode ?? null,
    communeCode: c.code,
    communeName: c.name,
    lat: c.lat,
    lon: c.lon,
    accessNotes: input.accessNotes ?? null,
  };
};

/** Adds a place of work (lieu d'intervention) to a client. */
export async function createSite({
  db,
  actor,
  clientId,
  input,
}: {
  db: Db;
  actor: OrgActor;
  clientId: string;
  input: SiteInput;
}) {
  const client = await findClient(db, actor, clientId);
  return db.transaction(async (tx) => {
    const [site] = await tx
      .insert(sites)
      .values({ organisationId: actor.organisationId, clientId: client.id, ...siteValues(input) })
      .returning();
    await recordAudit({ db: tx, actor, action: 'site.create', recordType: 'site', recordId: site.id });
    return presentSite(site);
  });
}

export async function findSite(db: Db, actor: OrgActor, clientId: string, siteId: string) {
  const [site] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.clientId, clientId), eq(sites.organisationId, actor.organisationId)));
  if (!site) throw notFound('Ce lieu d’intervention');
  return site;
}

export async function updateSite(o: { db: Db; actor: OrgActor; clientId: string; siteId: string; input: SiteInput }) {
  const site = await findSite(o.db, o.actor, o.clientId, o.siteId);
  return o.db.transaction(async (tx) => {
    const [row] = await tx.update(sites).set(siteValues(o.input)).where(eq(sites.id, site.id)).returning();
    await recordAudit({ db: tx, actor: o.actor, action: 'site.update', recordType: 'site', recordId: site.id });
    return presentSite(row);
  });
}

/** Removes a site nobody uses yet; one named in a contract stays (the contract must keep its place). */
export async function deleteSite(o: { db: Db; actor: OrgActor; clientId: string; siteId: string }) {
  const site = await findSite(o.db, o.actor, o.clientId, o.siteId);
  const [{ n }] = await o.db
    .select({ n: count() })
    .from(placementContracts)
    .where(and(eq(placementContracts.siteId, site.id), eq(placementContracts.organisationId, o.actor.organisationId)));
  if (n > 0) {
    throw conflict(
      'site_in_use',
      'Ce lieu figure dans un contrat de mise à disposition : il ne peut pas être supprimé.',
    );
  }
  await o.db.transaction(async (tx) => {
    await tx.delete(sites).where(eq(sites.id, site.id));
    await recordAudit({ db: tx, actor: o.actor, action: 'site.delete', recordType: 'site', recordId: site.id });
  });
}
