import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFakeUrssaf } from '../test/fakes/urssaf-server.js';

/** Starts one real Passerelle server (embedded database, demo world) for all browser tests. */
export default async function setup(project: TestProject) {
  // While developing, point the browser tests at a server already running with the demo world (it skips the
  // minutes of seeding): E2E_BASE_URL=http://localhost:PORT E2E_MAILBOX_TOKEN=<its DEV_MAILBOX_TOKEN>.
  if (process.env.E2E_BASE_URL) {
    project.provide('baseUrl', process.env.E2E_BASE_URL);
    project.provide('devMailboxToken', process.env.E2E_MAILBOX_TOKEN ?? '');
    // The fake URSSAF that server was started with (npx tsx test/fakes/urssaf-server.ts prints its env).
    project.provide('urssafUrl', process.env.E2E_URSSAF_URL ?? '');
    return;
  }
  // A fake of URSSAF's API Tiers de prestation (avance immédiate): the server talks to it, never to URSSAF.
  const urssaf = await startFakeUrssaf();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-e2e-'));
  const port = await freePort();
  // Lets the tests read every captured email (e.g. a public need's receipt, sent to no user of Passerelle).
  const devMailboxToken = crypto.randomBytes(24).toString('hex');
  const child: ChildProcess = spawn(process.execPath, ['bin/passerelle.mjs', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
      DEV_MAILBOX_TOKEN: devMailboxToken,
      URSSAF_API_URL: urssaf.url,
      URSSAF_CLIENT_ID: urssaf.clientId,
      URSSAF_CLIENT_SECRET: urssaf.clientSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://localhost:${port}`;
  // The demo world (with three closed months of Factur-X invoices) takes a while to seed on a busy machine.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok && output.includes('Passerelle is running')) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('devMailboxToken', devMailboxToken);
  project.provide('urssafUrl', urssaf.url);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await urssaf.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    devMailboxToken: string;
    /** The fake URSSAF's address (its /_fake/ controls move a payment request's status). */
    urssafUrl: string;
  }
}
