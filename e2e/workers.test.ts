import { describe, expect, test } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

/** A form field by its label; required fields show " *" after it. */
const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

const parisDay = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

describe('hiring and following a worker', () => {
  test('a support officer hires a worker (diagnosis, PASS, contract), adds a barrier and records an immersion', async () => {
    const page = await newPage(browser);
    await login(page, 'accompagnement@ai-1.passerelle.test');
    await expect.poll(() => page.url()).toMatch(/\/ai\/[0-9a-f-]{36}$/);
    const base = page.url();

    // The list opens on PASS ending soon, with a badge in the navigation.
    await page.goto(`${base}/salaries`);
    await page.getByRole('heading', { name: 'Salarié·es' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectNoSeriousA11yViolations(page);

    // 1. Identity.
    await page.getByRole('link', { name: 'Nouveau ou nouvelle salarié·e' }).click();
    const lastName = `Testeur${Date.now().toString().slice(-5)}`;
    await page.getByLabel(label('Prénom')).fill('Inès');
    await page.getByLabel(label('Nom')).fill(lastName);
    await page.getByLabel(label('Date de naissance')).fill('1988-04-02');
    await page.getByLabel(label('Commune')).first().fill('Créteil');
    await page.getByRole('option', { name: /^Créteil/ }).click();
    // Créteil has one postal code: the address takes it.
    expect(await page.getByLabel(label('Code postal')).inputValue()).toBe('94000');
    await page.getByLabel(label('Métiers (ROME)')).first().fill('entretien');
    await page.getByRole('option', { name: /K2204/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Créer la fiche et continuer' }).click();

    // 2. Eligibility diagnosis.
    await page.getByRole('heading', { name: `Embauche de Inès ${lastName}` }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel(label('Bénéficiaire du RSA')).check();
    await page.getByLabel(label('Justificatifs conservés')).fill('Attestation CAF du mois dernier');
    await page.getByRole('button', { name: 'Enregistrer le diagnostic' }).click();

    // 3. PASS IAE: a wrong number is refused next to the field, what was typed stays.
    const number = `99999${String(Date.now()).slice(-7)}`;
    await page.getByLabel(label('Numéro du PASS IAE')).fill('12345');
    await page.getByRole('button', { name: 'Enregistrer le PASS IAE' }).click();
    await expect.poll(() => page.getByText('12 caractères', { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByLabel(label('Numéro du PASS IAE')).inputValue()).toBe('12345');
    await page.getByLabel(label('Numéro du PASS IAE')).fill(number);
    await page.getByRole('button', { name: 'Enregistrer le PASS IAE' }).click();

    // 4. Employment contract (CDDI, 6 months).
    await page.getByLabel(label('Fin du contrat')).fill(parisDay(200));
    await page.getByRole('button', { name: 'Créer le contrat' }).click();
    await page.getByText('Embauche terminée', { exact: false }).waitFor();

    // The record, support tab: add a barrier, record an immersion.
    await page.getByRole('link', { name: 'Ouvrir la fiche' }).click();
    await page.getByRole('heading', { name: `Inès ${lastName}` }).waitFor();
    await page.getByRole('tab', { name: 'PASS IAE et éligibilité' }).click();
    await page.getByText(`N° ${number}`, { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('tab', { name: 'Contrats' }).click();
    await page.getByRole('cell', { name: 'CDD d’insertion (CDDI)' }).waitFor();
    await page.getByRole('tab', { name: 'Accompagnement' }).click();
    await page.getByRole('heading', { name: 'Freins périphériques' }).waitFor();
    await page.getByLabel(label('Frein')).first().click();
    await page.getByRole('option', { name: 'Mobilité' }).click();
    await page.getByLabel(label('Détails')).fill('Pas de permis, habite loin des EHPAD');
    await page.getByRole('button', { name: 'Ajouter le frein' }).click();
    await page.getByRole('cell', { name: 'Pas de permis, habite loin des EHPAD' }).waitFor();

    await page.getByLabel(label('Structure d’accueil')).fill('EHPAD Les Tilleuls');
    await page.getByLabel(label('Objectif de l’immersion')).fill('Découvrir le métier d’agent de service hospitalier');
    await page.getByLabel(label('Début de l’immersion')).fill(parisDay(7));
    await page.getByLabel(label('Fin de l’immersion')).fill(parisDay(18));
    await page.getByRole('button', { name: 'Enregistrer l’immersion' }).click();
    await page.getByRole('cell', { name: 'EHPAD Les Tilleuls' }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  test('a placement officer sees the record but no support tab and no export', async () => {
    const page = await newPage(browser);
    await login(page, 'placement@ai-1.passerelle.test');
    await expect.poll(() => page.url()).toMatch(/\/ai\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/salaries`);
    await page.getByRole('table').waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('tab', { name: 'Identité' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Accompagnement' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Exporter (PDF)' }).count()).toBe(0);
    await page.getByLabel(label('Prénom')).waitFor();
    await expectNoSeriousA11yViolations(page);
  });
});
