import crypto from 'node:crypto';
import type { Db } from '../src/server/db/connect.js';
import { createOrganisation } from '../src/server/modules/accounts/create-organisation.js';
import { createUser } from '../src/server/modules/accounts/create-user.js';
import { hashPassword } from '../src/server/modules/accounts/passwords.js';
import { networks, type OrganisationKind, type Role } from '../src/server/modules/accounts/schema.js';
import { type ClientKind, clients, sites } from '../src/server/modules/clients/schema.js';
import { findCommune } from '../src/server/modules/geo/communes.js';
import { missions, shifts } from '../src/server/modules/planning/schema.js';
import { placementContracts } from '../src/server/modules/quotes/schema.js';
import { employmentContracts, passes, workerJobs, workers } from '../src/server/modules/workers/schema.js';

export const TEST_PASSWORD = 'test-password';
let testHash: Promise<string> | undefined;
const passwordHash = () => {
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
};

const uid = () => crypto.randomBytes(4).toString('hex');

export async function makeNetwork(db: Db, o: { name?: string } = {}) {
  const [n] = await db
    .insert(networks)
    .values({ name: o.name ?? `Réseau ${uid()}`, slug: `net-${uid()}`, region: 'Île-de-France' })
    .returning();
  return n;
}

export async function makeOrg(
  db: Db,
  o: { name?: string; kind?: OrganisationKind; communeCode?: string; networkId?: string } = {},
) {
  const id = uid();
  return createOrganisation({
    db,
    name: o.name ?? `AI ${id}`,
    kind: o.kind ?? 'AI',
    slug: `org-${id}`,
    communeCode: o.communeCode ?? '94028',
    networkId: o.networkId,
  });
}

/** A user with one membership; returns the user and the email to log in with (password TEST_PASSWORD). */
export async function makeUser(
  db: Db,
  o: {
    role: Role;
    organisationId?: string;
    networkId?: string;
    clientId?: string;
    workerId?: string;
    email?: string;
    name?: string;
  },
) {
  const email = o.email ?? `${o.role}-${uid()}@test.passerelle`;
  const user = await createUser({
    db,
    email,
    name: o.name ?? `Utilisateur ${o.role}`,
    passwordHash: await passwordHash(),
    membership: {
      role: o.role,
      organisationId: o.organisationId,
      networkId: o.networkId,
      clientId: o.clientId,
      workerId: o.workerId,
    },
  });
  return { ...user, email };
}

/** The usual legal form of a client of this kind (the 480 h cap follows it): tests set another when they need. */
function typicalLegalForm(kind: ClientKind, forProfit: boolean | null): string {
  const forms: Record<ClientKind, string> = {
    individual: 'private_individual',
    association: '9220',
    local_authority: '7210',
    company: '5710',
    social_landlord: '5546',
    care_home: forProfit ? '5499' : '9220',
    medico_social: forProfit ? '5499' : '9220',
    public_body: '7389',
  };
  return forms[kind];
}

export async function makeClient(
  db: Db,
  o: { organisationId: string; kind?: ClientKind; name?: string; communeCode?: string } & Partial<
    typeof clients.$inferInsert
  >,
) {
  const c = findCommune(o.communeCode ?? '94028')!;
  const [client] = await db
    .insert(clients)
    .values({
      kind: 'care_home',
      name: `Client ${uid()}`,
      legalForm: typicalLegalForm(o.kind ?? 'care_home', o.forProfit ?? null),
      ...o,
      communeCode: c.code,
      communeName: c.name,
      lat: c.lat,
      lon: c.lon,
    })
    .returning();
  const [site] = await db
    .insert(sites)
    .values({
      organisationId: o.organisationId,
      clientId: client.id,
      name: client.name,
      communeCode: c.code,
      communeName: c.name,
      lat: c.lat,
      lon: c.lon,
    })
    .returning();
  return { ...client, site };
}

export async function makeWorker(
  db: Db,
  o: {
    organisationId: string;
    jobs?: string[];
    pass?: 'valid' | 'expired' | 'none';
    communeCode?: string;
    firstName?: string;
    lastName?: string;
    contract?: boolean;
  },
) {
  const c = findCommune(o.communeCode ?? '94028')!;
  const [worker] = await db
    .insert(workers)
    .values({
      organisationId: o.organisationId,
      firstName: o.firstName ?? 'Awa',
      lastName: o.lastName ?? `Diallo-${uid()}`,
      birthDate: '1990-05-12',
      communeCode: c.code,
      communeName: c.name,
      lat: c.lat,
      lon: c.lon,
      maxMinutesPerWeek: 35 * 60,
    })
    .returning();
  for (const rome of o.jobs ?? ['K2204']) {
    await db.insert(workerJobs).values({ organisationId: o.organisationId, workerId: worker.id, rome, level: 2 });
  }
  const pass = o.pass ?? 'valid';
  if (pass !== 'none') {
    const start = pass === 'valid' ? '2026-01-01' : '2023-01-01';
    const end = pass === 'valid' ? '2027-12-31' : '2024-12-31';
    await db.insert(passes).values({
      organisationId: o.organisationId,
      workerId: worker.id,
      number: `99999${uid().toUpperCase().slice(0, 7)}`.slice(0, 12).padEnd(12, '0'),
      startDate: start,
      endDate: end,
    });
  }
  if (o.contract !== false) {
    await db.insert(employmentContracts).values({
      organisationId: o.organisationId,
      workerId: worker.id,
      kind: 'cddi',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      weeklyMinutes: 26 * 60,
    });
  }
  return worker;
}

export async function makeMission(
  db: Db,
  o: { organisationId: string; client: Awaited<ReturnType<typeof makeClient>>; rome?: string },
) {
  const [contract] = await db
    .insert(placementContracts)
    .values({
      organisationId: o.organisationId,
      clientId: o.client.id,
      siteId: o.client.site.id,
      number: `MAD-${uid()}`,
      tasks: 'Entretien des locaux',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    })
    .returning();
  const [mission] = await db
    .insert(missions)
    .values({
      organisationId: o.organisationId,
      placementContractId: contract.id,
      clientId: o.client.id,
      siteId: o.client.site.id,
      rome: o.rome ?? 'K2204',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    })
    .returning();
  return { ...mission, contract };
}

export async function makeShift(
  db: Db,
  o: {
    organisationId: string;
    missionId: string;
    clientId: string;
    workerId?: string | null;
    start: string;
    end: string;
  },
) {
  const [shift] = await db
    .insert(shifts)
    .values({
      organisationId: o.organisationId,
      missionId: o.missionId,
      clientId: o.clientId,
      workerId: o.workerId ?? null,
      startAt: new Date(o.start),
      endAt: new Date(o.end),
      status: o.workerId ? 'assigned' : 'open',
    })
    .returning();
  return shift;
}
