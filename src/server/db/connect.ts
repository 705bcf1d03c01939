import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { pgliteOfTransaction } from './prepared.js';

/** The one database handle every operation receives; a transaction is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type Engine = 'pglite' | 'postgresql';

/** Runs raw SQL with positional parameters; used by pg-boss and by the few places drizzle cannot express. */
export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

export type Database = {
  db: Db;
  engine: Engine;
  executeSql: SqlExecutor;
  close: () => Promise<void>;
  /** Present for PGlite only: used to dump the data directory for backups and test templates. */
  pglite?: PGlite;
  pool?: pg.Pool;
};

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export type ConnectOptions = {
  databaseUrl?: string;
  dataDir?: string;
  /** A PGlite image to start from (test templates, restore). */
  loadDataDir?: Blob;
  /** In-memory PGlite (tests): no directory, no lock. */
  memory?: boolean;
  poolSize?: number;
};

export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
  return connectPglite(options);
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`Cannot reach PostgreSQL at ${redactUrl(url)}: ${(err as Error).message}`);
  }
  // A failing idle client must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool) as unknown as Db;
  return {
    db,
    engine: 'postgresql',
    pool,
    executeSql: async (text, values) => pool.query(text, values as any[]),
    close: () => pool.end(),
  };
}

async function connectPglite(options: ConnectOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (!options.memory) {
    dataDir = path.resolve(options.dataDir ?? './data/pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: options.memory ? undefined : dataDir,
      loadDataDir: options.loadDataDir,
      extensions: { btree_gist, pg_trgm, unaccent },
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  // Each transaction's object names the instance it runs on: its prepared statements live there (prepared.ts).
  const transaction = client.transaction.bind(client);
  client.transaction = (fn) =>
    transaction((tx) => {
      pgliteOfTransaction.set(tx, client);
      return fn(tx);
    });
  const db = drizzlePglite(client) as unknown as Db;
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    executeSql: async (text, values) => client.query(text, values as any[]),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      lock?.release();
    },
  };
}

/** Applies the SQL migrations of ./drizzle. Several app servers may start at once: an advisory lock serialises them. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'postgresql') {
    const client = await database.pool!.connect();
    try {
      await client.query('SELECT pg_advisory_lock(727274)');
      await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {});
      client.release();
    }
    return;
  }
  await migratePglite(drizzlePglite(database.pglite!), { migrationsFolder });
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}
