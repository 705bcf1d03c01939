import fs from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'passerelle-demo';

/** Debian's Chromium (never a downloaded browser), headless, without background networking. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}

export const baseUrl = () => inject('baseUrl');

/** Every email captured for `to` (the dev mailbox, read with the test server's DEV_MAILBOX_TOKEN). */
export async function readMailbox(to: string): Promise<{ items: { subject: string; text: string; to: string }[] }> {
  const res = await fetch(`${baseUrl()}/api/dev/mailbox?to=${encodeURIComponent(to)}&limit=100`, {
    headers: { 'x-dev-mailbox-token': inject('devMailboxToken') },
  });
  if (!res.ok) throw new Error(`dev mailbox: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The SMS captured by the dev outbox (no SMS_URL), all of them or those sent to one number (E.164). */
export async function readSmsOutbox(to?: string): Promise<{ items: { to: string; text: string }[] }> {
  const res = await fetch(`${baseUrl()}/api/dev/sms?limit=100${to ? `&to=${encodeURIComponent(to)}` : ''}`, {
    headers: { 'x-dev-mailbox-token': inject('devMailboxToken') },
  });
  if (!res.ok) throw new Error(`dev SMS outbox: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * A worker's phone opened by the access link last sent by SMS to that mobile (as a record writes it): polls the
 * dev SMS outbox for the link, opens it on a new 360 px page and follows « Ouvrir ma page » to the worker's page.
 */
export async function openPhoneFromAccessSms(browser: Browser, mobile: string): Promise<Page> {
  let link = '';
  await expect
    .poll(
      async () => {
        const sms = (await readSmsOutbox(mobile)).items.find((m) => /\/acces\//.test(m.text));
        link = sms?.text.match(/https?:\/\/\S+\/acces\/[A-Za-z0-9_-]+/)?.[0] ?? '';
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  const phone = await newPage(browser, { width: 360 });
  await phone.goto(new URL(link).pathname);
  await phone.getByRole('button', { name: 'Ouvrir ma page' }).click();
  await expect.poll(() => phone.url(), { timeout: 30_000 }).toMatch(/\/moi\//);
  return phone;
}

/**
 * Badges and button labels whose text is cut (Mantine ends them in « … » when their box is narrow: « FIN DU PASS
 * LE … » once hid the date in the workers' list), and a page wider than the screen.
 */
export async function cutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut = [...document.querySelectorAll<HTMLElement>('.mantine-Badge-label, .mantine-Button-label')]
      .filter((l) => l.offsetParent !== null && l.scrollWidth > l.clientWidth + 1)
      .map((l) => `cut: « ${(l.textContent ?? '').trim()} » (${l.clientWidth} of ${l.scrollWidth} px)`);
    if (document.documentElement.scrollWidth > window.innerWidth) cut.push('the page scrolls sideways');
    return [...new Set(cut)];
  });
}

/** A fresh page (own cookies) on the test server, French locale, Paris time. */
export async function newPage(browser: Browser, options: { width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  return context.newPage();
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page and fails on serious or critical violations (UX.md, RGAA). */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Evaluated through the DevTools protocol: an inline <script> tag would be blocked by the Content-Security-Policy.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
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
  expect(violations).toEqual([]);
}
