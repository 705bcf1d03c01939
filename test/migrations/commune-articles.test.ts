/**
 * Migration 0048 gives back the article INSEE writes to the commune names copied into live records (« Le
 * Kremlin-Bicêtre », not « Kremlin-Bicêtre »), where a record still holds the name the old list gave; a name a
 * person wrote otherwise stays.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrationsFolder } from '../../src/server/db/connect.js';
import { findCommune } from '../../src/server/modules/geo/communes.js';
import { migrationsBefore } from './migrations-before.js';

let pg: PGlite;
let folder: string;
const org = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  pg = await PGlite.create({ extensions: { btree_gist, pg_trgm, unaccent } });
  folder = migrationsBefore('0048');
  await migrate(drizzle(pg), { migrationsFolder: folder });
  await pg.exec(`
    INSERT INTO organisations (id, slug, kind, name, commune_code, commune_name)
      VALUES ('${org}', 'ai-test', 'AI', 'AI de test', '94043', 'Kremlin-Bicêtre');
    INSERT INTO clients (organisation_id, kind, name, commune_code, commune_name) VALUES
      ('${org}', 'company', 'Le list name', '93027', 'Courneuve'),
      ('${org}', 'company', 'A name of its own', '93027', 'La Courneuve (Quatre-Mille)'),
      ('${org}', 'company', 'No article', '94028', 'Créteil'),
      ('${org}', 'company', 'No name', '76351', null);
    INSERT INTO workers (organisation_id, first_name, last_name, birth_date, commune_code, commune_name)
      VALUES ('${org}', 'Awa', 'Diallo', '1988-03-14', '94038', 'Haÿ-les-Roses');
  `);
  await migrate(drizzle(pg), { migrationsFolder });
}, 120_000);

afterAll(async () => {
  await pg?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const names = async (table: string) =>
  (
    await pg.query<{ commune_name: string | null }>(
      `SELECT commune_name FROM ${table} ORDER BY name NULLS LAST, commune_name`,
    )
  ).rows.map((r) => r.commune_name);

test('a name the old list gave takes its article, as data/communes-centroides.csv now writes it', async () => {
  expect(await names('organisations')).toEqual(['Le Kremlin-Bicêtre']);
  expect((await pg.query<{ commune_name: string }>('SELECT commune_name FROM workers')).rows).toEqual([
    { commune_name: "L'Haÿ-les-Roses" },
  ]);
  expect(findCommune('94043')?.name).toBe('Le Kremlin-Bicêtre');
});

test('a name written otherwise, a name without article and a missing name stay as they were', async () => {
  // Ordered by client name: « A name of its own », « Le list name », « No article », « No name ».
  expect(await names('clients')).toEqual(['La Courneuve (Quatre-Mille)', 'La Courneuve', 'Créteil', null]);
});
