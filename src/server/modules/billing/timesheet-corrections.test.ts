import { and, eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeShift } from '../../../../test/factories.js';
import { makeBillingWorld } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { parisInstant, parisToday } from '../calendar/paris-time.js';
import { assignShift } from '../planning/assign-shift.js';
import { cancelShift } from '../planning/cancel-shift.js';
import { createAbsence } from '../planning/create-absence.js';
import { shifts } from '../planning/schema.js';
import { findTimesheet } from '../timesheets/find-timesheet.js';
import { prepareTimesheets } from '../timesheets/prepare-timesheets.js';
import { timesheetEntries, timesheets } from '../timesheets/schema.js';
import { validateTimesheet } from '../timesheets/timesheet-workflow.js';
import { closeMonth } from './close-month.js';
import { invoiceLines, invoices } from './schema.js';

const { app, database } = await testApp();
const db = database.db;

/** Weekday mornings of October 2026 (Monday 5 to Friday 9), 07:00–11:00: 240 minutes, 80 € at 20 €/h. */
const DAYS = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09'];

async function world(workerCount = 3) {
  const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 0, workersPerClient: workerCount });
  const { client, mission, workers } = w.clients[0];
  const list = [];
  for (const [i, day] of DAYS.entries()) {
    list.push(
      await makeShift(db, {
        organisationId: w.org.id,
        missionId: mission.id,
        clientId: client.id,
        workerId: workers[i % workers.length].id,
        start: parisInstant(day, '07:00').toISOString(),
        end: parisInstant(day, '11:00').toISOString(),
      }),
    );
  }
  const actor = (user: { id: string }, role: OrgActor['role']) =>
    ({ organisationId: w.org.id, userId: user.id, role, clientId: null, workerId: null }) as unknown as OrgActor;
  return {
    w,
    client,
    workers,
    shifts: list,
    officer: actor(w.placement, 'placement_officer'),
    accountant: actor(w.accountant, 'accountant'),
    admin: actor(w.admin, 'org_admin'),
  };
}

type World = Awaited<ReturnType<typeof world>>;

/** Prepares the month and has every open timesheet validated, as the client would. */
async function validateAll(x: World) {
  await prepareTimesheets({ db, actor: x.officer, month: x.w.month });
  const open = await db
    .select({ id: timesheets.id })
    .from(timesheets)
    .where(and(eq(timesheets.organisationId, x.w.org.id), eq(timesheets.month, x.w.month)));
  for (const { id } of open) {
    const t = await findTimesheet(db, x.officer, id);
    if (t.status === 'validated' || t.closedAt) continue;
    await validateTimesheet({ db, actor: x.officer, timesheet: t, by: 'Le client' });
  }
}

/** What the client was billed: invoices minus credit notes, in minutes and cents. */
async function billed(x: World) {
  const docs = await db.select().from(invoices).where(eq(invoices.organisationId, x.w.org.id));
  const lines = docs.length
    ? await db
        .select()
        .from(invoiceLines)
        .where(
          inArray(
            invoiceLines.invoiceId,
            docs.map((d) => d.id),
          ),
        )
    : [];
  const sign = (id: string) => (docs.find((d) => d.id === id)!.kind === 'invoice' ? 1 : -1);
  return {
    minutes: lines.reduce((s, l) => s + sign(l.invoiceId) * (l.minutes ?? 0), 0),
    cents: docs.reduce((s, d) => s + (d.kind === 'invoice' ? 1 : -1) * d.totalCents, 0),
    creditNotes: docs.filter((d) => d.kind === 'credit_note').length,
  };
}

/** Per shift, the entries of invoiced timesheets: +1 for hours, −1 for a reversal. */
async function billedPerShift(x: World) {
  const rows = await db
    .select({ shiftId: timesheetEntries.shiftId, reverses: timesheetEntries.reversesEntryId })
    .from(timesheetEntries)
    .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
    .where(and(eq(timesheets.organisationId, x.w.org.id), eq(timesheets.month, x.w.month)));
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.shiftId, (count.get(r.shiftId) ?? 0) + (r.reverses ? -1 : 1));
  return count;
}

const swallowRule = (p: Promise<unknown>) =>
  p.catch((e) => {
    if (e instanceof AppError && e.status < 500) return null;
    throw e;
  });

const command = fc.oneof(
  fc.record({ kind: fc.constant('assign' as const), shift: fc.nat(4), worker: fc.nat(2) }),
  fc.record({ kind: fc.constant('absence' as const), shift: fc.nat(4), worker: fc.nat(2) }),
  fc.record({ kind: fc.constant('replace' as const), shift: fc.nat(4), worker: fc.nat(2) }),
  fc.record({ kind: fc.constant('cancel' as const), shift: fc.nat(4) }),
  fc.record({ kind: fc.constant('validate' as const) }),
  fc.record({ kind: fc.constant('close' as const), force: fc.boolean() }),
);

describe('timesheets hold only what happened', () => {
  test('whatever the sequence of assignments, absences, replacements, validations and closes, no slot is billed twice and the billed minutes are those of the shifts worked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 3, maxLength: 10 }), async (commands) => {
        const x = await world();
        for (const c of commands) {
          const shift = 'shift' in c ? x.shifts[c.shift] : null;
          if (c.kind === 'assign' || c.kind === 'replace') {
            if (c.kind === 'replace') {
              const [s] = await db.select().from(shifts).where(eq(shifts.id, shift!.id));
              if (s.status !== 'open') continue;
            }
            await swallowRule(
              assignShift({ db, actor: x.officer, shiftId: shift!.id, workerId: x.workers[c.worker].id }),
            );
          } else if (c.kind === 'absence') {
            await createAbsence({
              db,
              actor: x.officer,
              input: {
                workerId: x.workers[c.worker].id,
                start: new Date(shift!.startAt),
                end: new Date(shift!.endAt),
                reason: 'Maladie',
              },
            });
          } else if (c.kind === 'cancel') {
            await cancelShift({ db, actor: x.officer, shiftId: shift!.id, reason: 'Plus nécessaire' });
          } else if (c.kind === 'validate') {
            await validateAll(x);
          } else {
            await swallowRule(
              closeMonth({ db, actor: c.force ? x.accountant : x.officer, month: x.w.month, force: c.force }),
            );
          }
          // Never the same slot billed twice, at any point.
          for (const n of (await billedPerShift(x)).values()) expect(n).toBeLessThanOrEqual(1);
        }
        // In the end, once every timesheet is validated and the month closed (again)…
        await validateAll(x);
        const close = await closeMonth({ db, actor: x.accountant, month: x.w.month });
        expect(close.failures).toEqual([]);
        const now = await db.select().from(shifts).where(eq(shifts.missionId, x.w.clients[0].mission.id));
        const worked = now.filter((s) => s.status === 'assigned');
        const perShift = await billedPerShift(x);
        for (const s of now) expect(perShift.get(s.id) ?? 0).toBe(s.status === 'assigned' ? 1 : 0);
        const total = await billed(x);
        expect(total.minutes).toBe(worked.length * 240);
        expect(total.cents).toBe(worked.length * 8000);
      }),
      { numRuns: 6 },
    );
  }, 300_000);

  test('an absence after the client validated and the month was invoiced issues a credit note; the replacement is billed on a supplementary invoice', async () => {
    const x = await world(2);
    await validateAll(x);
    await closeMonth({ db, actor: x.accountant, month: x.w.month });
    expect(await billed(x)).toMatchObject({ minutes: 5 * 240, cents: 5 * 8000, creditNotes: 0 });
    // Worker 0 was in fact absent on the 5th: their hours are credited at once.
    await createAbsence({
      db,
      actor: x.officer,
      input: { workerId: x.workers[0].id, start: x.shifts[0].startAt, end: x.shifts[0].endAt, reason: 'Maladie' },
    });
    expect(await billed(x)).toMatchObject({ minutes: 4 * 240, cents: 4 * 8000, creditNotes: 1 });
    // Worker 1 replaced them: the hours wait for the client's validation, then a supplementary invoice.
    await assignShift({ db, actor: x.officer, shiftId: x.shifts[0].id, workerId: x.workers[1].id });
    expect(await billed(x)).toMatchObject({ minutes: 4 * 240 });
    await validateAll(x);
    await closeMonth({ db, actor: x.accountant, month: x.w.month });
    expect(await billed(x)).toMatchObject({ minutes: 5 * 240, cents: 5 * 8000, creditNotes: 1 });
    const docs = await db.select().from(invoices).where(eq(invoices.organisationId, x.w.org.id));
    expect(docs.map((d) => [d.kind, d.supplement]).sort()).toEqual([
      ['credit_note', 0],
      ['invoice', 0],
      ['invoice', 1],
    ]);
  });

  test('a shift enters the timesheet only once it has ended', async () => {
    const x = await world(1);
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const month = parisToday(tomorrow).slice(0, 7);
    await makeShift(db, {
      organisationId: x.w.org.id,
      missionId: x.w.clients[0].mission.id,
      clientId: x.client.id,
      workerId: x.workers[0].id,
      start: tomorrow.toISOString(),
      end: new Date(tomorrow.getTime() + 3 * 3600_000).toISOString(),
    });
    const result = await prepareTimesheets({ db, actor: x.officer, month });
    expect(result.added).toBe(0);
  });
});

describe('closing a month is deliberate', () => {
  // The month as Passerelle counts it: Paris's (in UTC it is still the last month for an hour or two).
  const currentMonth = parisToday().slice(0, 7);

  test('a month still running cannot be closed (422 month_not_ended), except by the director who says so', async () => {
    const x = await world(1);
    const accountant = await loginCookie(app, x.w.accountant.email);
    const admin = await loginCookie(app, x.w.admin.email);
    const url = `/api/orgs/${x.w.org.id}/months/${currentMonth}/close`;
    const refused = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: accountant },
      payload: { force: true },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('month_not_ended');
    expect(refused.json().error.message).toMatch(/n’est pas terminé/);
    const notAdmin = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: accountant },
      payload: { beforeMonthEnd: true },
    });
    expect(notAdmin.statusCode).toBe(403);
    const byAdmin = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: admin },
      payload: { beforeMonthEnd: true, force: true },
    });
    expect(byAdmin.statusCode).toBe(200);
    // The page reads whether the month is over and how many invoices a close would issue.
    const october = await app.inject({
      method: 'GET',
      url: `/api/orgs/${x.w.org.id}/months/${x.w.month}/close`,
      headers: { cookie: admin },
    });
    expect(october.json()).toMatchObject({ monthEnded: true, status: 'not_started' });
  });
});
