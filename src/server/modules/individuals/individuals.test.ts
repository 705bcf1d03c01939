import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { makeBillingWorld, validateAllTimesheets } from '../../../../test/factories-billing.js';
import { startFakeUrssaf } from '../../../../test/fakes/urssaf-server.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { organisations } from '../accounts/schema.js';
import { invoices } from '../billing/schema.js';
import { pdfAttachments, validateXsd } from '../billing/validate-factur-x.js';
import { urssafPaymentRequests } from './schema.js';
import { sendUrssafRequests } from './send-urssaf-requests.js';
import { UrssafApi } from './urssaf-api.js';

// The fake URSSAF speaks the published API on a local port; the app reads its address like production's.
const fake = await startFakeUrssaf();
process.env.URSSAF_API_URL = fake.url;
process.env.URSSAF_CLIENT_ID = fake.clientId;
process.env.URSSAF_CLIENT_SECRET = fake.clientSecret;
const { app, database } = await testApp();
const db = database.db;
afterAll(async () => {
  await fake.close();
  delete process.env.URSSAF_API_URL;
});

const FILE = {
  consentOn: '2026-09-01',
  civilite: '2',
  birthName: 'Martin',
  usageName: null,
  firstNames: 'Odette',
  birthDate: '1941-05-12',
  birthCountryCode: '99100',
  birthDepartment: '075',
  birthCommuneCode: '112',
  birthCommuneName: 'Paris 12e',
  mobilePhone: '0612345678',
  email: 'odette.martin@example.test',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'BNPAFRPP',
  accountHolder: 'Odette Martin',
};

/** An AI with an individual client (4 mornings in October 2026: 360 €), avance immédiate and SEPA enabled. */
async function world(settings: Record<string, unknown> = {}) {
  const w = await makeBillingWorld(db, { clientCount: 3, shiftsPerClient: 4 });
  await db
    .update(organisations)
    .set({
      settings: {
        iban: 'FR7630006000011234567890189',
        sapDeclarationNumber: 'SAP123456789',
        sapDeclarationDate: '2024-03-15',
        avanceImmediate: true,
        sepaDirectDebit: true,
        ...settings,
      },
    })
    .where(eq(organisations.id, w.org.id));
  const cookie = await loginCookie(app, w.accountant.email);
  const base = `/api/orgs/${w.org.id}`;
  const individual = w.clients[2].client;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    app.inject({ method, url: `${base}${url}`, headers: { cookie }, payload: payload as object });
  const close = async () => {
    await validateAllTimesheets(db, w.org.id, w.month);
    const res = await call('POST', `/months/${w.month}/close`, {});
    expect(res.statusCode, res.body).toBe(200);
    return res.json().invoices.find((i: { clientId: string }) => i.clientId === individual.id);
  };
  return { w, base, individual, call, close };
}

describe('avance immédiate through URSSAF (API Tiers de prestation, fake server)', () => {
  test('consent and registration, the close sends one request, statuses followed until paid, certificate out of pocket', {
    timeout: 120_000,
  }, async () => {
    const { individual, call, close } = await world();
    // Incomplete file: refused in French, naming what is missing.
    const early = await call('POST', `/clients/${individual.id}/urssaf/register`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('urssaf_file_incomplete');
    const bad = await call('PUT', `/clients/${individual.id}/urssaf`, { ...FILE, iban: 'FR7630006000011234567890188' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('invalid_iban');
    expect((await call('PUT', `/clients/${individual.id}/urssaf`, FILE)).statusCode).toBe(200);
    const reg = await call('POST', `/clients/${individual.id}/urssaf/register`);
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json().registration).toMatchObject({ status: 'registered', ibanMasked: 'FR76 **** **** 0189' });
    expect(reg.json().registration.urssafClientId).toBeTruthy();

    const invoice = await close();
    expect(invoice.totalCents).toBe(36000);
    // One payment request, with the published field names and amounts in euros.
    const mine = fake.state.demandes.size;
    const sent = [...fake.state.demandes.values()].find((d) => d.input.numFactureTiers === invoice.number)!;
    expect(sent.input).toMatchObject({
      idClient: reg.json().registration.urssafClientId,
      dateNaissanceClient: '1941-05-12T00:00:00.000Z',
      dateDebutEmploi: '2026-10-01T00:00:00.000Z',
      dateFinEmploi: '2026-10-31T00:00:00.000Z',
      mntFactureTTC: 360,
    });
    // The invoice shows both shares, in the PDF and in the Factur-X notes.
    const [row] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    const text = (await pdfText(row.pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Part payée par l’URSSAF');
    expect(text).toContain('Reste à votre charge (50 %) 180,00 €');
    expect(text).toContain('Il vous reste à payer : 180,00 €');
    expect(row.xml).toContain('Avance immédiate de crédit d’impôt');
    // Closing again sends nothing more (one request per invoice, and no new invoice).
    await close();
    expect(fake.state.demandes.size).toBe(mine);

    // Statuses: integrated, then paid by URSSAF → the invoice is settled, URSSAF's share apart.
    const detail = () => call('GET', `/invoices/${invoice.id}/individual`);
    expect((await detail()).json().urssafRequest).toMatchObject({
      state: 'sent',
      urssafStatus: '10',
      urssafShareCents: 18000,
    });
    await fetch(`${fake.url}/_fake/demandes/${sent.idDemandePaiement}/statut`, {
      method: 'POST',
      body: JSON.stringify({ code: '70' }),
    });
    const refresh = await call('POST', '/urssaf/refresh');
    expect(refresh.json()).toMatchObject({ paid: 1, error: null });
    expect((await detail()).json().urssafRequest).toMatchObject({
      state: 'paid',
      statusLabel: 'Payée',
      transferCents: 36000,
    });
    const inv = (await call('GET', `/invoices/${invoice.id}`)).json();
    expect(inv.outstandingCents).toBe(0);
    expect(inv.payments.map((p: { method: string; amountCents: number }) => [p.method, p.amountCents]).sort()).toEqual([
      ['avance_immediate', 18000],
      ['prelevement', 18000],
    ]);
    // A second refresh records nothing twice.
    await call('POST', '/urssaf/refresh');
    expect((await call('GET', `/invoices/${invoice.id}`)).json().payments).toHaveLength(2);
    // Tax certificate: only what the client paid out of pocket (CGI art. 199 sexdecies; the advance deducted).
    const certs = await call('POST', '/tax-certificates/2026/generate');
    expect(certs.statusCode, certs.body).toBe(200);
    const mineCert = certs.json().items.find((c: { clientId: string }) => c.clientId === individual.id);
    expect(mineCert.paidCents).toBe(18000);
  });

  test('a refusal is shown with its reason in French; a lost answer is adopted, never sent twice', {
    timeout: 120_000,
  }, async () => {
    const { w, individual, call, close } = await world();
    await call('PUT', `/clients/${individual.id}/urssaf`, { ...FILE, birthName: 'Durand', firstNames: 'Louise' });
    expect((await call('POST', `/clients/${individual.id}/urssaf/register`)).statusCode).toBe(200);
    const invoice = await close();
    const [req] = await db.select().from(urssafPaymentRequests).where(eq(urssafPaymentRequests.invoiceId, invoice.id));
    expect(req.state).toBe('sent');
    // Crash after sending, before the answer was stored: back to planned, as if the answer were lost.
    await db
      .update(urssafPaymentRequests)
      .set({ state: 'to_send', urssafId: null, urssafStatus: null })
      .where(eq(urssafPaymentRequests.id, req.id));
    const before = fake.state.demandes.size;
    const api = new UrssafApi({ url: fake.url, clientId: fake.clientId, clientSecret: fake.clientSecret });
    expect(await sendUrssafRequests({ db, organisationId: w.org.id, api })).toEqual({ sent: 1, failed: 0 });
    expect(fake.state.demandes.size).toBe(before);
    const [adopted] = await db.select().from(urssafPaymentRequests).where(eq(urssafPaymentRequests.id, req.id));
    expect(adopted.urssafId).toBe(req.urssafId);
    // The client refuses: the accountant reads why.
    await fetch(`${fake.url}/_fake/demandes/${req.urssafId}/statut`, {
      method: 'POST',
      body: JSON.stringify({ code: '40', infoRejet: { code: 'CONTEST_ERR_FACT', commentaire: 'Une heure en trop' } }),
    });
    expect((await call('POST', '/urssaf/refresh')).json()).toMatchObject({ refused: 1 });
    const list = (await call('GET', '/urssaf/requests?state=refused')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      invoiceNumber: invoice.number,
      statusLabel: 'Refusée',
      rejectReason: 'Contestation : la facture comporte une erreur',
      rejectComment: 'Une heure en trop',
    });
  });

  test('an identity the tax administration does not know is refused with the reason', async () => {
    const { individual, call } = await world();
    await call('PUT', `/clients/${individual.id}/urssaf`, { ...FILE, birthName: 'Inconnu' });
    const res = await call('POST', `/clients/${individual.id}/urssaf/register`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('L’administration fiscale ne reconnaît pas cette identité');
    const view = (await call('GET', `/clients/${individual.id}/individual`)).json();
    expect(view.registration.status).toBe('rejected');
  });
});

describe('prepaid CESU and SEPA mandate', () => {
  test('CESU titles allocated in part, never beyond the batch or the due; the certificate leaves them out', async () => {
    const { individual, call, close } = await world({ avanceImmediate: false });
    const mandate = await call('POST', `/clients/${individual.id}/sepa-mandates`, {
      rum: 'PAS-2026-0001',
      iban: 'FR7630006000011234567890188',
      bic: 'BNPAFRPP',
      accountHolder: 'Odette Martin',
      signedOn: '2026-09-01',
    });
    expect(mandate.statusCode).toBe(422);
    expect(mandate.json().error.details[0].path).toBe('iban');
    const ok = await call('POST', `/clients/${individual.id}/sepa-mandates`, {
      rum: 'PAS-2026-0001',
      iban: 'FR7630006000011234567890189',
      bic: 'BNPAFRPP',
      accountHolder: 'Odette Martin',
      signedOn: '2026-09-01',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const invoice = await close();
    expect(invoice.totalCents).toBe(36000);
    const [row] = await db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect((await pdfText(row.pdf)).replace(/\s+/g, ' ')).toContain('mandat PAS-2026-0001');
    const xml = (await pdfAttachments(row.pdf)).get('factur-x.xml')!.toString('utf8');
    expect(xml).toContain('PAS-2026-0001');
    expect(await validateXsd(xml)).toEqual([]);

    const batch = await call('POST', '/cesu-titles', {
      clientId: individual.id,
      issuer: 'Edenred',
      numbers: '0012345601–0012345620',
      faceValueCents: 1500,
      count: 20,
      receivedOn: '2026-11-05',
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const allocate = (amountCents: number) =>
      call('POST', `/cesu-titles/${batch.json().id}/allocations`, {
        invoiceId: invoice.id,
        amountCents,
        allocatedOn: '2026-11-06',
      });
    expect((await allocate(30001)).json().error.code).toBe('cesu_exceeds_batch');
    const part = await allocate(20000);
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({ batchLeftCents: 10000, outstandingCents: 16000 });
    const over = await allocate(10000);
    expect(over.statusCode).toBe(201);
    expect((await allocate(6001)).json().error.code).toBe('payment_exceeds_due');
    const view = (await call('GET', `/invoices/${invoice.id}/individual`)).json();
    expect(view.cesuAllocations).toHaveLength(2);
    expect(view.cesuBatches).toHaveLength(0);
    // The rest by transfer: the certificate counts that only.
    expect(
      (
        await call('POST', `/invoices/${invoice.id}/payments`, {
          amountCents: 6000,
          paidOn: '2026-11-10',
          method: 'virement',
        })
      ).statusCode,
    ).toBe(201);
    const certs = (await call('POST', '/tax-certificates/2026/generate')).json();
    expect(certs.items.find((c: { clientId: string }) => c.clientId === individual.id).paidCents).toBe(6000);
  });
});
