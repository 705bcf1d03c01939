import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { makeBillingWorld } from '../../../../test/factories-billing.js';
import { withDatabase } from '../../../../test/global-setup.js';
import { connect, type Database } from '../../db/connect.js';
import { numberSequences } from '../numbering/schema.js';
import { invoiceLines, invoices, monthCloses } from './schema.js';

/**
 * The close really dies (SIGKILL of a child process) at random points, then runs again; the result must be
 * exactly that of an uninterrupted close of the same data: same invoices, numbers, totals, lines, no gap.
 */
const url = process.env.TEST_DATABASE_URL;
const tmp = path.resolve('.test-tmp', `crash-${crypto.randomBytes(4).toString('hex')}`);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Target = { databaseUrl?: string; dataDir?: string };

async function freshTarget(
  name: string,
): Promise<{ target: Target; open: () => Promise<Database>; cloneTo: (n: string) => Promise<Target> }> {
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const db = `${inject('templateDatabase')}_crash_${name}_${crypto.randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${db} TEMPLATE ${inject('templateDatabase')}`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.end();
    });
    const target = { databaseUrl: withDatabase(url, db) };
    return {
      target,
      open: () => connect({ databaseUrl: target.databaseUrl, poolSize: 2 }),
      cloneTo: async (n: string) => {
        const copy = `${db}_${n}`;
        await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${db}`);
        cleanups.push(async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
        });
        return { databaseUrl: withDatabase(url, copy) };
      },
    };
  }
  const dataDir = path.join(tmp, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const image = new Blob([fs.readFileSync(inject('templateImage')!)]);
  const first = await connect({ dataDir, loadDataDir: image });
  await first.close();
  return {
    target: { dataDir },
    open: () => connect({ dataDir }),
    cloneTo: async (n: string) => {
      const copy = path.join(tmp, n);
      fs.cpSync(dataDir, copy, { recursive: true });
      fs.rmSync(path.join(copy, 'passerelle.pid'), { force: true });
      return { dataDir: copy };
    },
  };
}

function runChild(target: Target, o: Record<string, string>, killAfterReadyMs: number | null) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.resolve('src/server/modules/billing/close-month.crash-child.ts'),
      JSON.stringify({ ...target, ...o }),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => {
    err += d;
  });
  return new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (killAfterReadyMs !== null && out.includes('ready') && !(child as { timer?: unknown }).timer) {
        (child as { timer?: unknown }).timer = setTimeout(() => child.kill('SIGKILL'), killAfterReadyMs);
      }
    });
    child.on('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
}

async function snapshot(open: () => Promise<Database>, organisationId: string) {
  const database = await open();
  try {
    const db = database.db;
    const rows = await db
      .select()
      .from(invoices)
      .where(eq(invoices.organisationId, organisationId))
      .orderBy(asc(invoices.number));
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.organisationId, organisationId));
    const seq = await db.select().from(numberSequences).where(eq(numberSequences.organisationId, organisationId));
    const [close] = await db.select().from(monthCloses).where(eq(monthCloses.organisationId, organisationId));
    return {
      closeStatus: close?.status,
      sequences: seq.map((s) => [s.kind, s.year, s.last]),
      invoices: rows.map((r) => ({
        number: r.number,
        clientId: r.clientId,
        issuedOn: r.issuedOn,
        netCents: r.netCents,
        totalCents: r.totalCents,
        lines: lines
          .filter((l) => l.invoiceId === r.id)
          .sort((a, b) => a.position - b.position)
          .map((l) => [l.position, l.label, l.minutes, l.totalCents]),
      })),
    };
  } finally {
    await database.close();
  }
}

describe('a month close killed midway', () => {
  test('re-running after kill -9 at random points gives exactly the invoices of an uninterrupted close', async () => {
    const { target, open, cloneTo } = await freshTarget('killed');
    const seeding = await open();
    const w = await makeBillingWorld(seeding.db, { clientCount: 12, shiftsPerClient: 8 });
    await seeding.close();
    const reference = await cloneTo('reference');
    const options = { organisationId: w.org.id, userId: w.accountant.id, month: w.month, issuedOn: '2026-11-02' };

    const uninterrupted = await runChild(reference, options, null);
    expect(uninterrupted.code, uninterrupted.err).toBe(0);
    const expected = await snapshot(
      () =>
        connect(
          reference.databaseUrl ? { databaseUrl: reference.databaseUrl, poolSize: 2 } : { dataDir: reference.dataDir! },
        ),
      w.org.id,
    );
    expect(expected.invoices).toHaveLength(12);

    let kills = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      const run = await runChild(target, options, Math.floor(Math.random() * 1500));
      if (run.signal === 'SIGKILL') kills++;
      else expect(run.code, run.err).toBe(0);
    }
    const final = await runChild(target, options, null);
    expect(final.code, final.err).toBe(0);
    const got = await snapshot(open, w.org.id);
    expect(got).toEqual(expected);
    expect(got.sequences).toEqual([['invoice', 2026, 12]]);
    expect(kills).toBeGreaterThan(0);
  }, 240_000);
});
