import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/connect.js';
import { networkOrganisations, type Role } from '../../src/server/modules/accounts/schema.js';
import { closeMonth } from '../../src/server/modules/billing/close-month.js';
import { invoices } from '../../src/server/modules/billing/schema.js';
import { needRoutes, needs } from '../../src/server/modules/needs/schema.js';
import { absences } from '../../src/server/modules/planning/schema.js';
import { barriers } from '../../src/server/modules/support/schema.js';
import { timesheetEntries, timesheets } from '../../src/server/modules/timesheets/schema.js';
import { workerUnavailabilities } from '../../src/server/modules/workers/schema.js';
import { makeClient, makeNetwork, makeOrg, makeUser, makeWorker } from '../factories.js';
import { makeBillingWorld, validateAllTimesheets } from '../factories-billing.js';
import { makeQuote } from '../factories-quotes.js';
import { loginCookie } from '../harness.js';

export const ORIGIN = 'http://passerelle.test';
const uid = () => crypto.randomBytes(4).toString('hex');

/** Every kind of resource of one client and one worker of the first AI, for "own" and "other" checks. */
export type Side = {
  clientId: string;
  clientName: string;
  workerId: string;
  workerName: string;
  missionId: string;
  shiftId: string;
  placementContractId: string;
  quoteId: string;
  timesheetId: string;
  entryId: string;
  invoiceId: string;
  needId: string;
  unavailabilityId: string;
  absenceId: string;
  barrierId: string;
};

export type Actor = { name: string; role: Role | 'anonymous'; cookie: string | null };

/**
 * The first AI ("A") with two clients and two workers, each with a mission, a shift, a placement contract, a
 * quote, a timesheet and its entry, an invoice, a need claimed for it, an unavailability, an absence and a
 * barrier; its staff, a user of the first client and the first worker's account. Then a second AI of the same
 * network with its own staff, client user and worker, and the network's coordinator: the outsiders.
 */
export async function makeIsolationWorld(db: Db, app: FastifyInstance) {
  const month = '2026-10';
  const billing = await makeBillingWorld(db, { month, clientCount: 2, shiftsPerClient: 1 });
  const org = billing.org;
  const network = await makeNetwork(db);
  await db.insert(networkOrganisations).values({ networkId: network.id, organisationId: org.id });
  await validateAllTimesheets(db, org.id, month);
  await closeMonth({
    db,
    actor: { organisationId: org.id, role: 'org_admin', userId: billing.admin.id },
    month,
    force: true,
  });
  const sides: Side[] = [];
  for (const c of billing.clients) {
    const worker = c.workers[0];
    const shift = c.shifts[0];
    const [sheet] = await db.select().from(timesheets).where(eq(timesheets.clientId, c.client.id));
    const [entry] = await db.select().from(timesheetEntries).where(eq(timesheetEntries.shiftId, shift.id));
    const [invoice] = await db.select().from(invoices).where(eq(invoices.clientId, c.client.id));
    const quote = await makeQuote(db, { organisationId: org.id, clientId: c.client.id, status: 'sent' });
    const [need] = await db
      .insert(needs)
      .values({
        reference: `B-${uid()}`,
        networkId: network.id,
        status: 'claimed',
        urgency: 'urgent',
        establishmentName: `Établissement ${uid()}`,
        establishmentKind: 'care_home',
        communeCode: '94028',
        communeName: 'Créteil',
        departement: '94',
        contactName: `Contact ${uid()}`,
        contactEmail: `contact-${uid()}@client.test`,
        consentAt: new Date(),
        followTokenHash: uid(),
        claimedByOrganisationId: org.id,
        claimedAt: new Date(),
        clientId: c.client.id,
      })
      .returning();
    await db.insert(needRoutes).values({ needId: need.id, organisationId: org.id, rank: 1, status: 'claimed' });
    const [unavailability] = await db
      .insert(workerUnavailabilities)
      .values({
        organisationId: org.id,
        workerId: worker.id,
        startAt: new Date('2027-03-01T08:00:00Z'),
        endAt: new Date('2027-03-01T10:00:00Z'),
        reason: 'Rendez-vous',
      })
      .returning();
    const [absence] = await db
      .insert(absences)
      .values({
        organisationId: org.id,
        workerId: worker.id,
        startAt: new Date('2027-04-01T08:00:00Z'),
        endAt: new Date('2027-04-02T08:00:00Z'),
        reason: 'Maladie',
      })
      .returning();
    const [barrier] = await db
      .insert(barriers)
      .values({
        organisationId: org.id,
        workerId: worker.id,
        category: 'health',
        intensity: 2,
        details: `Détail privé ${uid()}`,
        identifiedOn: '2026-01-15',
      })
      .returning();
    sides.push({
      clientId: c.client.id,
      clientName: c.client.name,
      workerId: worker.id,
      workerName: worker.lastName,
      missionId: c.mission.id,
      shiftId: shift.id,
      placementContractId: c.mission.contract.id,
      quoteId: quote.id,
      timesheetId: sheet.id,
      entryId: entry.id,
      invoiceId: invoice.id,
      needId: need.id,
      unavailabilityId: unavailability.id,
      absenceId: absence.id,
      barrierId: barrier.id,
    });
  }
  // The names the first AI is known by in answers, unique enough to be searched for in a body.
  const renamed = `AI A ${uid()}`;
  const { organisations } = await import('../../src/server/modules/accounts/schema.js');
  await db.update(organisations).set({ name: renamed }).where(eq(organisations.id, org.id));

  const login = async (role: Role, extra: { clientId?: string; workerId?: string } = {}, organisationId = org.id) =>
    loginCookie(app, (await makeUser(db, { role, organisationId, ...extra })).email);
  const inside = {
    org_admin: await loginCookie(app, billing.admin.email),
    placement_officer: await loginCookie(app, billing.placement.email),
    accountant: await loginCookie(app, billing.accountant.email),
    support_officer: await login('support_officer'),
    client_user: await login('client_user', { clientId: sides[0].clientId }),
    worker: await login('worker', { workerId: sides[0].workerId }),
  };

  const other = await makeOrg(db, { networkId: network.id });
  const otherClient = await makeClient(db, { organisationId: other.id });
  const otherWorker = await makeWorker(db, { organisationId: other.id });
  const outsiders: Actor[] = [];
  for (const role of ['org_admin', 'placement_officer', 'support_officer', 'accountant'] as const) {
    outsiders.push({ name: `another AI's ${role}`, role, cookie: await login(role, {}, other.id) });
  }
  outsiders.push({
    name: 'another client’s user',
    role: 'client_user',
    cookie: await login('client_user', { clientId: otherClient.id }, other.id),
  });
  outsiders.push({
    name: 'another worker',
    role: 'worker',
    cookie: await login('worker', { workerId: otherWorker.id }, other.id),
  });
  const coordinator = await makeUser(db, { role: 'network_coordinator', networkId: network.id });
  outsiders.push({
    name: 'the network coordinator',
    role: 'network_coordinator',
    cookie: await loginCookie(app, coordinator.email),
  });
  outsiders.push({ name: 'anonymous', role: 'anonymous', cookie: null });

  return {
    org: { ...org, name: renamed },
    network,
    month,
    sides,
    inside,
    outsiders,
    users: { admin: billing.admin, placement: billing.placement, accountant: billing.accountant },
  };
}

export type IsolationWorld = Awaited<ReturnType<typeof makeIsolationWorld>>;
