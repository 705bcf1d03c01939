/**
 * Migration 0048 gives the commune names copied into live records the name INSEE writes today: with its article (« Le
 * Kremlin-Bicêtre », not « Kremlin-Bicêtre ») and the current name of a commune renamed since 2018 (Valserhône, not
 * Bellegarde-sur-Valserine), where a record still holds the name the old list gave; a name written otherwise stays.
 */
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findCommune } from '../../src/server/modules/geo/communes.js';
import { databaseBefore } from './migrations-before.js';

let pg: PGlite;
const org = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  const existing = await databaseBefore('0048');
  pg = existing.pg;
  await pg.exec(`
    INSERT INTO organisations (id, slug, kind, name, commune_code, commune_name)
      VALUES ('${org}', 'ai-test', 'AI', 'AI de test', '94043', 'Kremlin-Bicêtre');
    INSERT INTO clients (organisation_id, kind, name, commune_code, commune_name) VALUES
      ('${org}', 'company', 'Le list name', '93027', 'Courneuve'),
      ('${org}', 'company', 'A name of its own', '93027', 'La Courneuve (Quatre-Mille)'),
      ('${org}', 'company', 'No article', '94028', 'Créteil'),
      ('${org}', 'company', 'No name', '76351', null);
    INSERT INTO workers (organisation_id, first_name, last_name, birth_date, commune_code, commune_name) VALUES
      ('${org}', 'Awa', 'Diallo', '1988-03-14', '94038', 'Haÿ-les-Roses'),
      ('${org}', 'Paul', 'Morel', '1979-06-02', '01033', 'Bellegarde-sur-Valserine');
  `);
  await existing.migrateToLatest();
}, 120_000);

afterAll(async () => {
  await pg?.close();
});

const names = async (table: string) =>
  (
    await pg.query<{ commune_name: string | null }>(
      `SELECT commune_name FROM ${table} ORDER BY name NULLS LAST, commune_name`,
    )
  ).rows.map((r) => r.commune_name);

test('a name the old list gave becomes the one data/communes-centroides.csv now writes', async () => {
  expect(await names('organisations')).toEqual(['Le Kremlin-Bicêtre']);
  const workers = await pg.query<{ commune_code: string; commune_name: string }>(
    'SELECT commune_code, commune_name FROM workers ORDER BY commune_code',
  );
  expect(workers.rows).toEqual([
    { commune_code: '01033', commune_name: 'Valserhône' },
    { commune_code: '94038', commune_name: "L'Haÿ-les-Roses" },
  ]);
  for (const r of [...workers.rows, { commune_code: '94043', commune_name: 'Le Kremlin-Bicêtre' }])
    expect(findCommune(r.commune_code)?.name).toBe(r.commune_name);
});

test('a name written otherwise, a name without article and a missing name stay as they were', async () => {
  // Ordered by client name: « A name of its own », « Le list name », « No article », « No name ».
  expect(await names('clients')).toEqual(['La Courneuve (Quatre-Mille)', 'La Courneuve', 'Créteil', null]);
});
