import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { readConfig } from '../src/server/config.js';
import { connect, type Database } from '../src/server/db/connect.js';
import { buildApp } from '../src/server/http/app.js';
import { withDatabase } from './global-setup.js';

/** A fresh, migrated database for this test file: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set. */
export async function testDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('templateDatabase');
  if (url && template) {
    const name = `${template}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const database = await connect({ databaseUrl: withDatabase(url, name), poolSize: 6 });
    const close = database.close;
    database.close = async () => {
      await close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    return database;
  }
  const image = inject('templateImage');
  if (!image) throw new Error('No test template: run the tests through vitest (global setup).');
  return connect({ memory: true, loadDataDir: new Blob([fs.readFileSync(image)]) });
}

export type TestContext = { database: Database; app: FastifyInstance };

/**
 * A database and an HTTP app over it, closed after the file's tests. `env` adds configuration (e.g. TRUST_PROXY);
 * `database` shares another app's database.
 */
export async function testApp(o: { env?: Record<string, string>; database?: Database } = {}): Promise<TestContext> {
  const database = o.database ?? (await testDatabase());
  const config = readConfig({ PUBLIC_URL: TEST_ORIGIN, ...o.env });
  const app = await buildApp({
    database,
    config,
    version: 'test',
    logger: process.env.TEST_LOG ? { level: 'error' } : false,
  });
  sendOriginByDefault(app);
  await app.ready();
  afterAll(async () => {
    await app.close();
    if (!o.database) await database.close();
  });
  return { database, app };
}

/** The PUBLIC_URL of test apps: requests carry it as Origin, as a browser on Passerelle's pages does. */
export const TEST_ORIGIN = 'http://passerelle.test';

/**
 * app.inject sends `Origin: TEST_ORIGIN` unless the request names its own Origin (a test of the CSRF rule
 * passes `origin: undefined` to send none): the same-origin rule for writes stays whole, and every test speaks
 * like the web app.
 */
export function sendOriginByDefault(app: FastifyInstance) {
  const inject = app.inject.bind(app) as (opts?: any, cb?: any) => any;
  (app as { inject: unknown }).inject = (opts?: any, cb?: any) => {
    if (opts === undefined) return inject();
    const o = typeof opts === 'string' ? { url: opts } : opts;
    const headers: Record<string, unknown> = { ...(o.headers ?? {}) };
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'origin')) headers.origin = TEST_ORIGIN;
    for (const k of Object.keys(headers)) if (headers[k] === undefined) delete headers[k];
    return inject({ ...o, headers }, cb);
  };
}

/** Logs in through the real endpoint and returns the cookie header to send. */
export async function loginCookie(app: FastifyInstance, email: string, password = 'test-password') {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'passerelle_session');
  return `passerelle_session=${cookie!.value}`;
}
