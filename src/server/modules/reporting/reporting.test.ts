import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  makeClient,
  makeMission,
  makeNetwork,
  makeOrg,
  makeShift,
  makeUser,
  makeWorker,
} from '../../../../test/factories.js';
import { makeAuditEvent, makeInvoice, makeRoutedNeed } from '../../../../test/factories-reporting.js';
import { makeExit } from '../../../../test/factories-workers.js';
import { loginCookie, type TestContext, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import type { Db } from '../../db/connect.js';
import { absences, shifts } from '../planning/schema.js';
import { updateOrganisationSettings } from '../settings/organisation-settings.js';
import { workerExits } from '../support/schema.js';
import { employmentContracts, passes } from '../workers/schema.js';
import { aiDashboard } from './ai-dashboard.js';
import { orgHome } from './home.js';
import { networkDashboard } from './network-dashboard.js';

/**
 * A small world whose every figure is computed by hand below (comments give the arithmetic).
 * "Now" is 15 June 2026, 12:00 UTC; the period asked is 2026, cut at today (2026-01-01 … 2026-06-15, 166 days).
 */
const NOW = new Date('2026-06-15T12:00:00Z');
const at = (iso: string) => new Date(iso).toISOString();

let ctx: TestContext;
let db: Db;
let w: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const network = await makeNetwork(db);
  const org = await makeOrg(db, { communeCode: '94028', networkId: network.id }); // Créteil, 94
  const other = await makeOrg(db, { communeCode: '75056', networkId: network.id }); // Paris, 75
  const admin = await makeUser(db, { role: 'org_admin', organisationId: org.id });
  await updateOrganisationSettings({
    db,
    actor: { userId: admin.id, organisationId: org.id },
    patch: { conventionEtp: 2 },
  });
  const careHome = await makeClient(db, { organisationId: org.id, kind: 'care_home', name: 'EHPAD Les Tilleuls' });
  const company = await makeClient(db, { organisationId: org.id, kind: 'company', name: 'Boulangerie Martin' });
  const careMission = await makeMission(db, { organisationId: org.id, client: careHome });
  const companyMission = await makeMission(db, { organisationId: org.id, client: company });
  // Three workers hired in 2026 (makeWorker's contract starts 2026-01-01).
  const w1 = await makeWorker(db, { organisationId: org.id, lastName: 'Konaté' });
  const w2 = await makeWorker(db, { organisationId: org.id, lastName: 'Benali' });
  const w3 = await makeWorker(db, { organisationId: org.id, lastName: 'Traoré' });
  const care = { organisationId: org.id, missionId: careMission.id, clientId: careHome.id };
  const comp = { organisationId: org.id, missionId: companyMission.id, clientId: company.id };
  // Worked: January 240 min (care home), February 360 (care home) + 180 (company), April 120 (company, a replacement).
  await makeShift(db, { ...care, workerId: w1.id, start: at('2026-01-10T07:00:00Z'), end: at('2026-01-10T11:00:00Z') });
  await makeShift(db, { ...care, workerId: w1.id, start: at('2026-02-10T07:00:00Z'), end: at('2026-02-10T13:00:00Z') });
  await makeShift(db, { ...comp, workerId: w2.id, start: at('2026-02-11T08:00:00Z'), end: at('2026-02-11T11:00:00Z') });
  // Outside the period: the day before it, and a shift planned after today.
  await makeShift(db, { ...care, workerId: w3.id, start: at('2025-12-31T07:00:00Z'), end: at('2025-12-31T11:00:00Z') });
  await makeShift(db, { ...care, workerId: w2.id, start: at('2026-07-01T07:00:00Z'), end: at('2026-07-01T11:00:00Z') });
  // Replacements: w1 absent; one shift given to w2 two hours after the absence was declared, one still open.
  const [absence] = await db
    .insert(absences)
    .values({
      organisationId: org.id,
      workerId: w1.id,
      startAt: new Date('2026-04-01T00:00:00Z'),
      endAt: new Date('2026-05-03T00:00:00Z'),
      reason: 'maladie',
      createdAt: new Date('2026-03-30T08:00:00Z'),
    })
    .returning();
  const replaced = await makeShift(db, {
    ...comp,
    workerId: w2.id,
    start: at('2026-04-01T06:00:00Z'),
    end: at('2026-04-01T08:00:00Z'),
  });
  await db.update(shifts).set({ uncoveredWorkerId: w1.id }).where(eq(shifts.id, replaced.id));
  await makeAuditEvent(db, {
    organisationId: org.id,
    action: 'shift.assign',
    recordId: replaced.id,
    at: '2026-03-30T10:00:00Z',
  });
  const stillOpen = await makeShift(db, {
    ...care,
    start: at('2026-05-02T06:00:00Z'),
    end: at('2026-05-02T10:00:00Z'),
  });
  await db.update(shifts).set({ uncoveredWorkerId: w1.id }).where(eq(shifts.id, stillOpen.id));
  // An open shift tomorrow morning (within 72 h) at the care home.
  await makeShift(db, { ...care, start: at('2026-06-16T06:00:00Z'), end: at('2026-06-16T10:00:00Z') });

  // Exits: w3 durable with 200 h (counts, hired by the care home); two exits with no contract: a withdrawal with
  // 160 h (counts, neutral), an "other" exit with exactly 150 h (counts) and an "other" with 100 h (not counted).
  await makeExit(db, {
    organisationId: org.id,
    workerId: w3.id,
    date: '2026-03-01',
    category: 'durable',
    minutesWorked: 200 * 60,
  });
  await db.update(workerExits).set({ hiredByClientId: careHome.id }).where(eq(workerExits.workerId, w3.id));
  for (const [category, hours] of [
    ['withdrawn', 160],
    ['other', 150],
    ['other', 100],
  ] as const) {
    const x = await makeWorker(db, { organisationId: org.id, contract: false, pass: 'none' });
    await makeExit(db, {
      organisationId: org.id,
      workerId: x.id,
      date: '2026-04-15',
      category,
      minutesWorked: hours * 60,
    });
  }
  // A person whose PASS ends on 1 August (within 90 days) and whose only contract ended on 31 May: exit to record.
  const w7 = await makeWorker(db, { organisationId: org.id, contract: false, pass: 'none', lastName: 'Nguyen' });
  await db.insert(passes).values({
    organisationId: org.id,
    workerId: w7.id,
    number: 'PASS00000007',
    startDate: '2024-08-02',
    endDate: '2026-08-01',
  });
  await db.insert(employmentContracts).values({
    organisationId: org.id,
    workerId: w7.id,
    kind: 'cddi',
    startDate: '2025-06-01',
    endDate: '2026-05-31',
    weeklyMinutes: 20 * 60,
  });
  // Needs routed to the AI: claimed after 90 min, declined after 30 min, one waiting and overdue; one unrouted.
  await makeRoutedNeed(db, {
    organisationId: org.id,
    createdAt: '2026-02-01T10:00:00Z',
    claimedAt: '2026-02-01T11:30:00Z',
  });
  await makeRoutedNeed(db, {
    organisationId: org.id,
    createdAt: '2026-03-01T10:00:00Z',
    declinedAt: '2026-03-01T10:30:00Z',
  });
  await makeRoutedNeed(db, {
    organisationId: org.id,
    createdAt: '2026-06-10T10:00:00Z',
    deadlineAt: '2026-06-12T10:00:00Z',
  });
  await makeRoutedNeed(db, {
    organisationId: null,
    networkId: network.id,
    createdAt: '2026-06-14T10:00:00Z',
    status: 'unrouted',
  });
  // Invoices of the care home: February 300 min billed, 100 € of which 40 € paid, due 31 March (overdue);
  // May 60 min, 50 €, due 15 July.
  await makeInvoice(db, {
    organisationId: org.id,
    clientId: careHome.id,
    month: '2026-02',
    totalCents: 10_000,
    dueOn: '2026-03-31',
    minutes: 300,
    workerId: w1.id,
    paidCents: 4_000,
  });
  await makeInvoice(db, {
    organisationId: org.id,
    clientId: careHome.id,
    month: '2026-05',
    totalCents: 5_000,
    dueOn: '2026-07-15',
    minutes: 60,
  });
  // Two support officers.
  const cip1 = await makeUser(db, { role: 'support_officer', organisationId: org.id });
  await makeUser(db, { role: 'support_officer', organisationId: org.id });
  const placement = await makeUser(db, { role: 'placement_officer', organisationId: org.id });
  const accountant = await makeUser(db, { role: 'accountant', organisationId: org.id });
  const careUser = await makeUser(db, { role: 'client_user', organisationId: org.id, clientId: careHome.id });
  const companyUser = await makeUser(db, { role: 'client_user', organisationId: org.id, clientId: company.id });
  const coordinator = await makeUser(db, { role: 'network_coordinator', networkId: network.id });
  const otherNetwork = await makeNetwork(db);
  return {
    network,
    otherNetwork,
    org,
    other,
    admin,
    cip1,
    placement,
    accountant,
    careUser,
    companyUser,
    coordinator,
    careHome,
    company,
    w1,
    w2,
    absence,
  };
}

const actor = (userId: string, organisationId: string, role: string, clientId: string | null = null) =>
  ({ userId, organisationId, role, clientId, workerId: null }) as Parameters<typeof orgHome>[0]['actor'];

beforeAll(async () => {
  ctx = await testApp();
  db = ctx.database.db;
  w = await makeWorld();
});

describe('AI dashboard, against the hand-computed world', () => {
  test('hours worked and billed per month, medico-social share, ETP against the convention', async () => {
    const d = await aiDashboard({
      db,
      organisationId: w.org.id,
      period: { from: '2026-01-01', to: '2026-12-31' },
      now: NOW,
    });
    expect(d.to).toBe('2026-06-15');
    expect(d.months.map((m) => [m.month, m.minutesWorked, m.minutesBilled, m.medicoSocialMinutes])).toEqual([
      ['2026-01', 240, 0, 240],
      ['2026-02', 540, 300, 360],
      ['2026-03', 0, 0, 0],
      ['2026-04', 120, 0, 0],
      ['2026-05', 0, 60, 0],
      ['2026-06', 0, 0, 0],
    ]);
    expect(d.summary.minutesWorked).toBe(900);
    expect(d.summary.minutesBilled).toBe(360);
    expect(d.medicoSocialMinutes).toBe(600);
    expect(d.medicoSocialShare).toBe(0.667); // 600 / 900
    // 900 min over 166 days: 900 / (96 420 × 166 / 365) = 0.0205 → 0.02 ETP, 1 % of the convention's 2 ETP.
    expect(d.summary.etp).toBe(0.02);
    expect(d.conventionEtp).toBe(2);
    expect(d.etpConsumption).toBe(0.01);
    expect(d.workersPresent).toBe(2);
    expect(d.workersHired).toBe(3);
    expect(d.activeClients).toBe(2);
  });

  test('exits by ASP category with the 150 h rule and the dynamic exit rate without withdrawals', async () => {
    const d = await aiDashboard({
      db,
      organisationId: w.org.id,
      period: { from: '2026-01-01', to: '2026-12-31' },
      now: NOW,
    });
    expect(d.summary.exits).toEqual({ durable: 1, transition: 0, positive: 0, other: 1, withdrawn: 1 });
    expect(d.exitsNotCounted).toBe(1);
    expect(d.summary.dynamicExitRate).toBe(0.5); // 1 / (3 − 1)
  });

  test('replacements, needs answered, invoices owed, PASS ending and support staff', async () => {
    const d = await aiDashboard({
      db,
      organisationId: w.org.id,
      period: { from: '2026-01-01', to: '2026-12-31' },
      now: NOW,
    });
    expect(d.replacements).toEqual({ uncovered: 2, filled: 1, open: 1, fillRate: 0.5, medianMinutesToFill: 120 });
    expect(d.needs).toEqual({ routed: 3, answered: 2, claimed: 1, medianMinutesToAnswer: 60 });
    expect(d.invoices).toEqual({ outstanding: 2, outstandingCents: 11_000, overdue: 1, overdueCents: 6_000 });
    expect(d.passEndingSoon).toBe(1);
    expect(d.supportStaff).toBe(2);
    expect(d.workersPerSupportStaff).toBe(1);
  });

  test('a month alone counts only that month', async () => {
    const d = await aiDashboard({
      db,
      organisationId: w.org.id,
      period: { from: '2026-02-01', to: '2026-02-28' },
      now: NOW,
    });
    expect(d.summary.minutesWorked).toBe(540);
    expect(d.months).toHaveLength(1);
    // 540 / (96 420 × 28 / 365) = 0.073 → 0.07
    expect(d.summary.etp).toBe(0.07);
  });
});

describe('home page counts per role', () => {
  const tiles = async (a: Parameters<typeof orgHome>[0]['actor']) =>
    Object.fromEntries((await orgHome({ db, actor: a, now: NOW })).tiles.map((t) => [t.key, t]));

  test('placement officer: open shifts within 72 h, needs to claim with their deadline, contracts to sign', async () => {
    const t = await tiles(actor(w.placement.id, w.org.id, 'placement_officer'));
    expect(t.shifts_open_72h.count).toBe(1);
    expect(t.needs_to_claim).toMatchObject({ count: 1, deadlineAt: '2026-06-12T10:00:00.000Z' });
    expect(t.contracts_to_sign.count).toBe(2);
    expect(t.invoices_overdue).toBeUndefined();
    expect(t.pass_ending_90d).toBeUndefined();
  });

  test('support officer: PASS ending within 90 days, interviews due, exits to record', async () => {
    const t = await tiles(actor(w.cip1.id, w.org.id, 'support_officer'));
    expect(t.pass_ending_90d.count).toBe(1);
    expect(t.prolongations_to_request.count).toBe(0); // ends in 47 days: not yet within 30
    expect(t.interviews_due.count).toBe(2); // w1 and w2 in pathway, never interviewed (w3 has left)
    expect(t.exits_to_record.count).toBe(1);
    expect(t.shifts_open_72h).toBeUndefined();
  });

  test('accountant: overdue invoices with the amount, the previous month not closed yet', async () => {
    const t = await tiles(actor(w.accountant.id, w.org.id, 'accountant'));
    expect(t.invoices_overdue).toMatchObject({ count: 1, amountCents: 6_000 });
    expect(t.month_close).toMatchObject({ count: 1, month: '2026-05', state: 'not_started' });
    expect(t.timesheets_to_validate.count).toBe(0);
  });

  test('a client user sees only its own client', async () => {
    const care = await tiles(actor(w.careUser.id, w.org.id, 'client_user', w.careHome.id));
    expect(Object.keys(care).sort()).toEqual([
      'client_invoices_unpaid',
      'client_next_shifts',
      'client_timesheets_to_validate',
    ]);
    expect(care.client_next_shifts.count).toBe(1);
    expect(care.client_invoices_unpaid).toMatchObject({ count: 2, amountCents: 11_000 });
    const company = await tiles(actor(w.companyUser.id, w.org.id, 'client_user', w.company.id));
    expect(company.client_next_shifts.count).toBe(0);
    expect(company.client_invoices_unpaid).toMatchObject({ count: 0, amountCents: 0 });
  });
});

describe('network dashboard', () => {
  test('per AI, per département and per month, with nobody named', async () => {
    const d = await networkDashboard({
      db,
      actor: { userId: w.coordinator.id, networkId: w.network.id, role: 'network_coordinator' },
      period: { from: '2026-01-01', to: '2026-06-15' },
      now: NOW,
    });
    expect(d.stats).toEqual({
      needs: 4,
      claimed: 1,
      medianMinutesToClaim: 90,
      minutesDelivered: 600,
      hiresByClients: 1,
    });
    expect(d.unrouted).toBe(1);
    expect(d.overdue).toBe(1);
    const byId = Object.fromEntries(d.perAi.map((a) => [a.organisationId, a]));
    expect(byId[w.org.id]).toMatchObject({
      departement: '94',
      needsRouted: 3,
      claimed: 1,
      medianMinutesToClaim: 90,
      minutesDelivered: 600,
      hiresByClients: 1,
    });
    expect(byId[w.other.id]).toMatchObject({ departement: '75', needsRouted: 0, claimed: 0, minutesDelivered: 0 });
    expect(d.perDepartement.map((x) => [x.departement, x.needsRouted, x.minutesDelivered])).toEqual([
      ['75', 0, 0],
      ['94', 3, 600],
    ]);
    expect(d.perMonth.map((m) => [m.month, m.needs, m.claimed, m.minutesDelivered, m.hiresByClients])).toEqual([
      ['2026-01', 0, 0, 240, 0],
      ['2026-02', 1, 1, 360, 0],
      ['2026-03', 1, 0, 0, 1],
      ['2026-04', 0, 0, 0, 0],
      ['2026-05', 0, 0, 0, 0],
      ['2026-06', 2, 0, 0, 0],
    ]);
    const json = JSON.stringify(d);
    for (const name of ['Konaté', 'Benali', 'Traoré', 'Nguyen', 'Claire Martin']) expect(json).not.toContain(name);
  });
});

describe('HTTP', () => {
  test('the summary keeps API.md’s shape under reporting and refuses a reversed period', async () => {
    const cookie = await loginCookie(ctx.app, w.accountant.email);
    const res = await ctx.app.inject({
      url: `/api/orgs/${w.org.id}/reports/summary?from=2026-01-01&to=2026-02-28`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual([
      'clients',
      'dynamicExitRate',
      'etp',
      'exits',
      'minutesBilled',
      'minutesWorked',
      'workers',
    ]);
    expect(res.json()).toMatchObject({ minutesWorked: 780, minutesBilled: 300, workers: 2, clients: 2 });
    const bad = await ctx.app.inject({
      url: `/api/orgs/${w.org.id}/reports/summary?from=2026-03-01&to=2026-02-01`,
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });

  test('the AI dashboard is for the director and the accountant; a placement officer gets 403', async () => {
    const officer = await loginCookie(ctx.app, w.placement.email);
    const res = await ctx.app.inject({ url: `/api/orgs/${w.org.id}/reports/dashboard`, headers: { cookie: officer } });
    expect(res.statusCode).toBe(403);
    const admin = await loginCookie(ctx.app, w.admin.email);
    const ok = await ctx.app.inject({
      url: `/api/orgs/${w.org.id}/reports/dashboard?from=2026-01-01&to=2026-02-28`,
      headers: { cookie: admin },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().summary.minutesWorked).toBe(780);
  });

  test('a client user’s home shows its own tiles only, and another AI answers 404', async () => {
    const cookie = await loginCookie(ctx.app, w.companyUser.email);
    const res = await ctx.app.inject({ url: `/api/orgs/${w.org.id}/home`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().tiles.map((t: { key: string }) => t.key)).toEqual([
      'client_next_shifts',
      'client_timesheets_to_validate',
      'client_invoices_unpaid',
    ]);
    const foreign = await ctx.app.inject({ url: `/api/orgs/${w.other.id}/home`, headers: { cookie } });
    expect(foreign.statusCode).toBe(404);
  });

  test('network stats and dashboard answer the coordinator, another network answers 404', async () => {
    const cookie = await loginCookie(ctx.app, w.coordinator.email);
    const stats = await ctx.app.inject({
      url: `/api/networks/${w.network.id}/stats?from=2026-01-01&to=2026-06-15`,
      headers: { cookie },
    });
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({ needs: 4, claimed: 1, medianMinutesToClaim: 90, hiresByClients: 1 });
    const dash = await ctx.app.inject({
      url: `/api/networks/${w.network.id}/dashboard?from=2026-01-01&to=2026-06-15`,
      headers: { cookie },
    });
    expect(dash.statusCode).toBe(200);
    expect(dash.json().perAi).toHaveLength(2);
    const foreign = await ctx.app.inject({ url: `/api/networks/${w.otherNetwork.id}/dashboard`, headers: { cookie } });
    expect(foreign.statusCode).toBe(404);
  });

  test('the yearly activity report is a PDF with the dialogue de gestion figures', async () => {
    const cookie = await loginCookie(ctx.app, w.accountant.email);
    const res = await ctx.app.inject({ url: `/api/orgs/${w.org.id}/reports/activity/2026/pdf`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Rapport d’activité 2026');
    expect(text).toContain('ETP conventionnés');
    expect(text).toContain('Taux de sortie dynamique : 50 %');
    expect(text).toContain('Emploi durable : 1');
  });
});
