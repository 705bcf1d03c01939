import { describe, expect, test } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

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

type Shift = {
  id: string;
  clientId: string;
  workerId: string | null;
  workerName: string | null;
  start: string;
  status: string;
};

describe('replacing an absent worker in one click', () => {
  test('declare an absence, pick the first candidate, see the new name in the grid and in the client’s view', async () => {
    const client = await newPage(browser);
    await login(client, 'ehpad@client.passerelle.test');
    const clientMembership = await client.evaluate(() =>
      fetch('/api/me')
        .then((r) => r.json())
        .then((me) => me.memberships[0]),
    );
    const orgId: string = clientMembership.organisationId;

    const page = await newPage(browser);
    await login(page, 'placement@ai-1.passerelle.test');
    // A shift at the demo care home in the coming days, held by someone.
    const from = addDays(parisDay(new Date()), 2);
    const shifts: Shift[] = await page.evaluate(
      async ([org, clientId, day]) => {
        const res = await fetch(
          `/api/orgs/${org}/shifts?clientId=${clientId}&status=assigned&from=${day}&to=${day}&limit=50`,
        );
        return (await res.json()).items;
      },
      [orgId, clientMembership.clientId, from],
    );
    // Not Awa Diallo: the worker test below reads her proposals.
    const target = shifts.find((s) => s.workerId && s.workerName !== 'Awa Diallo')!;
    expect(target).toBeTruthy();
    const day = parisDay(new Date(target.start));

    await page.goto(`/ai/${orgId}/planning?semaine=${mondayOf(day)}&q=${encodeURIComponent(target.workerName!)}`);
    await page.locator(`[data-shift-id="${target.id}"]`).first().click();
    await page.getByRole('button', { name: `Déclarer une absence de ${target.workerName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Absence de ${target.workerName}` });
    await dialog.getByLabel('Motif').fill('Arrêt maladie');
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/créneaux? ser(a|ont) libérés?/);
    await dialog.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await page.getByText(/à pourvoir : choisissez un·e remplaçant·e/).waitFor();

    // The shift is now open, highlighted in the "À pourvoir" row: open it and take the first candidate.
    await page.getByTestId('open-row').locator(`[data-shift-id="${target.id}"]`).click();
    const first = page.getByTestId('candidate').first();
    await first.waitFor();
    const assign = first.getByRole('button', { name: /^Affecter / });
    const name = ((await assign.textContent()) ?? '').replace(/^Affecter /, '').trim();
    expect(name).not.toBe(target.workerName);
    await assign.click();
    await expect.poll(() => page.getByTestId('open-row').locator(`[data-shift-id="${target.id}"]`).count()).toBe(0);

    await page.goto(`/ai/${orgId}/planning?semaine=${mondayOf(day)}&q=${encodeURIComponent(name)}`);
    const row = page.locator(`tr[data-worker-row="${name}"]`);
    await expect.poll(() => row.locator(`[data-shift-id="${target.id}"]`).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);

    // The care home sees the new name.
    await client.goto(`/portail/${orgId}/planning?semaine=${mondayOf(day)}`);
    await expect.poll(() => client.locator(`[data-shift-id="${target.id}"]`).first().textContent()).toContain(name);
  });

  // The demo proposes a weekend shift to Awa Diallo (reached by SMS and e-mail); her full-time contract lets her take it.
  test('the worker’s phone page shows the proposed shift and the next shifts, in plain words', async () => {
    const page = await newPage(browser, { width: 360 });
    await login(page, 'salarie@ai-1.passerelle.test');
    const orgId = page.url().match(/\/moi\/([0-9a-f-]{36})/)![1];
    await page.goto(`/moi/${orgId}/mon-travail`);
    await page.getByRole('heading', { name: 'Mon prochain travail' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'On vous propose du travail' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /Oui, je viens/ }).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
  });
});
