import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeNetwork, makeUser } from '../../../../test/factories.js';
import { makeStructure } from '../../../../test/factories-directory.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { networkOrganisations } from '../accounts/schema.js';

const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;

const { app, database } = await testApp();
const db = database.db;
let networkId: string;
let cookie: string;

beforeAll(async () => {
  networkId = (await makeNetwork(db)).id;
  cookie = await loginCookie(app, (await makeUser(db, { role: 'network_coordinator', networkId })).email);
  await makeStructure(db, {
    name: 'AI déjà connue',
    communeCode: '94028',
    networkId,
    externalId: 'emplois--1',
    siret: '73282932000074',
  });
});

const structuresOfNetwork = async () =>
  (await db.select({ n: count() }).from(networkOrganisations).where(eq(networkOrganisations.networkId, networkId)))[0]
    .n;

const send = (step: 'preview' | 'confirm', format: 'csv' | 'json', content: Buffer | string) =>
  app.inject({
    method: 'POST',
    url: `/api/networks/${networkId}/structures/import/${step}`,
    headers: { cookie },
    payload: { format, contentBase64: Buffer.from(content).toString('base64') },
  });

const HEADER = 'id;nom;siret;adresse;code_postal;code_insee;telephone;courriel;site_web;type;metiers;reseaux_porteurs';

describe('import from CSV', () => {
  test('a bad file: each line says why it is rejected, and nothing is written even on confirm', async () => {
    const csv = Buffer.concat([
      Buffer.from(
        [
          HEADER,
          'emplois--1;AI déjà connue;73282932000074;1 rue Neuve;94000;94028;0143000000;contact@connue.test;;AI;K2204;ai|coorace',
          'emplois--2;Mauvais SIRET;12345678901234;;;93008;;;;EI;;ei',
          'emplois--3;Commune inconnue;;;;99999;;;;ACI;;aci',
          'emplois--4;Doublon A;;;;75056;;;;AI;;ai',
          'emplois--4;Doublon B;;;;75056;;;;AI;;ai',
          '',
        ].join('\n'),
      ),
      // A line saved in Latin-1 ("Créteil" with é = 0xE9) inside a UTF-8 file.
      Buffer.from([...Buffer.from('emplois--5;Cr'), 0xe9, ...Buffer.from('teil Services;;;;94028;;;;AI;;ai\n')]),
      Buffer.from('emplois--6;Métier inconnu;;;;94028;;;;AI;Z9999;ai\n'),
    ]);
    const before = await structuresOfNetwork();
    const res = await send('preview', 'csv', csv);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.clean).toBe(false);
    expect(preview.counts).toEqual({ create: 0, update: 1, reject: 6 });
    const byLine = Object.fromEntries(
      preview.rows.map((r: { line: number; problems: string[]; action: string }) => [r.line, r]),
    );
    expect(byLine[2].action).toBe('update');
    expect(byLine[3].problems.join()).toMatch(/SIRET 12345678901234 .*clé de contrôle/);
    expect(byLine[4].problems.join()).toMatch(/commune 99999 .* inconnue/);
    expect(byLine[5].problems.join()).toMatch(/emplois--4 en double \(lignes 5, 6\)/);
    expect(byLine[6].problems.join()).toMatch(/en double/);
    expect(byLine[7].problems.join()).toMatch(/Encodage incorrect/);
    expect(byLine[8].problems.join()).toMatch(/Code ROME inconnu : Z9999/);

    const confirm = await send('confirm', 'csv', csv);
    expect(confirm.statusCode).toBe(422);
    expect(confirm.json().error.code).toBe('import_not_clean');
    expect(confirm.json().error.message).toMatch(/Rien n’a été importé/);
    expect(await structuresOfNetwork()).toBe(before);
  });

  test('a clean file: the preview shows what will be created and updated, the confirmation writes it', async () => {
    const csv = [
      HEADER,
      'emplois--1;AI déjà connue (renommée);73282932000074;1 rue Neuve;94000;94028;0143000000;contact@connue.test;;AI;K2204|J1301;ai|coorace',
      'emplois--7;Jardins d’Ivry;;5 quai Marcel Boyer;94200;94041;;jardins@ivry.test;jardins-ivry.test;ACI;A1203;aci|chantier-ecole',
    ].join('\r\n');
    const before = await structuresOfNetwork();
    const preview = (await send('preview', 'csv', csv)).json();
    expect(preview).toMatchObject({ clean: true, counts: { create: 1, update: 1, reject: 0 } });
    expect(await structuresOfNetwork()).toBe(before);

    const res = await send('confirm', 'csv', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 1 });
    expect(await structuresOfNetwork()).toBe(before + 1);
    const pub = (await app.inject({ method: 'GET', url: '/api/public/structures?departement=94&limit=200' })).json();
    const names = pub.items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['AI déjà connue (renommée)', 'Jardins d’Ivry']));
    const ivry = pub.items.find((i: { name: string }) => i.name === 'Jardins d’Ivry');
    expect(ivry).toMatchObject({ kind: 'ACI', website: 'https://jardins-ivry.test', jobs: ['A1203'] });

    // Importing the same file again updates, never duplicates.
    const again = (await send('preview', 'csv', csv)).json();
    expect(again.counts).toEqual({ create: 0, update: 2, reject: 0 });
  });
});

describe('import from JSON (data·inclusion schema) and export', () => {
  test('imports data·inclusion structures with their coordinates', async () => {
    const structures = [
      {
        source: 'dora',
        id: 'dora--42',
        nom: 'GEIQ Propreté Essonne',
        siret: null,
        adresse: '2 place de la Gare',
        code_postal: '91000',
        code_insee: '91228',
        commune: 'Évry-Courcouronnes',
        latitude: 48.63,
        longitude: 2.44,
        courriel: 'geiq@essonne.test',
        reseaux_porteurs: ['geiq'],
        date_maj: '2026-01-15',
      },
    ];
    const preview = (await send('preview', 'json', JSON.stringify(structures))).json();
    expect(preview).toMatchObject({ clean: true, counts: { create: 1 } });
    expect((await send('confirm', 'json', JSON.stringify(structures))).statusCode).toBe(200);
    const [geiq] = (await app.inject({ method: 'GET', url: '/api/public/structures?q=geiq' })).json().items;
    expect(geiq).toMatchObject({ kind: 'GEIQ', location: { lat: 48.63, lon: 2.44 }, networks: ['geiq'] });
  });

  test('a file that is not JSON, or not in UTF-8 outside its strings, is refused with a sentence', async () => {
    const res = await send('preview', 'json', '{ pas du json');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/JSON valide/);
    // "[é]" in Latin-1: the stray byte is not inside a string, so nothing of the file can be read.
    const latin1 = await send('preview', 'json', Buffer.from([0x5b, 0xe9, 0x5d]));
    expect(latin1.statusCode).toBe(422);
    expect(latin1.json().error.message).toMatch(/UTF-8/);
  });

  test('a wrong encoding rejects only the structures it touches, naming the fields', async () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o));
    const json = Buffer.concat([
      Buffer.from('['),
      part({ id: 'enc--1', nom: 'AI de Vitry', code_insee: '94081', typologie: 'AI' }),
      // "Créteil Services" saved in Latin-1 (é = 0xE9) inside a UTF-8 file.
      Buffer.from(',{"id":"enc--2","nom":"Cr'),
      Buffer.from([0xe9]),
      Buffer.from('teil Services","code_insee":"94028","typologie":"AI"}'),
      Buffer.from(','),
      // UTF-8 read as Latin-1 and saved again: valid UTF-8, broken text.
      part({ id: 'enc--3', nom: 'Chantier du Val', commune: 'CrÃ©teil', code_insee: '94028', typologie: 'ACI' }),
      Buffer.from(']'),
    ]);
    const before = await structuresOfNetwork();
    const res = await send('preview', 'json', json);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ clean: false, counts: { create: 1, update: 0, reject: 2 } });
    const [vitry, creteil, chantier] = preview.rows;
    expect(vitry).toMatchObject({ line: 1, action: 'create', problems: [] });
    expect(creteil).toMatchObject({ line: 2, id: 'enc--2', action: 'reject' });
    expect(creteil.problems).toEqual([expect.stringMatching(/^Encodage incorrect .*« nom ».*UTF-8/)]);
    expect(chantier).toMatchObject({ line: 3, id: 'enc--3', action: 'reject' });
    expect(chantier.problems).toEqual([expect.stringMatching(/^Encodage incorrect .*« commune »/)]);

    const confirm = await send('confirm', 'json', json);
    expect(confirm.statusCode).toBe(422);
    expect(confirm.json().error.code).toBe('import_not_clean');
    expect(await structuresOfNetwork()).toBe(before);
  });

  test('the export is valid against the data·inclusion structure JSON schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/structures.datainclusion.json' });
    expect(res.statusCode).toBe(200);
    const items = res.json();
    expect(items.length).toBeGreaterThanOrEqual(3);
    // The schema as published by data·inclusion, shipped with the tests (never read from outside the repository).
    const schema = JSON.parse(
      fs.readFileSync(path.resolve('test/fixtures/data-inclusion-schema-v1/structure.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const item of items) {
      const ok = validate(item);
      expect(ok, JSON.stringify(validate.errors)).toBe(true);
    }
    expect(items.find((i: { id: string }) => i.id === 'emplois--1')).toMatchObject({
      source: 'passerelle',
      nom: 'AI déjà connue (renommée)',
      code_insee: '94028',
      reseaux_porteurs: ['ai', 'coorace'],
    });
  });
});
