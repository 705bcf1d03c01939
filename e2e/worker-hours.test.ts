import { describe, expect, test } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

describe('the worker’s own hours', () => {
  test('on the phone page, the worker corrects the hours of a past shift with a reason and sees it recorded', async () => {
    const page = await newPage(browser, { width: 360 });
    await login(page, 'salarie@ai-1.passerelle.test');
    const orgId = page.url().match(/\/moi\/([0-9a-f-]{36})/)![1];
    await page.goto(`/moi/${orgId}/mon-travail`);
    const section = page.getByRole('region', { name: 'Mes heures travaillées' });
    await page.getByRole('heading', { name: 'Mes heures travaillées' }).waitFor();
    await expect.poll(() => section.getByText(/^Compté : de /).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const correctable = section.getByRole('button', { name: 'Corriger mes heures' });
    // Another browser test may have closed the current month meanwhile: then every hour is locked.
    if ((await correctable.count()) === 0) {
      expect(await section.getByText(/Vérifié/).count()).toBeGreaterThan(0);
      return;
    }
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
  }, 120_000);
});
