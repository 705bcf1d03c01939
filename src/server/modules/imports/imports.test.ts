import { and, count, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { makeOrg, makeUser } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { clients, sites } from '../clients/schema.js';
import { withLuhnDigit } from '../directory/rules/siret.js';
import { missions } from '../planning/schema.js';
import { placementContracts } from '../quotes/schema.js';
import { eligibilityDiagnoses, employmentContracts, passes, workers } from '../workers/schema.js';
import { dataImports } from './schema.js';

const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let admin: string;
let officer: string;
let otherAdmin: string;

beforeAll(async () => {
  orgId = (await makeOrg(db)).id;
  admin = await loginCookie(app, (await makeUser(db, { role: 'org_admin', organisationId: orgId })).email);
  officer = await loginCookie(app, (await makeUser(db, { role: 'placement_officer', organisationId: orgId })).email);
  const other = await makeOrg(db);
  otherAdmin = await loginCookie(app, (await makeUser(db, { role: 'org_admin', organisationId: other.id })).email);
});

const b64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
const upload = (url: string, payload: object, cookie = admin) =>
  app.inject({ method: 'POST', url: `/api/orgs/${orgId}${url}`, headers: { cookie }, payload });
const preview = (kind: string, content: string | Uint8Array, extra: object = {}, cookie = admin) =>
  upload('/imports/preview', { kind, fileName: 'fichier.csv', contentBase64: b64(content), ...extra }, cookie);

/** Starts an import and waits for its end, as the page does. */
async function runImport(kind: string, content: string | Uint8Array, extra: object = {}) {
  const res = await upload('/imports', { kind, fileName: 'fichier', contentBase64: b64(content), ...extra });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 200; i++) {
    const run = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/imports/${res.json().id}`,
      headers: { cookie: admin },
    });
    if (run.json().status !== 'running') return run.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const importCount = async () =>
  (await db.select({ n: count() }).from(dataImports).where(eq(dataImports.organisationId, orgId)))[0].n;

const workerCount = async () =>
  (await db.select({ n: count() }).from(workers).where(eq(workers.organisationId, orgId)))[0].n;

const workersCsv = [
  'Nom;Prénom;Date de naissance;Code postal;Commune;Métiers (codes ROME);Numéro de PASS IAE;Début du PASS IAE;Type de contrat;Début du contrat;Fin du contrat;Heures par semaine',
  'Diallo;Awa;14/03/1988;94000;Créteil;K2204, G1603;999992612345;01/09/2026;CDDI;01/09/2026;28/02/2027;24',
  'Martin;Lucas;02/11/1995;93200;Saint-Denis;K2204;;;;;;',
  '"Ben Ali";Samira;1979-06-30;75011;Paris;;999992612346;15/10/2026;;;;',
].join('\r\n');

describe('importing workers from a spreadsheet', () => {
  test('the preview lists what each line would become, checked by the real rules, and writes nothing', async () => {
    const res = await preview('workers', workersCsv);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.missingFields).toEqual([]);
    expect(p.counts).toEqual({ create: 3, skip: 0, error: 0 });
    expect(p.rows.map((r: { line: number; label: string }) => [r.line, r.label])).toEqual([
      [2, 'Awa Diallo'],
      [3, 'Lucas Martin'],
      [4, 'Samira Ben Ali'],
    ]);
    expect(await workerCount()).toBe(0);
  });

  test('importing writes every line with its PASS IAE and contract; the same file again changes nothing', async () => {
    const run = await runImport('workers', workersCsv);
    expect(run.status).toBe('done');
    expect(run.counts).toEqual({ create: 3, skip: 0, error: 0 });
    expect(await workerCount()).toBe(3);
    const [awa] = await db
      .select()
      .from(workers)
      .where(and(eq(workers.organisationId, orgId), eq(workers.lastName, 'Diallo')));
    expect(awa.communeCode).toBe('94028');
    const [pass] = await db.select().from(passes).where(eq(passes.workerId, awa.id));
    expect(pass.number).toBe('999992612345');
    const contracts = await db.select().from(employmentContracts).where(eq(employmentContracts.workerId, awa.id));
    expect(contracts.map((c) => [c.kind, c.startDate, c.weeklyMinutes])).toEqual([['cddi', '2026-09-01', 1440]]);
    const [samira] = await db
      .select()
      .from(workers)
      .where(and(eq(workers.organisationId, orgId), eq(workers.firstName, 'Samira')));
    expect(samira.communeCode).toBe('75056');

    const again = await runImport('workers', workersCsv);
    expect(again.status).toBe('done');
    expect(again.counts).toEqual({ create: 0, skip: 3, error: 0 });
    expect(again.rows[0].messages[0]).toContain('PASS IAE n° 999992612345');
    expect(again.rows[1].messages[0]).toContain('même nom et même date de naissance');
    expect(await workerCount()).toBe(3);
  });

  test('a file with one wrong line writes nothing and names each problem with its column', async () => {
    const before = await workerCount();
    const csv = [
      'Nom;Prénom;Date de naissance;Code commune INSEE;Métiers (codes ROME)',
      'Nouveau;Karim;01/02/1990;94028;K2204',
      'Erreur;Julie;30/02/1990;94028;Z9999',
      'Nouveau;Karim;01/02/1990;94028;K2204',
    ].join('\n');
    const p = (await preview('workers', csv)).json();
    expect(p.counts).toEqual({ create: 1, skip: 0, error: 2 });
    expect(p.rows[1].messages).toContain('Date de naissance : « 30/02/1990 » n’existe pas dans le calendrier.');
    expect(p.rows[2].messages).toEqual(['Même personne que la ligne 2 du fichier.']);
    const run = await runImport('workers', csv);
    expect(run.status).toBe('failed');
    expect(run.failure).toContain('rien n’a été importé');
    expect(await workerCount()).toBe(before);
  });

  test('a line whose PASS IAE is already recorded is that person’s, and is skipped', async () => {
    const csv = [
      'Nom;Prénom;Date de naissance;Code commune INSEE;Numéro de PASS IAE;Début du PASS IAE',
      'Autre;Personne;01/01/1980;94028;999992612345;01/01/2026',
    ].join('\n');
    const p = (await preview('workers', csv)).json();
    // The PASS number belongs to Awa Diallo: the line is hers, already imported.
    expect(p.rows[0].action).toBe('skip');
  });

  test('les emplois de l’inclusion’s export is read as it is: accepted applications only, postcode in « Département candidat »', async () => {
    const headers = [
      'Civilité candidat',
      'Nom candidat',
      'Prénom candidat',
      'Email candidat',
      'Téléphone candidat',
      'Date de naissance candidat',
      'Ville candidat',
      'Département candidat',
      'Nom structure employeur',
      'Métiers',
      'Statut de la candidature',
      'Dates de début d’embauche',
      'Dates de fin d’embauche',
      'Éligibilité IAE validée',
      'Numéro PASS IAE',
      'Début PASS IAE',
      'Fin PASS IAE',
      'Statut PASS IAE',
    ];
    const xlsx = await writeExcelFile([
      headers,
      [
        'MME',
        'Nguyen',
        'Linh',
        'linh.nguyen@example.org',
        '0612345678',
        '12/05/1992',
        'Vitry-sur-Seine',
        '94400',
        'AI',
        'Agent de propreté',
        'Candidature acceptée',
        '03/11/2026',
        '',
        'oui',
        '999992612399',
        '03/11/2026',
        '02/11/2028',
        'Valide',
      ],
      [
        'M',
        'Refusé',
        'Paul',
        '',
        '',
        '01/01/1990',
        'Créteil',
        '94000',
        'AI',
        '',
        'Candidature refusée',
        '',
        '',
        'non',
        '',
        '',
        '',
        '',
      ],
    ]).toBuffer();
    const p = (await preview('workers', xlsx, { fileName: 'export.xlsx' })).json();
    expect(p.mapping.postalCode).toBe('Département candidat');
    expect(p.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'skip']);
    expect(p.rows[1].messages[0]).toContain('pas une embauche');
    const run = await runImport('workers', xlsx);
    expect(run.counts).toEqual({ create: 1, skip: 1, error: 0 });
    const [linh] = await db
      .select()
      .from(workers)
      .where(and(eq(workers.organisationId, orgId), eq(workers.lastName, 'Nguyen')));
    expect([linh.communeCode, linh.hiredOn, linh.email]).toEqual(['94081', '2026-11-03', 'linh.nguyen@example.org']);
  });
});

describe('bad files get a clear error and write nothing', () => {
  test.each([
    ['a CSV saved in Windows-1252', Buffer.from('Nom;Prénom\nHéloïse;Zoé\n', 'latin1'), 'n’est pas encodé en UTF-8'],
    ['a legacy .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '.xls'],
    ['an empty file', Buffer.from(''), 'Choisissez un fichier'],
    ['only a header', Buffer.from('Nom;Prénom\n'), 'aucune ligne'],
    [
      '50 000 lines',
      Buffer.from(`Nom;Prénom;Date de naissance;Code commune INSEE\n${'X;Y;01/01/1990;94028\n'.repeat(50_000)}`),
      'Découpez-le',
    ],
  ])('%s', async (_, content, message) => {
    const res = await preview('workers', content);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(JSON.stringify(res.json().error)).toContain(message);
    // Importing it is refused the same way, before anything (not even the import's record) is written.
    await expectRefusedAndNothingWritten(content, message);
  });

  /** POST /imports answers 400 with the message; no worker and no import record were written. */
  async function expectRefusedAndNothingWritten(content: string | Uint8Array, message: string) {
    const workersBefore = await workerCount();
    const importsBefore = await importCount();
    const res = await upload('/imports', { kind: 'workers', fileName: 'f', contentBase64: b64(content) });
    if (content.length === 0) expect(res.statusCode).toBe(400);
    else {
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(message);
    }
    expect(await workerCount()).toBe(workersBefore);
    expect(await importCount()).toBe(importsBefore);
  }

  test('an XLSX with formulas is refused, naming the cells', async () => {
    const xlsx = await writeExcelFile([
      ['Nom', 'Prénom', 'Date de naissance', 'Code commune INSEE'],
      ['Calcul', { type: 'Formula', value: 'UPPER("awa")' }, '01/01/1990', '94028'],
    ] as never).toBuffer();
    const res = await preview('workers', xlsx);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('formules (cellules B2)');
    await expectRefusedAndNothingWritten(xlsx, 'formules (cellules B2)');
  });

  test('duplicates in a file (same person, same client) write nothing', async () => {
    const workersBefore = await workerCount();
    const dup = [
      'Nom;Prénom;Date de naissance;Code commune INSEE;Numéro de PASS IAE;Début du PASS IAE',
      'Double;Une;01/01/1991;94028;999992699001;01/01/2026',
      'Double;Deux;02/02/1992;94028;999992699001;01/01/2026',
    ].join('\n');
    const run = await runImport('workers', dup);
    expect(run.status).toBe('failed');
    expect(run.rows[1].messages).toEqual(['Même personne que la ligne 2 du fichier.']);
    expect(await workerCount()).toBe(workersBefore);
    const siret = withLuhnDigit('4420000000777');
    const clientsBefore = (await db.select({ n: count() }).from(clients).where(eq(clients.organisationId, orgId)))[0].n;
    const dupClients = [
      'Nom;Type de client;SIRET;Code commune INSEE;Contact;E-mail du contact',
      `Double SA;Association;${siret};94028;A;a@example.org`,
      `Double SA;Association;${siret};94028;A;a@example.org`,
    ].join('\n');
    const clientsRun = await runImport('clients', dupClients);
    expect(clientsRun.status).toBe('failed');
    expect(clientsRun.rows[1].messages).toEqual(['Même client que la ligne 2 du fichier.']);
    expect((await db.select({ n: count() }).from(clients).where(eq(clients.organisationId, orgId)))[0].n).toBe(
      clientsBefore,
    );
  });

  test('missing required columns are named, and importing is refused', async () => {
    const csv = 'Nom;Commune\nDiallo;Créteil\n';
    const p = (await preview('workers', csv)).json();
    expect(p.missingFields).toEqual(['Prénom', 'Date de naissance']);
    const res = await upload('/imports', { kind: 'workers', fileName: 'f.csv', contentBase64: b64(csv) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Prénom, Date de naissance');
  });

  test('a mapping naming a column the file does not have is refused', async () => {
    const res = await preview('workers', workersCsv, { mapping: { lastName: 'Nom de famille' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({
      path: 'mapping.lastName',
      message: 'Le fichier n’a pas de colonne « Nom de famille ».',
    });
  });
});

describe('importing clients', () => {
  const siret = withLuhnDigit('4420000000099');
  const csv = [
    'Nom,Type de client,Forme juridique (code INSEE),SIRET,Code postal,Commune,Contact,E-mail du contact,Délai de paiement (jours)',
    `EHPAD Les Tilleuls,EHPAD,"5710 - SAS, société par actions simplifiée",${siret},94000,Créteil,Claire Martin,direction@tilleuls.test,45`,
    'Mme Jeanne Petit,Particulier,,,94400,Vitry-sur-Seine,Jeanne Petit,jeanne.petit@example.org,',
  ].join('\n');

  test('creates each client once, matched by SIRET or by name and commune on the next import', async () => {
    const run = await runImport('clients', csv);
    expect(run.counts).toEqual({ create: 2, skip: 0, error: 0 });
    const rows = await db.select().from(clients).where(eq(clients.organisationId, orgId));
    const tilleuls = rows.find((c) => c.siret === siret)!;
    expect([tilleuls.kind, tilleuls.paymentTermsDays, tilleuls.email]).toEqual([
      'care_home',
      45,
      'direction@tilleuls.test',
    ]);
    expect((await runImport('clients', csv)).counts).toEqual({ create: 0, skip: 2, error: 0 });
  });

  test('a kind Passerelle does not know is named', async () => {
    const p = (
      await preview(
        'clients',
        'Nom;Type de client;Code commune INSEE;Contact;E-mail du contact\nX;Magasin;94028;Y;y@example.org\n',
      )
    ).json();
    expect(p.rows[0].messages[0]).toContain('« Magasin » n’est pas un type de client connu');
  });

  // A file from an older system may hold the code of a commune that has joined another since (INSEE COG,
  // data/communes-anciennes.csv): the client is recorded in the commune it joined, and the line says so.
  test('a former commune code is recorded as the commune it joined, and the line says so', async () => {
    const file =
      'Nom;Type de client;Code commune INSEE;Contact;E-mail du contact\nMairie annexe;Entreprise;93059;Y;y@mairie.test\n';
    const p = (await preview('clients', file)).json();
    expect(p.rows[0]).toMatchObject({
      action: 'create',
      messages: [
        'Commune : Pierrefitte-sur-Seine (93059) fait désormais partie de Saint-Denis (93066), la fiche y est enregistrée.',
      ],
    });
    expect((await runImport('clients', file)).counts).toEqual({ create: 1, skip: 0, error: 0 });
    const [saved] = await db
      .select({ communeCode: clients.communeCode, communeName: clients.communeName })
      .from(clients)
      .where(and(eq(clients.organisationId, orgId), eq(clients.name, 'Mairie annexe')));
    expect(saved).toEqual({ communeCode: '93066', communeName: 'Saint-Denis' });
  });
});

describe('importing contracts signed on paper', () => {
  const siret = withLuhnDigit('4420000000099');
  const header =
    'SIRET du client;Client;Numéro du contrat;Métiers (codes ROME);Tâches;Début;Fin;Signé le;Signé par;Salarié·es nommé·es;Salaire d’un salarié équivalent (€/h)';
  const good = `${siret};;MAD-2025-0042;K2204;Entretien des chambres;01/09/2025;31/08/2026;28/08/2025;Claire Martin;"Awa Diallo; 999992612346";13,85`;

  test('names the client and the workers from their records, and refuses what the law or the records do not allow', async () => {
    const csv = [
      header,
      good,
      ';Maison Inconnue;MAD-2025-0043;K2204;Ménage;01/09/2025;31/08/2026;28/08/2025;X;',
      `${siret};;MAD-2025-0044;K2204;Ménage;01/09/2025;31/08/2026;02/09/2025;X;Personne Inconnue`,
    ].join('\n');
    const p = (await preview('contracts', csv)).json();
    expect(p.rows.map((r: { action: string; messages: string[] }) => [r.action, r.messages])[0]).toEqual([
      'create',
      [],
    ]);
    expect(p.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'error', 'error']);
    expect(p.rows[1].messages[0]).toContain('« Maison Inconnue » n’est pas dans Passerelle');
    expect(p.rows[2].messages).toEqual([
      'Salarié·es : « Personne Inconnue » n’est pas dans Passerelle (importez d’abord les salarié·es).',
    ]);
    const lateSigned = (
      await preview(
        'contracts',
        [header, `${siret};;MAD-2025-0045;K2204;Ménage;01/09/2025;31/08/2026;02/09/2025;X;`].join('\n'),
      )
    ).json();
    expect(lateSigned.rows[0].messages[0]).toContain('R5132-20');
  });

  test('a correct file is recorded once, with its paper number, signature and named workers', async () => {
    const csv = [header, good].join('\n');
    expect((await runImport('contracts', csv)).counts).toEqual({ create: 1, skip: 0, error: 0 });
    const [contract] = await db.select().from(placementContracts).where(eq(placementContracts.organisationId, orgId));
    expect([contract.number, contract.status, contract.signedBy, contract.workerNames]).toEqual([
      'MAD-2025-0042',
      'ended',
      'Claire Martin',
      ['Awa Diallo', 'Samira Ben Ali'],
    ]);
    expect((await runImport('contracts', csv)).counts).toEqual({ create: 0, skip: 1, error: 0 });
  });
});

describe('who may import and export', () => {
  test('a placement officer may not; another AI’s director is told it does not exist', async () => {
    expect((await preview('workers', workersCsv, {}, officer)).statusCode).toBe(403);
    expect((await preview('workers', workersCsv, {}, otherAdmin)).statusCode).toBe(404);
    const res = await app.inject({ method: 'GET', url: `/api/orgs/${orgId}/export`, headers: { cookie: otherAdmin } });
    expect(res.statusCode).toBe(404);
  });

  test('the templates name every column the import reads', async () => {
    const csv = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/imports/templates/workers`,
      headers: { cookie: admin },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('Numéro de PASS IAE;Début du PASS IAE');
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/imports/templates/clients?format=xlsx`,
      headers: { cookie: admin },
    });
    const back = await preview('clients', xlsx.rawPayload);
    expect(back.json().missingFields).toEqual([]);
  });
});

describe('taking all the data out', () => {
  test('the zip holds a CSV per table of the organisation, a README of the columns, and no secret', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/orgs/${orgId}/export`, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['workers.csv', 'clients.csv', 'passes.csv', 'comptes.csv', 'LISEZMOI.md']),
    );
    const workersCsvOut = strFromU8(files['workers.csv']);
    expect(workersCsvOut).toContain('Diallo');
    expect(workersCsvOut.split('\r\n').length - 2).toBe(await workerCount());
    expect(strFromU8(files['LISEZMOI.md'])).toContain('## workers.csv');
    for (const [name, bytes] of Object.entries(files)) {
      expect(strFromU8(bytes).split('\r\n')[0], name).not.toMatch(/password|token_hash/);
    }
    expect(strFromU8(files['comptes.csv'])).not.toMatch(/argon2/);
  });

  test('sensitive data (eligibility criteria, their evidence) is in the zip only for someone who holds the right', async () => {
    const [worker] = await db
      .select({ id: workers.id })
      .from(workers)
      .where(eq(workers.organisationId, orgId))
      .limit(1);
    await db.insert(eligibilityDiagnoses).values({
      organisationId: orgId,
      workerId: worker.id,
      author: 'ai',
      madeOn: '2026-09-01',
      validUntil: '2027-02-28',
      criteria: ['aah'],
      evidence: 'notification MDPH du 12/08/2026',
    });
    const exportFor = async (cookie: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/orgs/${orgId}/export`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return unzipSync(new Uint8Array(res.rawPayload));
    };
    // An org admin does not hold the right by default (policies/sensitive.ts): the columns are there, empty.
    const without = await exportFor(admin);
    const diagnoses = strFromU8(without['eligibility_diagnoses.csv']);
    expect(diagnoses.split('\r\n')[0]).toContain('criteria');
    expect(diagnoses).not.toContain('MDPH');
    expect(diagnoses).not.toContain('aah');
    expect(strFromU8(without['LISEZMOI.md'])).toContain('réservées aux personnes habilitées');
    // Granted by name, the same admin takes everything out.
    const team = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/members/sensitive-access`,
      headers: { cookie: admin },
    });
    const me = team.json().items.find((m: { role: string }) => m.role === 'org_admin');
    const grant = await app.inject({
      method: 'PUT',
      url: `/api/orgs/${orgId}/members/${me.membershipId}/sensitive-access`,
      headers: { cookie: admin },
      payload: { granted: true },
    });
    expect(grant.statusCode, grant.body).toBe(200);
    const withRight = await exportFor(admin);
    expect(strFromU8(withRight['eligibility_diagnoses.csv'])).toContain('MDPH');
    expect(strFromU8(withRight['LISEZMOI.md'])).not.toContain('réservées aux personnes habilitées');
    // The tests after this one import as an admin without the right.
    const revoke = await app.inject({
      method: 'PUT',
      url: `/api/orgs/${orgId}/members/${me.membershipId}/sensitive-access`,
      headers: { cookie: admin },
      payload: { granted: false },
    });
    expect(revoke.statusCode).toBe(200);
  });
});

describe('importing missions with their regular shifts, then the hours worked this month', () => {
  // Dates around the day the test runs: a contract running since last month, a PASS and a work contract with it.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const monthStart = `${today.slice(0, 7)}-01`;
  const shift = (iso: string, months: number) => {
    const d = new Date(`${iso}T12:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 10);
  };
  const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const from = shift(monthStart, -1);
  const to = shift(monthStart, 5);
  const siret = withLuhnDigit('4420000000188');

  beforeAll(async () => {
    const worker = [
      'Nom;Prénom;Date de naissance;Code commune INSEE;Métiers (codes ROME);Numéro de PASS IAE;Début du PASS IAE;Type de contrat;Début du contrat;Fin du contrat;Heures par semaine',
      `Import;Moussa;05/05/1985;94028;K2204;999992600777;${fr(from)};CDDI;${fr(from)};${fr(to)};24`,
    ].join('\n');
    expect((await runImport('workers', worker)).counts.error).toBe(0);
    const client = [
      'Nom;Type de client;Forme juridique (code INSEE);SIRET;Code commune INSEE;Contact;E-mail du contact',
      `Résidence Import;EHPAD;9220;${siret};94028;Direction;direction@residence-import.test`,
    ].join('\n');
    expect((await runImport('clients', client)).counts.error).toBe(0);
    const contract = [
      'SIRET du client;Numéro du contrat;Métiers (codes ROME);Tâches;Début;Fin;Signé le;Signé par;Salarié·es nommé·es',
      `${siret};PAPIER-IMPORT-1;K2204;Entretien des locaux;${fr(from)};${fr(to)};${fr(shift(from, -1))};Direction;999992600777`,
    ].join('\n');
    expect((await runImport('contracts', contract)).counts.error).toBe(0);
  });

  const missionsCsv = () =>
    [
      'Numéro du contrat;Métier (code ROME);Début de la mission;Fin de la mission;Jours;Heure de début;Heure de fin;Salarié·e',
      `PAPIER-IMPORT-1;K2204;${fr(from)};${fr(to)};lundi, jeudi;08:00;11:00;999992600777`,
      `PAPIER-IMPORT-1;K2204;${fr(from)};${fr(to)};du lundi au vendredi;07:00;19:00;Moussa Import`,
      `INCONNU-9;K2204;${fr(from)};${fr(to)};;;;`,
    ].join('\n');

  test('the preview names each problem; a file with one wrong line writes nothing', async () => {
    const p = (await preview('missions', missionsCsv())).json();
    expect(p.missingFields).toEqual([]);
    expect(p.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'error', 'error']);
    expect(p.rows[1].messages).toEqual(['Même mission que la ligne 2 du fichier.']);
    expect(p.rows[2].messages[0]).toContain('« INCONNU-9 » n’est pas dans Passerelle');
    expect((await runImport('missions', missionsCsv())).status).toBe('failed');
  });

  test('a shift the law refuses makes its line wrong, in the rule’s words (12 h a day is over 10 h, L3121-18)', async () => {
    const csv = [
      'Numéro du contrat;Métier (code ROME);Début de la mission;Fin de la mission;Jours;Heure de début;Heure de fin;Salarié·e',
      `PAPIER-IMPORT-1;K2204;${fr(from)};${fr(to)};lundi;07:00;19:00;Moussa Import`,
    ].join('\n');
    const p = (await preview('missions', csv)).json();
    expect(p.rows[0].action).toBe('error');
    expect(p.rows[0].messages[0]).toMatch(/^Créneau du /);
  });

  test('a correct file creates the mission and its regular shifts once; the same file again changes nothing', async () => {
    const csv = missionsCsv().split('\n').slice(0, 2).join('\n');
    const run = await runImport('missions', csv);
    expect(run.counts, JSON.stringify(run.rows)).toEqual({ create: 1, skip: 0, error: 0 });
    const [{ n }] = (
      await database.executeSql(
        `SELECT count(*)::int AS n FROM shifts s JOIN missions m ON m.id = s.mission_id
         JOIN placement_contracts p ON p.id = m.placement_contract_id
         WHERE p.number = 'PAPIER-IMPORT-1' AND s.status = 'assigned' AND s.start_at >= now() - interval '1 day'`,
      )
    ).rows;
    expect(n).toBeGreaterThan(10);
    expect((await runImport('missions', csv)).counts).toEqual({ create: 0, skip: 1, error: 0 });
  });

  test('hours of this month already worked are recorded once; other months and the future are refused', async () => {
    // The first day of the month, 09:00–10:30 Paris (before the regular shifts, which start today); skipped before it ends.
    const end = new Date(`${monthStart}T10:30:00+01:00`);
    if (end.getTime() > Date.now()) return;
    const header = 'Salarié·e;Numéro du contrat;Date;Heure de début;Heure de fin';
    const csv = [header, `999992600777;PAPIER-IMPORT-1;${fr(monthStart)};09:00;10:30`].join('\n');
    const run = await runImport('hours', csv);
    expect(run.counts, JSON.stringify(run.rows)).toEqual({ create: 1, skip: 0, error: 0 });
    expect((await runImport('hours', csv)).counts).toEqual({ create: 0, skip: 1, error: 0 });
    const wrong = (
      await preview(
        'hours',
        [
          header,
          `999992600777;PAPIER-IMPORT-1;${fr(shift(monthStart, -1))};09:00;10:30`,
          `999992600777;PAPIER-IMPORT-1;${fr(shift(monthStart, 1))};09:00;10:30`,
        ].join('\n'),
      )
    ).json();
    expect(wrong.rows.map((r: { messages: string[] }) => r.messages[0])).toEqual([
      expect.stringContaining('Seules les heures de ce mois sont reprises'),
      expect.stringContaining('Seules les heures de ce mois sont reprises'),
    ]);
  });
});

describe('eligibility in the workers’ import (sensitive data: policies/sensitive.ts)', () => {
  let sensitiveAdmin: string;
  beforeAll(async () => {
    const user = await makeUser(db, { role: 'org_admin', organisationId: orgId });
    await database.executeSql(`UPDATE memberships SET sensitive_access = true WHERE user_id = '${user.id}'`);
    sensitiveAdmin = await loginCookie(app, user.email);
  });
  const header =
    'Nom;Prénom;Date de naissance;Code commune INSEE;Date du diagnostic d’éligibilité;Auteur du diagnostic;Organisation du prescripteur;Critères d’éligibilité';
  const csv = [
    header,
    'Eligible;Prescrite;03/03/1983;94028;20/08/2026;Prescripteur;France Travail Créteil;',
    // Criteria by les emplois de l'inclusion's codes and labels (itou/eligibility/enums.py).
    'Eligible;Structure;04/04/1984;94028;21/08/2026;Structure;;"CAP_BEP; Jeune (- de 26 ans)"',
    'Eligible;Rsa;05/05/1985;94028;22/08/2026;AI;;RSA',
  ].join('\n');

  test('without the sensitive data right, eligibility columns make the lines wrong and nothing is written', async () => {
    const p = (await preview('workers', csv)).json();
    expect(p.counts.error).toBe(3);
    expect(p.rows[0].messages[0]).toContain('données sensibles');
    // Unmapping the columns imports the rest.
    const unmapped = (
      await preview('workers', csv, {
        mapping: {
          lastName: 'Nom',
          firstName: 'Prénom',
          birthDate: 'Date de naissance',
          communeCode: 'Code commune INSEE',
        },
      })
    ).json();
    expect(unmapped.counts).toEqual({ create: 3, skip: 0, error: 0 });
  });

  test('the rules of the hire form: criteria required only when the AI diagnoses itself, unknown criteria named', async () => {
    const wrong = [
      header,
      'Sans;Critere;06/06/1986;94028;23/08/2026;Structure;;',
      'Critere;Inconnu;07/07/1987;94028;23/08/2026;Structure;;"RSA; Magicien"',
      'Sans;Date;08/08/1988;94028;;Prescripteur;France Travail;',
    ].join('\n');
    const p = (await preview('workers', wrong, {}, sensitiveAdmin)).json();
    expect(p.rows.map((r: { action: string }) => r.action)).toEqual(['error', 'error', 'error']);
    expect(p.rows[0].messages[0]).toContain('cochez au moins un critère');
    expect(p.rows[1].messages[0]).toContain('« Magicien » : critère inconnu');
    expect(p.rows[2].messages[0]).toContain('indiquez la date du diagnostic');
  });

  test('a person holding the right imports the diagnoses through the same operation, audited, once', async () => {
    const res = await upload(
      '/imports',
      { kind: 'workers', fileName: 'f.csv', contentBase64: b64(csv) },
      sensitiveAdmin,
    );
    expect(res.statusCode, res.body).toBe(202);
    let run: { status: string; counts: object; rows: { messages: string[] }[] } | undefined;
    for (let i = 0; i < 200 && run?.status !== 'done' && run?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (
        await app.inject({
          method: 'GET',
          url: `/api/orgs/${orgId}/imports/${res.json().id}`,
          headers: { cookie: sensitiveAdmin },
        })
      ).json();
    }
    expect(run!.counts, JSON.stringify(run!.rows)).toEqual({ create: 3, skip: 0, error: 0 });
    // The import's rows never repeat the criteria (what is kept in the import history is not sensitive).
    expect(JSON.stringify(run!.rows)).not.toMatch(/RSA|CAP/);
    const diagnoses = await db
      .select({
        lastName: workers.lastName,
        firstName: workers.firstName,
        author: eligibilityDiagnoses.author,
        prescriberName: eligibilityDiagnoses.prescriberName,
        madeOn: eligibilityDiagnoses.madeOn,
        validUntil: eligibilityDiagnoses.validUntil,
        criteria: eligibilityDiagnoses.criteria,
      })
      .from(eligibilityDiagnoses)
      .innerJoin(workers, eq(workers.id, eligibilityDiagnoses.workerId))
      .where(and(eq(eligibilityDiagnoses.organisationId, orgId), eq(workers.lastName, 'Eligible')))
      .orderBy(eligibilityDiagnoses.madeOn);
    expect(diagnoses).toEqual([
      {
        lastName: 'Eligible',
        firstName: 'Prescrite',
        author: 'prescriber',
        prescriberName: 'France Travail Créteil',
        madeOn: '2026-08-20',
        validUntil: '2027-02-19',
        criteria: [],
      },
      expect.objectContaining({ firstName: 'Structure', author: 'ai', criteria: ['low_qualification', 'young_26'] }),
      expect.objectContaining({ firstName: 'Rsa', author: 'ai', criteria: ['rsa'] }),
    ]);
    const audited = await database.executeSql(
      `SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = '${orgId}' AND action = 'eligibility.record'`,
    );
    expect(audited.rows[0].n).toBe(3);
    const again = (await preview('workers', csv, {}, sensitiveAdmin)).json();
    expect(again.counts).toEqual({ create: 0, skip: 3, error: 0 });
  });

  test('les emplois de l’inclusion’s « Éligibilité IAE validée : oui » records no diagnosis: it is « à compléter »', async () => {
    const xlsx = await writeExcelFile([
      [
        'Nom candidat',
        'Prénom candidat',
        'Date de naissance candidat',
        'Ville candidat',
        'Département candidat',
        'Statut de la candidature',
        'Éligibilité IAE validée',
      ],
      ['Validee', 'Oui', '01/02/1990', 'Créteil', '94000', 'Candidature acceptée', 'oui'],
      ['Validee', 'Non', '01/02/1991', 'Créteil', '94000', 'Candidature acceptée', 'non'],
    ]).toBuffer();
    const p = (await preview('workers', xlsx, { fileName: 'export.xlsx' })).json();
    expect(p.mapping.eligibilityValidated).toBe('Éligibilité IAE validée');
    expect(p.counts).toEqual({ create: 2, skip: 0, error: 0 });
    expect(p.rows[0].messages[0]).toContain('ni la date ni l’auteur : diagnostic à compléter');
    expect(p.rows[1].messages[0]).toContain('à compléter');
    const run = await runImport('workers', xlsx);
    expect(run.counts).toEqual({ create: 2, skip: 0, error: 0 });
    const recorded = await db
      .select({ id: eligibilityDiagnoses.id })
      .from(eligibilityDiagnoses)
      .innerJoin(workers, eq(workers.id, eligibilityDiagnoses.workerId))
      .where(and(eq(workers.organisationId, orgId), eq(workers.lastName, 'Validee')));
    expect(recorded).toEqual([]);
  });
});

describe('clients with several sites, named by contracts and missions', () => {
  const siret = withLuhnDigit('4420000000555');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const later = (months: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 10);
  };
  const csv = [
    'Nom;Type de client;Forme juridique (code INSEE);SIRET;Code commune INSEE;Contact;E-mail du contact;Lieu d’intervention;Adresse du lieu;Code postal du lieu;Commune du lieu',
    `Foyers Réunis;Association;9220;${siret};94028;Mme Roux;roux@foyers.test;;;;`,
    `Foyers Réunis;Association;9220;${siret};94028;Mme Roux;roux@foyers.test;Bâtiment B;5 rue des Lilas;;`,
    `Foyers Réunis;Association;9220;${siret};94028;Mme Roux;roux@foyers.test;Résidence de Vitry;12 avenue Rouget de Lisle;94400;Vitry-sur-Seine`,
  ].join('\n');
  const sitesOf = async () =>
    db
      .select({ name: sites.name, communeCode: sites.communeCode, id: sites.id })
      .from(sites)
      .innerJoin(clients, eq(clients.id, sites.clientId))
      .where(and(eq(clients.organisationId, orgId), eq(clients.siret, siret)))
      .orderBy(sites.createdAt);

  test('repeated lines with the same SIRET add the client once and each of its sites; again, nothing changes', async () => {
    const run = await runImport('clients', csv);
    expect(run.counts, JSON.stringify(run.rows)).toEqual({ create: 3, skip: 0, error: 0 });
    expect((await sitesOf()).map((x) => [x.name, x.communeCode])).toEqual([
      ['Foyers Réunis', '94028'],
      ['Bâtiment B', '94028'],
      ['Résidence de Vitry', '94081'],
    ]);
    const again = await runImport('clients', csv);
    expect(again.counts).toEqual({ create: 0, skip: 3, error: 0 });
    expect(await sitesOf()).toHaveLength(3);
    // A new site on an existing client is added; the same site twice in a file is a duplicate.
    const more = [
      csv.split('\n')[0],
      `Foyers Réunis;Association;9220;${siret};94028;Mme Roux;roux@foyers.test;Bâtiment C;7 rue des Lilas;;`,
      `Foyers Réunis;Association;9220;${siret};94028;Mme Roux;roux@foyers.test;bâtiment c;7 rue des Lilas;;`,
    ].join('\n');
    const p = (await preview('clients', more)).json();
    expect(p.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'error']);
    expect(p.rows[1].messages).toEqual(['Même client et même lieu que la ligne 2 du fichier.']);
  });

  test('a contract and a mission name the site they are at', async () => {
    const contracts = [
      'SIRET du client;Lieu d’intervention;Numéro du contrat;Métiers (codes ROME);Tâches;Début;Fin;Signé le;Signé par',
      `${siret};Bâtiment B;SITE-1;K2204;Entretien;${fr(today)};${fr(later(4))};${fr(today)};Mme Roux`,
      `${siret};Bâtiment Z;SITE-2;K2204;Entretien;${fr(today)};${fr(later(4))};${fr(today)};Mme Roux`,
    ].join('\n');
    const p = (await preview('contracts', contracts)).json();
    expect(p.rows[1].messages).toEqual([
      'Lieu d’intervention : « Bâtiment Z » n’est pas un lieu de ce client (importez-le avec les clients).',
    ]);
    const run = await runImport('contracts', contracts.split('\n').slice(0, 2).join('\n'));
    expect(run.counts, JSON.stringify(run.rows)).toEqual({ create: 1, skip: 0, error: 0 });
    const all = await sitesOf();
    const [contract] = await db.select().from(placementContracts).where(eq(placementContracts.number, 'SITE-1'));
    expect(contract.siteId).toBe(all.find((x) => x.name === 'Bâtiment B')!.id);
    const missionsCsv = [
      'Numéro du contrat;Métier (code ROME);Début de la mission;Fin de la mission;Lieu d’intervention',
      `SITE-1;K2204;${fr(today)};${fr(later(2))};Résidence de Vitry`,
    ].join('\n');
    const m = await runImport('missions', missionsCsv);
    expect(m.counts, JSON.stringify(m.rows)).toEqual({ create: 1, skip: 0, error: 0 });
    const [mission] = await db.select().from(missions).where(eq(missions.placementContractId, contract.id));
    expect(mission.siteId).toBe(all.find((x) => x.name === 'Résidence de Vitry')!.id);
  });
});
