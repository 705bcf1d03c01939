import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { makeUser } from '../../../../test/factories.js';
import { makeBillingWorld, validateAllTimesheets } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import type { JobContext } from '../../jobs/job.js';
import { organisations } from '../accounts/schema.js';
import { outOfPocket } from './generate-tax-certificates.js';
import { billingJobs } from './jobs.js';
import { taxCertificates } from './schema.js';

const { app, database } = await testApp();
const db = database.db;

/**
 * An AI with a care home and an individual (services à la personne) client, October 2026 closed, the
 * individual's invoice (4 mornings: 80 € + 80 € + 120 € on Sunday + 80 € = 360 €) paid in part (100 €).
 */
async function closedYear() {
  const w = await makeBillingWorld(db, { clientCount: 3, shiftsPerClient: 4 });
  await db
    .update(organisations)
    .set({
      settings: {
        iban: 'FR7630006000011234567890189',
        sapDeclarationNumber: 'SAP123456789',
        sapDeclarationDate: '2024-03-15',
      },
    })
    .where(eq(organisations.id, w.org.id));
  await validateAllTimesheets(db, w.org.id, w.month);
  const accountant = await loginCookie(app, w.accountant.email);
  const base = `/api/orgs/${w.org.id}`;
  const closed = await app.inject({
    method: 'POST',
    url: `${base}/months/${w.month}/close`,
    headers: { cookie: accountant },
    payload: {},
  });
  expect(closed.statusCode, closed.body).toBe(200);
  const individual = w.clients[2];
  const invoice = closed.json().invoices.find((i: { clientId: string }) => i.clientId === individual.client.id);
  expect(invoice.totalCents).toBe(36000);
  // 100 € by cheque out of the client's pocket; 60 € in prepaid CESU and 40 € of avance immédiate are not.
  for (const payload of [
    { amountCents: 10000, paidOn: '2026-11-10', method: 'cheque' },
    { amountCents: 6000, paidOn: '2026-11-12', method: 'cesu_prepaid' },
    { amountCents: 4000, paidOn: '2026-11-15', method: 'avance_immediate' },
  ]) {
    const paid = await app.inject({
      method: 'POST',
      url: `${base}/invoices/${invoice.id}/payments`,
      headers: { cookie: accountant },
      payload,
    });
    expect(paid.statusCode, paid.body).toBe(201);
  }
  const generate = (year: string | number, cookie = accountant) =>
    app.inject({ method: 'POST', url: `${base}/tax-certificates/${year}/generate`, headers: { cookie } });
  return { w, accountant, base, individual, generate };
}

// Source: servicesalapersonne.gouv.fr, "L'attestation fiscale annuelle" (montant effectivement acquitté après
// déduction de l'avance immédiate, des aides APA/PCH versées directement et des CESU préfinancés); CGI 199 sexdecies.
describe('the amount out of pocket', () => {
  test.each<[string, { amountCents: number; method: string }[], number]>([
    ['a transfer counts', [{ amountCents: 10000, method: 'virement' }], 10000],
    [
      'a cheque and cash count',
      [
        { amountCents: 5000, method: 'cheque' },
        { amountCents: 1000, method: 'especes' },
      ],
      6000,
    ],
    [
      'prepaid CESU are deducted',
      [
        { amountCents: 5000, method: 'cheque' },
        { amountCents: 3000, method: 'cesu_prepaid' },
      ],
      5000,
    ],
    [
      'the avance immédiate is deducted',
      [
        { amountCents: 5000, method: 'prelevement' },
        { amountCents: 5000, method: 'avance_immediate' },
      ],
      5000,
    ],
    [
      'APA/PCH paid directly are deducted',
      [
        { amountCents: 2000, method: 'carte' },
        { amountCents: 8000, method: 'apa_pch' },
      ],
      2000,
    ],
    [
      'all paid by third parties: nothing',
      [
        { amountCents: 8000, method: 'apa_pch' },
        { amountCents: 2000, method: 'cesu_prepaid' },
      ],
      0,
    ],
  ])('%s', (_, paid, expected) => expect(outOfPocket(paid).paidCents).toBe(expected));
});

describe('tax certificates (services à la personne)', () => {
  test('none while the organisation has no SAP declaration number (422, said in French)', async () => {
    const { w, generate } = await closedYear();
    await db
      .update(organisations)
      .set({ settings: { iban: null } })
      .where(eq(organisations.id, w.org.id));
    const res = await generate(2026);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('sap_declaration_missing');
    expect(res.json().error.message).toContain('numéro de déclaration');
    expect(await db.select().from(taxCertificates).where(eq(taxCertificates.organisationId, w.org.id))).toHaveLength(0);
  });

  test('one per individual client: the interventions with worker and hours, and the amount paid out of pocket', async () => {
    const { w, accountant, base, individual, generate } = await closedYear();
    const res = await generate(2026);
    expect(res.statusCode, res.body).toBe(200);
    // Only the individual: the care homes get none.
    expect(res.json().items).toEqual([
      { clientId: individual.client.id, clientName: individual.client.name, paidCents: 10000, minutes: 16 * 60 },
    ]);
    const list = await app.inject({
      method: 'GET',
      url: `${base}/tax-certificates?year=2026`,
      headers: { cookie: accountant },
    });
    expect(list.json()).toMatchObject({ total: 1, items: [{ clientId: individual.client.id, paidCents: 10000 }] });

    const pdf = await app.inject({
      method: 'GET',
      url: `${base}/tax-certificates/2026/${individual.client.id}/pdf`,
      headers: { cookie: accountant },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    const worker = individual.workers[0];
    expect(text).toContain('SAP123456789');
    expect(text).toContain('15/03/2024');
    // Prepaid CESU and the avance immédiate are deducted, and the client is told about the CESU.
    expect(text).toMatch(/CESU préfinancés \(non compris\)\s*:?\s*60,00\s€/);
    expect(text).toMatch(/Avance immédiate du crédit d’impôt \(déduite\)\s*:?\s*40,00\s€/);
    expect(text).toContain('personnellement financés');
    // Each intervenant by name and identification number (servicesalapersonne.gouv.fr).
    expect(text).toContain(`${worker.lastName.toUpperCase()} ${worker.firstName} — n° d’identification`);
    expect(text).toContain(individual.client.name);
    // The amount paid, not the amount invoiced.
    expect(text).toMatch(/Montant effectivement payé en 2026\s*:?\s*100,00\s€/);
    expect(text).not.toContain('360,00');
    expect(text).toContain('16 h 00');
    const interventions = text.split('\n').filter((l) => l.includes(`${worker.firstName} ${worker.lastName} (n°`));
    expect(interventions).toHaveLength(4);
    for (const line of interventions) expect(line).toContain('4 h 00');
    expect(text).toMatch(
      new RegExp(`04/10/2026 — ${worker.firstName} ${worker.lastName} \\(n° [0-9A-F]{10}\\) — 4 h 00`),
    );

    const careHome = await app.inject({
      method: 'GET',
      url: `${base}/tax-certificates/2026/${w.clients[0].client.id}/pdf`,
      headers: { cookie: accountant },
    });
    expect(careHome.statusCode).toBe(404);
    expect(careHome.json().error.code).toBe('not_found');

    // Generating again replaces the certificate: one per client and year.
    expect((await generate(2026)).statusCode).toBe(200);
    expect(
      await db.select().from(taxCertificates).where(eq(taxCertificates.clientId, individual.client.id)),
    ).toHaveLength(1);
    // A year without payment nor intervention: none.
    expect((await generate(2025)).json().items).toEqual([]);
  });

  test('the client downloads its own certificate in its portal, never another client’s', async () => {
    const { w, base, individual, generate } = await closedYear();
    await generate(2026);
    const own = await makeUser(db, { role: 'client_user', organisationId: w.org.id, clientId: individual.client.id });
    const cookie = await loginCookie(app, own.email);
    const list = await app.inject({ method: 'GET', url: `${base}/tax-certificates?year=2026`, headers: { cookie } });
    expect(list.json().total).toBe(1);
    const url = `${base}/tax-certificates/2026/${individual.client.id}/pdf`;
    expect((await app.inject({ method: 'GET', url, headers: { cookie } })).statusCode).toBe(200);
    const other = await makeUser(db, {
      role: 'client_user',
      organisationId: w.org.id,
      clientId: w.clients[0].client.id,
    });
    const otherCookie = await loginCookie(app, other.email);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: otherCookie } })).statusCode).toBe(404);
    const otherList = await app.inject({
      method: 'GET',
      url: `${base}/tax-certificates?year=2026`,
      headers: { cookie: otherCookie },
    });
    expect(otherList.json().total).toBe(0);
  });

  test('bad years are refused with the error shape; a year not begun is a broken rule', async () => {
    const { generate } = await closedYear();
    for (const year of ['deux-mille', '1999', '20265']) {
      const res = await generate(year);
      expect(res.statusCode, year).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
      expect(res.json().error.details[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) });
    }
    const future = await generate(2099);
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('year_not_started');
    expect(future.json().error.message).toContain('2099');
  });

  test('only the direction and the accountant generate; another organisation sees nothing', async () => {
    const { w, base, generate } = await closedYear();
    expect((await generate(2026, await loginCookie(app, w.placement.email))).statusCode).toBe(403);
    const client = await makeUser(db, {
      role: 'client_user',
      organisationId: w.org.id,
      clientId: w.clients[2].client.id,
    });
    expect((await generate(2026, await loginCookie(app, client.email))).statusCode).toBe(403);
    expect((await generate(2026, await loginCookie(app, w.admin.email))).statusCode).toBe(200);
    const other = await makeBillingWorld(db, { clientCount: 1 });
    const stranger = await loginCookie(app, other.accountant.email);
    const res = await generate(2026, stranger);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const pdf = await app.inject({
      method: 'GET',
      url: `${base}/tax-certificates/2026/${w.clients[2].client.id}/pdf`,
      headers: { cookie: stranger },
    });
    expect(pdf.statusCode).toBe(404);
  });

  test('the 1 March job generates the previous year’s certificates', async () => {
    const { w, individual } = await closedYear();
    const job = billingJobs.find((j) => j.name === 'billing.tax-certificates')!;
    expect(job.cron).toBe('0 6 1 3 *');
    // Only the database and the clock matter to this job.
    await job.handler({ db, now: new Date('2027-03-01T05:00:00Z') } as JobContext, {});
    const rows = await db.select().from(taxCertificates).where(eq(taxCertificates.organisationId, w.org.id));
    expect(rows.map((r) => [r.clientId, r.year, r.paidCents])).toEqual([[individual.client.id, 2026, 10000]]);
  });
});
