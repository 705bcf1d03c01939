import { describe, expect, test } from 'vitest';
import { isPublicHoliday } from '../src/server/modules/calendar/public-holidays.js';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();
// The demo machine is shared: give the server time (each check still fails if the result is wrong).
const POLL = { timeout: 30_000 };

const parisDay = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7));

type Contract = { id: string; status: string; signedAt: string | null; startDate: string; endDate: string };

describe('a mission and its shifts, by clicking', () => {
  test('from a signed contract: create a mission with weekly shifts, see them, change and cancel the series from a date', async () => {
    const page = await newPage(browser);
    await login(page, 'placement@ai-1.passerelle.test');
    const orgId: string = await page.evaluate(() =>
      fetch('/api/me')
        .then((r) => r.json())
        .then((me) => me.memberships[0].organisationId),
    );
    // Two weeks from the Monday after next (far enough from the demo's own shifts of this week), moved on until
    // they hold no public holiday (the series skips them: ten weekdays are expected).
    let monday = addDays(mondayOf(parisDay(new Date())), 14);
    while (Array.from({ length: 14 }, (_, i) => addDays(monday, i)).some(isPublicHoliday)) monday = addDays(monday, 7);
    const contracts: Contract[] = await page.evaluate(
      (org) =>
        fetch(`/api/orgs/${org}/placement-contracts?limit=200`)
          .then((r) => r.json())
          .then((b) => b.items),
      orgId,
    );
    const contract = contracts.find(
      (c) => c.signedAt && c.status === 'active' && c.startDate <= monday && c.endDate >= addDays(monday, 13),
    );
    expect(contract, 'a signed contract running over the next weeks in the demo').toBeTruthy();

    await page.goto(`/ai/${orgId}/contrats/${contract!.id}`);
    await page.getByRole('link', { name: 'Créer une mission' }).click();
    await page.getByRole('heading', { name: 'Nouvelle mission' }).waitFor();
    await page.getByLabel('Consignes pour les personnes qui interviennent').fill('Se présenter à l’accueil à 6 h 10.');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Créer la mission' }).click();

    // The mission page opens with the form to add its shifts.
    await page.getByRole('heading', { name: /^Mission / }).waitFor();
    await expect.poll(() => page.getByText('Se présenter à l’accueil à 6 h 10.').isVisible(), POLL).toBe(true);
    const form = page.getByRole('form', { name: 'Ajouter des créneaux' });
    await form.getByLabel(/^Du( \*)?$/).fill(monday);
    await form.getByLabel('Jusqu’au').fill(addDays(monday, 13));
    await form.getByLabel('Début').fill('06:15');
    await form.getByLabel('Fin').fill('08:45');
    await form.getByRole('button', { name: 'Vérifier les créneaux' }).click();
    const rows = form.locator('[data-occurrence]');
    await expect.poll(() => rows.count(), POLL).toBe(10);
    await expectNoSeriousA11yViolations(page);
    await form.getByRole('button', { name: /^Créer les 10 créneaux|^Tout créer/ }).click();
    await page.getByRole('status').filter({ hasText: '10 créneaux créés' }).waitFor();

    // On the planning grid: the open row holds them (no one named yet).
    await page.goto(`/ai/${orgId}/planning?semaine=${monday}`);
    const openRow = page.getByTestId('open-row');
    await expect.poll(() => openRow.locator('.shift-chip', { hasText: '06:15–08:45' }).count(), POLL).toBe(5);
    await page.goto(`/ai/${orgId}/planning?semaine=${addDays(monday, 7)}`);
    await expect.poll(() => openRow.locator('.shift-chip', { hasText: '06:15–08:45' }).count(), POLL).toBe(5);

    // Change the series from the second Monday: Monday to Wednesday only, ending at 09:15.
    await page.goBack();
    await page.goBack();
    await page.getByRole('button', { name: 'Modifier à partir d’une date' }).click();
    const edit = page.getByRole('form', { name: 'Modifier la série' });
    await edit.getByLabel('À partir du').fill(addDays(monday, 7));
    await edit.getByRole('checkbox', { name: 'jeudi' }).uncheck();
    await edit.getByRole('checkbox', { name: 'vendredi' }).uncheck();
    await edit.getByLabel('Fin').fill('09:15');
    await edit.getByRole('button', { name: 'Vérifier les créneaux' }).click();
    await expect.poll(() => edit.locator('[data-occurrence]').count(), POLL).toBe(3);
    await edit.getByRole('button', { name: 'Appliquer la modification' }).click();
    await page.getByRole('status').filter({ hasText: '2 annulés' }).waitFor();

    await page.goto(`/ai/${orgId}/planning?semaine=${addDays(monday, 7)}`);
    await expect.poll(() => openRow.locator('.shift-chip', { hasText: '06:15–09:15' }).count(), POLL).toBe(3);
    expect(await openRow.locator('.shift-chip', { hasText: '06:15–08:45' }).count()).toBe(0);
    await page.goto(`/ai/${orgId}/planning?semaine=${monday}`);
    await expect.poll(() => openRow.locator('.shift-chip', { hasText: '06:15–08:45' }).count(), POLL).toBe(5);

    // Cancel the changed series from the second Tuesday.
    await page.goBack();
    await page.goBack();
    const series = page.locator('[data-series-id]').last();
    await series.getByLabel('Annuler à partir du').fill(addDays(monday, 8));
    await series.getByRole('button', { name: 'Annuler la série' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler la série' }).click();
    await page.getByRole('status').filter({ hasText: '2 créneaux annulés' }).waitFor();
    await page.goto(`/ai/${orgId}/planning?semaine=${addDays(monday, 7)}`);
    await expect.poll(() => openRow.locator('.shift-chip', { hasText: '06:15–09:15' }).count(), POLL).toBe(1);
  }, 600_000);

  test('on a 360 px phone, the client’s “Absent·e” button is on screen', async () => {
    const page = await newPage(browser, { width: 360 });
    await login(page, 'ehpad@client.passerelle.test');
    const orgId: string = await page.evaluate(() =>
      fetch('/api/me')
        .then((r) => r.json())
        .then((me) => me.memberships[0].organisationId),
    );
    await page.goto(`/portail/${orgId}/planning`);
    const absent = page.getByRole('button', { name: /^Absent·e/ }).first();
    await absent.waitFor();
    await absent.scrollIntoViewIfNeeded();
    const box = (await absent.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const other = page.getByRole('button', { name: /^Autre personne/ }).first();
    const otherBox = (await other.boundingBox())!;
    expect(otherBox.x + otherBox.width).toBeLessThanOrEqual(360);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  }, 180_000);
});
