/**
 * Migration 0049 moves the live records that hold the code of a commune of the 2018 list that has joined another
 * since (Étrez, 01154, in Bresse Vallons; Pierrefitte-sur-Seine, 93059, in Saint-Denis since 2025) to the code of the
 * commune it joined, and to its name where the record held the name the list gave; a name written otherwise stays. A
 * territory listing two communes that merged keeps one row.
 */
import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrationsFolder } from '../../src/server/db/connect.js';
import { findCommune, formerCommune } from '../../src/server/modules/geo/communes.js';
import { databaseBefore } from './migrations-before.js';

let pg: PGlite;
const org = '00000000-0000-4000-8000-000000000001';
const client = '00000000-0000-4000-8000-000000000002';

beforeAll(async () => {
  const existing = await databaseBefore('0049');
  pg = existing.pg;
  await pg.exec(`
    INSERT INTO organisations (id, slug, kind, name, commune_code, commune_name)
      VALUES ('${org}', 'ai-test', 'AI', 'AI de test', '93059', 'Pierrefitte-sur-Seine');
    INSERT INTO organisation_territories (organisation_id, kind, code) VALUES
      ('${org}', 'commune', '93059'), ('${org}', 'commune', '93066'),
      ('${org}', 'commune', '01154'), ('${org}', 'commune', '94028'), ('${org}', 'departement', '93');
    INSERT INTO clients (id, organisation_id, kind, name, commune_code, commune_name) VALUES
      ('${client}', '${org}', 'company', 'A the list named', '01154', 'Étrez'),
      (gen_random_uuid(), '${org}', 'company', 'B named otherwise', '01154', 'Étrez (hameau des Granges)'),
      (gen_random_uuid(), '${org}', 'company', 'C current commune', '94028', 'Créteil');
    INSERT INTO sites (organisation_id, client_id, name, commune_code, commune_name)
      VALUES ('${org}', '${client}', 'Site', '12076', 'Conques-en-Rouergue');
    INSERT INTO workers (organisation_id, first_name, last_name, birth_date, commune_code, commune_name) VALUES
      ('${org}', 'Awa', 'Diallo', '1988-03-14', '93059', 'Pierrefitte-sur-Seine');
  `);
  await existing.migrateToLatest();
}, 120_000);

afterAll(async () => {
  await pg?.close();
});

const rows = async (sql: string) => (await pg.query<Record<string, unknown>>(sql)).rows;

test('a former commune code becomes the code of the commune it joined, and the name the list gave its name', async () => {
  expect(await rows('SELECT commune_code, commune_name FROM organisations')).toEqual([
    { commune_code: '93066', commune_name: 'Saint-Denis' },
  ]);
  expect(await rows('SELECT commune_code, commune_name FROM workers')).toEqual([
    { commune_code: '93066', commune_name: 'Saint-Denis' },
  ]);
  // Conques-en-Rouergue kept its name but took a new code (12218) in 2025.
  expect(await rows('SELECT commune_code, commune_name FROM sites')).toEqual([
    { commune_code: '12218', commune_name: 'Conques-en-Rouergue' },
  ]);
  expect(await rows('SELECT name, commune_code, commune_name FROM clients ORDER BY name')).toEqual([
    { name: 'A the list named', commune_code: '01130', commune_name: 'Bresse Vallons' },
    // A name the person wrote stays: only the code follows.
    { name: 'B named otherwise', commune_code: '01130', commune_name: 'Étrez (hameau des Granges)' },
    { name: 'C current commune', commune_code: '94028', commune_name: 'Créteil' },
  ]);
});

test('a territory listing two communes that merged keeps one row; the other rows stay', async () => {
  expect(await rows('SELECT kind, code FROM organisation_territories ORDER BY kind, code')).toEqual([
    { kind: 'commune', code: '01130' },
    { kind: 'commune', code: '93066' },
    { kind: 'commune', code: '94028' },
    { kind: 'departement', code: '93' },
  ]);
});

test('every code the migration writes is a current commune of data/communes-centroides.csv', async () => {
  const sql = fs.readFileSync(`${migrationsFolder}/0049_current_communes.sql`, 'utf8');
  const mapped = [...sql.matchAll(/^\('(\w{5})', '(?:[^']|'')+', '(\w{5})', '((?:[^']|'')+)'\)/gm)];
  expect(mapped.length).toBeGreaterThan(480);
  for (const [, code, to, name] of mapped) {
    expect(findCommune(code), code).toBeUndefined();
    expect(formerCommune(code)?.commune.code, code).toBe(to);
    expect(findCommune(to)?.name, to).toBe(name.replaceAll("''", "'"));
  }
});
