import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type Database } from '../src/server/db/connect.js';

export type BenchResult = {
  /** e.g. "Public directory" */
  area: string;
  name: string;
  engine?: 'pglite' | 'postgresql';
  /** Headline numbers, in ms unless `unit` says otherwise. */
  p50?: number;
  p95?: number;
  value?: number;
  unit?: string;
  /** What the figure is compared with, measured in the same run where possible (e.g. "bare Node 9 800 req/s"). */
  reference?: string;
  /** The figure as a ratio to its reference (e.g. "1/3.2", "99.4 %", "12 × faster"). */
  ratio?: string;
  /** The target from the issue, e.g. "p95 < 20 ms". */
  target: string;
  pass: boolean;
  notes?: string;
};

/**
 * Runs fn `iterations` times after a warm-up and returns the timings' percentiles in ms. The warm-up calls get the
 * indices after the measured ones (`iterations`, `iterations + 1`…): a bench that picks its input by index warms up
 * on other inputs than those it measures where it has more.
 */
export async function measure(fn: (i: number) => Promise<unknown>, { iterations = 200, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(iterations + i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

/**
 * `npm run bench -- --quick`: every bench at a small size, only to prove it still runs (run.ts sets it). A bench
 * picks its sizes with `sized(full, quick)`.
 */
export const QUICK = process.env.BENCH_QUICK === '1';
export const sized = <T>(full: T, quick: T): T => (QUICK ? quick : full);

export type LoadResult = {
  requests: number;
  errors: number;
  /** Requests per second over the measured window. */
  rps: number;
  p50: number;
  p99: number;
  /** Bytes of the last body received, to check that both servers answer the same. */
  bytes: number;
};

/**
 * A small closed-loop load generator (bench/load-generator.mjs, in a process of its own): `connections` keep-alive
 * connections, each sending its next request as soon as the previous answer has been read, for `durationMs` after
 * `warmupMs`. Paths are taken in turn. Any status but 200, or a socket error, counts as an error.
 */
export async function loadTest(o: {
  port: number;
  paths: string[];
  headers?: Record<string, string>;
  connections?: number;
  durationMs?: number;
  warmupMs?: number;
}): Promise<LoadResult> {
  const { fork } = await import('node:child_process');
  const child = fork(new URL('./load-generator.mjs', import.meta.url), [], { stdio: 'inherit', execArgv: [] });
  return new Promise<LoadResult>((resolve, reject) => {
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('exit', (code) => reject(new Error(`load generator exited (${code}) without a result`)));
    child.send(o);
  });
}

/**
 * PGlite as `npm start` runs it: on disk (in a temporary folder, removed on close), not in memory. In memory,
 * PGlite's files are JavaScript arrays: a new WAL segment (16 MB, zero-filled in 8 kB writes that regrow the array)
 * costs tens of ms of copies and garbage collections, at whatever call crosses it, that an installed Passerelle
 * never pays (measured: the slowest of 30 000 inserts 51 ms in memory, 9 ms on disk).
 */
export async function pgliteOnDisk(): Promise<Database> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bench-'));
  const remove = () => fs.rmSync(dataDir, { recursive: true, force: true });
  // A bench that fails before closing leaves no world of a few hundred MB behind (run.ts goes on to the next one).
  process.once('exit', remove);
  const database = await connect({ dataDir });
  return {
    ...database,
    close: async () => {
      await database.close();
      process.off('exit', remove);
      remove();
    },
  };
}
