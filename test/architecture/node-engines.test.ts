/**
 * Passerelle runs on Node ≥ 20.19 (package.json `engines`, README). A package that declares a later Node only
 * (`cookie` 2 declares Node ≥ 22, and came in through two updates before it was pinned out) makes `npm ci` warn and
 * may use what Node 20 lacks: every package the committed lock installs must accept the lowest Node we declare.
 */
import fs from 'node:fs';
import semver from 'semver';
import { expect, test } from 'vitest';

const text = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const read = (file: string) => JSON.parse(text(file));

test('every package of the lock accepts the lowest Node that package.json declares', () => {
  const ours: string = read('package.json').engines.node;
  const lowest = semver.minVersion(ours)?.version;
  expect(lowest).toBe('20.19.0');
  const packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> =
    read('package-lock.json').packages;
  const declared = Object.entries(packages).filter(
    ([, p]) => typeof (p.engines as { node?: string })?.node === 'string',
  );
  // The lock records engines for hundreds of packages: an empty list would mean this test reads the wrong thing.
  expect(declared.length).toBeGreaterThan(100);
  const refusing = declared
    .filter(([, p]) => !semver.satisfies(lowest as string, (p.engines as { node: string }).node))
    .map(
      ([name, p]) =>
        `${name.replace(/^.*node_modules\//, '')}@${p.version} wants Node ${(p.engines as { node: string }).node}`,
    );
  expect(refusing).toEqual([]);
});

test('the server runs with the same V8 flags wherever it is started (decision 017)', () => {
  const flags = ['--max-semi-space-size=32', '--no-allocation-site-pretenuring'];
  const { scripts } = read('package.json');
  const places = {
    'npm start': scripts.start,
    'npm run bench': scripts.bench,
    'the passerelle command': text('bin/passerelle.mjs').split('\n')[0],
    "the throughput bench's server": text('bench/throughput.bench.ts'),
  };
  for (const [place, line] of Object.entries(places))
    for (const flag of flags) expect(line.includes(flag), `${place} passes ${flag}`).toBe(true);
});
