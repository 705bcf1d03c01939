import type { Page } from 'playwright-core';
import { describe, expect, test, vi } from 'vitest';

// The map, the demo world and a shared 2-core machine: give the page a few seconds.
vi.setConfig({ expect: { poll: { timeout: 10_000 } } });

import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

type Point = { id: string; name: string };

async function pointsFor(page: Page, query: string): Promise<Point[]> {
  return page.evaluate(
    (q) => fetch(`/api/public/structures.points.json${q}`).then((r) => r.json().then((b) => b.items)),
    query,
  );
}

/** Markers on the map: single markers plus the counts written on clusters. */
async function markerTotal(page: Page): Promise<number> {
  return page.evaluate(() => {
    const singles = document.querySelectorAll('[data-testid="directory-map"] .dir-marker').length;
    const clustered = [...document.querySelectorAll('[data-testid="directory-map"] .marker-cluster span')].reduce(
      (sum, el) => sum + Number(el.textContent),
      0,
    );
    return singles + clustered;
  });
}

async function pick(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.getByLabel(label, { exact: true }).and(page.locator('input'));
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('public map and directory', () => {
  test('filtering the map by département and job shows the expected markers, and the list agrees', async () => {
    const page = await newPage(browser);
    await page.goto('/carte');
    await page.locator('[data-testid="directory-map"][data-ready="true"]').waitFor();
    await pick(page, 'Département', 'Val-de-Marne', /^94 — Val-de-Marne$/);
    await pick(page, 'Métier', 'nettoyage', /^Famille K22/);
    await expect.poll(() => page.url()).toMatch(/departement=94/);
    expect(page.url()).toMatch(/job=K22/);

    const expected = await pointsFor(page, '?departement=94&job=K22');
    expect(expected.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Trait d’Union Emploi', 'Vitry Services Partagés']),
    );
    expect(expected.map((p) => p.name)).not.toContain('Relais Services Plaine Commune'); // 93
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .toBe(`${expected.length} structure${expected.length > 1 ? 's' : ''}`);
    await expect.poll(() => markerTotal(page)).toBe(expected.length);
    await expect.poll(() => page.getByTestId('map-list-item').count()).toBe(Math.min(20, expected.length));
    const names = await page
      .getByTestId('map-list-item')
      .locator('p.mantine-Text-root[data-size="sm"]')
      .allTextContents();
    expect(names).toEqual(expected.slice(0, 20).map((p) => p.name));
  });

  test('a marker opens a card with the contact details and the two actions', async () => {
    const page = await newPage(browser);
    await page.goto('/carte?departement=94&job=K22');
    await page.locator('[data-testid="directory-map"][data-ready="true"]').waitFor();
    await expect.poll(() => markerTotal(page)).toBeGreaterThan(0);
    const single = page.locator('[data-testid="directory-map"] .dir-marker');
    if ((await single.count()) > 0) await single.first().click();
    else await page.getByTestId('map-list-item').first().click();
    const card = page.getByTestId('structure-card');
    await card.waitFor();
    await expect
      .poll(() => card.getByRole('link', { name: 'Contacter' }).getAttribute('href'))
      .toMatch(/^(mailto|tel):/);
    const need = card.getByRole('link', { name: 'Déposer un besoin auprès de cette structure' });
    expect(await need.getAttribute('href')).toMatch(/^\/besoin\?structure=[0-9a-f-]{36}$/);
    expect(await card.textContent()).toMatch(/Téléphone/);
  });

  test('a cluster opens onto its structures, and a structure chosen in the list shows on the map', async () => {
    const page = await newPage(browser);
    await page.goto('/carte');
    const map = page.locator('[data-testid="directory-map"][data-ready="true"]');
    await map.waitFor();
    const total = await pointsFor(page, '');
    await expect.poll(() => markerTotal(page)).toBe(total.length);
    const zoom = async () => Number(await page.getByTestId('directory-map').getAttribute('data-zoom'));
    const before = await zoom();
    await page.locator('[data-testid="directory-map"] .marker-cluster').first().click();
    await expect.poll(zoom).toBeGreaterThan(before);

    const item = page.getByTestId('map-list-item').first();
    const name = await item.locator('p.mantine-Text-root[data-size="sm"]').first().textContent();
    await item.click();
    await expect.poll(() => page.locator('.leaflet-popup-content').textContent()).toBe(name);
  });

  test('a shared URL restores the filters on the map and in the directory', async () => {
    const page = await newPage(browser);
    await page.goto('/carte?departement=94&job=K22&kind=AI');
    await expect
      .poll(() => page.getByLabel('Département', { exact: true }).and(page.locator('input')).inputValue())
      .toBe('94 — Val-de-Marne');
    await expect
      .poll(() => page.getByLabel('Métier', { exact: true }).and(page.locator('input')).inputValue())
      .toMatch(/^Famille K22/);
    const expected = await pointsFor(page, '?departement=94&job=K22&kind=AI');
    await expect.poll(() => page.getByTestId('map-list-item').count()).toBe(expected.length);

    await page.getByRole('link', { name: 'Voir l’annuaire' }).click();
    await expect.poll(() => page.url()).toMatch(/\/annuaire\?.*departement=94/);
    await expect.poll(() => page.getByTestId('directory-item').count()).toBe(expected.length);

    await page.goto('/annuaire?q=creteil');
    expect(await page.getByRole('textbox', { name: 'Recherche' }).inputValue()).toBe('creteil');
    await expect.poll(() => page.getByTestId('directory-item').first().textContent()).toMatch(/Créteil/);
  });

  test('the directory finds a structure without accents and opens its page', async () => {
    const page = await newPage(browser);
    await page.goto('/annuaire');
    await page.getByRole('textbox', { name: 'Recherche' }).fill('trait d union');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => page.url()).toMatch(/q=trait/);
    await page.getByRole('link', { name: 'Trait d’Union Emploi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trait d’Union Emploi' }).waitFor();
    await page.getByRole('heading', { name: 'Métiers proposés' }).waitFor();
  });

  test('an unknown ROME code in a shared URL shows the error next to the field', async () => {
    const page = await newPage(browser);
    await page.goto('/annuaire?job=Z9999');
    await expect.poll(() => page.getByText(/Le métier Z9999 est inconnu/).count()).toBe(1);
  });

  test('the public pages have no serious accessibility violation', async () => {
    const page = await newPage(browser);
    await page.goto('/carte?departement=94');
    await page.locator('[data-testid="directory-map"][data-ready="true"]').waitFor();
    await page.getByTestId('map-list-item').first().waitFor();
    await page.getByTestId('map-list-item').first().click();
    await page.getByTestId('structure-card').getByRole('link', { name: 'Contacter' }).waitFor();
    // The marker's popup fades in (Leaflet, 0.2 s): axe measures its name's contrast once it is opaque, not half-way.
    await expect.poll(() => page.locator('.leaflet-popup').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await expectNoSeriousA11yViolations(page);
    await page.goto('/annuaire');
    await page.getByTestId('directory-item').first().waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByTestId('directory-item').first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Contact' }).waitFor();
    await expectNoSeriousA11yViolations(page);
  });

  test('the map list works with the keyboard alone', async () => {
    const page = await newPage(browser);
    await page.goto('/carte?departement=94&job=K22');
    const first = page.getByTestId('map-list-item').first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('structure-card').waitFor();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('network console', () => {
  test('the coordinator sees the structures of the network with their status and pending invitations', async () => {
    const page = await newPage(browser);
    await login(page, 'coordination@passerelle.test');
    await page.getByRole('link', { name: 'Annuaire' }).first().click();
    await page.getByRole('heading', { name: 'Annuaire du réseau' }).waitFor();
    await page.getByRole('textbox', { name: 'Recherche' }).fill('geiq soins');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const row = page.getByRole('row', { name: /GEIQ Soins et Autonomie/ });
    // The row may show before its pending invitation has loaded.
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/Invitation envoyée le/);
    await expectNoSeriousA11yViolations(page);
    await page.goto(page.url().replace(/\/structures.*$/, '/structures?status=hidden'));
    await page.getByRole('row', { name: /Atelier Couture Solidaire Sarcelles/ }).waitFor();
  });

  test('the coordinator edits the communes a structure serves', async () => {
    const page = await newPage(browser);
    await login(page, 'coordination@passerelle.test');
    await page.goto(page.url().replace(/\/reseau\/([^/]+).*$/, '/reseau/$1/structures?q=geiq+soins'));
    await page.getByRole('link', { name: /GEIQ Soins et Autonomie/ }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).waitFor();
    // By name, and by postal code (what people know, rather than the INSEE code).
    await pick(page, 'Territoire servi (communes)', 'vitry-sur', /Vitry-sur-Seine \(94400\)/);
    await pick(page, 'Territoire servi (communes)', '94000', /Créteil \(94000\)/);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    const url = page.url().replace(/^.*\/reseau\/([^/]+)\/structures\/([^/?]+).*$/, '/api/networks/$1/structures/$2');
    const saved = await page.evaluate((u) => fetch(u).then((r) => r.json()), url);
    expect([...saved.territory.communes].sort()).toEqual(['94028', '94081']);
    // After a reload the territory reads as names (in the saved order); Backspace in the field (the keyboard way)
    // removes the last one.
    await page.reload();
    await page.getByText('Vitry-sur-Seine (94400)').waitFor();
    await page.getByText('Créteil (94000)', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    const input = page.getByLabel('Territoire servi (communes)', { exact: true }).and(page.locator('input'));
    await input.focus();
    await input.press('Backspace');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(async () => (await page.evaluate((u) => fetch(u).then((r) => r.json()), url)).territory.communes)
      .toEqual(saved.territory.communes.slice(0, 1));
  });

  test('the import page previews a file and refuses to import rejected lines', async () => {
    const page = await newPage(browser);
    await login(page, 'coordination@passerelle.test');
    await page.goto(page.url().replace(/\/reseau\/([^/]+).*$/, '/reseau/$1/structures/import'));
    await page.getByRole('heading', { name: 'Importer des structures' }).waitFor();
    const csv = 'id;nom;siret;code_insee\nx-1;Structure test;12345678901234;94028\n';
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'structures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Prévisualiser' }).click();
    await page.getByText('Rien ne sera importé tant que des lignes sont rejetées').waitFor();
    expect(await page.getByRole('row', { name: /Structure test/ }).textContent()).toMatch(/clé de contrôle/);
    expect(await page.getByRole('button', { name: 'Confirmer l’import' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
  });
});
