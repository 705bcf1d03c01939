import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import { validationFailed } from '../../http/errors.js';
import { type OrganisationProfilePatch, updateOrganisationProfile } from '../accounts/update-organisation-profile.js';
import { recordAudit } from '../audit/record-audit.js';
import { geocode } from './geocode.js';
import { findNetworkStructure, loadStructureDetails, writeDirectoryFacts } from './structure-facts.js';
import type { StructurePatch } from './structure-input.js';

export type UpdateStructureOptions = {
  db: Db;
  actor: NetworkActor;
  organisationId: string;
  patch: StructurePatch;
  banApiUrl?: string;
  externalId?: string | null;
  source?: string | null;
  /** Coordinates given by an imported file, preferred to geocoding. */
  location?: { lat: number; lon: number } | null;
};

/**
 * A coordinator edits a structure of its network; hiding it (isPublic: false) takes it off the public map and
 * directory, deactivating it (isActive: false) also stops needs being routed to it. A structure of another
 * network answers 404.
 */
export async function updateStructure({
  db,
  actor,
  organisationId,
  patch,
  banApiUrl,
  externalId,
  source,
  location,
}: UpdateStructureOptions) {
  const current = await findNetworkStructure(db, actor.networkId, organisationId);
  const set: OrganisationProfilePatch = {};
  if (patch.address) {
    const moved =
      patch.address.communeCode !== current.communeCode || (patch.address.line ?? null) !== current.addressLine;
    if (moved || location) {
      const place = await geocode({
        communeCode: patch.address.communeCode,
        addressLine: patch.address.line,
        banApiUrl: location ? undefined : banApiUrl,
      });
      if (!place) throw validationFailed([{ path: 'address.communeCode', message: 'Cette commune est inconnue.' }]);
      Object.assign(set, {
        communeCode: place.commune.code,
        communeName: place.commune.name,
        departement: place.commune.departement,
        lat: location?.lat ?? place.lat,
        lon: location?.lon ?? place.lon,
      });
    }
    set.addressLine = patch.address.line;
    set.postalCode = patch.address.postalCode;
  }
  for (const key of [
    'name',
    'kind',
    'siret',
    'phone',
    'email',
    'website',
    'openingHours',
    'presentation',
    'isPublic',
    'isActive',
  ] as const) {
    if (patch[key] !== undefined) (set as Record<string, unknown>)[key] = patch[key];
  }
  return db.transaction(async (tx) => {
    const [org] = Object.keys(set).length ? [await updateOrganisationProfile(tx, current.id, set)] : [current];
    await writeDirectoryFacts(tx, org.id, {
      jobs: patch.jobs,
      territory: patch.territory,
      networks: patch.networks,
      ...(externalId !== undefined ? { externalId } : {}),
      ...(source !== undefined ? { source } : {}),
    });
    await recordAudit({
      db: tx,
      actor: { userId: actor.userId, networkId: actor.networkId, organisationId: org.id },
      action: 'directory.structure.update',
      recordType: 'organisation',
      recordId: org.id,
      details: { fields: Object.keys(patch) },
    });
    return (await loadStructureDetails(tx, [org]))[0];
  });
}
