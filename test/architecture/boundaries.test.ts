/**
 * Module boundaries that hold (issue 13, docs/decisions/013-module-boundaries.md): read over the import graph of
 * src/server/modules, in milliseconds, without a database.
 *  1. No module writes another module's tables: it calls that module's operation.
 *  2. No module imports another module's routes, jobs or demo: only its operations and reads.
 *  3. Another module's tables are read only through what it publishes (`<module>/queries.ts` or `<module>/index.ts`):
 *     never by importing its `schema.ts`. A table a module does not publish is private to it.
 */
import { describe, expect, test } from 'vitest';
import { crossModuleImports, foreignWrites, publishedReadFiles, rel, sourceFiles } from './import-graph.js';

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

  test('another module’s tables are read only through the reads it publishes', () => {
    // A schema.ts referencing another module's table (a foreign key) and the demo world are not reads to publish.
    const broken = files
      .filter((f) => !/\/(schema|demo)\.ts$/.test(f))
      .flatMap((file) => crossModuleImports(file))
      .filter((i) => i.target.endsWith('/schema.ts'))
      .map(
        (i) =>
          `${rel(i.file)} imports ${rel(i.target)} (${i.names.join(', ')}): read through ${publishedReadFiles
            .map((f) => `${i.module}/${f}`)
            .join(' or ')}`,
      );
    expect(broken).toEqual([]);
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
