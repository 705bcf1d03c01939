import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeOrg, makeUser } from '../../../../test/factories.js';
import { makeQuote, makeRate } from '../../../../test/factories-quotes.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { auditEvents } from '../audit/schema.js';
import { addDays, parisToday } from '../calendar/paris-time.js';
import { outboxEmails } from '../notifications/schema.js';
import { placementContracts, quotes } from './schema.js';

const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let otherOrgId: string;
let officer: string;
let accountant: string;
let clientCookie: string;
let client: Awaited<ReturnType<typeof makeClient>>;
let otherClient: Awaited<ReturnType<typeof makeClient>>;
const validUntil = addDays(parisToday(), 30);

beforeAll(async () => {
  orgId = (await makeOrg(db, { name: 'AI Trait d’Union' })).id;
  otherOrgId = (await makeOrg(db)).id;
  client = await makeClient(db, {
    organisationId: orgId,
    name: 'EHPAD Les Tilleuls',
    email: 'direction@tilleuls.test',
  });
  otherClient = await makeClient(db, { organisationId: orgId, name: 'Autre client' });
  officer = await loginCookie(
    app,
    (await makeUser(db, { role: 'placement_officer', organisationId: orgId, name: 'Nadia Officer' })).email,
  );
  accountant = await loginCookie(app, (await makeUser(db, { role: 'accountant', organisationId: orgId })).email);
  clientCookie = await loginCookie(
    app,
    (await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: client.id, name: 'Sophie Lambert' }))
      .email,
  );
});

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, cookie = officer) =>
  app.inject({ method, url, headers: cookie ? { cookie } : {}, payload: payload as object });
const newQuote = (o: Record<string, unknown> = {}) =>
  call('POST', `/api/orgs/${orgId}/quotes`, {
    clientId: client.id,
    lines: [
      { rome: 'J1301', minutes: 2100, hourlyRateCents: 2140 },
      { rome: 'K2204', label: 'Nettoyage des parties communes', minutes: 45, hourlyRateCents: 2333 },
    ],
    validUntil,
    ...o,
  });

describe('creating a quote (API.md POST /quotes)', () => {
  test('answers 201 with id, number, status draft and the total of round(minutes × rate / 60)', async () => {
    const res = await newQuote();
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: expect.any(String),
      number: expect.stringMatching(/^D-\d{4}-\d{5}$/),
      status: 'draft',
      totalCents: 74900 + 1750,
    });
    const detail = (await call('GET', `/api/orgs/${orgId}/quotes/${res.json().id}`)).json();
    expect(detail.lines[0].label).toMatch(/hôtelier|Agent/i);
    expect(detail.lines[1]).toMatchObject({ label: 'Nettoyage des parties communes', totalCents: 1750 });
  });

  test('numbers follow each other without gaps, even after a refused request', async () => {
    const a = (await newQuote()).json().number as string;
    expect((await newQuote({ lines: [{ rome: 'K2204', minutes: -5, hourlyRateCents: 2000 }] })).statusCode).toBe(400);
    const b = (await newQuote()).json().number as string;
    expect(Number(b.slice(-5)) - Number(a.slice(-5))).toBe(1);
  });

  test.each([
    [
      'a negative duration',
      { lines: [{ rome: 'K2204', minutes: -60, hourlyRateCents: 2000 }] },
      'lines.0.minutes',
      /positive/,
    ],
    [
      'an absurd rate',
      { lines: [{ rome: 'K2204', minutes: 60, hourlyRateCents: 5_000_000 }] },
      'lines.0.hourlyRateCents',
      /1 000 €/,
    ],
    ['an unknown job', { lines: [{ rome: 'Z9999', minutes: 60, hourlyRateCents: 2000 }] }, 'lines.0.rome', /ROME/],
    ['a validity in the past', { validUntil: '2020-01-01' }, 'validUntil', /passée/],
    ['no line', { lines: [] }, 'lines', /au moins une ligne/],
  ])('%s is a 400 with a French message, nothing saved', async (_, patch, path, message) => {
    const [{ n: before }] = await db.select({ n: count() }).from(quotes).where(eq(quotes.organisationId, orgId));
    const res = await newQuote(patch);
    expect(res.statusCode).toBe(400);
    const issue = res.json().error.details.find((d: { path: string }) => d.path === path);
    expect(issue.message).toMatch(message);
    const [{ n: after }] = await db.select({ n: count() }).from(quotes).where(eq(quotes.organisationId, orgId));
    expect(after).toBe(before);
  });

  test('another AI’s client answers 404', async () => {
    const foreign = await makeClient(db, { organisationId: otherOrgId });
    expect((await newQuote({ clientId: foreign.id })).statusCode).toBe(404);
  });

  test('an accountant reads quotes but cannot write one', async () => {
    expect(
      (
        await call(
          'POST',
          `/api/orgs/${orgId}/quotes`,
          { clientId: client.id, lines: [{ rome: 'K2204', minutes: 60, hourlyRateCents: 2000 }], validUntil },
          accountant,
        )
      ).statusCode,
    ).toBe(403);
    expect((await call('GET', `/api/orgs/${orgId}/quotes`, undefined, accountant)).statusCode).toBe(200);
  });
});

describe('the quote’s life', () => {
  test('sent by email with a private link; the client accepts through it; who, when and IP are kept', async () => {
    const q = (await newQuote({ tenderReference: 'MAPA 2026-14' })).json();
    const sent = await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/send`, {});
    expect(sent.statusCode).toBe(200);
    const link: string = sent.json().link;
    expect(link).toMatch(/^http:\/\/passerelle\.test\/devis\/reponse\/[\w-]+$/);
    const token = link.split('/').pop()!;
    const [mail] = await db.select().from(outboxEmails).where(eq(outboxEmails.relatedId, q.id));
    expect(mail).toMatchObject({ to: 'direction@tilleuls.test' });
    expect(mail.text).toContain(link);
    const [stored] = await db.select().from(quotes).where(eq(quotes.id, q.id));
    expect(stored.acceptTokenHash).not.toContain(token);

    const view = await call('GET', `/api/public/quotes/${token}`, undefined, '');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      number: q.number,
      status: 'sent',
      clientName: 'EHPAD Les Tilleuls',
      tenderReference: 'MAPA 2026-14',
    });
    expect(view.json().notes).toBeUndefined();

    const accepted = await app.inject({
      method: 'POST',
      url: `/api/public/quotes/${token}/accept`,
      payload: { name: 'Sophie Lambert', consent: true },
      remoteAddress: '203.0.113.7',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ status: 'accepted', placementContractId: expect.any(String) });
    const [after] = await db.select().from(quotes).where(eq(quotes.id, q.id));
    expect(after).toMatchObject({ status: 'accepted', acceptedBy: 'Sophie Lambert', acceptedIp: '203.0.113.7' });
    expect(after.acceptedAt).toBeInstanceOf(Date);
    const [contract] = await db
      .select()
      .from(placementContracts)
      .where(eq(placementContracts.id, accepted.json().placementContractId));
    expect(contract).toMatchObject({
      quoteId: q.id,
      signedBy: 'Sophie Lambert',
      signedIp: '203.0.113.7',
      status: 'active',
    });
    const trail = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, contract.id), eq(auditEvents.action, 'placement_contract.sign')));
    expect(trail).toHaveLength(1);
  });

  test('accepted twice: 409 quote_already_accepted and nothing changes', async () => {
    const q = (await newQuote()).json();
    const first = await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/accept`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ status: 'accepted', placementContractId: expect.any(String) });
    const second = await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/accept`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'quote_already_accepted',
      message: expect.stringMatching(/déjà été accepté/),
    });
    const contracts = await db.select().from(placementContracts).where(eq(placementContracts.quoteId, q.id));
    expect(contracts).toHaveLength(1);
  });

  test('an expired quote: 422 quote_expired, nothing changes, no contract', async () => {
    const q = await makeQuote(db, {
      organisationId: orgId,
      clientId: client.id,
      validUntil: addDays(parisToday(), -1),
      status: 'sent',
    });
    const res = await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/accept`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'quote_expired',
      message: expect.stringMatching(/n’est plus valable/),
    });
    const [after] = await db.select().from(quotes).where(eq(quotes.id, q.id));
    expect(after.status).toBe('sent');
    expect(await db.select().from(placementContracts).where(eq(placementContracts.quoteId, q.id))).toHaveLength(0);
    const listed = (await call('GET', `/api/orgs/${orgId}/quotes?status=expired`)).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toContain(q.id);
  });

  test('the client refuses through its link; the quote cannot be accepted afterwards', async () => {
    const q = (await newQuote()).json();
    const token = (await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/send`, {})).json().link.split('/').pop();
    const refused = await call(
      'POST',
      `/api/public/quotes/${token}/refuse`,
      { name: 'Sophie Lambert', reason: 'Trop cher' },
      '',
    );
    expect(refused.json()).toEqual({ status: 'refused' });
    const again = await call(
      'POST',
      `/api/public/quotes/${token}/accept`,
      { name: 'Sophie Lambert', consent: true },
      '',
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('quote_refused');
  });

  test('a revision keeps the history: same number, revision 2, previous superseded, old link dead', async () => {
    const q = (await newQuote()).json();
    const token = (await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/send`, {})).json().link.split('/').pop();
    const rev = await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/revise`, {
      lines: [{ rome: 'J1301', minutes: 1800, hourlyRateCents: 2140 }],
    });
    expect(rev.statusCode).toBe(201);
    expect(rev.json()).toMatchObject({
      number: q.number,
      revision: 2,
      previousId: q.id,
      status: 'draft',
      totalCents: 64200,
    });
    const detail = (await call('GET', `/api/orgs/${orgId}/quotes/${rev.json().id}`)).json();
    expect(detail.history.map((h: { revision: number; status: string }) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'draft'],
    ]);
    expect((await call('GET', `/api/public/quotes/${token}`, undefined, '')).statusCode).toBe(404);
    const old = await call('POST', `/api/orgs/${orgId}/quotes/${q.id}/accept`);
    expect(old.json().error.code).toBe('quote_superseded');
  });

  test('a made-up link is simply not found', async () => {
    expect((await call('GET', '/api/public/quotes/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', undefined, '')).statusCode).toBe(
      404,
    );
  });
});

describe('the client portal', () => {
  test('a client user sees and accepts only its own quotes', async () => {
    const mine = (await newQuote()).json();
    const theirs = (await newQuote({ clientId: otherClient.id })).json();
    const list = (await call('GET', `/api/orgs/${orgId}/quotes`, undefined, clientCookie)).json();
    expect(list.items.every((q: { clientId: string }) => q.clientId === client.id)).toBe(true);
    expect((await call('GET', `/api/orgs/${orgId}/quotes/${theirs.id}`, undefined, clientCookie)).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/orgs/${orgId}/quotes/${theirs.id}/accept`, undefined, clientCookie)).statusCode,
    ).toBe(404);
    const ok = await call('POST', `/api/orgs/${orgId}/quotes/${mine.id}/accept`, undefined, clientCookie);
    expect(ok.statusCode).toBe(200);
    const [after] = await db.select().from(quotes).where(eq(quotes.id, mine.id));
    expect(after.acceptedBy).toBe('Sophie Lambert');
    const contracts = (await call('GET', `/api/orgs/${orgId}/placement-contracts`, undefined, clientCookie)).json();
    expect(contracts.items.some((c: { id: string }) => c.id === ok.json().placementContractId)).toBe(true);
    expect(contracts.items.every((c: { clientId: string }) => c.clientId === client.id)).toBe(true);
  });
});

describe('the quote PDF', () => {
  test('is in the organisation’s letterhead with the lines and the total', async () => {
    const q = (await newQuote({ tenderReference: 'AO-2026-7' })).json();
    const res = await call('GET', `/api/orgs/${orgId}/quotes/${q.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('AI Trait d’Union');
    expect(text).toContain(`Devis ${q.number}`);
    expect(text).toContain('EHPAD Les Tilleuls');
    expect(text).toContain('AO-2026-7');
    expect(text).toMatch(/766,50 €/);
  });
});

describe('rates', () => {
  test('a new rate closes the previous one; the lookup follows the date', async () => {
    const first = await call(
      'POST',
      `/api/orgs/${orgId}/rates`,
      { rome: 'K2204', hourlyRateCents: 2200, nightSurchargePct: 25, effectiveFrom: '2026-01-01' },
      accountant,
    );
    expect(first.statusCode).toBe(201);
    const second = await call(
      'POST',
      `/api/orgs/${orgId}/rates`,
      { rome: 'K2204', hourlyRateCents: 2300, effectiveFrom: '2026-11-16' },
      accountant,
    );
    expect(second.statusCode).toBe(201);
    const all = (await call('GET', `/api/orgs/${orgId}/rates?rome=K2204`)).json();
    expect(
      all.items.map((r: { effectiveFrom: string; effectiveTo: string | null }) => [r.effectiveFrom, r.effectiveTo]),
    ).toEqual([
      ['2026-01-01', '2026-11-15'],
      ['2026-11-16', null],
    ]);
    const before = (
      await call('GET', `/api/orgs/${orgId}/rates/lookup?rome=K2204&clientKind=care_home&on=2026-11-15`)
    ).json();
    const after = (
      await call('GET', `/api/orgs/${orgId}/rates/lookup?rome=K2204&clientKind=care_home&on=2026-11-16`)
    ).json();
    expect(before.rate.hourlyRateCents).toBe(2200);
    expect(after.rate.hourlyRateCents).toBe(2300);
  });

  test.each([
    ['a negative rate', { hourlyRateCents: -100 }, 'hourlyRateCents', /positif/],
    ['an absurd surcharge', { hourlyRateCents: 2000, nightSurchargePct: 900 }, 'nightSurchargePct', /200 %/],
    ['a negative travel fee', { hourlyRateCents: 2000, travelFeeCents: -1 }, 'travelFeeCents', /négatifs/],
    ['a minimum of two days', { hourlyRateCents: 2000, minimumBilledMinutes: 2880 }, 'minimumBilledMinutes', /12 h/],
  ])('%s is refused with a French message', async (_, patch, path, message) => {
    const res = await call('POST', `/api/orgs/${orgId}/rates`, { effectiveFrom: '2026-12-01', ...patch }, accountant);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.find((d: { path: string }) => d.path === path).message).toMatch(message);
  });

  test('a rate in force cannot be deleted (old invoices keep their price); a future one can', async () => {
    const inForce = await makeRate(db, { organisationId: orgId, rome: 'A1203', effectiveFrom: '2026-01-01' });
    const res = await call('DELETE', `/api/orgs/${orgId}/rates/${inForce.id}`, undefined, accountant);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('rate_in_force');
    const future = await call(
      'POST',
      `/api/orgs/${orgId}/rates`,
      { rome: 'A1203', hourlyRateCents: 2500, effectiveFrom: addDays(parisToday(), 40) },
      accountant,
    );
    expect(
      (await call('DELETE', `/api/orgs/${orgId}/rates/${future.json().id}`, undefined, accountant)).statusCode,
    ).toBe(204);
    const rows = (await call('GET', `/api/orgs/${orgId}/rates?rome=A1203`)).json();
    expect(rows.items).toEqual([expect.objectContaining({ id: inForce.id, effectiveTo: null })]);
  });

  test('a placement officer may read rates but not change them', async () => {
    expect(
      (await call('POST', `/api/orgs/${orgId}/rates`, { hourlyRateCents: 2000, effectiveFrom: '2027-01-01' }))
        .statusCode,
    ).toBe(403);
  });
});
