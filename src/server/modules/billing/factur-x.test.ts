import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeBillingWorld, validateAllTimesheets } from '../../../../test/factories-billing.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { organisations } from '../accounts/schema.js';
import { clients } from '../clients/schema.js';
import { placementContracts, rates } from '../quotes/schema.js';
import { invoices } from './schema.js';
import { pdfAttachments, schematronSef, validateSchematron, validateXsd } from './validate-factur-x.js';

const { app, database } = await testApp();
const db = database.db;

const amountOf = (xml: string, tag: string) => {
  const m = xml.match(new RegExp(`<ram:${tag}[^>]*>([0-9.]+)</ram:${tag}>`));
  return m ? Math.round(Number(m[1]) * 100) : null;
};

beforeAll(() => {
  schematronSef(); // compiled once per run, cached under .test-tmp/
}, 120_000);

describe('Factur-X invoices', () => {
  test('the PDF carries a factur-x.xml valid against the EN 16931 XSD and schematron, with the same totals as the PDF and the database', async () => {
    const w = await makeBillingWorld(db, { clientCount: 3, shiftsPerClient: 6 });
    // A public client for Chorus Pro: its service code; the engagement number belongs to its order (the
    // placement contract), not to the client — the client's own number must not reach the invoice.
    await db
      .update(clients)
      .set({ kind: 'public_body', chorusServiceCode: 'SERV-ACHATS', chorusCommitmentNumber: 'EJ-CLIENT-0001' })
      .where(eq(clients.id, w.clients[1].client.id));
    await db
      .update(placementContracts)
      .set({ commitmentNumber: 'EJ-2026-0042' })
      .where(eq(placementContracts.clientId, w.clients[1].client.id));
    await db.update(clients).set({ kind: 'individual' }).where(eq(clients.id, w.clients[2].client.id));
    // 18,55 € an hour: the Sunday price (+50 %) has half a cent, the line amounts are still exact cents.
    await db.update(rates).set({ hourlyRateCents: 1855 }).where(eq(rates.organisationId, w.org.id));
    await validateAllTimesheets(db, w.org.id, w.month);
    const cookie = await loginCookie(app, w.accountant.email);
    const res = await app.inject({
      method: 'POST',
      url: `/api/orgs/${w.org.id}/months/${w.month}/close`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    for (const inv of res.json().invoices) {
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/orgs/${w.org.id}/invoices/${inv.id}/pdf`,
        headers: { cookie },
      });
      const files = await pdfAttachments(pdf.rawPayload);
      const xml = files.get('factur-x.xml')!.toString('utf8');
      expect(xml).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
      expect(await validateXsd(xml)).toEqual([]);
      expect(await validateSchematron(xml)).toEqual([]);
      const [row] = await db.select().from(invoices).where(eq(invoices.id, inv.id));
      expect(amountOf(xml, 'GrandTotalAmount')).toBe(row.totalCents);
      expect(amountOf(xml, 'DuePayableAmount')).toBe(row.totalCents);
      expect(amountOf(xml, 'TaxBasisTotalAmount')).toBe(row.netCents);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      const euros = `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2 }).format(row.totalCents / 100).replace(/\s/g, ' ')} €`;
      expect(text).toContain(euros);
      expect(text).toContain(row.number);
      // The XML alone, for Chorus Pro / an approved platform, is the same document.
      const alone = await app.inject({
        method: 'GET',
        url: `/api/orgs/${w.org.id}/invoices/${inv.id}/xml`,
        headers: { cookie },
      });
      expect(alone.headers['content-type']).toContain('application/xml');
      // The embedded factur-x.xml is exactly the standalone XML (with the Chorus Pro references).
      expect(alone.body).toBe(xml);
      expect(amountOf(alone.body, 'GrandTotalAmount')).toBe(row.totalCents);
      expect(await validateXsd(alone.body)).toEqual([]);
      expect(await validateSchematron(alone.body)).toEqual([]);
      // French fields (not only EN 16931): the AI's exemption article (CGI 261-7-1° bis), a SIRET with the
      // ICD scheme 0009 (0002 is a SIREN), and never a SIRET as the tax registration (BT-32, scheme FC).
      expect(xml).toContain('Exonération de TVA – art. 261-7-1° bis du CGI');
      expect(xml).not.toContain('261-7-1°-b');
      expect(xml).not.toMatch(/<ram:ID schemeID="FC">/);
      const sellerSiret = (await db.select().from(organisations).where(eq(organisations.id, w.org.id)))[0].siret;
      if (sellerSiret) {
        expect(xml).toContain(`<ram:ID schemeID="0009">${sellerSiret}</ram:ID>`);
        expect(xml).toMatch(/<ram:ID schemeID="VA">FR[0-9]{2}[0-9]{9}<\/ram:ID>/);
      }
      expect(xml).not.toContain('schemeID="0002"');
      if (inv.clientId === w.clients[1].client.id) {
        expect(alone.body).toContain('<ram:BuyerReference>SERV-ACHATS</ram:BuyerReference>');
        expect(alone.body).toContain('<ram:IssuerAssignedID>EJ-2026-0042</ram:IssuerAssignedID>');
        expect(alone.body).not.toContain('EJ-CLIENT-0001');
        expect(alone.body).toContain('35600000000048');
        // Public buyer: intérêts moratoires of décret 2013-269.
        expect(text).toContain('décret n° 2013-269');
        expect(text).toContain('N° d’engagement : EJ-2026-0042');
      } else if (inv.clientId === w.clients[2].client.id) {
        // An individual: no fixed 40 € indemnity.
        expect(text).not.toContain('40 €');
        expect(text).toContain('intérêts au taux légal');
      } else {
        expect(text).toContain('L441-10 du Code de commerce');
        expect(text).toContain('40 €');
      }
    }
  }, 180_000);

  test('with VAT set by the organisation, the invoice adds VAT and stays valid', async () => {
    const w = await makeBillingWorld(db, { clientCount: 1, shiftsPerClient: 3 });
    await db
      .update(organisations)
      .set({ settings: { vatRatePct: 20, iban: null } })
      .where(eq(organisations.id, w.org.id));
    await validateAllTimesheets(db, w.org.id, w.month);
    const cookie = await loginCookie(app, w.accountant.email);
    const res = await app.inject({
      method: 'POST',
      url: `/api/orgs/${w.org.id}/months/${w.month}/close`,
      headers: { cookie },
    });
    const [row] = await db.select().from(invoices).where(eq(invoices.id, res.json().invoices[0].id));
    expect(row.vatCents).toBe(Math.round(row.netCents * 0.2));
    expect(row.totalCents).toBe(row.netCents + row.vatCents);
    expect(await validateXsd(row.xml)).toEqual([]);
    expect(await validateSchematron(row.xml)).toEqual([]);
  }, 120_000);
});
