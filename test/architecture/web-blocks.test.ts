/**
 * Every form and list of the web app is built from the shared blocks (issue 13, docs/decisions/014-web-blocks.md):
 *  1. A form (`<form>` or `component="form"`) submits through `useApiForm` — its handler is, or calls, the form's
 *     `onSubmit` — so that every form shows the server's errors next to their field and keeps what was typed.
 *  2. A table is a `DataTable` (sort, search and pages in the URL, CSV, empty state, stacked on a phone). A Mantine
 *     `<Table>` or a bare `<StackTable>` is allowed only where the table is not a list of records (a calendar grid, an
 *     editor with inputs in its cells), said by a `Not a list: <why>` comment just before it.
 * Read as text, in milliseconds: the rule fails the day a page hand-builds a form or a list again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const webRoot = resolve(import.meta.dirname, '../../src/web');

/** The blocks themselves build their table and form. */
const blockFiles = new Set(['blocks/DataTable.tsx', 'shell/StackTable.tsx']);

/** Forms that are not sent to the API, each with its reason. */
const formsNotSent: Record<string, string> = {
  'directory/Filters.tsx': 'the public search filters only write the URL; the map and list read it',
  'directory/NetworkStructuresPage.tsx': 'the console’s filters only write the URL; the server-paged list reads it',
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

const files = walk(webRoot)
  .map((path) => ({ rel: relative(webRoot, path), text: readFileSync(path, 'utf8') }))
  .filter((f) => !blockFiles.has(f.rel));

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** The text of the JSX opening tag that starts at `start`, up to its `>` outside braces and strings. */
function openingTag(text: string, start: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '>' && depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** The expression given to `onSubmit={…}` in a tag, or null. */
function onSubmitOf(tag: string): string | null {
  const at = tag.indexOf('onSubmit={');
  if (at < 0) return null;
  let depth = 0;
  for (let i = at + 'onSubmit='.length; i < tag.length; i++) {
    if (tag[i] === '{') depth++;
    else if (tag[i] === '}' && --depth === 0) return tag.slice(at + 'onSubmit={'.length, i);
  }
  return tag.slice(at);
}

describe('web building blocks', () => {
  test('every form submits through useApiForm', () => {
    const broken: string[] = [];
    for (const { rel, text } of files) {
      if (rel in formsNotSent) continue;
      for (const match of text.matchAll(/<(form\b|[A-Z][\w.]*\b)/g)) {
        const tag = openingTag(text, match.index);
        if (match[1] !== 'form' && !/component=["{']form["}']/.test(tag)) continue;
        const handler = onSubmitOf(tag);
        if (handler && /\.onSubmit\b/.test(handler)) continue;
        broken.push(
          `${rel}:${lineOf(text, match.index)} — ${handler ? 'hand-rolled submit' : 'form without onSubmit'}`,
        );
      }
    }
    expect(broken, 'use useApiForm (src/web/blocks/useApiForm.ts) and give the form its onSubmit').toEqual([]);
  });

  test('every list is a DataTable', () => {
    const broken: string[] = [];
    for (const { rel, text } of files) {
      for (const match of text.matchAll(/<(Table|StackTable)[\s>]/g)) {
        const before = text.slice(0, match.index).split('\n').slice(-4).join('\n');
        if (/Not a list: \S/.test(before)) continue;
        broken.push(`${rel}:${lineOf(text, match.index)}`);
      }
    }
    expect(broken, 'use DataTable (src/web/blocks/DataTable.tsx), or say why it is not a list').toEqual([]);
  });

  test('the rule sees a hand-rolled form and table', () => {
    // A guard on the guard: the scans above must recognise what they forbid.
    const sample = '<form onSubmit={(e) => save(e)}>\n<Table striped>';
    expect(onSubmitOf(openingTag(sample, 0))).toBe('(e) => save(e)');
    expect([...sample.matchAll(/<(Table|StackTable)[\s>]/g)]).toHaveLength(1);
  });
});
