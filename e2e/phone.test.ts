import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parisToday as parisDay } from '../src/server/modules/calendar/paris-time.js';
import { expectNoSeriousA11yViolations, launchBrowser, login, newPage, openPhoneFromAccessSms } from './browser.js';

const browser = await launchBrowser();

const clock = (d: Date | string) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(
    new Date(d),
  );

const api = <T>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> =>
  page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u as string, {
        method: m as string,
        headers: b ? { 'content-type': 'application/json' } : {},
        body: b ? JSON.stringify(b) : undefined,
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    [method, url, body] as const,
  );

/**
 * The FALC rules a machine can check (UX.md; « Falc » guide of Unapei / Inclusion Europe): sentences of at most
 * 15 words, one action per block (data-falc-block), an SVG pictogram in every action, no emoji, and every button's
 * whole text visible on the phone's width.
 */
async function falcProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector('main') ?? document.body;
    const text = main.textContent ?? '';
    if (/\p{Extended_Pictographic}/u.test(text)) problems.push('emoji in the page');
    for (const el of main.querySelectorAll('p, h1, h2, h3, label, .mantine-Alert-message')) {
      for (const sentence of (el.textContent ?? '').split(/(?<=[.!?])\s+/)) {
        const words = sentence.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));
        if (words.length > 15) problems.push(`sentence of ${words.length} words: ${sentence.slice(0, 80)}`);
      }
    }
    for (const block of main.querySelectorAll('[data-falc-block]')) {
      const actions = [...block.querySelectorAll('[data-action]')].filter(
        (a) => a.closest('[data-falc-block]') === block,
      );
      const kinds = new Set(actions.map((a) => a.getAttribute('data-action')));
      if (kinds.size > 1) problems.push(`block ${block.getAttribute('data-falc-block')} has ${[...kinds].join(', ')}`);
    }
    for (const action of main.querySelectorAll('button, a[data-action]')) {
      const el = action as HTMLElement;
      if (el.offsetParent === null || el.closest('[role="radiogroup"], .mantine-Switch-root')) continue;
      const name = (el.textContent ?? '').trim() || (el.getAttribute('aria-label') ?? '');
      if (!el.querySelector('svg')) problems.push(`no icon in « ${name} »`);
      const label = el.querySelector('.mantine-Button-label') as HTMLElement | null;
      const box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 1) problems.push(`« ${name} » goes past the screen`);
      if (label && label.scrollWidth > label.clientWidth + 1) problems.push(`« ${name} » is cut`);
    }
    return problems;
  });
}

describe('a worker reached by SMS, on a 360 px phone', () => {
  test('receives a proposal by SMS, accepts it in one tap, clocks in and out; the client sees the real times', async () => {
    // The placement officer needs someone at the demo care home in a few minutes.
    const officer = await newPage(browser);
    await login(officer, 'placement@ai-1.passerelle.test');
    const me = await api<{ memberships: { organisationId: string }[] }>(officer, 'GET', '/api/me');
    const org = me.json.memberships[0].organisationId;
    const base = `/api/orgs/${org}`;
    // The care home's cleaning mission (Awa Diallo's, the demo worker: her care home is the demo client).
    const awaShifts = await api<{ items: { workerName: string; missionId: string }[] }>(
      officer,
      'GET',
      `${base}/shifts?status=assigned&from=${parisDay(new Date())}&to=${parisDay(new Date(Date.now() + 7 * 86_400_000))}&limit=200`,
    );
    const missionId = awaShifts.json.items.find((s) => s.workerName === 'Awa Diallo')?.missionId;
    expect(missionId).toBeTruthy();
    const start = new Date(Math.ceil((Date.now() + 10 * 60_000) / 300_000) * 300_000);
    const end = new Date(start.getTime() + 60 * 60_000);
    const created = await api<{ id: string }>(officer, 'POST', `${base}/shifts`, {
      missionId,
      start: start.toISOString(),
      end: end.toISOString(),
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const shiftId = created.json.id;
    // Whoever the ranking puts first, any hour of any day: a worker free now, whom the law lets work this hour (not
    // a fixed demo worker, whose own shifts and their 11 h of daily rest would close some hours to the walk).
    const candidates = await api<{ items: { workerId: string; name: string }[] }>(
      officer,
      'GET',
      `${base}/shifts/${shiftId}/candidates?limit=5`,
    );
    expect(candidates.json.items.length, 'someone can take the shift').toBeGreaterThan(0);
    const { workerId, name } = candidates.json.items[0];
    const record = await api<{ phone: string | null }>(officer, 'GET', `${base}/workers/${workerId}`);
    expect(record.json.phone, `${name} has a mobile in her record`).toMatch(/^0[67]/);

    // Her phone is opened for her once, by SMS (the support officer's card, tested below).
    const invited = await api(officer, 'POST', `${base}/workers/${workerId}/access`, { name, channel: 'sms' });
    expect(invited.status, JSON.stringify(invited.json)).toBe(201);
    const phone = await openPhoneFromAccessSms(browser, record.json.phone!);

    // The officer offers her the shift: it goes by SMS.
    const proposed = await api<{ items: { channel: string }[] }>(
      officer,
      'POST',
      `${base}/shifts/${shiftId}/proposals`,
      { workerIds: [workerId] },
    );
    expect(proposed.status, JSON.stringify(proposed.json)).toBe(201);
    expect(proposed.json.items[0].channel).toBe('sms');

    // On her phone: the SMS is in the dev outbox; she opens its link.
    await phone.goto('/dev/boite-mail');
    const sms = phone
      .locator('[data-sms-id]')
      .filter({ hasText: `de ${clock(start).replace(':', 'h')} à` })
      .first();
    await sms.waitFor();
    const link = sms.getByRole('link', { name: /\/proposition\// });
    await link.click();
    await phone.getByRole('heading', { name: 'Travail proposé' }).waitFor();
    expect(await falcProblems(phone)).toEqual([]);
    await expectNoSeriousA11yViolations(phone);
    await phone.getByRole('button', { name: 'Oui, je viens' }).click();
    await phone.getByText('Merci ! Ce travail est à vous.').waitFor();

    // Her page: the next work first, « J'arrive », then « Je pars ».
    await phone.goto(`/moi/${org}/mon-travail`);
    await phone.getByRole('heading', { name: 'Mon prochain travail' }).waitFor();
    const card = phone.locator(`[data-clock-shift="${shiftId}"]`);
    await card.getByRole('button', { name: 'J’arrive' }).click();
    await phone.getByText(/Vous êtes arrivé·e à \d\d:\d\d/).waitFor();
    expect(await falcProblems(phone)).toEqual([]);
    await expectNoSeriousA11yViolations(phone);
    await card.getByRole('button', { name: 'Je pars' }).click();
    await phone.getByText(/Vous êtes parti·e à \d\d:\d\d/).waitFor();
    const clocked = await api<{ items: { shiftId: string; arrivedAt: string; leftAt: string }[] }>(
      phone,
      'GET',
      `${base}/me/clock`,
    );
    const times = clocked.json.items.find((i) => i.shiftId === shiftId)!;
    expect(times.arrivedAt).toBeTruthy();
    expect(times.leftAt).toBeTruthy();

    // The care home sees the real times on its timesheet (not the planned ones).
    const client = await newPage(browser);
    await login(client, 'ehpad@client.passerelle.test');
    const sheets = await api<{ items: { id: string; status: string }[] }>(
      client,
      'GET',
      `${base}/timesheets?month=${parisDay(start).slice(0, 7)}`,
    );
    const open = sheets.json.items.filter((t) => t.status !== 'validated');
    const range = `${clock(times.arrivedAt)}–${clock(times.leftAt)}`;
    let found = false;
    for (const t of open) {
      await client.goto(`/portail/${org}/releves/${t.id}`);
      await client.getByRole('table').first().waitFor();
      if ((await client.getByText(range).count()) > 0) {
        found = true;
        break;
      }
    }
    expect(found, `the client's timesheet shows ${range}`).toBe(true);
  });

  test('the support officer sends her access by SMS from her record; the link signs a new phone in, no password', async () => {
    const officer = await newPage(browser);
    await login(officer, 'accompagnement@ai-1.passerelle.test');
    const me = await api<{ memberships: { organisationId: string }[] }>(officer, 'GET', '/api/me');
    const org = me.json.memberships[0].organisationId;
    const found = await api<{ items: { id: string; firstName: string; lastName: string; phone: string | null }[] }>(
      officer,
      'GET',
      `/api/orgs/${org}/workers?q=Awa%20Diallo`,
    );
    const awa = found.json.items.find((w) => w.firstName === 'Awa' && w.lastName === 'Diallo')!;
    await officer.goto(`/ai/${org}/salaries/${awa.id}`);
    const card = officer
      .getByRole('heading', { name: 'Accès au téléphone' })
      .locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]');
    await card.getByText('SMS', { exact: true }).click();
    await card.getByRole('button', { name: 'Envoyer le lien' }).click();
    await officer
      .getByText('Un lien de connexion a été envoyé par SMS au portable de la fiche.', { exact: false })
      .waitFor();

    const phone = await openPhoneFromAccessSms(browser, awa.phone!);
    await phone.getByRole('heading', { level: 1 }).first().waitFor();
    // Signed in for good on this phone: the session is a long-lived one, seen from the record.
    await officer.reload();
    await card.getByText(/vu le/).first().waitFor();
  });
});
