import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { makeBillingWorld, validateAllTimesheets } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { parisInstant } from '../calendar/paris-time.js';
import { absences } from '../planning/schema.js';
import { workerExits } from '../support/schema.js';
import { timesheets } from '../timesheets/schema.js';
import { syncTimesheets } from '../timesheets/sync-timesheets.js';
import { aspMonthlyExport } from './state-exports.js';

const { app, database } = await testApp();
const db = database.db;

const rowsOf = (csv: string) =>
  csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(';'));

describe('payroll and State exports', () => {
  test('the payroll CSV has one row per worker and pay element, Sunday hours apart, absences included', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 5 });
    const worker = w.clients[0].workers[0];
    await db.insert(absences).values({
      organisationId: w.org.id,
      workerId: worker.id,
      startAt: parisInstant('2026-10-20', '08:00'),
      endAt: parisInstant('2026-10-20', '11:30'),
      reason: 'Rendez-vous médical',
    });
    const cookie = await loginCookie(app, w.accountant.email);
    const res = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/exports/payroll?month=${w.month}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = rowsOf(res.body);
    expect(rows[0]).toEqual([
      'worker_id',
      'nom',
      'prenom',
      'mois',
      'code_element',
      'libelle_element',
      'minutes',
      'heures',
      'nombre',
    ]);
    const byCode = Object.fromEntries(rows.slice(1).map((r) => [r[4], r]));
    // 02, 03, 05, 06/10 normal mornings (06:00–10:00), Sunday 04/10.
    expect(byCode.HN.slice(6, 8)).toEqual(['960', '16,00']);
    expect(byCode.HDIM.slice(6, 8)).toEqual(['240', '4,00']);
    expect(byCode.DEPL[8]).toBe('5');
    expect(byCode.ABS.slice(6, 8)).toEqual(['210', '3,50']);
    expect(rows.slice(1).every((r) => r[0] === worker.id)).toBe(true);
  });

  test('the ASP export gives hours worked and billed, missions, ETP share and the exit', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 5 });
    const worker = w.clients[0].workers[0];
    await db.insert(workerExits).values({
      organisationId: w.org.id,
      workerId: worker.id,
      exitDate: '2026-10-30',
      category: 'durable',
      reason: 'CDI',
      aspReason: 'cdi',
    });
    await validateAllTimesheets(db, w.org.id, w.month);
    const cookie = await loginCookie(app, w.accountant.email);
    await app.inject({ method: 'POST', url: `/api/orgs/${w.org.id}/months/${w.month}/close`, headers: { cookie } });
    const res = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/exports/asp-monthly?month=${w.month}`,
      headers: { cookie },
    });
    const rows = rowsOf(res.body);
    expect(rows[0]).toContain('part_etp');
    // 20 h worked; 1 ETP = 1 607 h a year → 133,9167 h a month → 0,1493.
    expect(rows[1].slice(5, 11)).toEqual(['20,00', '20,00', '1', '0,1493', '2026-10-30', 'durable']);
    // The ASP exit reason code beside its category (support/rules/asp-exit-reasons.ts).
    expect(rows[0].slice(10, 13)).toEqual(['categorie_sortie', 'motif_sortie_asp', 'libelle_motif_sortie']);
    expect(rows[1].slice(11, 13)).toEqual(['cdi', 'Embauche en CDI']);
  });

  // Source: issue 15 item 9 (ASP counts hours worked, never shifts merely planned); payroll/rules/state-worked.ts.
  test('the ASP export never counts shifts merely planned, nor a disputed timesheet', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 5 });
    // Seen on 1 October, October's shifts are all still to come: no hours worked.
    const early = await aspMonthlyExport({
      db,
      organisationId: w.org.id,
      month: w.month,
      now: parisInstant('2026-10-01', '00:00'),
    });
    expect(rowsOf(early).length).toBe(1);
    // Later, past shifts without a validated timesheet count as planned…
    const later = rowsOf(await aspMonthlyExport({ db, organisationId: w.org.id, month: w.month }));
    expect(later[1][5]).toBe('20,00');
    // …but not once the client disputes the timesheet.
    await syncTimesheets({ db, organisationId: w.org.id, month: w.month });
    await db.update(timesheets).set({ status: 'disputed' }).where(eq(timesheets.organisationId, w.org.id));
    const disputed = rowsOf(await aspMonthlyExport({ db, organisationId: w.org.id, month: w.month }));
    expect(disputed.length).toBe(1);
  });

  test('the aide au poste estimate is capped by the convention’s ETP', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 5 });
    const cookie = await loginCookie(app, w.accountant.email);
    const res = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/exports/aide-au-poste?year=2026`,
      headers: { cookie },
    });
    expect(res.json()).toMatchObject({ minutesWorked: 1200, conventionEtp: 10, capped: false, centsPerEtp: 161900 });
    expect(res.json().amountCents).toBe(Math.round((1200 / (1607 * 60)) * 161900));
  });

  test('the summary answers API.md’s shape', async () => {
    const w = await makeBillingWorld(db, { clientCount: 2, shiftsPerClient: 3 });
    const cookie = await loginCookie(app, w.admin.email);
    const res = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/reports/summary?from=2026-10-01&to=2026-10-31`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      minutesWorked: 1440,
      minutesBilled: 0,
      etp: expect.any(Number),
      workers: 2,
      clients: 2,
      exits: { durable: 0, transition: 0, positive: 0, other: 0, withdrawn: 0 },
      dynamicExitRate: null,
    });
    const bad = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/reports/summary?from=2026-10-31&to=2026-10-01`,
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
  });
});
