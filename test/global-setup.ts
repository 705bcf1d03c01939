import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect, migrateDatabase } from '../src/server/db/connect.js';

/**
 * Migrates one template database per run; each test file then starts from a copy of it
 * (a PGlite image, or CREATE DATABASE … TEMPLATE on PostgreSQL), so the suite stays fast and isolated.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `passerelle_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const tplUrl = withDatabase(url, name);
    const database = await connect({ databaseUrl: tplUrl, poolSize: 1 });
    await migrateDatabase(database);
    await database.close();
    project.provide('templateDatabase', name);
    return async () => {
      // Clones made by test files are dropped by the files themselves; drop stragglers and the template.
      const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}%`]);
      for (const r of rows.reverse()) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = path.resolve('.test-tmp');
  fs.mkdirSync(dir, { recursive: true });
  const database = await connect({ memory: true });
  await migrateDatabase(database);
  const image = await database.pglite!.dumpDataDir('none');
  const file = path.join(dir, `template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  await database.close();
  project.provide('templateImage', file);
  return () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateImage?: string;
    templateDatabase?: string;
  }
}
