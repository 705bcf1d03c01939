import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, test } from 'vitest';

// `passerelle start --workers N` (issue 19, docs/decisions/012-several-processes.md).
const run = promisify(execFile);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('passerelle start --workers', () => {
  test('is refused on the embedded database, with the reason', async () => {
    const out = await run(process.execPath, ['bin/passerelle.mjs', 'start', '--workers', '2'], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: '/nonexistent/never-created' },
      timeout: 60_000,
    }).then(
      () => 'started',
      // Everything the process said and how it ended, so that a failure here can be read from the CI log.
      (e) => `${e.stderr}\n[exit ${e.code} ${e.signal ?? ''}] ${e.stdout}`,
    );
    expect(out).toMatch(/--workers 2 needs PostgreSQL \(DATABASE_URL\)/);
  });

  test.runIf(process.env.TEST_DATABASE_URL)(
    'serves from 2 processes on PostgreSQL and stops them all gracefully',
    { timeout: 120_000 },
    async () => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      const name = `passerelle_workers_${crypto.randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      url.pathname = `/${name}`;
      const port = await freePort();
      const child = spawn(process.execPath, ['bin/passerelle.mjs', 'start', '--workers', '2'], {
        env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), LOG_LEVEL: 'warn', SMTP_URL: '' },
      });
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        for (let i = 0; i < 900 && !output.includes('Passerelle is running'); i++) {
          if (child.exitCode !== null) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(output).toContain('(2 processes)');
        const answers = await Promise.all(
          Array.from({ length: 10 }, () => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json())),
        );
        expect(answers.every((a) => a.status === 'ok' && a.database === 'postgresql')).toBe(true);
        const workers = Number(
          (await admin.query('SELECT count(*) FROM pg_stat_activity WHERE datname = $1', [name])).rows[0].count,
        );
        expect(workers).toBeGreaterThanOrEqual(3); // the primary's pool and jobs, and each worker's pool
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(output).toContain('SIGTERM: stopping 2 processes');
      } finally {
        child.kill('SIGKILL');
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});
