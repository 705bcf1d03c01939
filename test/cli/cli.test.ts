import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/server/config.js';
import { connect } from '../../src/server/db/connect.js';
import { acquireDataDirLock } from '../../src/server/db/lock.js';

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['bin/passerelle.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 120_000,
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e) => ({ code: e.code as number, out: String(e.stdout) + String(e.stderr) }),
  );

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-cli-'));

describe('the passerelle command', () => {
  // Two processes that each load the server's sources (tsx): seconds apiece, more on a loaded CI machine.
  test('lists its subcommands and explains each with --help', { timeout: 120_000 }, async () => {
    const help = await cli(['--help']);
    for (const c of ['start', 'migrate', 'demo', 'create-org', 'create-user', 'anonymise', 'backup', 'restore'])
      expect(help.out).toContain(c);
    const one = await cli(['create-user', '--help']);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/--email/);
  });

  test('an unknown command fails with a clear message', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('Unknown command "frobnicate"');
  });

  test('creates an organisation and its admin, backs up and restores the embedded database', {
    timeout: 180_000,
  }, async () => {
    const dir = tmp();
    const env = { DATA_DIR: path.join(dir, 'db') };
    expect(
      (await cli(['create-org', '--name', 'AI du Val', '--commune', '94028', '--siret', '73282932000074'], env)).out,
    ).toContain('Created AI du Val');
    const user = await cli(
      [
        'create-user',
        '--email',
        'dir@val.fr',
        '--name',
        'Anne Dir',
        '--password',
        'un-mot-de-passe',
        '--role',
        'org_admin',
        '--org',
        'ai-du-val',
      ],
      env,
    );
    expect(user.out).toContain('Created user dir@val.fr');
    const backup = path.join(dir, 'backup.tar.gz');
    expect((await cli(['backup', backup], env)).code).toBe(0);
    expect(fs.statSync(backup).size).toBeGreaterThan(1000);
    const restoredEnv = { DATA_DIR: path.join(dir, 'restored') };
    expect((await cli(['restore', backup], restoredEnv)).out).toContain('Restored');
    const database = await connect({ dataDir: restoredEnv.DATA_DIR });
    try {
      const { rows } = await database.executeSql('SELECT email FROM users');
      expect(rows.map((r) => r.email)).toEqual(['dir@val.fr']);
    } finally {
      await database.close();
    }
    // A restore never overwrites a database by accident.
    const again = await cli(['restore', backup], restoredEnv);
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('--force');
  });

  test('refuses a bad SIRET and an unknown role with a clear message', { timeout: 120_000 }, async () => {
    const env = { DATA_DIR: path.join(tmp(), 'db') };
    expect(
      (await cli(['create-org', '--name', 'X', '--commune', '94028', '--siret', '12345678901234'], env)).out,
    ).toMatch(/SIRET/);
    expect(
      (
        await cli(
          [
            'create-user',
            '--email',
            'a@b.fr',
            '--name',
            'A',
            '--password',
            'long-enough-pw',
            '--role',
            'boss',
            '--org',
            'x',
          ],
          env,
        )
      ).out,
    ).toContain('Unknown role boss');
  });
});

describe('the embedded database', () => {
  test('a second process on the same data directory fails with a clear message', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'passerelle.pid'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(/already used by another Passerelle process/);
  });

  test('a lock left by a dead process is taken over', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'passerelle.pid'), '999999');
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'passerelle.pid'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'passerelle.pid'))).toBe(false);
  });

  test('an unreachable DATABASE_URL gives a clear error and no password in it', async () => {
    await expect(connect({ databaseUrl: 'postgres://me:secret@127.0.0.1:1/nothing' })).rejects.toThrow(
      /Cannot reach PostgreSQL at postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/nothing/,
    );
  });

  test('a malformed DATABASE_URL is refused at start', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  test('the SIRENE directory’s address and key are checked at start, with a sentence saying what to fix', () => {
    expect(() => readConfig({ SIRENE_API_URL: 'api.insee.fr/api-sirene/3.11' })).toThrow(/SIRENE_API_URL doit être/);
    expect(() => readConfig({ SIRENE_API_URL: 'https://api.insee.fr/api-sirene/3.11/siret' })).toThrow(/\/siret/);
    expect(() => readConfig({ SIRENE_API_KEY: 'a-key-without-url' })).toThrow(/sans SIRENE_API_URL/);
    expect(() =>
      readConfig({ SIRENE_API_URL: 'https://api.insee.fr/api-sirene/3.11', SIRENE_API_KEY: 'has a space' }),
    ).toThrow(/SIRENE_API_KEY/);
    expect(() =>
      readConfig({ SIRENE_API_URL: 'https://api.insee.fr/api-sirene/3.11', SIRENE_API_KEY: 'abcdef0123456789' }),
    ).not.toThrow();
  });
});
