import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cutText, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations of the page as it is now, each with the elements concerned. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: any) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n: any) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
  });
}

/** Every page the role's menu links to, read from the rendered menu (not a hard-coded sample). */
async function menuLinks(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('nav a[href]')]
      .map((a) => (a as HTMLAnchorElement).href)
      .filter((href) => href.startsWith(location.origin) && !href.includes('/api/')),
  );
  return [...new Set(hrefs.map((h) => new URL(h).pathname + new URL(h).search))];
}

/** Opens a page of the menu and waits until it is at rest: signed in, no request pending, nothing loading. */
async function openAtRest(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.waitForLoadState('networkidle');
  // Pages show a loader first: wait until nothing is loading any more.
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"], .mantine-Loader-root'), null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

const ROLES = [
  'admin@ai-1.passerelle.test',
  'placement@ai-1.passerelle.test',
  'accompagnement@ai-1.passerelle.test',
  'compta@ai-1.passerelle.test',
  'ehpad@client.passerelle.test',
  'salarie@ai-1.passerelle.test',
  'coordination@passerelle.test',
];

describe('accessibility at rest on every page of every role, at 1280 and 360 px', () => {
  test.each(ROLES)(
    '%s: no serious or critical axe violation on any page of the menu, no text cut, at 1280 and 360 px',
    async (email) => {
      const page = await newPage(browser);
      await login(page, email);
      await page.waitForLoadState('networkidle');
      const links = await menuLinks(page);
      expect(links.length).toBeGreaterThan(0);
      const found: Record<string, string[]> = {};
      const paths = [new URL(page.url()).pathname, ...links];
      for (const path of paths) {
        await openAtRest(page, path);
        const violations = [...(await seriousViolations(page)), ...(await cutText(page))];
        if (violations.length) found[path] = violations;
      }
      // The same pages on a 360 px phone: every badge and button says its whole text, nothing scrolls sideways.
      await page.setViewportSize({ width: 360, height: 800 });
      for (const path of paths) {
        await openAtRest(page, path);
        const cut = await cutText(page);
        if (cut.length) found[`${path} at 360 px`] = cut;
      }
      await page.context().close();
      expect(found).toEqual({});
    },
    300_000,
  );
});
