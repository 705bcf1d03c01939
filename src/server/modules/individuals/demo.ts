import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import type { OrgActor } from '../../http/actor.js';
import { createUser } from '../accounts/create-user.js';
import { organisations } from '../accounts/schema.js';
import { invoiceBalance } from '../billing/invoice-queries.js';
import { invoices } from '../billing/schema.js';
import { addDays, monthBounds, parisInstant } from '../calendar/paris-time.js';
import { clients, sites } from '../clients/schema.js';
import { nextNumber } from '../numbering/next-number.js';
import { missions, shifts } from '../planning/schema.js';
import { placementContracts } from '../quotes/schema.js';
import { timesheets } from '../timesheets/schema.js';
import { syncTimesheets } from '../timesheets/sync-timesheets.js';
import { allocateCesu } from './allocate-cesu.js';
import { recordCesuTitles } from './record-cesu-titles.js';
import { recordSepaMandate } from './record-sepa-mandate.js';
import { registerUrssafClient } from './register-urssaf-client.js';
import { saveUrssafFile, type UrssafFileInput } from './save-urssaf-file.js';
import { urssafConfigFromEnv } from './urssaf-api.js';

/** The name of the individual whose last month waits to be invoiced, with the avance immédiate when configured. */
export const DEMO_AVANCE_CLIENT = 'Mme Odette Martin';

/** Portal logins of two individuals (demo/world.ts DEMO_LOGINS, README): avance immédiate, and prepaid CESU. */
export const DEMO_INDIVIDUAL_LOGINS = {
  avance: 'particulier@client.passerelle.test',
  cesu: 'cesu@client.passerelle.test',
} as const;

const identity = (
  o: Partial<UrssafFileInput> & Pick<UrssafFileInput, 'birthName' | 'firstNames'>,
): UrssafFileInput => ({
  consentOn: '2026-01-15',
  civilite: '2',
  usageName: null,
  birthDate: '1944-03-02',
  birthCountryCode: '99100',
  birthDepartment: '075',
  birthCommuneCode: '112',
  birthCommuneName: 'Paris 12e Arrondissement',
  mobilePhone: '0611223344',
  email: `${o.firstNames?.toLowerCase()}.${o.birthName?.toLowerCase()}@particulier.passerelle.test`,
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP',
  accountHolder: `${o.firstNames} ${o.birthName}`,
  ...o,
});

/**
 * ai-1's individuals (services à la personne), after the billing demo: the avance immédiate enabled only when
 * URSSAF_API_URL is configured (two clients registered through it), otherwise their consent is recorded and
 * they show « non inscrit »; a SEPA mandate; prepaid CESU received and applied to two unpaid invoices; and
 * Mme Odette Martin, a new client whose last month of shifts is validated and waits for the accountant's close.
 */
export async function seedIndividualsDemo(world: DemoWorld): Promise<void> {
  const { db, rng } = world;
  const org = world.orgs[0];
  const configured = Boolean(urssafConfigFromEnv());
  await db
    .update(organisations)
    .set({
      settings: sql`${organisations.settings} || jsonb_build_object('avanceImmediate', ${configured}::boolean, 'sepaDirectDebit', true, 'sepaCreditorId', 'FR12ZZZ123456'::text)`,
    })
    .where(eq(organisations.id, org.id));
  const userId = org.users.accountant ?? org.users.admin ?? '';
  const actor: OrgActor = { organisationId: org.id, role: 'accountant', userId, clientId: null, workerId: null };
  const individuals = await db
    .select()
    .from(clients)
    .where(and(eq(clients.organisationId, org.id), eq(clients.kind, 'individual')))
    .orderBy(asc(clients.name));
  if (individuals.length < 4) return;
  const register = async (clientId: string) => {
    if (!configured) return;
    // The demo never fails for URSSAF: an unreachable service leaves the client « non inscrit ».
    await registerUrssafClient({ db, actor, clientId }).catch(() => undefined);
  };

  // The new client: a month of shifts (Monday and Wednesday afternoons) in the last ended month, validated.
  const model = individuals[0];
  const [site0] = await db.select().from(sites).where(eq(sites.clientId, model.id)).limit(1);
  const [contract0] = await db
    .select()
    .from(placementContracts)
    .where(eq(placementContracts.clientId, model.id))
    .limit(1);
  const [mission0] = await db.select().from(missions).where(eq(missions.clientId, model.id)).limit(1);
  const [worker] = await db
    .select({ id: shifts.workerId })
    .from(shifts)
    .where(and(eq(shifts.clientId, model.id), sql`${shifts.workerId} IS NOT NULL`))
    .limit(1);
  if (!site0 || !contract0 || !mission0 || !worker?.id) return;
  const today = world.today;
  const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const { first, last } = monthBounds(month);
  const [martin] = await db
    .insert(clients)
    .values({
      ...model,
      id: rng.uuid(),
      name: DEMO_AVANCE_CLIENT,
      contactName: 'Odette Martin',
      email: 'odette.martin@particulier.passerelle.test',
      phone: '01 43 00 12 34',
      addressLine: '8 rue des Lilas',
      postalCode: '94000',
      communeCode: '94028',
      communeName: 'Créteil',
      createdAt: new Date(`${first}T09:00:00Z`),
      updatedAt: new Date(`${first}T09:00:00Z`),
    })
    .returning();
  const [site] = await db
    .insert(sites)
    .values({ ...site0, id: rng.uuid(), clientId: martin.id, name: 'Domicile', addressLine: '8 rue des Lilas' })
    .returning();
  const number = await nextNumber({
    db,
    organisationId: org.id,
    kind: 'placement_contract',
    prefix: 'MAD',
    year: Number(first.slice(0, 4)),
  });
  const [contract] = await db
    .insert(placementContracts)
    .values({ ...contract0, id: rng.uuid(), clientId: martin.id, siteId: site.id, number, startDate: first })
    .returning();
  const [mission] = await db
    .insert(missions)
    .values({
      ...mission0,
      id: rng.uuid(),
      clientId: martin.id,
      siteId: site.id,
      placementContractId: contract.id,
      startDate: first,
    })
    .returning();
  const rows: (typeof shifts.$inferInsert)[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday !== 1 && weekday !== 3) continue;
    rows.push({
      id: rng.uuid(),
      organisationId: org.id,
      missionId: mission.id,
      clientId: martin.id,
      workerId: worker.id,
      startAt: parisInstant(d, '14:00'),
      endAt: parisInstant(d, '17:00'),
      status: 'assigned',
    });
  }
  if (rows.length) await db.insert(shifts).values(rows);
  await syncTimesheets({ db, organisationId: org.id, month });
  const validatedAt = new Date(`${addDays(last, 1)}T09:00:00Z`);
  await db
    .update(timesheets)
    .set({ status: 'validated', sentAt: validatedAt, validatedAt, validatedBy: 'Odette Martin (lien privé)' })
    .where(and(eq(timesheets.organisationId, org.id), eq(timesheets.clientId, martin.id)));
  await saveUrssafFile({
    db,
    actor,
    clientId: martin.id,
    input: identity({ birthName: 'Martin', firstNames: 'Odette', birthDate: '1941-05-12' }),
  });
  await register(martin.id);
  // Her portal (README's logins): the invoice's two shares, then her tax certificate.
  await createUser({
    db,
    email: DEMO_INDIVIDUAL_LOGINS.avance,
    name: 'Odette Martin',
    passwordHash: world.passwordHash,
    membership: { role: 'client_user', organisationId: org.id, clientId: martin.id },
  });

  // Two more individuals consented to the avance immédiate; one pays by SEPA direct debit.
  await saveUrssafFile({
    db,
    actor,
    clientId: individuals[0].id,
    input: identity({ birthName: 'Bernard', firstNames: 'Lucien', civilite: '1', birthDate: '1938-11-20' }),
  });
  await register(individuals[0].id);
  await saveUrssafFile({
    db,
    actor,
    clientId: individuals[1].id,
    input: identity({ birthName: 'Petit', firstNames: 'Jeanne', birthDate: '1950-07-08' }),
  });
  await recordSepaMandate({
    db,
    actor,
    clientId: individuals[2].id,
    input: {
      rum: 'TUE-2026-0003',
      iban: 'FR7630004000031234567890143',
      bic: 'BNPAFRPP',
      accountHolder: individuals[2].name,
      signedOn: '2026-02-10',
    },
  });

  // Prepaid CESU received from two clients, applied to their last invoice still due.
  for (const [i, client] of individuals.slice(2, 4).entries()) {
    // The last invoice still due (a later one may already be paid, e.g. by the SEPA debit).
    let inv: { id: string; issuedOn: string } | undefined;
    for (const candidate of await db
      .select({ id: invoices.id, issuedOn: invoices.issuedOn })
      .from(invoices)
      .where(and(eq(invoices.clientId, client.id), eq(invoices.kind, 'invoice')))
      .orderBy(desc(invoices.issuedOn))) {
      if ((await invoiceBalance(db, candidate.id)).outstandingCents > 0) {
        inv = candidate;
        break;
      }
    }
    if (!inv) continue;
    const receivedOn = addDays(inv.issuedOn, 3) > today ? inv.issuedOn : addDays(inv.issuedOn, 3);
    const batch = await recordCesuTitles({
      db,
      actor,
      input: {
        clientId: client.id,
        issuer: i === 0 ? 'Edenred (Ticket CESU)' : 'Up (Chèque Domicile)',
        numbers: `${4411200 + i * 40}01 à ${4411200 + i * 40}20`,
        faceValueCents: 1500,
        count: 20,
        receivedOn,
      },
    });
    const due = (await invoiceBalance(db, inv.id)).outstandingCents;
    const amountCents = Math.min(due, 30000 - i * 10000);
    if (amountCents > 0)
      await allocateCesu({
        db,
        actor,
        input: { cesuTitleId: batch.id, invoiceId: inv.id, amountCents, allocatedOn: receivedOn },
      });
    // The first one reads, in its portal, the CESU applied to its invoice.
    if (i === 0)
      await createUser({
        db,
        email: DEMO_INDIVIDUAL_LOGINS.cesu,
        name: client.contactName ?? client.name,
        passwordHash: world.passwordHash,
        membership: { role: 'client_user', organisationId: org.id, clientId: client.id },
      });
  }
}
