/**
 * Module boundaries that hold (issue 13, docs/decisions/013-module-boundaries.md): read over the import graph of
 * src/server/modules, in milliseconds, without a database.
 *  1. No module writes another module's tables: it calls that module's operation.
 *  2. No module imports another module's routes, jobs or demo: only its operations and reads.
 *  3. Another module's tables are read through the reads it publishes (`<module>/queries.ts` or `<module>/index.ts`);
 *     the direct imports of `schema.ts` that remain are counted per pair of modules and may only go down.
 */
import { describe, expect, test } from 'vitest';
import { crossModuleImports, foreignWrites, moduleOf, publishedReadFiles, rel, sourceFiles } from './import-graph.js';

/**
 * Writes on another module's table that are allowed, each with its reason. Demo seeding (`demo.ts`) arranges states no
 * operation produces (hours already validated last month, a close already done), like the test factories do.
 */
const allowedWrites: { file: RegExp; table: string; why: string }[] = [
  { file: /\/demo\.ts$/, table: '*', why: 'the demo world is built like test factories' },
  {
    file: /^settings\//,
    table: 'organisations',
    why: 'the settings module owns the organisations.settings column (jsonb); accounts owns the row',
  },
];

/**
 * Direct imports of another module's schema.ts still to move behind its published reads: files of module A that
 * import module B's schema.ts, at most. Lower a number when you remove one; never raise it — publish a read in
 * `<B>/queries.ts` instead.
 */
const schemaImportsLeft: Record<string, Record<string, number>> = {
  billing: { accounts: 3, clients: 6, quotes: 2, timesheets: 3, workers: 2 },
  clients: { quotes: 1, workers: 2 },
  directory: { accounts: 10 },
  individuals: { accounts: 2, billing: 2, clients: 6 },
  needs: { accounts: 8, clients: 1, directory: 1 },
  notifications: { workers: 1 },
  payroll: { billing: 1, planning: 2, support: 1, timesheets: 1, workers: 2 },
  planning: { accounts: 7, clients: 10, quotes: 3, workers: 11 },
  quotes: { accounts: 4, clients: 13, directory: 1, workers: 1 },
  reporting: { accounts: 1, needs: 1, support: 2 },
  settings: { accounts: 2 },
  support: { accounts: 3, clients: 3, planning: 3, workers: 3 },
  timesheets: { accounts: 1, clients: 5, planning: 5, workers: 1 },
  workers: { accounts: 6, support: 3 },
};

const files = sourceFiles();

describe('module boundaries', () => {
  test('no module writes another module’s tables', () => {
    const broken = files
      .flatMap((file) => foreignWrites(file))
      .filter((w) => !allowedWrites.some((a) => a.file.test(rel(w.file)) && (a.table === '*' || a.table === w.table)))
      .map((w) => `${rel(w.file)}: ${w.how} ${w.table} (owned by ${w.owner}) — call an operation of ${w.owner}`);
    expect(broken).toEqual([]);
  });

  test('no module imports another module’s routes, jobs or demo', () => {
    const broken = files
      .filter((file) => !file.endsWith('/demo.ts'))
      .flatMap((file) => crossModuleImports(file))
      .filter((i) => /\/(routes|jobs|demo)\.ts$/.test(i.target))
      .map((i) => `${rel(i.file)} imports ${rel(i.target)}`);
    expect(broken).toEqual([]);
  });

  test('another module’s tables are read through its published reads (the rest may only shrink)', () => {
    const found: Record<string, Record<string, string[]>> = {};
    // A schema.ts referencing another module's table (a foreign key) and the demo world are not reads to publish.
    for (const file of files.filter((f) => !/\/(schema|demo)\.ts$/.test(f))) {
      for (const i of crossModuleImports(file)) {
        if (!i.target.endsWith('/schema.ts')) continue;
        const from = moduleOf(file);
        found[from] = found[from] ?? {};
        const list = found[from][i.module] ?? [];
        found[from][i.module] = list;
        if (!list.includes(rel(file))) list.push(rel(file));
      }
    }
    const over: string[] = [];
    for (const [from, targets] of Object.entries(found)) {
      for (const [to, list] of Object.entries(targets)) {
        const left = schemaImportsLeft[from]?.[to] ?? 0;
        if (list.length > left) {
          over.push(
            `${from} → ${to}/schema.ts in ${list.length} files (at most ${left}): read through ${publishedReadFiles
              .map((f) => `${to}/${f}`)
              .join(' or ')} — ${list.join(', ')}`,
          );
        }
      }
    }
    expect(over).toEqual([]);
  });

  test('the graph reader sees imports and writes (a broken reader would pass everything)', () => {
    const text = `import { workers } from '../workers/schema.js';\nawait tx.update(workers).set({});\nsql\`UPDATE memberships SET x = 1\`;`;
    const file = `${files[0]?.replace(/modules\/[^/]+\/.*$/, 'modules/planning/example.ts')}`;
    expect(crossModuleImports(file, text).map((i) => i.module)).toEqual(['workers']);
    expect(foreignWrites(file, text).map((w) => `${w.how} ${w.table}`)).toEqual([
      'update workers',
      'UPDATE memberships',
    ]);
  });
});
