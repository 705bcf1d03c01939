import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import { validationFailed } from '../../http/errors.js';
import { createOrganisation } from '../accounts/create-organisation.js';
import { recordAudit } from '../audit/record-audit.js';
import { geocode } from './geocode.js';
import { loadStructureDetails, uniqueSlug, writeDirectoryFacts } from './structure-facts.js';
import type { StructureInput } from './structure-input.js';

export type CreateStructureOptions = {
  db: Db;
  actor: NetworkActor;
  input: StructureInput;
  banApiUrl?: string;
  externalId?: string | null;
  source?: string | null;
  /** Coordinates given by an imported file, preferred to geocoding. */
  location?: { lat: number; lon: number } | null;
};

/** A coordinator adds a structure to its network's directory (placed at its address or commune centroid). */
export async function createStructure({
  db,
  actor,
  input,
  banApiUrl,
  externalId,
  source,
  location,
}: CreateStructureOptions) {
  const place = await geocode({
    communeCode: input.address.communeCode,
    addressLine: input.address.line,
    banApiUrl: location ? undefined : banApiUrl,
  });
  if (!place) throw validationFailed([{ path: 'address.communeCode', message: 'Cette commune est inconnue.' }]);
  return db.transaction(async (tx) => {
    const org = await createOrganisation({
      db: tx,
      actorUserId: actor.userId,
      name: input.name,
      kind: input.kind,
      slug: await uniqueSlug(tx, input.name, place.commune.name),
      siret: input.siret,
      communeCode: input.address.communeCode,
      addressLine: input.address.line,
      postalCode: input.address.postalCode,
      networkId: actor.networkId,
      extra: {
        lat: location?.lat ?? place.lat,
        lon: location?.lon ?? place.lon,
        phone: input.phone,
        email: input.email,
        website: input.website,
        openingHours: input.openingHours,
        presentation: input.presentation,
        isPublic: input.isPublic,
        isActive: input.isActive,
      },
    });
    await writeDirectoryFacts(tx, org.id, {
      jobs: input.jobs,
      territory: input.territory,
      networks: input.networks,
      externalId: externalId ?? null,
      source: source ?? 'passerelle',
    });
    await recordAudit({
      db: tx,
      actor: { userId: actor.userId, networkId: actor.networkId, organisationId: org.id },
      action: 'directory.structure.create',
      recordType: 'organisation',
      recordId: org.id,
    });
    return (await loadStructureDetails(tx, [org]))[0];
  });
}
