import crypto from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage, readMailbox } from './browser.js';

const browser = await launchBrowser();

/** A date N days from today, as a date input wants it. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('a need from the public form to an AI and the network', () => {
  const name = `EHPAD Les Aubépines ${crypto.randomBytes(3).toString('hex')}`;

  test('a visitor submits a need on a phone, ai-1 claims it, the network sees it claimed', async () => {
    const visitor = await newPage(browser, { width: 375 });
    await visitor.goto('/besoin');
    await visitor.getByRole('heading', { name: 'Déposer un besoin' }).waitFor();
    await expectNoSeriousA11yViolations(visitor);

    // Step 1: the establishment, in Créteil (Val-de-Marne, ai-1's territory).
    await visitor.getByLabel('Nom de l’établissement').fill(name);
    await visitor.getByRole('combobox', { name: 'Type d’établissement' }).click();
    await visitor.getByRole('option', { name: 'EHPAD / maison de retraite' }).click();
    await visitor.getByRole('textbox', { name: /^Adresse/ }).fill('8 avenue du Général de Gaulle');
    // The commune is found by its postal code, which then fills the postal code field.
    await visitor.getByRole('combobox', { name: 'Commune' }).fill('94000');
    await visitor.getByRole('option', { name: 'Créteil (94000)' }).click();
    expect(await visitor.getByLabel('Code postal').inputValue()).toBe('94000');
    await visitor.getByRole('button', { name: 'Suivant' }).click();

    // Step 2: urgent, two ASH (J1301, a job ai-1 offers).
    await visitor.getByRole('radio', { name: /Renfort urgent/ }).check();
    await visitor.getByRole('combobox', { name: 'Métier 1' }).click();
    await visitor.getByRole('option', { name: /Agent de service hospitalier/ }).click();
    await visitor.getByLabel('Nombre de personnes').fill('2');
    await visitor.getByLabel('À partir du').fill(inDays(3));
    await visitor.getByLabel('De nuit').check();
    await visitor.getByRole('button', { name: 'Suivant' }).click();

    // Step 3: the contact and the consent; a missing consent is said next to the box.
    await visitor.getByLabel('Votre nom').fill('Claire Dubois');
    await visitor.getByLabel('Adresse e-mail').fill('direction@aubepines.test');
    await visitor.getByRole('button', { name: 'Envoyer mon besoin' }).click();
    await expect
      .poll(() => visitor.getByText(/accepter le traitement de vos données/).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await visitor.getByRole('checkbox', { name: /J’accepte/ }).check();
    await visitor.getByRole('button', { name: 'Envoyer mon besoin' }).click();
    await visitor.getByRole('heading', { name: 'Votre besoin est envoyé' }).waitFor();
    await expect
      .poll(() => visitor.getByTestId('routed-to').textContent(), { timeout: 10_000 })
      .toContain('Trait d’Union Emploi');

    // ai-1's placement officer finds it in the inbox and claims it.
    const officer = await newPage(browser);
    await login(officer, 'placement@ai-1.passerelle.test');
    await officer
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: /Besoins/ })
      .click();
    await officer.getByRole('heading', { name: 'Besoins' }).waitFor();
    await officer.mouse.move(700, 880);
    await expectNoSeriousA11yViolations(officer);
    await officer.getByRole('link', { name }).click();
    await officer.getByRole('heading', { name }).waitFor();
    await expectNoSeriousA11yViolations(officer);
    await officer.getByRole('button', { name: 'Prendre en charge' }).click();
    await officer.getByRole('heading', { name: 'Diagnostic RH du besoin' }).waitFor();
    await officer.getByLabel('Équipements de protection individuelle').fill('Blouse, gants, chaussures de sécurité');
    await officer.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();
    await expect.poll(() => officer.getByText('Diagnostic enregistré.').isVisible(), { timeout: 10_000 }).toBe(true);

    // The coordinator sees it claimed by ai-1 in the network console.
    const coordinator = await newPage(browser);
    await login(coordinator, 'coordination@passerelle.test');
    await coordinator
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: /Besoins/ })
      .click();
    await coordinator.getByRole('heading', { name: 'Besoins du réseau' }).waitFor();
    const row = coordinator.getByRole('row').filter({ hasText: name });
    await expect
      .poll(() => row.textContent(), { timeout: 10_000 })
      .toContain('Trait d’Union Emploi — a pris en charge');
    await coordinator.mouse.move(700, 880); // away from the hovered menu entry
    await expectNoSeriousA11yViolations(coordinator);

    // The establishment follows it through the private link of its confirmation email (dev mailbox).
    const mails = await readMailbox('direction@aubepines.test');
    const receipt = mails.items.find((m: { subject: string }) => m.subject.includes('a bien été reçu'));
    const link = /\/besoin\/suivi\/[A-Za-z0-9_-]+/.exec(receipt!.text)![0];
    await visitor.goto(link);
    await visitor.getByRole('heading', { name: 'Suivi de votre besoin' }).waitFor();
    await expect
      .poll(() => visitor.getByText('Pris en charge par Trait d’Union Emploi').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await expectNoSeriousA11yViolations(visitor);
  });

  test('the network console lists overdue needs first and can re-route one', async () => {
    const page = await newPage(browser);
    await login(page, 'coordination@passerelle.test');
    await page.goto(`${new URL(page.url()).pathname}/besoins?status=overdue`);
    await page.getByRole('heading', { name: 'Besoins du réseau' }).waitFor();
    const first = page.getByRole('row').nth(1);
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('En retard');
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: 'Réorienter le besoin' }).waitFor();
    await page.getByLabel('Élargir le rayon (km)').fill('40');
    const box = page.getByRole('checkbox', { disabled: false }).first();
    await box.waitFor();
    await box.check();
    await page.getByRole('button', { name: /Orienter vers 1 structure/ }).click();
    await expect.poll(() => page.getByText(/Besoin réorienté/).isVisible(), { timeout: 10_000 }).toBe(true);
  });
});
