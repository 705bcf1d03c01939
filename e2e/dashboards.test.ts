import { describe, expect, test } from 'vitest';
import { cutText, expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

/** Each role's home page and dashboard: it says what needs attention, and axe finds nothing serious. */
describe('home pages and dashboards', () => {
  test.each([
    ['placement@ai-1.passerelle.test', 'Créneaux à pourvoir dans les 72 h'],
    ['accompagnement@ai-1.passerelle.test', 'PASS IAE finissant dans les 90 jours'],
    ['compta@ai-1.passerelle.test', 'Factures en retard de paiement'],
    ['ehpad@client.passerelle.test', 'Factures à régler'],
  ])(
    '%s starts the day from tiles that link to the page that acts',
    async (email, tile) => {
      const page = await newPage(browser, { width: 768 });
      await login(page, email);
      await page.getByRole('heading', { name: 'À traiter aujourd’hui' }).waitFor({ timeout: 20_000 });
      const link = page.getByRole('link', { name: new RegExp(tile) });
      await link.waitFor();
      await expectNoSeriousA11yViolations(page);
      const before = page.url();
      await link.click();
      await expect.poll(() => page.url()).not.toBe(before);
      await page.close();
    },
    90_000,
  );

  test.each(['placement@ai-1.passerelle.test', 'ehpad@client.passerelle.test'])(
    '%s reads every tile’s count whole on a 360 px phone',
    async (email) => {
      const page = await newPage(browser, { width: 360 });
      await login(page, email);
      await page.getByRole('heading', { name: 'À traiter aujourd’hui' }).waitFor({ timeout: 20_000 });
      await page.locator('[data-tile]').first().waitFor();
      // A count beside a two-line label was once shrunk to « 2. » for 20: each badge shows its whole text.
      expect(await cutText(page)).toEqual([]);
      await page.close();
    },
  );

  test('the director sees the AI dashboard on the home page, with charts, their tables and the PDF report', async () => {
    const page = await newPage(browser, { width: 768 });
    await login(page, 'admin@ai-1.passerelle.test');
    await page.getByRole('heading', { name: 'Heures travaillées et facturées par mois' }).waitFor({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(page);
    const orgId = page.url().match(/\/ai\/([0-9a-f-]{36})/)![1];
    await page.goto(`/ai/${orgId}/tableau-de-bord?periode=trimestre`);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const section = page.getByRole('region', { name: 'Sorties par catégorie ASP (150 h et plus)' });
    await section.getByText('Tableau', { exact: true }).click();
    await expect.poll(() => section.getByRole('rowheader', { name: 'Emploi durable' }).isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    const href = await page.getByRole('link', { name: /Rapport d’activité \d{4} \(PDF\)/ }).getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.close();
  }, 120_000);

  test('the coordinator’s home is the network dashboard with the map and the figures per AI', async () => {
    const page = await newPage(browser, { width: 768 });
    await login(page, 'coordination@passerelle.test');
    await page.getByRole('heading', { name: 'Carte de l’activité' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Par structure' }).waitFor();
    expect(await page.getByRole('region', { name: 'Par structure' }).getByRole('row').count()).toBeGreaterThan(2);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  }, 120_000);
});
