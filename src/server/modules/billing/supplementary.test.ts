import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { makeShift } from '../../../../test/factories.js';
import { makeBillingWorld } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { parisInstant } from '../calendar/paris-time.js';
import { shifts } from '../planning/schema.js';
import { timesheetEntries, timesheets } from '../timesheets/schema.js';
import { invoiceLines, invoices } from './schema.js';

const { app, database } = await testApp();

/** The database's own message behind a failed query (drizzle wraps it). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: Error & { cause?: Error }) => `${e.cause?.message ?? ''} ${e.message}`,
  );
const db = database.db;

type Sheet = { id: string; clientId: string; sequence: number; status: string; entries: number; minutes: number };

async function world() {
  const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 2 });
  const officer = await loginCookie(app, w.placement.email);
  const accountant = await loginCookie(app, w.accountant.email);
  const { client, mission, workers } = w.clients[0];
  const base = `/api/orgs/${w.org.id}`;
  const prepare = () =>
    app.inject({
      method: 'POST',
      url: `${base}/timesheets/prepare`,
      headers: { cookie: officer },
      payload: { month: w.month },
    });
  const list = async () =>
    (
      await app.inject({ method: 'GET', url: `${base}/timesheets?month=${w.month}`, headers: { cookie: officer } })
    ).json() as {
      items: Sheet[];
      pendingShifts: number;
    };
  const validate = (id: string) =>
    app.inject({ method: 'POST', url: `${base}/timesheets/${id}/validate`, headers: { cookie: officer } });
  const close = () =>
    app.inject({
      method: 'POST',
      url: `${base}/months/${w.month}/close`,
      headers: { cookie: accountant },
      payload: {},
    });
  /** A weekday morning shift of 4 hours (80 € at the world's rate). */
  const addShift = (day: string) =>
    makeShift(db, {
      organisationId: w.org.id,
      missionId: mission.id,
      clientId: client.id,
      workerId: workers[0].id,
      start: parisInstant(`${w.month}-${day}`, '07:00').toISOString(),
      end: parisInstant(`${w.month}-${day}`, '11:00').toISOString(),
    });
  return { w, officer, accountant, base, prepare, list, validate, close, addShift };
}

describe('timesheets follow the shifts without writing on reads', () => {
  test('GET lists what is there and counts the shifts not yet prepared; prepare takes them in', async () => {
    const { prepare, list, addShift } = await world();
    const before = await list();
    expect(before.items).toHaveLength(0);
    expect(before.pendingShifts).toBe(2);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(timesheets);
    await list();
    const [{ n: after }] = await db.select({ n: sql<number>`count(*)::int` }).from(timesheets);
    expect(after).toBe(n);
    expect((await prepare()).json()).toMatchObject({ added: 2, removed: 0 });
    expect((await prepare()).json()).toMatchObject({ added: 0, removed: 0, updated: 0 });
    const shift = await addShift('20');
    expect((await list()).pendingShifts).toBe(1);
    expect((await prepare()).json()).toMatchObject({ added: 1 });
    // A shift cancelled before validation leaves the open timesheet at the next preparation.
    await db.update(shifts).set({ status: 'cancelled', workerId: null }).where(eq(shifts.id, shift.id));
    expect((await prepare()).json()).toMatchObject({ removed: 1 });
    const now = await list();
    expect(now.items).toHaveLength(1);
    expect(now.items[0]).toMatchObject({ entries: 2, sequence: 1, status: 'draft' });
    expect(now.pendingShifts).toBe(0);
  });

  test('a worker may not prepare the timesheets', async () => {
    const { w, base } = await world();
    const { makeUser } = await import('../../../../test/factories.js');
    const worker = await makeUser(db, {
      role: 'worker',
      organisationId: w.org.id,
      workerId: w.clients[0].workers[0].id,
    });
    const res = await app.inject({
      method: 'POST',
      url: `${base}/timesheets/prepare`,
      headers: { cookie: await loginCookie(app, worker.email) },
      payload: { month: w.month },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('shifts found after a timesheet was validated or invoiced', () => {
  test('go to a supplementary timesheet, validated on its own and invoiced on a new invoice; the issued one never changes', async () => {
    const { w, base, accountant, prepare, list, validate, close, addShift } = await world();
    await prepare();
    const first = (await list()).items[0];
    expect((await validate(first.id)).statusCode).toBe(200);

    // After validation: the validated timesheet stays as it was; the new shift waits in a supplement.
    await addShift('20');
    expect((await prepare()).json()).toMatchObject({ added: 1, supplementaryCreated: 1 });
    let sheets = (await list()).items;
    expect(sheets.map((s) => [s.sequence, s.status, s.entries])).toEqual(
      expect.arrayContaining([
        [1, 'validated', 2],
        [2, 'draft', 1],
      ]),
    );
    const supplement = sheets.find((s) => s.sequence === 2)!;
    const refused = await close();
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('timesheets_not_validated');
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ timesheetId: supplement.id, supplementary: true }),
    ]);
    expect((await validate(supplement.id)).statusCode).toBe(200);

    // First close: one invoice with the three interventions.
    const closed = await close();
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().invoices).toHaveLength(1);
    const invoice = closed.json().invoices[0];
    // Friday 2 and Saturday 3 October from the world, then Tuesday 20: three mornings of 4 h at 20 €.
    expect(invoice.totalCents).toBe(3 * 8000);
    const [issuedBefore] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    const linesBefore = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));

    // After the close: a shift of that month done late. Closing again asks for its validation first.
    await addShift('22');
    const again = await close();
    expect(again.statusCode).toBe(422);
    sheets = (await list()).items;
    const late = sheets.find((s) => s.sequence === 3)!;
    expect(late).toMatchObject({ status: 'draft', entries: 1, minutes: 240 });
    expect((await validate(late.id)).statusCode).toBe(200);

    const reclosed = await close();
    expect(reclosed.statusCode, reclosed.body).toBe(200);
    const progress = (
      await app.inject({ method: 'GET', url: `${base}/months/${w.month}/close`, headers: { cookie: accountant } })
    ).json();
    expect(progress).toMatchObject({ status: 'done', planned: 1, invoiced: 1 });
    const numbers = reclosed.json().invoices.map((i: { number: string }) => i.number);
    expect(numbers).toHaveLength(2);
    expect(numbers[1].slice(-5)).toBe('00002');
    const extra = reclosed.json().invoices.find((i: { id: string }) => i.id !== invoice.id);
    expect(extra.totalCents).toBe(8000);
    const [extraRow] = await db.select().from(invoices).where(eq(invoices.id, extra.id));
    expect(extraRow.supplement).toBe(1);
    expect(await pdfText(extraRow.pdf)).toContain('Facture complémentaire');
    expect(await pdfText(extraRow.pdf)).toContain(issuedBefore.number);

    // The issued invoice is exactly as it was, and closing once more creates nothing.
    const [issuedAfter] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(issuedAfter.totalCents).toBe(issuedBefore.totalCents);
    expect(await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id))).toHaveLength(
      linesBefore.length,
    );
    const idem = await close();
    expect(idem.json().invoices.map((i: { number: string }) => i.number)).toEqual(numbers);
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(invoices)
      .where(and(eq(invoices.organisationId, w.org.id), eq(invoices.kind, 'invoice')));
    expect(n).toBe(2);
  });

  test('the database refuses to change the entries of a validated timesheet or to reopen it', async () => {
    const { w, prepare, list, validate } = await world();
    await prepare();
    const sheet = (await list()).items[0];
    await validate(sheet.id);
    const [entry] = await db.select().from(timesheetEntries).where(eq(timesheetEntries.timesheetId, sheet.id));
    expect(
      await refusal(db.update(timesheetEntries).set({ breakMinutes: 30 }).where(eq(timesheetEntries.id, entry.id))),
    ).toMatch(/timesheet_locked/);
    expect(await refusal(db.delete(timesheetEntries).where(eq(timesheetEntries.id, entry.id)))).toMatch(
      /timesheet_locked/,
    );
    expect(await refusal(db.update(timesheets).set({ status: 'draft' }).where(eq(timesheets.id, sheet.id)))).toMatch(
      /timesheet_locked/,
    );
    // A second open timesheet for the same client and month is refused too.
    await db
      .insert(timesheets)
      .values({ organisationId: w.org.id, clientId: sheet.clientId, month: w.month, sequence: 2 });
    await expect(
      db.insert(timesheets).values({ organisationId: w.org.id, clientId: sheet.clientId, month: w.month, sequence: 3 }),
    ).rejects.toThrow();
  });
});
