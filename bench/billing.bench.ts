import { and, eq } from 'drizzle-orm';
import { migrateDatabase } from '../src/server/db/connect.js';
import { createOrganisation } from '../src/server/modules/accounts/create-organisation.js';
import { closeMonth } from '../src/server/modules/billing/close-month.js';
import { addDays, parisInstant } from '../src/server/modules/calendar/paris-time.js';
import { clients, sites } from '../src/server/modules/clients/schema.js';
import { missions, shifts } from '../src/server/modules/planning/schema.js';
import { placementContracts, rates } from '../src/server/modules/quotes/schema.js';
import { timesheets } from '../src/server/modules/timesheets/schema.js';
import { syncTimesheets } from '../src/server/modules/timesheets/sync-timesheets.js';
import { workers } from '../src/server/modules/workers/schema.js';
import { type BenchResult, pgliteOnDisk, sized } from './measure.js';

const MONTH = '2026-10';
const WORKERS = sized(600, 60);
const SHIFTS = sized(3500, 300);
const CLIENTS = sized(120, 12);

/** Closing a month for an AI with 600 workers and 3 500 shifts, invoices with their Factur-X PDFs: < 30 s. */
export default async function billingBench(): Promise<BenchResult[]> {
  const database = await pgliteOnDisk();
  await migrateDatabase(database);
  const db = database.db;
  const org = await createOrganisation({
    db,
    name: 'AI bench',
    kind: 'AI',
    slug: 'bench-billing',
    communeCode: '94028',
  });
  await db.insert(rates).values([
    {
      organisationId: org.id,
      hourlyRateCents: 2150,
      nightSurchargePct: 25,
      sundaySurchargePct: 50,
      holidaySurchargePct: 100,
      effectiveFrom: '2020-01-01',
      effectiveTo: '2026-10-15',
    },
    {
      organisationId: org.id,
      hourlyRateCents: 2200,
      nightSurchargePct: 25,
      sundaySurchargePct: 50,
      holidaySurchargePct: 100,
      effectiveFrom: '2026-10-16',
    },
    {
      organisationId: org.id,
      clientKind: 'individual',
      hourlyRateCents: 2400,
      travelFeeCents: 300,
      minimumBilledMinutes: 120,
      effectiveFrom: '2020-01-01',
    },
  ]);
  const workerIds: string[] = [];
  const rows = Array.from({ length: WORKERS }, (_, i) => ({
    organisationId: org.id,
    firstName: `Prénom${i}`,
    lastName: `Nom${String(i).padStart(3, '0')}`,
    birthDate: '1990-01-01',
    communeCode: '94028',
  }));
  for (let i = 0; i < rows.length; i += 200) {
    const out = await db
      .insert(workers)
      .values(rows.slice(i, i + 200))
      .returning({ id: workers.id });
    workerIds.push(...out.map((o) => o.id));
  }
  const missionList: { id: string; clientId: string }[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const [client] = await db
      .insert(clients)
      .values({
        organisationId: org.id,
        kind: c % 4 === 0 ? 'individual' : 'care_home',
        name: `Client ${c}`,
        communeCode: '94028',
        siret: c % 4 === 0 ? null : '35600000000048',
      })
      .returning();
    const [site] = await db
      .insert(sites)
      .values({ organisationId: org.id, clientId: client.id, name: client.name, communeCode: '94028' })
      .returning();
    const [pc] = await db
      .insert(placementContracts)
      .values({
        organisationId: org.id,
        clientId: client.id,
        siteId: site.id,
        number: `MAD-${c}`,
        tasks: 'Entretien',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      })
      .returning();
    const [m] = await db
      .insert(missions)
      .values({
        organisationId: org.id,
        placementContractId: pc.id,
        clientId: client.id,
        siteId: site.id,
        rome: c % 2 ? 'K2204' : 'J1301',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      })
      .returning();
    missionList.push({ id: m.id, clientId: client.id });
  }
  // 3 500 shifts: each worker works for one or two clients (as in an AI), some evenings and Sundays.
  const shiftRows = Array.from({ length: SHIFTS }, (_, i) => {
    const w = i % WORKERS;
    const round = Math.floor(i / WORKERS);
    const worker = workerIds[w];
    const day = addDays(`${MONTH}-01`, round * 5 + (w % 5));
    const evening = i % 7 === 0;
    const m = missionList[(w + (round % 2) * 7) % CLIENTS];
    return {
      organisationId: org.id,
      missionId: m.id,
      clientId: m.clientId,
      workerId: worker,
      startAt: parisInstant(day, evening ? '18:00' : '08:00'),
      endAt: parisInstant(day, evening ? '23:00' : '12:00'),
      status: 'assigned' as const,
    };
  });
  for (let i = 0; i < shiftRows.length; i += 500) await db.insert(shifts).values(shiftRows.slice(i, i + 500));
  await syncTimesheets({ db, organisationId: org.id, month: MONTH });
  await db
    .update(timesheets)
    .set({ status: 'validated' })
    .where(and(eq(timesheets.organisationId, org.id), eq(timesheets.month, MONTH)));

  const t0 = performance.now();
  const result = await closeMonth({
    db,
    actor: { organisationId: org.id, role: 'accountant', userId: null as unknown as string },
    month: MONTH,
    issuedOn: '2026-11-02',
  });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const t1 = performance.now();
  const again = await closeMonth({
    db,
    actor: { organisationId: org.id, role: 'accountant', userId: null as unknown as string },
    month: MONTH,
    issuedOn: '2026-11-02',
  });
  const againMs = Math.round(performance.now() - t1);
  await database.close();
  return [
    {
      area: 'Billing',
      name: `Month close: ${WORKERS} workers, ${SHIFTS} shifts, ${result.invoices.length} Factur-X invoices`,
      engine: 'pglite',
      value: seconds,
      unit: 's',
      target: '< 30 s',
      pass: seconds < 30 && result.invoices.length === CLIENTS && result.failures.length === 0,
      notes: `closing again (idempotent): ${againMs} ms, ${again.invoices.length} invoices`,
    },
  ];
}
