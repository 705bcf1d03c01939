import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LEGAL } from './legal-figures.js';

/**
 * One figure of the law, one place (issue 15): every key of LEGAL is read by the server, and no rule file
 * writes a figure that LEGAL holds (a copy would not follow the law when it changes).
 */
const SERVER = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const sources = files(SERVER)
  .filter((p) => !p.endsWith(join('settings', 'legal-figures.ts')))
  .map((p) => ({ path: relative(SERVER, p), text: readFileSync(p, 'utf8') }));

describe('LEGAL: every figure of the law in one place', () => {
  test.each(Object.keys(LEGAL))('LEGAL.%s is read by the server', (key) => {
    const used = sources.some((s) => new RegExp(`\\bLEGAL\\.${key}\\b`).test(s.text));
    expect(used, `LEGAL.${key} is read nowhere in src/server: use it, or remove it`).toBe(true);
  });

  /**
   * The distinctive figures LEGAL holds, as a rule file could copy them (numbers of other meanings — 12, 24,
   * 60… — are too common to be caught without false alarms; these are not).
   */
  const DISTINCTIVE: [key: string, pattern: RegExp][] = [
    ['hoursCapMinutes', /\b480\s*\*\s*60\b|\b28_?800\b/],
    ['passDurationDays', /\b730\b/],
    ['etpHoursPerYear', /\b1_?607\b/],
    ['aideAuPosteCentsPerEtp', /\b161_?900\b/],
    ['exitCountingMinMinutes', /\b150\s*\*\s*60\b|\b9_?000\b/],
    ['dailyRestMinutes', /\b11\s*\*\s*60\b/],
    ['shiftMaxMinutes', /\b12\s*\*\s*60\b/],
    // Quoted '92' is an INSEE legal-form code (associations), not the 92 days.
    ['eligibilityAiDays', /(?<!['"])\b92\b(?!['"])/],
    ['recoveryIndemnityCents', /\b4_?000\b/],
    ['defaultVatMention', /261-7-1/],
  ];
  const rules = sources.filter((s) => /[/\\]rules[/\\]/.test(s.path));

  test('the rule files exist (the scan looks at something)', () => expect(rules.length).toBeGreaterThan(10));

  test.each(DISTINCTIVE)('no rule file hard-codes LEGAL.%s', (key, pattern) => {
    expect(key in LEGAL).toBe(true);
    const copies = rules
      .filter((s) =>
        s.text
          .split('\n')
          // Comments may cite the figure (and its article); code may not.
          .some((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && pattern.test(line.replace(/\/\/.*$/, ''))),
      )
      .map((s) => s.path);
    expect(copies, `copies of LEGAL.${key}`).toEqual([]);
  });
});
