import { describe, expect, inject, test } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

const currentMonth = () =>
  new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
const previousMonth = () => {
  const [y, m] = currentMonth().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * Issue 18, « Done when »: an individual with the avance immédiate (Mme Odette Martin, registered by the demo
 * with the fake URSSAF the test server talks to) gets her month of shifts invoiced by the close, which sends the
 * payment request; the invoice shows both shares; URSSAF's "paid" settles it; prepaid CESU cover another
 * individual's invoice; the tax certificate counts what the client paid out of pocket.
 */
describe('individuals: avance immédiate, CESU, tax certificate', () => {
  test('close, URSSAF paid, CESU, certificate, the clients’ portal', { timeout: 180_000 }, async () => {
    const urssaf = inject('urssafUrl');
    expect(urssaf, 'the test server must be started with the fake URSSAF').toBeTruthy();
    const page = await newPage(browser, { width: 1366 });
    await login(page, 'compta@ai-1.passerelle.test');
    const orgId = page.url().match(/\/ai\/([0-9a-f-]{36})/)![1];

    // The client record: consent recorded and registered with URSSAF.
    await page.goto(`/ai/${orgId}/clients?q=odette`);
    await page.getByRole('link', { name: 'Mme Odette Martin' }).click();
    await page.getByRole('tab', { name: 'Particulier : paiements' }).click();
    await page.getByText('Inscrit à l’URSSAF').waitFor();
    await expectNoSeriousA11yViolations(page);

    // The close of her last month sends the payment request to URSSAF.
    const month = previousMonth();
    await page.goto(`/ai/${orgId}/cloture?month=${month}`);
    const closeButton = page.getByRole('button', { name: 'Facturer les heures complémentaires' });
    await closeButton
      .or(page.getByText(/est clos/))
      .first()
      .waitFor();
    // (Re-running against a development server: her month is already invoiced.)
    if (await closeButton.count()) {
      await closeButton.click();
      await page.getByRole('button', { name: 'Émettre les factures' }).click();
    }
    await expect.poll(() => page.getByText(/est clos/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const state = await (await fetch(`${urssaf}/_fake/state`)).json();
    const sent = state.demandes.find((d: { input: { mntFactureTTC: number; numFactureTiers: string } }) =>
      d.input.numFactureTiers.startsWith('F'),
    );
    expect(sent, JSON.stringify(state)).toBeTruthy();

    // The invoice shows URSSAF's share and the client's 50 %.
    await page.goto(`/ai/${orgId}/factures?month=${month}`);
    await page.getByRole('link', { name: sent.input.numFactureTiers }).click();
    await page.getByRole('heading', { name: 'Avance immédiate (URSSAF)' }).waitFor();
    const total = Math.round(sent.input.mntFactureTTC * 100);
    const euros = (c: number) =>
      `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2 }).format(c / 100)}`.replace(/\u202f|\u00a0/g, ' ');
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (the text as shown), not the DOM's
    const norm = async () => (await page.locator('main').innerText()).replace(/\u202f|\u00a0/g, ' ');
    expect(await norm()).toContain(`Part payée par l’URSSAF : ${euros(Math.floor(total / 2))}`);
    expect(await norm()).toContain(`Reste à la charge du client (50 %) : ${euros(total - Math.floor(total / 2))}`);
    // Sent and integrated by URSSAF (« Payée » when re-run against a development server).
    await page.getByText(/^(Intégrée|Payée)$/).waitFor();

    // URSSAF pays: the status is read and the invoice settled.
    await fetch(`${urssaf}/_fake/demandes/${sent.idDemandePaiement}/statut`, {
      method: 'POST',
      body: JSON.stringify({ code: '70' }),
    });
    const update = page.getByRole('button', { name: 'Mettre à jour les statuts' });
    if (await update.count()) await update.click();
    await page.getByText('Payée', { exact: true }).waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await norm()).includes('(Avance immédiate (URSSAF))'), { timeout: 10_000 })
      .toBe(true);
    expect(await norm()).toMatch(/Reste dû[^\n]*\n\s*0,00/);
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 1366, height: 900 });

    // Prepaid CESU cover another individual's invoice still due: the titles are recorded on the client's record,
    // then allocated on the invoice.
    const api = async <T>(path: string): Promise<T> => (await page.request.get(`/api/orgs/${orgId}${path}`)).json();
    const individuals = await api<{ items: { id: string; name: string }[] }>('/clients?kind=individual&limit=100');
    const unpaid = await api<{ items: { id: string; clientId: string; outstandingCents: number }[] }>(
      '/invoices?status=unpaid&kind=invoice&limit=200',
    );
    const target = unpaid.items.find(
      (i) =>
        i.outstandingCents > 0 && individuals.items.some((c) => c.id === i.clientId && c.name !== 'Mme Odette Martin'),
    )!;
    expect(target, 'an individual’s invoice still due').toBeTruthy();
    await page.goto(`/ai/${orgId}/clients/${target.clientId}`);
    await page.getByRole('tab', { name: 'Particulier : paiements' }).click();
    await page.getByLabel('Émetteur').fill('Edenred');
    await page.getByLabel('Numéros des titres').fill('5500101 à 5500140');
    await page.getByLabel('Valeur d’un titre (€)').fill('20');
    await page.getByLabel('Nombre de titres').fill(String(Math.ceil(target.outstandingCents / 2000)));
    await page.getByRole('button', { name: 'Enregistrer les CESU' }).click();
    await page.getByText(/5500101 à 5500140/).waitFor();
    await page.goto(`/ai/${orgId}/factures/${target.id}`);
    await page.getByRole('combobox', { name: 'Lot de CESU' }).click();
    await page
      .getByRole('option', { name: /^Edenred reçus/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Affecter les CESU' }).click();
    await page.getByText(/en CESU Edenred/).waitFor();
    await expect.poll(async () => (await norm()).match(/Reste dû[^\n]*\n\s*0,00/) !== null).toBe(true);

    // Tax certificates of the year: Mme Martin's counts only her share (URSSAF's advance deducted).
    await page.goto(`/ai/${orgId}/exports`);
    await page.getByRole('button', { name: 'Générer toutes les attestations' }).click();
    // Every individual of the AI is recomputed: a while on a busy machine.
    await page.getByText('Attestations générées.').waitFor({ timeout: 60_000 });
    const year = currentMonth().slice(0, 4);
    const certs = await api<{ items: { clientName: string; paidCents: number }[] }>(`/tax-certificates?year=${year}`);
    expect(certs.items.find((c) => c.clientName === 'Mme Odette Martin')?.paidCents).toBe(
      total - Math.floor(total / 2),
    );
    // (The list on the page is read again: it does not refresh by itself after the generation.)
    await page.reload();
    await expect
      .poll(async () => (await norm()).match(/Mme Odette Martin[^\n]*/)?.[0] ?? '', { timeout: 30_000 })
      .toContain(euros(total - Math.floor(total / 2)));

    // Her portal (particulier@client.passerelle.test, README): the invoice with URSSAF's share and her rest, paid,
    // and her tax certificate counting her share only — on a phone too.
    const martin = await newPage(browser, { width: 1366 });
    await login(martin, 'particulier@client.passerelle.test');
    await martin.goto(`/portail/${orgId}/factures`);
    await martin.getByRole('heading', { name: 'Mes attestations fiscales' }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (the text as shown), not the DOM's
    const portalText = async () => (await martin.locator('main').innerText()).replace(/\u202f|\u00a0/g, ' ');
    expect(await portalText()).toContain(
      `Télécharger l’attestation fiscale ${year} (${euros(total - Math.floor(total / 2))} € payés)`,
    );
    await martin.getByRole('link', { name: sent.input.numFactureTiers }).click();
    await martin.getByRole('heading', { name: 'Avance immédiate (URSSAF)' }).waitFor();
    expect(await portalText()).toContain(`Part payée par l’URSSAF : ${euros(Math.floor(total / 2))}`);
    expect(await portalText()).toContain(`Reste à votre charge (50 %) : ${euros(total - Math.floor(total / 2))}`);
    await martin.getByText('Payée', { exact: true }).waitFor();
    // Neither the accountant's buttons nor other clients' CESU batches on the client's side.
    expect(await martin.getByRole('button', { name: 'Mettre à jour les statuts' }).count()).toBe(0);
    expect(await martin.getByRole('button', { name: 'Affecter les CESU' }).count()).toBe(0);
    await martin.setViewportSize({ width: 360, height: 800 });
    await expectNoSeriousA11yViolations(martin);
    await martin.context().close();

    // A client who paid with prepaid CESU (cesu@client.passerelle.test) reads them on its invoice.
    const cesu = await newPage(browser, { width: 360 });
    await login(cesu, 'cesu@client.passerelle.test');
    const mine = await (await cesu.request.get(`/api/orgs/${orgId}/invoices?kind=invoice&limit=200`)).json();
    let withCesu: { id: string; number: string } | undefined;
    for (const inv of mine.items as { id: string; number: string }[]) {
      const d = await (await cesu.request.get(`/api/orgs/${orgId}/invoices/${inv.id}/individual`)).json();
      expect(d.cesuBatches, 'a client never sees the AI’s CESU bookkeeping').toEqual([]);
      if (d.cesuAllocations.length) {
        withCesu = inv;
        break;
      }
    }
    expect(withCesu, 'the demo applied CESU to one of its invoices').toBeTruthy();
    await cesu.goto(`/portail/${orgId}/factures/${withCesu!.id}`);
    await cesu.getByRole('heading', { name: 'CESU préfinancés' }).waitFor();
    await cesu
      .getByText(/en CESU (Edenred|Up)/)
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(cesu);
    await cesu.context().close();
  });
});
