import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../src/server/db/connect.js';

/**
 * A copy of the migrations folder whose journal stops before `tag` (drizzle applies a journal's entries in order):
 * a database migrated with it is "an existing database" for the migrations from `tag` on. The caller removes it.
 */
export function migrationsBefore(tag: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  for (const f of fs.readdirSync(migrationsFolder))
    if (f.endsWith('.sql')) fs.copyFileSync(path.join(migrationsFolder, f), path.join(dir, f));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < tag);
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

/**
 * An embedded database migrated up to, not including, `tag` — "an existing database" — and the call that runs every
 * later migration on it. The caller writes its rows in between, and closes `pg`.
 */
export async function databaseBefore(tag: string) {
  const pg = await PGlite.create({ extensions: { btree_gist, pg_trgm, unaccent } });
  const folder = migrationsBefore(tag);
  try {
    await migrate(drizzle(pg), { migrationsFolder: folder });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return { pg, migrateToLatest: () => migrate(drizzle(pg), { migrationsFolder }) };
}
