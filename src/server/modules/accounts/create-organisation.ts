import type { Db } from '../../db/connect.js';
import { ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findCommune } from '../geo/communes.js';
import { networkOrganisations, type OrganisationKind, organisations } from './schema.js';

export type CreateOrganisationOptions = {
  db: Db;
  actorUserId?: string | null;
  name: string;
  kind: OrganisationKind;
  slug: string;
  siret?: string | null;
  communeCode: string;
  addressLine?: string | null;
  postalCode?: string | null;
  networkId?: string | null;
  extra?: Partial<typeof organisations.$inferInsert>;
};

/** Creates a structure placed at its commune's centroid (offline geocoding), optionally in a network. */
export async function createOrganisation(o: CreateOrganisationOptions) {
  const commune = findCommune(o.communeCode);
  if (!commune) throw ruleBroken('unknown_commune', `La commune ${o.communeCode} est inconnue.`);
  return o.db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        name: o.name,
        kind: o.kind,
        slug: o.slug,
        siret: o.siret ?? null,
        communeCode: commune.code,
        communeName: commune.name,
        departement: commune.departement,
        addressLine: o.addressLine ?? null,
        postalCode: o.postalCode ?? null,
        lat: commune.lat,
        lon: commune.lon,
        ...o.extra,
      })
      .returning();
    if (o.networkId) await tx.insert(networkOrganisations).values({ networkId: o.networkId, organisationId: org.id });
    await recordAudit({
      db: tx,
      actor: { userId: o.actorUserId, organisationId: org.id },
      action: 'organisation.create',
      recordType: 'organisation',
      recordId: org.id,
    });
    return org;
  });
}
