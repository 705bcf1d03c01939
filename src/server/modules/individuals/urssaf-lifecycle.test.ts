/**
 * Issue 18, avance immédiate after the close, against the fake URSSAF (test/fakes/urssaf-server.ts):
 * - one payment request per invoice: a month's supplementary invoice is sent as its own demandePaiement;
 * - codeNature '10' (D7231-1, 1°: entretien de la maison et travaux ménagers) and complement2 « SAP » + SIREN;
 * - a refused request is sent again by the accountant: a new request, a new idDemandePaiement, the old one kept;
 * - a client who leaves the avance immédiate: planned requests cancelled, later invoices not split; coming back.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { makeShift } from '../../../../test/factories.js';
import { makeBillingWorld, validateAllTimesheets } from '../../../../test/factories-billing.js';
import { type FakeUrssaf, startFakeUrssaf } from '../../../../test/fakes/urssaf-server.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { organisations } from '../accounts/schema.js';
import { parisInstant } from '../calendar/paris-time.js';
import { urssafPaymentRequests } from './schema.js';
import { URSSAF_CODE_NATURE, urssafComplement2 } from './send-urssaf-requests.js';

const { app, database } = await testApp();
const db = database.db;
const fakes: FakeUrssaf[] = [];
afterAll(async () => {
  for (const f of fakes) await f.close();
  delete process.env.URSSAF_API_URL;
});

const FILE = {
  consentOn: '2026-09-01',
  civilite: '2',
  birthName: 'Lefèvre',
  usageName: null,
  firstNames: 'Jeanne',
  birthDate: '1938-02-03',
  birthCountryCode: '99100',
  birthDepartment: '094',
  birthCommuneCode: '028',
  birthCommuneName: 'Créteil',
  mobilePhone: '0612345679',
  email: 'jeanne.lefevre@example.test',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'BNPAFRPP',
  accountHolder: 'Jeanne Lefèvre',
};

let n = 0;
/** Each organisation is its own tiers de prestation: its own fake URSSAF (invoice numbers are per organisation). */
async function world() {
  const fake = await startFakeUrssaf();
  fakes.push(fake);
  process.env.URSSAF_API_URL = fake.url;
  process.env.URSSAF_CLIENT_ID = fake.clientId;
  process.env.URSSAF_CLIENT_SECRET = fake.clientSecret;
  const w = await makeBillingWorld(db, { clientCount: 3, shiftsPerClient: 2 });
  const siret = `${String(123456780 + n++).padStart(9, '0')}00012`;
  await db
    .update(organisations)
    .set({
      siret,
      settings: { iban: 'FR7630006000011234567890189', avanceImmediate: true, sepaDirectDebit: false },
    })
    .where(eq(organisations.id, w.org.id));
  const accountant = await loginCookie(app, w.accountant.email);
  const officer = await loginCookie(app, w.placement.email);
  const base = `/api/orgs/${w.org.id}`;
  const { client: individual, mission, workers } = w.clients[2];
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, cookie = accountant) =>
    app.inject({ method, url: `${base}${url}`, headers: { cookie }, payload: payload as object });
  const register = async (file = FILE) => {
    expect((await call('PUT', `/clients/${individual.id}/urssaf`, file)).statusCode).toBe(200);
    const reg = await call('POST', `/clients/${individual.id}/urssaf/register`);
    expect(reg.statusCode, reg.body).toBe(200);
  };
  const close = async () => {
    await validateAllTimesheets(db, w.org.id, w.month);
    const res = await call('POST', `/months/${w.month}/close`, {});
    expect(res.statusCode, res.body).toBe(200);
    return res.json().invoices.filter((i: { clientId: string }) => i.clientId === individual.id) as {
      id: string;
      number: string;
      totalCents: number;
    }[];
  };
  /** A 4-hour morning found after the close: it goes to a supplementary timesheet, then a supplementary invoice. */
  const hoursFoundLater = async (day: string) => {
    await makeShift(db, {
      organisationId: w.org.id,
      missionId: mission.id,
      clientId: individual.id,
      workerId: workers[0].id,
      start: parisInstant(`${w.month}-${day}`, '07:00').toISOString(),
      end: parisInstant(`${w.month}-${day}`, '11:00').toISOString(),
    });
    const prep = await call('POST', '/timesheets/prepare', { month: w.month }, officer);
    expect(prep.statusCode, prep.body).toBe(200);
  };
  const sentFor = (number: string) =>
    [...fake.state.demandes.values()].filter((d) => d.input.numFactureTiers === number);
  return { w, fake, siret, individual, call, register, close, hoursFoundLater, sentFor };
}

describe('one payment request per invoice', () => {
  test('the codes of the published contract: codeNature 10, complement2 « SAP » + SIREN', {
    timeout: 120_000,
  }, async () => {
    const { siret, register, close, sentFor } = await world();
    await register();
    const [invoice] = await close();
    const [demande] = sentFor(invoice.number);
    const prestations = demande.input.inputPrestations as Record<string, unknown>[];
    expect(prestations.length).toBeGreaterThan(0);
    for (const p of prestations) {
      expect(p.codeNature).toBe('10');
      expect(p.complement2).toBe(`SAP${siret.slice(0, 9)}`);
      expect(p.complement2).toMatch(/^SAP\d{9}$/);
    }
    expect(URSSAF_CODE_NATURE).toBe('10');
    expect(urssafComplement2('123 456 789 00012')).toBe('SAP123456789');
    expect(urssafComplement2(null)).toBeUndefined();
  });

  test('a supplementary invoice of the month, issued after the close, is its own request', async () => {
    const { w, call, register, close, hoursFoundLater, sentFor } = await world();
    await register();
    const [first] = await close();
    await hoursFoundLater('27');
    const after = await close();
    const supplement = after.find((i) => i.id !== first.id)!;
    expect(supplement, JSON.stringify(after)).toBeTruthy();
    expect(supplement.number).not.toBe(first.number);
    expect(sentFor(first.number)).toHaveLength(1);
    const [demande] = sentFor(supplement.number);
    expect(demande.input).toMatchObject({ mntFactureTTC: supplement.totalCents / 100 });
    const rows = await db
      .select()
      .from(urssafPaymentRequests)
      .where(eq(urssafPaymentRequests.organisationId, w.org.id));
    expect(rows.map((r) => [r.invoiceId, r.month, r.state]).sort()).toEqual(
      [
        [first.id, w.month, 'sent'],
        [supplement.id, w.month, 'sent'],
      ].sort(),
    );
    const detail = (await call('GET', `/invoices/${supplement.id}/individual`)).json();
    expect(detail.urssafRequest).toMatchObject({ urssafShareCents: supplement.totalCents / 2, state: 'sent' });
  });
});

describe('the accountant sends a refused request again', () => {
  test('a new request with a new id; the refused one kept; never twice; a live one is not resent', async () => {
    const { w, fake, call, register, close } = await world();
    await register({ ...FILE, birthName: 'Petit', firstNames: 'Marcel' });
    const [invoice] = await close();
    const [req] = await db.select().from(urssafPaymentRequests).where(eq(urssafPaymentRequests.invoiceId, invoice.id));
    const live = await call('POST', `/urssaf/requests/${req.id}/resend`);
    expect(live.statusCode).toBe(409);
    expect(live.json().error.code).toBe('urssaf_request_not_resendable');
    await fetch(`${fake.url}/_fake/demandes/${req.urssafId}/statut`, {
      method: 'POST',
      body: JSON.stringify({ code: '40', infoRejet: { code: 'REGUL_NB_QTE_FACT', commentaire: 'Corrigé' } }),
    });
    expect((await call('POST', '/urssaf/refresh')).json()).toMatchObject({ refused: 1 });

    const again = await call('POST', `/urssaf/requests/${req.id}/resend`);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ invoiceId: invoice.id, state: 'sent', urssafStatus: '10' });
    expect(again.json().urssafId).toBeTruthy();
    expect(again.json().urssafId).not.toBe(req.urssafId);
    const rows = await db.select().from(urssafPaymentRequests).where(eq(urssafPaymentRequests.invoiceId, invoice.id));
    expect(rows).toHaveLength(2);
    const old = rows.find((r) => r.id === req.id)!;
    const fresh = rows.find((r) => r.id !== req.id)!;
    expect(old).toMatchObject({ state: 'refused', urssafId: req.urssafId, rejectCode: 'REGUL_NB_QTE_FACT' });
    expect(fresh).toMatchObject({ resentFromId: req.id, state: 'sent' });
    // The invoice shows its latest request.
    expect((await call('GET', `/invoices/${invoice.id}/individual`)).json().urssafRequest.id).toBe(fresh.id);
    const twice = await call('POST', `/urssaf/requests/${req.id}/resend`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('urssaf_request_already_resent');
    // Another organisation's request: 404.
    const other = await world();
    const foreign = await other.call('POST', `/urssaf/requests/${req.id}/resend`);
    expect(foreign.statusCode).toBe(404);
    expect(w.org.id).not.toBe(other.w.org.id);
  });
});

describe('a client leaves the avance immédiate', () => {
  test('planned requests cancelled, later invoices in full; coming back restores the registration', async () => {
    const { w, individual, call, register, close, hoursFoundLater, sentFor } = await world();
    await register({ ...FILE, birthName: 'Roux', firstNames: 'Paul' });
    const [first] = await close();
    expect(sentFor(first.number)).toHaveLength(1);
    const early = await call('PUT', `/clients/${individual.id}/urssaf/left`, { leftOn: null });
    expect(early.statusCode).toBe(422);
    const left = await call('PUT', `/clients/${individual.id}/urssaf/left`, { leftOn: '2026-11-15' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().registration).toMatchObject({ status: 'left' });
    // The request already sent is still followed; the next invoice is the client's in full.
    await hoursFoundLater('28');
    const after = await close();
    const supplement = after.find((i) => i.id !== first.id)!;
    expect(sentFor(supplement.number)).toEqual([]);
    expect((await call('GET', `/invoices/${supplement.id}/individual`)).json().urssafRequest).toBeNull();
    // A request planned but not sent when the client leaves is cancelled, never sent.
    await call('PUT', `/clients/${individual.id}/urssaf/left`, { leftOn: null });
    const [planned] = await db
      .insert(urssafPaymentRequests)
      .values({
        organisationId: w.org.id,
        clientId: individual.id,
        invoiceId: supplement.id,
        month: w.month,
        totalCents: supplement.totalCents,
        urssafShareCents: supplement.totalCents / 2,
        clientShareCents: supplement.totalCents / 2,
      })
      .returning();
    const again = await call('PUT', `/clients/${individual.id}/urssaf/left`, { leftOn: '2026-11-20' });
    expect(again.statusCode).toBe(200);
    const [cancelled] = await db.select().from(urssafPaymentRequests).where(eq(urssafPaymentRequests.id, planned.id));
    expect(cancelled.state).toBe('cancelled');
    const back = await call('PUT', `/clients/${individual.id}/urssaf/left`, { leftOn: null });
    expect(back.json().registration).toMatchObject({ status: 'registered' });
    expect(back.json().registration.urssafClientId).toBeTruthy();
  });
});
