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
  /** The target from the issue, e.g. "p95 < 20 ms". */
  target: string;
  pass: boolean;
  notes?: string;
};

/** Runs fn `iterations` times after a warm-up and returns the timings' percentiles in ms. */
export async function measure(fn: (i: number) => Promise<unknown>, { iterations = 200, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
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
