import { describe, expect, test } from 'vitest';
import { parisToday } from '../src/server/modules/calendar/paris-time.js';
import { addMonths } from '../src/shared/dates.js';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

const currentMonth = () => parisToday().slice(0, 7);
const previousMonth = () => addMonths(`${currentMonth()}-01`, -1).slice(0, 7);
/** The day of the month in Paris: at 0:30 on the 1st, the machine's UTC clock still says the 30th or 31st. */
const parisDayOfMonth = () => Number(parisToday().slice(8, 10));
const monthName = (month: string) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

describe('month close and invoices', () => {
  // Before the close below: once a month is closed its hours are locked. On the 1st, the open month has no
  // past shift yet (the previous ones are closed in the demo).
  test.skipIf(parisDayOfMonth() === 1)(
    'on the phone page, the worker corrects the hours of a past shift with a reason and sees it recorded',
    async () => {
      const page = await newPage(browser, { width: 360 });
      await login(page, 'salarie@ai-1.passerelle.test');
      const orgId = page.url().match(/\/moi\/([0-9a-f-]{36})/)![1];
      await page.goto(`/moi/${orgId}/mon-travail`);
      const section = page.getByRole('region', { name: 'Mes heures travaillées' });
      await page.getByRole('heading', { name: 'Mes heures travaillées' }).waitFor();
      await expect.poll(() => section.getByText(/^Compté : de /).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const correctable = section.getByRole('button', { name: 'Corriger mes heures' });
      await correctable.first().click();
      await expectNoSeriousA11yViolations(page);
      // Without a reason, nothing is sent and the form stays.
      await section.getByLabel('Pause (en minutes)').fill('20');
      await section.getByRole('button', { name: 'Envoyer la correction' }).click();
      await expect.poll(() => section.getByLabel(/Pourquoi/).isVisible()).toBe(true);
      await section.getByLabel(/Pourquoi/).fill('Pause repas de 20 minutes');
      await section.getByRole('button', { name: 'Envoyer la correction' }).click();
      await expect
        .poll(() => section.getByText('C’est noté. Votre correction est enregistrée.').isVisible(), { timeout: 20_000 })
        .toBe(true);
      await expect
        .poll(() => section.getByText(/Vous avez corrigé ces heures le .*Pause repas de 20 minutes/).count())
        .toBeGreaterThan(0);
      expect(await section.getByText(/pause 20 min/).count()).toBeGreaterThan(0);
      await expectNoSeriousA11yViolations(page);
    },
    120_000,
  );

  // The portal's timesheets open on what is to validate, whatever its month. On the 1st there is nothing: the
  // running month has no past shift yet, and the demo closed the previous one.
  test.skipIf(parisDayOfMonth() === 1)('the client validates its timesheet of the month in its portal', async () => {
    const page = await newPage(browser);
    await login(page, 'ehpad@client.passerelle.test');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Relevés d’heures' })
      .click();
    await page.getByRole('heading', { name: 'Relevés d’heures à valider' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Mois' }).inputValue()).toBe('À valider, tous les mois');
    await expect.poll(() => page.getByRole('table').getByText(monthName(currentMonth())).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('button', { name: 'Valider ces heures' }).click();
    await expect.poll(() => page.getByText('Validé le').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expectNoSeriousA11yViolations(page);
  });

  // A running month cannot be closed (issue 14, « closing is deliberate »): the previous, ended month is closed.
  // ai-1's is closed by the demo; ai-2 keeps its months open (timesheets sent, not all validated), so its director
  // closes it (adoption.test.ts changes the password of ai-2's accountant).
  test('the director closes the ended month through the confirmation and downloads an invoice; the client sees its invoice in its portal', async () => {
    const page = await newPage(browser);
    await login(page, 'admin@ai-2.passerelle.test');
    await expect.poll(() => page.url()).toMatch(/\/ai\/[0-9a-f-]{36}/);
    // The page opens on the month to close: the previous one.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Clôture du mois' })
      .click();
    await page.getByRole('heading', { name: 'Clôture du mois' }).waitFor();
    await page.mouse.move(700, 880); // away from the hovered menu entry
    const month = previousMonth();
    expect(await page.getByRole('combobox', { name: 'Mois à clore' }).inputValue()).toMatch(
      new RegExp(monthName(month), 'i'),
    );
    await expectNoSeriousA11yViolations(page);
    // Some of its timesheets are not validated (the demo: a few clients have not answered, one disputes): the
    // page names them before any try and closes only once the director forces it.
    const closeButton = page.getByRole('button', { name: /^Clore / });
    await page.getByText(/^\d+ relevés? non validés? : /).waitFor({ timeout: 60_000 });
    expect(await closeButton.isDisabled()).toBe(true);
    await page.getByLabel('Forcer la clôture malgré les relevés non validés').check();
    await closeButton.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText(/factures? (seront émises|sera émise)/).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Émettre les factures' }).click();
    await page
      .getByText(/est clos/)
      .first()
      .waitFor({ timeout: 120_000 });
    const first = page.getByRole('table').getByRole('link').first();
    const number = (await first.textContent())!.trim();
    expect(number).toMatch(/^F-\d{4}-\d{5}$/);
    await first.click();
    await page.getByRole('heading', { name: `Facture ${number}` }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const href = await page.getByRole('link', { name: 'Télécharger le PDF (Factur-X)' }).getAttribute('href');
    const pdf = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    // The demo care home (a client of ai-1, whose last month the demo closed) finds its invoice in its portal.
    const client = await newPage(browser);
    await login(client, 'ehpad@client.passerelle.test');
    const clientOrg = client.url().match(/\/portail\/([0-9a-f-]{36})/)![1];
    await client.goto(`/portail/${clientOrg}/factures?month=${month}`);
    await client.getByRole('heading', { name: 'Mes factures' }).waitFor();
    const link = client.getByRole('table').getByRole('link').first();
    await link.waitFor();
    expect(await link.textContent()).toMatch(/^F-\d{4}-\d{5}$/);
    await expectNoSeriousA11yViolations(client);
  }, 240_000);
});
