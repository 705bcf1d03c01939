import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './measure.js';

/**
 * Runs every bench/*.bench.ts (each default-exports an async function returning BenchResult[]) and writes
 * docs/BENCHMARKS.md. A new bench is a new bench/<name>.bench.ts file: it is found by its name (ORDER below only
 * sorts). `npm run bench -- planning` runs only files whose name contains "planning" and prints the table.
 * `npm run bench -- --quick` runs every bench at a small size (BENCH_QUICK=1, see `sized` in measure.ts) to prove
 * they still run; it writes its table to a temporary file, never to docs/BENCHMARKS.md.
 * The planning bench reads BENCH_ENGINES=pglite|postgresql (one engine), BENCH_RANKING_ONLY=1 (the ranking figures
 * alone), BENCH_SKIP_NAIVE=1 (no naive ranking: before/after comparisons) and BENCH_DATABASE_URL (the PostgreSQL
 * server, default postgres://postgres@127.0.0.1:5432/test, on which it creates and drops its own database).
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
if (quick) process.env.BENCH_QUICK = '1';
const filter = args.find((a) => !a.startsWith('--'));
const ORDER = ['throughput', 'directory', 'planning', 'billing', 'dashboards'];
const rank = (f: string) => {
  const i = ORDER.findIndex((o) => f.startsWith(o));
  return i < 0 ? ORDER.length : i;
};
const dir = path.dirname(new URL(import.meta.url).pathname);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const started = performance.now();
const results: BenchResult[] = [];
for (const file of files) {
  const t0 = performance.now();
  console.log(`▶ ${file}`);
  try {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    const out: BenchResult[] = await mod.default({ quick });
    for (const r of out) console.log(`  ${r.pass ? '✓' : '✗'} ${r.area} — ${r.name}: ${fmt(r)} (target ${r.target})`);
    results.push(...out);
  } catch (err) {
    console.error(`  ✗ ${file} failed: ${(err as Error).stack}`);
    results.push({ area: file, name: 'benchmark crashed', target: '-', pass: false, notes: (err as Error).message });
  }
  console.log(`  (${file}: ${Math.round((performance.now() - t0) / 1000)} s)`);
}

function fmt(r: BenchResult) {
  if (r.p95 !== undefined) return `p50 ${r.p50} ms, p95 ${r.p95} ms`;
  return `${r.value} ${r.unit ?? 'ms'}`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench${quick ? ' -- --quick` (small sizes: the figures only prove that the benches run)' : '`'} on ${date}: Node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; ${Math.round((performance.now() - started) / 1000)} s in all.`,
  'Each figure is measured on this machine against a real database (PGlite in-process, on disk as `npm start` runs it; PostgreSQL over TCP when available).',
  'Where a figure has a reference measured in the same run (a bare Node server answering the same bytes, the bare SQL',
  'query, the exact optimum…), the ratio column compares them: ratios hold on a busy machine when absolute figures do not.',
  '',
  '| area | measure | engine | result | reference | ratio | target | ok |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.area} | ${r.name} | ${r.engine ?? '—'} | ${fmt(r)} | ${r.reference ?? '—'} | ${r.ratio ?? '—'} | ${r.target} | ${r.pass ? '✓ pass' : '✗ miss'} |`,
  ),
  '',
  `${results.filter((r) => r.pass).length} pass, ${results.filter((r) => !r.pass).length} miss.`,
  '',
  ...results
    .filter((r) => r.notes)
    .map((r) => `- **${r.area} — ${r.name}**${r.engine ? ` (${r.engine})` : ''}: ${r.notes}`),
  '',
];
const text = lines.join('\n');
if (quick) {
  const out = path.join(os.tmpdir(), `passerelle-bench-quick-${process.pid}.md`);
  fs.writeFileSync(out, text);
  console.log(`\nQuick run: ${results.length} figures, table written to ${out} (docs/BENCHMARKS.md untouched).`);
  // Quick mode proves the benches run: a crash fails it, a missed target (noise at small sizes) does not.
  const crashed = results.filter((r) => r.name === 'benchmark crashed');
  console.log(`${Math.round((performance.now() - started) / 1000)} s; ${crashed.length} bench(es) crashed.`);
  process.exit(crashed.length ? 1 : 0);
}
if (!filter) fs.writeFileSync(path.join(dir, '../docs/BENCHMARKS.md'), text);
else console.log(text);
process.exit(0);
