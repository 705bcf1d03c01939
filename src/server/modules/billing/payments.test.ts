import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { makeUser } from '../../../../test/factories.js';
import { makeBillingWorld, validateAllTimesheets } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { outboxEmails } from '../notifications/schema.js';
import { invoices, payments } from './schema.js';
import { sendReminders } from './send-reminders.js';

const { app, database } = await testApp();
const db = database.db;

async function issued() {
  const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 3 });
  await validateAllTimesheets(db, w.org.id, w.month);
  const cookie = await loginCookie(app, w.accountant.email);
  const res = await app.inject({
    method: 'POST',
    url: `/api/orgs/${w.org.id}/months/${w.month}/close`,
    headers: { cookie },
  });
  const inv = res.json().invoices[0];
  const base = `/api/orgs/${w.org.id}/invoices/${inv.id}`;
  return { w, cookie, inv, base };
}

describe('payments and credit notes', () => {
  test('partial then full payment bring the amount due to zero; more than due is refused and nothing changes', async () => {
    const { cookie, inv, base } = await issued();
    // 02, 03 and Sunday 04/10: 80 € + 80 € + 120 €
    expect(inv.totalCents).toBe(28000);
    const pay = (amountCents: number) =>
      app.inject({
        method: 'POST',
        url: `${base}/payments`,
        headers: { cookie },
        payload: { amountCents, paidOn: '2026-11-10' },
      });
    const first = await pay(10000);
    expect(first.statusCode).toBe(201);
    expect(first.json().outstandingCents).toBe(18000);
    const tooMuch = await pay(18001);
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.code).toBe('payment_exceeds_due');
    expect(tooMuch.json().error.message).toContain('180,00 €');
    expect((await pay(18000)).statusCode).toBe(201);
    const detail = await app.inject({ method: 'GET', url: base, headers: { cookie } });
    expect(detail.json()).toMatchObject({ paidCents: 28000, outstandingCents: 0 });
    expect((await pay(1)).statusCode).toBe(422);
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(payments)
      .where(eq(payments.invoiceId, inv.id));
    expect(n).toBe(2);
  });

  test('bad payment input is a 400 with field details', async () => {
    const { cookie, base } = await issued();
    for (const payload of [
      { amountCents: -5, paidOn: '2026-11-10' },
      { amountCents: 100, paidOn: 'hier' },
      { amountCents: 100, paidOn: '2026-11-10', extra: 1 },
    ]) {
      const res = await app.inject({ method: 'POST', url: `${base}/payments`, headers: { cookie }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  test('a credit note corrects the invoice (which stays unchanged) and cannot exceed it', async () => {
    const { w, cookie, inv, base } = await issued();
    const note = (amountCents: number) =>
      app.inject({
        method: 'POST',
        url: `${base}/credit-notes`,
        headers: { cookie },
        payload: { amountCents, reason: 'Heure contestée' },
      });
    const tooBig = await note(28001);
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().error.code).toBe('credit_note_exceeds_invoice');
    const ok = await note(2000);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().number).toMatch(/^AV-\d{4}-00001$/);
    const [original] = await db.select().from(invoices).where(eq(invoices.id, inv.id));
    expect(original.totalCents).toBe(28000);
    const detail = (await app.inject({ method: 'GET', url: base, headers: { cookie } })).json();
    expect(detail).toMatchObject({ creditedCents: 2000, outstandingCents: 26000 });
    expect((await note(26001)).statusCode).toBe(422);
    expect((await note(26000)).statusCode).toBe(201);
    const list = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/invoices?kind=credit_note`,
      headers: { cookie },
    });
    expect(list.json().total).toBe(2);
  });

  test('a placement officer cannot record payments; a client sees only its own invoices', async () => {
    const { w, inv, base } = await issued();
    const officer = await loginCookie(app, w.placement.email);
    const res = await app.inject({
      method: 'POST',
      url: `${base}/payments`,
      headers: { cookie: officer },
      payload: { amountCents: 1, paidOn: '2026-11-10' },
    });
    expect(res.statusCode).toBe(403);
    const own = await makeUser(db, { role: 'client_user', organisationId: w.org.id, clientId: w.clients[0].client.id });
    const ownCookie = await loginCookie(app, own.email);
    expect((await app.inject({ method: 'GET', url: `${base}/pdf`, headers: { cookie: ownCookie } })).statusCode).toBe(
      200,
    );
    const other = await makeBillingWorld(db, { clientCount: 1 });
    const stranger = await makeUser(db, {
      role: 'client_user',
      organisationId: w.org.id,
      clientId: other.clients[0].client.id,
    });
    void inv;
    // A client of another organisation is not a member here: 404.
    const outsider = await makeUser(db, {
      role: 'client_user',
      organisationId: other.org.id,
      clientId: other.clients[0].client.id,
    });
    expect(
      (await app.inject({ method: 'GET', url: base, headers: { cookie: await loginCookie(app, outsider.email) } }))
        .statusCode,
    ).toBe(404);
    void stranger;
  });

  test('overdue invoices get one reminder per stage, never twice', async () => {
    const { inv } = await issued();
    const [row] = await db.select().from(invoices).where(eq(invoices.id, inv.id));
    const count = async () =>
      (await db.select().from(outboxEmails).where(eq(outboxEmails.relatedId, inv.id))).filter(
        (e) => e.relatedType === 'invoice',
      ).length;
    await sendReminders({ db, today: row.dueOn });
    expect(await count()).toBe(0);
    const day = (n: number) => new Date(Date.parse(`${row.dueOn}T12:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
    await sendReminders({ db, today: day(2) });
    await sendReminders({ db, today: day(3) });
    expect(await count()).toBe(1);
    await sendReminders({ db, today: day(16) });
    expect(await count()).toBe(2);
    await sendReminders({ db, today: day(40) });
    await sendReminders({ db, today: day(41) });
    expect(await count()).toBe(3);
  });
});
