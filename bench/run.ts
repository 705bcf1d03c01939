import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './measure.js';

/**
 * Runs every bench/*.bench.ts (each default-exports an async function returning BenchResult[])
 * and writes docs/BENCHMARKS.md. `npm run bench -- planning` runs only files whose name contains "planning".
 */
const filter = process.argv[2];
const dir = path.dirname(new URL(import.meta.url).pathname);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const results: BenchResult[] = [];
for (const file of files) {
  console.log(`▶ ${file}`);
  const mod = await import(pathToFileURL(path.join(dir, file)).href);
  try {
    const out: BenchResult[] = await mod.default();
    for (const r of out) console.log(`  ${r.pass ? '✓' : '✗'} ${r.area} — ${r.name}: ${fmt(r)} (target ${r.target})`);
    results.push(...out);
  } catch (err) {
    console.error(`  ✗ ${file} failed: ${(err as Error).stack}`);
    results.push({ area: file, name: 'benchmark crashed', target: '-', pass: false, notes: (err as Error).message });
  }
}

function fmt(r: BenchResult) {
  if (r.p95 !== undefined) return `p50 ${r.p50} ms, p95 ${r.p95} ms`;
  return `${r.value} ${r.unit ?? 'ms'}`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB.`,
  'Each figure is measured on this machine against a real database (PGlite in-process, PostgreSQL over TCP when available).',
  '',
  '| area | measure | engine | result | target | ok |',
  '|---|---|---|---|---|---|',
  ...results.map(
    (r) => `| ${r.area} | ${r.name} | ${r.engine ?? '—'} | ${fmt(r)} | ${r.target} | ${r.pass ? '✓' : '✗'} |`,
  ),
  '',
  ...results.filter((r) => r.notes).map((r) => `- **${r.area} — ${r.name}**: ${r.notes}`),
  '',
];
if (!filter) fs.writeFileSync(path.join(dir, '../docs/BENCHMARKS.md'), lines.join('\n'));
else console.log(lines.join('\n'));
process.exit(0);
