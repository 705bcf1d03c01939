import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, launchBrowser, login, newPage } from './browser.js';

const browser = await launchBrowser();

/**
 * Records every Content-Security-Policy violation of a page: the DOM event (reported before the page's own
 * scripts run) and Chromium's console errors ("Refused to load…", "Refused to apply inline style…").
 */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  return violations;
}

describe('the Content-Security-Policy', () => {
  test('the public pages, the login and the back office run with no violation', async () => {
    const page = await newPage(browser);
    const violations = await watchCsp(page);

    const home = await page.goto('/');
    expect(home!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    await page.goto('/carte');
    await page.locator('[data-testid="directory-map"][data-ready="true"]').waitFor();

    await page.goto('/annuaire');
    await page.getByTestId('result-count').waitFor();

    await login(page, 'placement@ai-1.passerelle.test');
    await expect.poll(() => page.url()).toMatch(/\/ai\/[0-9a-f-]{36}$/);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Planning' }).first().click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');

    await page.goto('/dev/boite-mail');
    await page.getByText(/adressé\(s\) à placement@ai-1\.passerelle\.test/).waitFor();

    expect(violations).toEqual([]);
  });
});

describe('the dev mailbox page', () => {
  test('asks an anonymous visitor to log in and shows nobody’s emails', async () => {
    const page = await newPage(browser);
    await page.goto('/dev/boite-mail');
    await page.getByText('Connectez-vous pour lire vos e-mails').waitFor();
    const api = await page.evaluate(() => fetch('/api/dev/mailbox').then((r) => r.status));
    expect(api).toBe(401);
  });

  test('a cross-site form cannot write with the session cookie (CSRF)', async () => {
    const page = await newPage(browser);
    await login(page, 'placement@ai-1.passerelle.test');
    const orgPath = new URL(page.url()).pathname; // /ai/<orgId>
    // The browser's own Origin goes with a write from Passerelle's page: accepted (400 for the empty body).
    const own = await page.evaluate(
      (p) =>
        fetch(`/api${p.replace('/ai/', '/orgs/')}/clients`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        }).then((r) => r.status),
      orgPath,
    );
    expect(own).toBe(400);
    // The same request from another origin, with the cookie, is refused.
    const res = await fetch(`${baseUrl()}/api${orgPath.replace('/ai/', '/orgs/')}/clients`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://evil.example',
        cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
      },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });
});
