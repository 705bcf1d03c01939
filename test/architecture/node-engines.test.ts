/**
 * Passerelle runs on Node ≥ 20.19 (package.json `engines`, README). A package that declares a later Node only
 * (`cookie` 2 declares Node ≥ 22, and came in through two updates before it was pinned out) makes `npm ci` warn and
 * may use what Node 20 lacks: every package the committed lock installs must accept the lowest Node we declare.
 */
import fs from 'node:fs';
import semver from 'semver';
import { expect, test } from 'vitest';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));

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
