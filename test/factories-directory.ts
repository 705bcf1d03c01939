import { eq } from 'drizzle-orm';
import type { Db } from '../src/server/db/connect.js';
import { createOrganisation } from '../src/server/modules/accounts/create-organisation.js';
import { type OrganisationKind, organisations } from '../src/server/modules/accounts/schema.js';
import { withLuhnDigit } from '../src/server/modules/directory/rules/siret.js';
import { uniqueSlug, writeDirectoryFacts } from '../src/server/modules/directory/structure-facts.js';
import { findCommune } from '../src/server/modules/geo/communes.js';

let counter = 0;

/** A structure of the public directory, with its jobs and territory. */
export async function makeStructure(
  db: Db,
  o: {
    name?: string;
    kind?: OrganisationKind;
    communeCode?: string;
    networkId?: string;
    jobs?: string[];
    departements?: string[];
    networks?: string[];
    isPublic?: boolean;
    isActive?: boolean;
    externalId?: string;
    siret?: string;
  } = {},
) {
  counter++;
  const commune = findCommune(o.communeCode ?? '94028')!;
  const name = o.name ?? `Structure ${counter} ${commune.name}`;
  const org = await createOrganisation({
    db,
    name,
    kind: o.kind ?? 'AI',
    slug: await uniqueSlug(db, name, commune.name),
    siret: o.siret ?? withLuhnDigit(`4${String(counter).padStart(12, '0')}`),
    communeCode: commune.code,
    networkId: o.networkId,
    extra: {
      phone: '01 23 45 67 89',
      email: `contact${counter}@structure.test`,
      isPublic: o.isPublic ?? true,
      isActive: o.isActive ?? true,
    },
  });
  await writeDirectoryFacts(db, org.id, {
    jobs: o.jobs ?? ['K2204'],
    territory: { departements: o.departements ?? [commune.departement], communes: [] },
    networks: o.networks ?? ['ai'],
    externalId: o.externalId ?? null,
  });
  const [row] = await db.select().from(organisations).where(eq(organisations.id, org.id));
  return row;
}
