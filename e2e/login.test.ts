import { describe, expect, test } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

describe('logging in and out', () => {
  test('a placement officer logs in, sees the back-office navigation, and logs out', async () => {
    const page = await newPage(browser);
    await login(page, 'placement@ai-1.passerelle.test');
    await expect.poll(() => page.url()).toMatch(/\/ai\/[0-9a-f-]{36}$/);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect.poll(() => nav.getByRole('link', { name: 'Accueil' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Trait d’Union Emploi').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion à Passerelle' }).waitFor();
    await page.goto(page.url().replace(/\/connexion.*/, '/'));
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
    expect(me).toBe(401);
  });

  test('the network coordinator lands on the network console', async () => {
    const page = await newPage(browser);
    await login(page, 'coordination@passerelle.test');
    await expect.poll(() => page.url()).toMatch(/\/reseau\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Console du réseau').first().isVisible()).toBe(true);
  });

  test('a care home’s client user lands on its portal and follows its needs', async () => {
    const page = await newPage(browser);
    await login(page, 'ehpad@client.passerelle.test');
    await expect.poll(() => page.url()).toMatch(/\/portail\/[0-9a-f-]{36}$/);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Mes besoins' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Mes besoins' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Exprimer un nouveau besoin' }).isVisible()).toBe(true);
    // A client never sees the back office's navigation.
    expect(await nav.getByRole('link', { name: 'Paramètres' }).count()).toBe(0);
  });

  test('a wrong password shows a French error and keeps what was typed', async () => {
    const page = await newPage(browser);
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('admin@ai-1.passerelle.test');
    await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Adresse e-mail ou mot de passe incorrect');
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('admin@ai-1.passerelle.test');
  });

  test('the login page and the public home have no serious accessibility violation', async () => {
    const page = await newPage(browser);
    await page.goto('/connexion');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  test('an unknown address shows the French 404 page', async () => {
    const page = await newPage(browser);
    await page.goto('/nulle-part');
    await expect.poll(() => page.getByRole('heading', { name: 'Page introuvable' }).isVisible()).toBe(true);
  });
});
