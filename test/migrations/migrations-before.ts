import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
