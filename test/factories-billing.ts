import { and, eq } from 'drizzle-orm';
import type { Db } from '../src/server/db/connect.js';
import { organisations } from '../src/server/modules/accounts/schema.js';
import { parisInstant } from '../src/server/modules/calendar/paris-time.js';
import { clients } from '../src/server/modules/clients/schema.js';
import { rates } from '../src/server/modules/quotes/schema.js';
import { timesheets } from '../src/server/modules/timesheets/schema.js';
import { syncTimesheets } from '../src/server/modules/timesheets/sync-timesheets.js';
import { makeClient, makeMission, makeOrg, makeShift, makeUser, makeWorker } from './factories.js';

export async function makeRate(db: Db, o: Partial<typeof rates.$inferInsert> & { organisationId: string }) {
  const [rate] = await db
    .insert(rates)
    .values({
      hourlyRateCents: 2000,
      nightSurchargePct: 25,
      sundaySurchargePct: 50,
      holidaySurchargePct: 100,
      travelFeeCents: 0,
      minimumBilledMinutes: 0,
      effectiveFrom: '2020-01-01',
      ...o,
    })
    .returning();
  return rate;
}

/** Marks every timesheet of the month as validated (as if each client had validated it). */
export async function validateAllTimesheets(db: Db, organisationId: string, month: string) {
  await syncTimesheets({ db, organisationId, month });
  await db
    .update(timesheets)
    .set({ status: 'validated', validatedAt: new Date(), validatedBy: 'Test' })
    .where(and(eq(timesheets.organisationId, organisationId), eq(timesheets.month, month)));
}

/**
 * An AI with a legal identity, `clientCount` clients (each with a mission and one worker) and, per client,
 * `shiftsPerClient` morning shifts from the 2nd of the month, plus a rate for every job.
 */
export async function makeBillingWorld(
  db: Db,
  o: { month?: string; clientCount?: number; shiftsPerClient?: number; workersPerClient?: number } = {},
) {
  const month = o.month ?? '2026-10';
  const org = await makeOrg(db);
  await db
    .update(organisations)
    .set({
      siret: '73282932000074',
      addressLine: '12 rue de la République',
      postalCode: '94000',
      communeName: 'Créteil',
      email: 'contact@ai-test.passerelle.test',
      settings: { iban: 'FR7630006000011234567890189', conventionEtp: 10 },
    })
    .where(eq(organisations.id, org.id));
  const accountant = await makeUser(db, { role: 'accountant', organisationId: org.id });
  const placement = await makeUser(db, { role: 'placement_officer', organisationId: org.id });
  const admin = await makeUser(db, { role: 'org_admin', organisationId: org.id });
  await makeRate(db, { organisationId: org.id });
  const clientList = [];
  const workersPerClient = o.workersPerClient ?? 1;
  for (let c = 0; c < (o.clientCount ?? 3); c++) {
    const client = await makeClient(db, {
      organisationId: org.id,
      kind: c % 3 === 2 ? 'individual' : 'care_home',
      name: `Client ${String(c).padStart(3, '0')}`,
      siret: c % 3 === 2 ? null : '35600000000048',
      billingEmail: `compta${c}@client.test`,
      addressLine: '1 avenue Foch',
      postalCode: '94000',
    });
    const mission = await makeMission(db, { organisationId: org.id, client });
    const ws = [];
    for (let w = 0; w < workersPerClient; w++) ws.push(await makeWorker(db, { organisationId: org.id }));
    const shiftList = [];
    for (let i = 0; i < (o.shiftsPerClient ?? 4); i++) {
      const day = `${month}-${String(2 + (i % 27)).padStart(2, '0')}`;
      const worker = ws[Math.floor(i / 27) % ws.length];
      const hour = 6 + ((i / 27) | 0) * 5;
      shiftList.push(
        await makeShift(db, {
          organisationId: org.id,
          missionId: mission.id,
          clientId: client.id,
          workerId: worker.id,
          start: parisInstant(day, `${String(hour).padStart(2, '0')}:00`).toISOString(),
          end: parisInstant(day, `${String(hour + 4).padStart(2, '0')}:00`).toISOString(),
        }),
      );
    }
    clientList.push({ client, mission, workers: ws, shifts: shiftList });
  }
  return { org, month, accountant, placement, admin, clients: clientList };
}

export async function clientRow(db: Db, id: string) {
  const [c] = await db.select().from(clients).where(eq(clients.id, id));
  return c;
}
