import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { makeBillingWorld, validateAllTimesheets } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { invoiceLines, invoices } from './schema.js';

const { app, database } = await testApp();
const db = database.db;

const close = (orgId: string, month: string, cookie: string, payload?: unknown) =>
  app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/months/${month}/close`,
    headers: { cookie },
    payload: payload as object,
  });

describe('closing a month', () => {
  test('unvalidated timesheets block the close, with the list of what is missing', async () => {
    const w = await makeBillingWorld(db, { clientCount: 2 });
    const cookie = await loginCookie(app, w.placement.email);
    const res = await close(w.org.id, w.month, cookie, {});
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('timesheets_not_validated');
    expect(body.error.details.map((d: { clientName: string }) => d.clientName).sort()).toEqual([
      'Client 000',
      'Client 001',
    ]);
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(invoices)
      .where(eq(invoices.organisationId, w.org.id));
    expect(n).toBe(0);
    // A placement officer may not force; the accountant may.
    expect((await close(w.org.id, w.month, cookie, { force: true })).statusCode).toBe(403);
    const forced = await close(w.org.id, w.month, await loginCookie(app, w.accountant.email), { force: true });
    expect(forced.statusCode).toBe(200);
    expect(forced.json().invoices).toHaveLength(2);
  });

  test('one invoice per client, numbered without gaps; closing again creates nothing', async () => {
    const w = await makeBillingWorld(db, { clientCount: 3, shiftsPerClient: 5 });
    await validateAllTimesheets(db, w.org.id, w.month);
    const cookie = await loginCookie(app, w.accountant.email);
    const first = await close(w.org.id, w.month, cookie);
    expect(first.statusCode, first.body).toBe(200);
    const { invoices: issued } = first.json();
    expect(issued.map((i: { number: string }) => i.number.slice(-5))).toEqual(['00001', '00002', '00003']);
    // 5 shifts of 4 h at 20 €, one of them on Sunday 04/10 (+50 %): 4 × 80 € + 120 € = 440 € per client.
    expect(issued.map((i: { totalCents: number }) => i.totalCents)).toEqual([44000, 44000, 44000]);
    const again = await close(w.org.id, w.month, cookie, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().invoices).toEqual(issued);
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(invoices)
      .where(eq(invoices.organisationId, w.org.id));
    expect(n).toBe(3);
    const list = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/invoices?month=${w.month}`,
      headers: { cookie },
    });
    expect(list.json().total).toBe(3);
    expect(Object.keys(list.json().items[0])).toEqual(
      expect.arrayContaining(['id', 'number', 'clientId', 'issuedOn', 'totalCents']),
    );
  });

  test('concurrent closes keep invoice numbers gapless and never duplicate an invoice', async () => {
    const w = await makeBillingWorld(db, { clientCount: 4, shiftsPerClient: 2 });
    await validateAllTimesheets(db, w.org.id, w.month);
    await validateAllTimesheets(db, w.org.id, '2026-09');
    const cookie = await loginCookie(app, w.accountant.email);
    const results = await Promise.all([
      close(w.org.id, w.month, cookie),
      close(w.org.id, w.month, cookie),
      close(w.org.id, '2026-09', cookie),
      close(w.org.id, w.month, cookie),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const rows = await db
      .select({ number: invoices.number })
      .from(invoices)
      .where(eq(invoices.organisationId, w.org.id));
    expect(rows).toHaveLength(4);
    const numbers = rows.map((r) => Number(r.number.slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4]);
  });

  test('an issued invoice cannot be modified, even directly in the database', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1 });
    await validateAllTimesheets(db, w.org.id, w.month);
    const res = await close(w.org.id, w.month, await loginCookie(app, w.accountant.email));
    const id = res.json().invoices[0].id;
    await expect(db.update(invoices).set({ totalCents: 1 }).where(eq(invoices.id, id))).rejects.toThrow();
    await expect(
      db.update(invoiceLines).set({ totalCents: 1 }).where(eq(invoiceLines.invoiceId, id)),
    ).rejects.toThrow();
    await expect(db.delete(invoices).where(eq(invoices.id, id))).rejects.toThrow();
    const [line] = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id));
    const { id: _id, ...copy } = line;
    await expect(db.insert(invoiceLines).values({ ...copy, position: 99 })).rejects.toThrow();
    const [inv] = await db
      .select({ total: invoices.totalCents })
      .from(invoices)
      .where(and(eq(invoices.id, id)));
    expect(inv.total).toBe(36000);
  });

  test('the invoice PDF carries the legal mentions', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1 });
    await validateAllTimesheets(db, w.org.id, w.month);
    const cookie = await loginCookie(app, w.accountant.email);
    const res = await close(w.org.id, w.month, cookie);
    const inv = res.json().invoices[0];
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/orgs/${w.org.id}/invoices/${inv.id}/pdf`,
      headers: { cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    for (const mention of [
      inv.number,
      'SIRET 73282932000074',
      'SIRET 35600000000048',
      'Exonération de TVA – art. 261-7-1° bis du CGI',
      'à 30 jours',
      '40 €',
      'pénalités',
      '360,00 €',
      'heures du dimanche (+50 %)',
    ]) {
      expect(text).toContain(mention);
    }
  });
});
