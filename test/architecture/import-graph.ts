/**
 * Reads the import graph of src/server/modules as text (no compiler needed): which file imports what from which
 * module, and which tables each file writes. Used by boundaries.test.ts; see docs/decisions/013-module-boundaries.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const modulesRoot = resolve(import.meta.dirname, '../../src/server/modules');

export type ModuleImport = { file: string; module: string; target: string; names: string[] };
export type TableWrite = { file: string; module: string; table: string; owner: string; how: string };

/** Files a module publishes for the others to read: its tables and read queries, never its write paths. */
export const publishedReadFiles = ['queries.ts', 'index.ts'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** `planning/rules/x.ts` → `planning`. */
export function moduleOf(file: string): string {
  return relative(modulesRoot, file).split('/')[0] ?? '';
}

export function sourceFiles(): string[] {
  return walk(modulesRoot).sort();
}

const importPattern = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g;

/** Imports of another module's files, with the names taken (`type` imports included: they still couple). */
export function crossModuleImports(file: string, text = readFileSync(file, 'utf8')): ModuleImport[] {
  const found: ModuleImport[] = [];
  for (const match of text.matchAll(importPattern)) {
    const spec = match[3] ?? '';
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    if (!target.startsWith(modulesRoot)) continue;
    const module = moduleOf(target);
    if (module === moduleOf(file)) continue;
    const names = (match[2] ?? '')
      .split(',')
      .map((n) => n.trim().replace(/^type\s+/, ''))
      .filter(Boolean)
      .map((n) => n.split(/\s+as\s+/).pop() ?? n);
    found.push({ file, module, target, names });
  }
  return found;
}

/** SQL table name → the module whose schema.ts declares it. */
let owners: Map<string, string> | undefined;
export function tableOwners(): Map<string, string> {
  if (owners) return owners;
  owners = new Map<string, string>();
  for (const file of sourceFiles().filter((f) => f.endsWith('/schema.ts'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/pgTable\(\s*'([a-z_0-9]+)'/g)) {
      owners.set(match[1] ?? '', moduleOf(file));
    }
  }
  return owners;
}

/** Drizzle variable name → SQL table name, from every schema.ts. */
let variables: Map<string, string> | undefined;
function tableVariables(): Map<string, string> {
  if (variables) return variables;
  const names = new Map<string, string>();
  variables = names;
  for (const file of sourceFiles().filter((f) => f.endsWith('/schema.ts'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/export const (\w+) = pgTable\(\s*'([a-z_0-9]+)'/g)) {
      names.set(match[1] ?? '', match[2] ?? '');
    }
  }
  return names;
}

/**
 * Writes on another module's table: `.insert(t)`, `.update(t)`, `.delete(t)` where `t` was imported from another
 * module, and raw `INSERT INTO` / `UPDATE … SET` / `DELETE FROM` on a table another module declares.
 */
export function foreignWrites(file: string, text = readFileSync(file, 'utf8')): TableWrite[] {
  const module = moduleOf(file);
  const owners = tableOwners();
  const variables = tableVariables();
  const imported = new Map<string, string>();
  for (const { names } of crossModuleImports(file, text)) {
    for (const name of names) {
      const table = variables.get(name);
      if (table) imported.set(name, table);
    }
  }
  const writes: TableWrite[] = [];
  for (const match of text.matchAll(/\.(insert|update|delete)\(\s*(\w+)\s*\)/g)) {
    const table = imported.get(match[2] ?? '');
    if (table) writes.push({ file, module, table, owner: owners.get(table) ?? '?', how: match[1] ?? '' });
  }
  for (const match of text.matchAll(/\b(INSERT INTO|UPDATE|DELETE FROM)\s+"?([a-z_0-9]+)"?(\s+SET)?/g)) {
    if (match[1] === 'UPDATE' && !match[3]) continue;
    const table = match[2] ?? '';
    const owner = owners.get(table);
    if (owner && owner !== module) writes.push({ file, module, table, owner, how: match[1] ?? '' });
  }
  return writes;
}

export function rel(file: string): string {
  return relative(modulesRoot, file);
}
