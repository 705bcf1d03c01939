import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  openPhoneFromAccessSms,
  readMailbox,
} from './browser.js';

const browser = await launchBrowser();
const run = Date.now().toString().slice(-6);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-adoption-'));

/** A valid SIRET (Luhn) from 13 digits, as the structures' files have them. */
function withLuhn(base13: string) {
  for (let d = 0; d <= 9; d++) {
    const s = `${base13}${d}`;
    const sum = [...s].reverse().reduce((acc, ch, i) => {
      let n = Number(ch) * (i % 2 ? 2 : 1);
      if (n > 9) n -= 9;
      return acc + n;
    }, 0);
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

const pass = (i: number) => `99999${run.slice(0, 1)}${String(i).padStart(6, '0')}`;
const WORKERS = 300;
const CLIENTS = 100;
const CONTRACTS = 20;
const lastYear = new Date().getFullYear() - 1;
const parisToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** The Tuesday of next week: a day with no shift of the demo for the imported people. */
const nextTuesday = addDays(parisToday, 8 - ((new Date(`${parisToday}T12:00:00Z`).getUTCDay() + 6) % 7));
/** Workers of the generic template (XLSX), with their work contract: the placement officer plans one of them. */
const templatePass = (i: number) => `99998${run.slice(0, 1)}${String(i).padStart(6, '0')}`;
/** The mobile of the imported worker who gets phone access (unique to the run, so that its SMS is found). */
const mobile = `07 ${run.slice(0, 2)} ${run.slice(2, 4)} ${run.slice(4, 6)} 00`;
const mobileE164 = `+337${run}00`;

async function uploadAndImport(
  page: import('playwright-core').Page,
  kindLabel: RegExp,
  file: string,
  expected: string,
) {
  await page.getByRole('radio', { name: kindLabel }).check();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole('heading', { name: '3. Vérification' }).waitFor({ timeout: 120_000 });
  await expect.poll(() => page.getByText(expected).count(), { timeout: 120_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: /^Importer \d+ ligne/ }).click();
  await page.getByRole('heading', { name: 'Import terminé' }).waitFor({ timeout: 180_000 });
}

/** The link of the latest email to an address, once it has arrived. */
async function linkOfEmail(to: string, pattern: RegExp) {
  let link = '';
  await expect
    .poll(
      async () => {
        const mail = (await readMailbox(to)).items.find((m) => pattern.test(m.text));
        link = mail?.text.match(pattern)?.[0] ?? '';
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  return new URL(link, 'http://x').pathname;
}

describe('an AI’s first day', () => {
  // Issue 17, « Done when »: one story, in the new structure of the invited director.
  test('the network invites the director of a new AI, who invites her team, imports 300 workers, 100 clients and 20 paper contracts, gives portal and phone access; the placement officer plans an imported worker', async () => {
    // The network adds the new AI to its directory and invites its director.
    const coordinator = await newPage(browser);
    await login(coordinator, 'coordination@passerelle.test');
    await coordinator.getByRole('link', { name: 'Annuaire' }).first().click();
    await coordinator.getByRole('heading', { name: 'Annuaire du réseau' }).waitFor();
    await coordinator.getByRole('link', { name: 'Ajouter une structure' }).click();
    const structureName = `AI Premier Jour ${run}`;
    await coordinator.getByRole('textbox', { name: /^Nom/ }).first().fill(structureName);
    await coordinator.getByRole('combobox', { name: /^Commune/ }).fill('Créteil');
    await coordinator.getByRole('option', { name: 'Créteil (94000)' }).click();
    await coordinator.getByRole('button', { name: 'Ajouter la structure' }).click();
    await coordinator.getByRole('heading', { name: 'Inviter la direction' }).waitFor();
    const directorEmail = `direction-${run}@premier-jour.passerelle.test`;
    await coordinator.getByRole('textbox', { name: /^Nom et prénom/ }).fill('Hélène Marchand');
    await coordinator.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(directorEmail);
    await coordinator.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await coordinator.getByText(`Invitation envoyée à ${directorEmail}.`).waitFor();
    await coordinator.context().close();

    // The director opens the link of the email on her own browser and chooses her password.
    const page = await newPage(browser);
    await page.goto(await linkOfEmail(directorEmail, /\/invitation\/[A-Za-z0-9_-]+/));
    await page.getByText(/Hélène Marchand, vous êtes invité·e à gérer/).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Choisissez un mot de passe').fill('une longue phrase de Créteil');
    await page.getByLabel('Confirmez le mot de passe').fill('une longue phrase de Créteil');
    await page.getByRole('button', { name: 'Activer mon accès' }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/\/ai\/[0-9a-f-]{36}$/);
    const base = page.url();
    const orgId = new URL(base).pathname.split('/')[2];

    // Her team: a placement officer and a support officer are invited; the placement officer gets in by the link.
    await page.getByRole('link', { name: 'Équipe', exact: true }).click();
    await page.getByRole('heading', { name: 'Équipe', exact: true }).waitFor();
    await page
      .getByRole('cell', { name: /Hélène Marchand/ })
      .first()
      .waitFor();
    const officerEmail = `charge-${run}@premier-jour.passerelle.test`;
    await page.getByRole('textbox', { name: /^Nom/ }).fill('Karim Benali');
    await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(officerEmail);
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page
      .getByRole('cell', { name: /Karim Benali/ })
      .first()
      .waitFor();
    await page.getByRole('textbox', { name: /^Nom/ }).fill('Sofia Mercier');
    await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(`asp-${run}@premier-jour.passerelle.test`);
    await page.getByLabel('Rôle', { exact: true }).first().click();
    await page.getByRole('option', { name: /Accompagnement/ }).click();
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page
      .getByRole('cell', { name: /Sofia Mercier/ })
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(page);
    const officer = await newPage(browser);
    await officer.goto(await linkOfEmail(officerEmail, /https?:\/\/\S+\/acces\/\S+/));
    await officer.getByLabel('Choisissez un mot de passe').fill('Une équipe de choc en 2026');
    await officer.getByLabel('Le même mot de passe, encore une fois').fill('Une équipe de choc en 2026');
    await officer.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await officer.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    // 300 workers from the les emplois de l'inclusion export (XLSX, its real columns: itou/job_applications/export.py),
    // 3 with their work contract from the generic template (XLSX), 100 clients (XLSX, one with a second site),
    // 20 contracts signed on paper last year (CSV).
    const headers = [
      'Civilité candidat',
      'Nom candidat',
      'Prénom candidat',
      'Email candidat',
      'Téléphone candidat',
      'Date de naissance candidat',
      'Ville candidat',
      'Département candidat',
      'Statut de la candidature',
      'Dates de début d’embauche',
      'Éligibilité IAE validée',
      'Numéro PASS IAE',
      'Début PASS IAE',
      'Fin PASS IAE',
    ];
    const rows = Array.from({ length: WORKERS }, (_, i) => [
      'MME',
      `Import${run}`,
      `Personne${i}`,
      '',
      i === 0 ? mobile : '',
      `0${(i % 9) + 1}/0${(i % 9) + 1}/19${70 + (i % 30)}`,
      'Créteil',
      '94000',
      'Candidature acceptée',
      '01/09/2026',
      'oui',
      pass(i),
      '01/09/2026',
      '31/08/2028',
    ]);
    const workersFile = path.join(dir, 'export-candidatures.xlsx');
    fs.writeFileSync(workersFile, await writeExcelFile([headers, ...rows]).toBuffer());
    const templateFile = path.join(dir, 'salaries-modele.xlsx');
    fs.writeFileSync(
      templateFile,
      await writeExcelFile([
        [
          'Nom',
          'Prénom',
          'Date de naissance',
          'Code commune INSEE',
          'Métiers (codes ROME)',
          'Numéro de PASS IAE',
          'Début du PASS IAE',
          'Type de contrat',
          'Début du contrat',
          'Fin du contrat',
          'Heures par semaine',
        ],
        ...[0, 1, 2].map((i) => [
          `Modele${run}`,
          `Salarie${i}`,
          `1${i}/04/1990`,
          '94028',
          'K2204',
          templatePass(i),
          fr(addDays(parisToday, -20)),
          'CDDI',
          fr(addDays(parisToday, -20)),
          fr(addDays(parisToday, 160)),
          '24',
        ]),
      ]).toBuffer(),
    );
    const siret = (i: number) => withLuhn(`44${run}${String(i).padStart(5, '0')}`);
    const clientRow = (i: number, site = '') => [
      `Résidence ${run}-${i}`,
      'EHPAD',
      '9220',
      siret(i),
      '94028',
      `Direction ${i}`,
      `direction${i}@residence-${run}.example.org`,
      site,
    ];
    const clientsFile = path.join(dir, 'clients.xlsx');
    fs.writeFileSync(
      clientsFile,
      await writeExcelFile([
        [
          'Nom',
          'Type de client',
          'Forme juridique (code INSEE)',
          'SIRET',
          'Code commune INSEE',
          'Contact',
          'E-mail du contact',
          'Lieu d’intervention',
        ],
        ...Array.from({ length: CLIENTS }, (_, i) => clientRow(i)),
        clientRow(0, 'Bâtiment B'),
      ]).toBuffer(),
    );
    const contractsFile = path.join(dir, 'contrats.csv');
    fs.writeFileSync(
      contractsFile,
      [
        'SIRET du client;Numéro du contrat;Métiers (codes ROME);Tâches;Début;Fin;Signé le;Signé par;Salarié·es nommé·es',
        ...Array.from(
          { length: CONTRACTS },
          (_, i) =>
            `${siret(i)};PAPIER-${run}-${i};K2204;Entretien des locaux;01/10/${lastYear};30/09/${lastYear + 2};25/09/${lastYear};Direction ${i};${pass(i)}${i === 0 ? `, ${templatePass(0)}` : ''}`,
        ),
      ].join('\n'),
    );

    await page.goto(`${base}/import`);
    await page.getByRole('heading', { name: 'Importer des données' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Format du fichier').first().click();
    await page.getByRole('option', { name: /Les emplois de l’inclusion/ }).click();
    await uploadAndImport(page, /^Salarié·es en insertion/, workersFile, `${WORKERS} à créer`);
    await page.reload();
    await uploadAndImport(page, /^Salarié·es en insertion/, templateFile, '3 à créer');
    await page.reload();
    await uploadAndImport(page, /^Clients/, clientsFile, `${CLIENTS + 1} à créer`);
    await page.reload();
    await uploadAndImport(page, /^Contrats de mise à disposition/, contractsFile, `${CONTRACTS} à créer`);
    await page.getByRole('heading', { name: 'Imports précédents' }).waitFor();
    await expectNoSeriousA11yViolations(page);

    // The care home gets the client portal by email; its contact opens it from the link.
    await page.goto(`${base}/clients`);
    await page.getByLabel('Rechercher').fill(`Résidence ${run}-0`);
    await page
      .getByRole('table')
      .getByRole('link', { name: new RegExp(`^Résidence ${run}-0$`) })
      .first()
      .click();
    await page.getByRole('tab', { name: /Contacts/ }).click();
    await page.getByRole('heading', { name: 'Accès au portail client' }).waitFor();
    await page.getByRole('radio', { name: 'E-mail' }).check({ force: true });
    const portalEmail = `portail-${run}@residence-${run}.example.org`;
    await page.getByLabel('Adresse e-mail').fill(portalEmail);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByText(`Un lien de connexion a été envoyé à ${portalEmail}`).waitFor();
    const contact = await newPage(browser, { width: 360 });
    await contact.goto(await linkOfEmail(portalEmail, /https?:\/\/\S+\/acces\/\S+/));
    await contact.getByRole('button', { name: 'Ouvrir ma page' }).click();
    await expect.poll(() => contact.url()).toMatch(/\/portail\/[0-9a-f-]{36}/);
    await contact.context().close();

    // An imported worker gets phone access by SMS and signs in from the link on a 360 px phone, no password.
    const worker: string = await page.evaluate(
      async ([org, name]) => {
        const r = await fetch(`/api/orgs/${org}/workers?q=${encodeURIComponent(name)}`).then((x) => x.json());
        return r.items[0].id;
      },
      [orgId, `Personne0 Import${run}`],
    );
    await page.goto(`${base}/salaries/${worker}`);
    const card = page
      .getByRole('heading', { name: 'Accès au téléphone' })
      .locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]');
    await card.getByText('SMS', { exact: true }).click();
    await card.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page
      .getByText('Un lien de connexion a été envoyé par SMS au portable de la fiche.', { exact: false })
      .waitFor();
    const phone = await openPhoneFromAccessSms(browser, mobileE164);
    await expectNoSeriousA11yViolations(phone);
    await phone.context().close();
    // Signed in for good on that phone: the long-lived session shows on the record, revocable.
    await page.reload();
    await card.getByText(/vu le/).first().waitFor();

    // The placement officer plans a shift for an imported worker under an imported contract.
    const contractId: string = await officer.evaluate(
      async ([org, number]) => {
        const r = await fetch(`/api/orgs/${org}/placement-contracts?limit=200`).then((x) => x.json());
        return r.items.find((c: { number: string }) => c.number === number).id;
      },
      [orgId, `PAPIER-${run}-0`],
    );
    await officer.goto(`/ai/${orgId}/contrats/${contractId}`);
    await officer.getByRole('link', { name: 'Créer une mission' }).click();
    await officer.getByRole('heading', { name: 'Nouvelle mission' }).waitFor();
    await officer.getByRole('button', { name: 'Créer la mission' }).click();
    await officer.getByRole('heading', { name: /^Mission / }).waitFor();
    const form = officer.getByRole('form', { name: 'Ajouter des créneaux' });
    await form.getByText('Une seule fois', { exact: true }).click();
    await form.getByLabel(/^Jour( \*)?$/).fill(nextTuesday);
    await form.getByLabel('Début').fill('09:00');
    await form.getByLabel('Fin').fill('12:00');
    await form.getByLabel('Personne', { exact: true }).first().fill('Salarie0');
    await officer.getByRole('option', { name: new RegExp(`Salarie0 Modele${run}`, 'i') }).click();
    await form.getByRole('button', { name: 'Créer le créneau' }).click();
    await expect
      .poll(
        () =>
          officer.evaluate(
            async ([org, day, name]) => {
              const r = await fetch(`/api/orgs/${org}/shifts?from=${day}&to=${day}&limit=200`).then((x) => x.json());
              return r.items.some(
                (x: { status: string; workerName?: string | null }) =>
                  x.status === 'assigned' && (x.workerName ?? '').includes(name),
              );
            },
            [orgId, nextTuesday, 'Salarie0'],
          ),
        { timeout: 90_000 },
      )
      .toBe(true);
    await officer.context().close();
    await page.context().close();
  }, 600_000);

  // « Recevoir le lien » once failed here: the forgot-password page was loaded lazily, the login form stayed on screen
  // meanwhile and the address went into its field (400, empty address). The login page now loads it in advance.
  test('a forgotten password is reset from the login page', async () => {
    const visitor = await newPage(browser, { width: 360 });
    await visitor.goto('/connexion');
    await visitor.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    // Its page is lazily rendered: until its heading shows, « Adresse e-mail » is still the login form's field.
    await visitor.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await visitor.getByLabel('Adresse e-mail').fill('compta@ai-2.passerelle.test');
    await visitor.getByRole('button', { name: 'Recevoir le lien' }).click();
    await visitor.getByText('Regardez vos e-mails').waitFor();
    await expectNoSeriousA11yViolations(visitor);
    const reset = (await readMailbox('compta@ai-2.passerelle.test')).items.find((m) => /mot-de-passe\//.test(m.text))!;
    await visitor.goto(new URL(reset.text.match(/https?:\/\/\S+\/mot-de-passe\/\S+/)![0]).pathname);
    await visitor.getByLabel('Nouveau mot de passe').fill('Printemps sur la Marne 2026');
    await visitor.getByLabel('Le même mot de passe, encore une fois').fill('Printemps sur la Marne 2026');
    await visitor.getByRole('button', { name: 'Enregistrer' }).click();
    await visitor.getByText('Mot de passe changé').waitFor();
    await login(visitor, 'compta@ai-2.passerelle.test', 'Printemps sur la Marne 2026');
  });
});
