import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

/**
 * Issue 13: the web app calls the API through the typed client (`call(endpoint, …)`, `urlOf(endpoint, …)` from
 * src/web/api.ts, endpoints in src/shared/<concept>.ts), never with a URL built by hand or an answer cast to a
 * type. This counts, per file of src/web, the hand-built API URLs (a string or template holding `/api/`) and the
 * casts of API answers (`api<T>(…)`, `… as T` on an `api(…)` or `.json()` result): there must be none (the
 * baseline of files still doing it reached zero and was removed).
 */
const WEB = path.resolve(import.meta.dirname, '../../src/web');

function offences(source: string): { urls: number; casts: number } {
  const code = source.replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, ''); // comments name URLs freely
  const urls = (code.match(/[`'"]\/api\/[^`'"]*[`'"]/g) ?? []).length;
  const casts =
    (code.match(/\bapi<[^>(]*>\(/g) ?? []).length +
    (code.match(/\b(?:api|fetch)\([^;]*?\)\)?\s+as\s+[A-Z{[]/g) ?? []).length +
    (code.match(/\.json\(\)\)?\s+as\s+/g) ?? []).length;
  return { urls, casts };
}

function webFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return webFiles(p);
    // api.ts is the client itself.
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && p !== path.join(WEB, 'api.ts') ? [p] : [];
  });
}

function count() {
  const out: Record<string, { urls: number; casts: number }> = {};
  for (const file of webFiles(WEB)) {
    const o = offences(fs.readFileSync(file, 'utf8'));
    if (o.urls || o.casts) out[path.relative(WEB, file)] = o;
  }
  return out;
}

test('the detector sees hand-built URLs and casts, and not the typed client', () => {
  const handBuilt = ['const a = await api<Foo>(`/api/orgs/', '$', '{orgId}/x`);'].join('');
  expect(offences(handBuilt)).toEqual({ urls: 1, casts: 1 });
  expect(offences("const r = (await res.json()) as Foo; fetch('/api/me')")).toEqual({ urls: 1, casts: 1 });
  expect(offences('call(timesheetsApi.get, { params: { orgId, id } }); urlOf(quotesApi.pdf, { params })')).toEqual({
    urls: 0,
    casts: 0,
  });
});

test('no page builds an API URL by hand or casts an API answer', () => {
  const now = count();
  if (process.env.CONTRACT_REPORT) fs.writeFileSync(process.env.CONTRACT_REPORT, JSON.stringify(now, null, 2));
  const offenders = Object.entries(now).map(([file, o]) => `${file}: ${o.urls} URLs, ${o.casts} casts`);
  expect(offenders, 'use call()/urlOf() with an endpoint of src/shared instead').toEqual([]);
});
