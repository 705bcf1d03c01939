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
 * A small closed-loop load generator: `connections` keep-alive connections, each sending its next request as soon
 * as the previous answer has been read, for `durationMs` after `warmupMs`. Paths are taken in turn. Any status but
 * 200, or a socket error, counts as an error.
 */
export async function loadTest(o: {
  port: number;
  paths: string[];
  headers?: Record<string, string>;
  connections?: number;
  durationMs?: number;
  warmupMs?: number;
}): Promise<LoadResult> {
  const http = await import('node:http');
  const connections = o.connections ?? 20;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const headers = { 'accept-encoding': 'gzip, deflate, br', accept: 'application/json', ...o.headers };
  const t0 = performance.now();
  const measureFrom = t0 + (o.warmupMs ?? 1000);
  const end = measureFrom + (o.durationMs ?? 5000);
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const one = (path: string) =>
    new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: o.port, path, agent, headers }, (res) => {
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
        });
        res.on('end', () => {
          bytes = size;
          resolve(res.statusCode ?? 0);
        });
        res.on('error', () => resolve(0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  const loop = async () => {
    while (performance.now() < end) {
      const path = o.paths[next++ % o.paths.length];
      const start = performance.now();
      const status = await one(path);
      if (start >= measureFrom) {
        latencies.push(performance.now() - start);
        if (status !== 200) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN) * 100) / 100;
  const window = (performance.now() - measureFrom) / 1000;
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / window),
    p50: at(0.5),
    p99: at(0.99),
    bytes,
  };
}
