import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { organisations } from '../../src/server/modules/accounts/schema.js';
import { csvSafeText, toCsv } from '../../src/server/modules/payroll/csv.js';
import { makeClient, makeMission, makeNetwork, makeOrg, makeUser, makeWorker } from '../factories.js';
import { makeStructure } from '../factories-directory.js';
import { freshIp, needPayload } from '../factories-needs.js';

/**
 * Issue 12, findings 5, 6 and 8: bad input answers a 400 naming the field, never a 500; CSV cells never run as
 * formulas; web sites are http(s) only; `$&` in a name stays text; `%` and `_` match themselves; a foreign
 * worker's 480 h counter is a 404; a postal code agrees with its commune; a name has a visible character.
 */

// The server-rendered public pages need a built index.html: a minimal one in a folder of this file's own.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-bad-input-'));
fs.writeFileSync(
  path.join(webDir, 'index.html'),
  '<!doctype html><html><head><title>Passerelle</title></head><body><div id="root"></div></body></html>',
);
process.env.PASSERELLE_WEB_DIST = webDir;
const { loginCookie, testApp } = await import('../harness.js');

const { app, database } = await testApp();
const db = database.db;

const network = await makeNetwork(db);
const org = await makeOrg(db, { networkId: network.id });
const other = await makeOrg(db);
const admin = await makeUser(db, { role: 'org_admin', organisationId: org.id });
const coordinator = await makeUser(db, { role: 'network_coordinator', networkId: network.id });
const client = await makeClient(db, { organisationId: org.id });
const worker = await makeWorker(db, { organisationId: org.id, contract: false });
const foreignWorker = await makeWorker(db, { organisationId: other.id, contract: false });
const mission = await makeMission(db, { organisationId: org.id, client });

let cookie = '';
let coordinatorCookie = '';
beforeAll(async () => {
  cookie = await loginCookie(app, admin.email);
  coordinatorCookie = await loginCookie(app, coordinator.email);
});

const o = `/api/orgs/${org.id}`;
const NUL = '\u0000';

const newWorker = (patch: object = {}) => ({
  firstName: 'Awa',
  lastName: 'Diallo',
  birthDate: '1990-05-12',
  address: { communeCode: '94028', postalCode: '94000' },
  jobs: ['K2204'],
  ...patch,
});
const newClient = (patch: object = {}) => ({
  name: 'EHPAD Les Tilleuls',
  kind: 'care_home',
  address: { line: '1 rue des Écoles', postalCode: '94000', communeCode: '94028' },
  contact: { name: 'Claire Dubois', email: 'claire@ehpad.test' },
  ...patch,
});
const quoteLine = { rome: 'K2204', minutes: 200_000, hourlyRateCents: 100_000 };
const start = '2026-10-05T08:00:00+02:00';
const end = '2026-10-05T12:00:00+02:00';

type Row = [
  kind: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: () => string,
  body: unknown,
  field: string,
  who?: 'anonymous' | 'coordinator',
];

// Each kind of bad input found by the attack, with the field the 400 must name.
const rows: Row[] = [
  [
    'NUL byte in the public search',
    'GET',
    () => `/api/public/structures?q=a${encodeURIComponent(NUL)}b`,
    undefined,
    'querystring.q',
    'anonymous',
  ],
  [
    'NUL byte in the public need form',
    'POST',
    () => '/api/public/needs',
    needPayload({ name: `EHPAD${NUL}` }),
    'establishment.name',
    'anonymous',
  ],
  ['NUL byte in a client name', 'POST', () => `${o}/clients`, newClient({ name: `A${NUL}B` }), 'name'],
  ['NUL byte in a worker name', 'POST', () => `${o}/workers`, newWorker({ lastName: `D${NUL}` }), 'lastName'],
  [
    'NUL byte in a path parameter',
    'GET',
    () => `${o}/workers/${encodeURIComponent(NUL)}`,
    undefined,
    'params.workerId',
  ],
  ['NUL byte in a nested array', 'POST', () => `${o}/workers`, newWorker({ jobs: [`K2204${NUL}`] }), 'jobs.0'],
  ['month 0000-01 in invoices', 'GET', () => `${o}/invoices?month=0000-01`, undefined, 'querystring.month'],
  [
    'month 0000-01 in the payroll export',
    'GET',
    () => `${o}/exports/payroll?month=0000-01`,
    undefined,
    'querystring.month',
  ],
  [
    'month 9999-12 in the ASP export',
    'GET',
    () => `${o}/exports/asp-monthly?month=9999-12`,
    undefined,
    'querystring.month',
  ],
  ['month 0505-11 closed', 'POST', () => `${o}/months/0505-11/close`, {}, 'params.month'],
  ['month 0000-01 prepared', 'POST', () => `${o}/timesheets/prepare`, { month: '0000-01' }, 'month'],
  ['shifts from 9999-12-31', 'GET', () => `${o}/shifts?from=9999-12-31`, undefined, 'querystring.from'],
  ['shifts from 2026-02-30', 'GET', () => `${o}/shifts?from=2026-02-30`, undefined, 'querystring.from'],
  [
    'a shift in year 9999',
    'POST',
    () => `${o}/shifts`,
    { missionId: mission.id, start: '9999-12-31T08:00:00Z', end },
    'start',
  ],
  [
    'a shift on 30 February',
    'POST',
    () => `${o}/shifts`,
    { missionId: mission.id, start, end: '2026-02-30T12:00:00+01:00' },
    'end',
  ],
  [
    'an absence in year 1',
    'POST',
    () => `${o}/absences`,
    { workerId: worker.id, start: '0001-01-01T00:00:00Z', end, reason: 'sick' },
    'start',
  ],
  [
    'a mission starting on 30 February',
    'POST',
    () => `${o}/missions`,
    { placementContractId: mission.contract.id, rome: 'K2204', startDate: '2026-02-30', endDate: '2026-12-31' },
    'startDate',
  ],
  [
    'a mission ending in 9999',
    'POST',
    () => `${o}/missions`,
    { placementContractId: mission.contract.id, rome: 'K2204', startDate: '2026-10-01', endDate: '9999-12-31' },
    'endDate',
  ],
  ['a birth date on 30 February', 'POST', () => `${o}/workers`, newWorker({ birthDate: '2026-02-30' }), 'birthDate'],
  ['a birth date in year 0', 'POST', () => `${o}/workers`, newWorker({ birthDate: '0000-01-01' }), 'birthDate'],
  [
    'a PASS starting in 9999',
    'POST',
    () => `${o}/workers`,
    newWorker({ pass: { number: '999992612345', startDate: '9999-12-31' } }),
    'pass.startDate',
  ],
  [
    'a PASS on day 87 of month 66',
    'POST',
    () => `${o}/workers/${worker.id}/passes`,
    { number: '23F8C4CN4ESB', startDate: '9964-66-87' },
    'startDate',
  ],
  [
    'a contract starting in 9999',
    'POST',
    () => `${o}/workers/${worker.id}/contracts`,
    { kind: 'cddi', startDate: '9999-01-01', weeklyMinutes: 1560 },
    'startDate',
  ],
  [
    'an exit on an impossible day',
    'POST',
    () => `${o}/workers/${worker.id}/exits`,
    { date: '4724-87-35', category: 'other', reason: 'x' },
    'date',
  ],
  [
    'a cap derogation on 30 February',
    'PATCH',
    () => `${o}/workers/${worker.id}`,
    { capDerogationFrom: '2026-02-30' },
    'capDerogationFrom',
  ],
  [
    'an interview in year 9999',
    'POST',
    () => `${o}/workers/${worker.id}/support/interviews`,
    { heldOn: '9999-12-31', kind: 'follow_up', notes: 'x' },
    'heldOn',
  ],
  [
    'a quote valid until 9999',
    'POST',
    () => `${o}/quotes`,
    { clientId: client.id, lines: [{ rome: 'K2204', minutes: 60, hourlyRateCents: 2200 }], validUntil: '9999-12-31' },
    'validUntil',
  ],
  [
    'a quote whose total overflows',
    'POST',
    () => `${o}/quotes`,
    { clientId: client.id, lines: Array(100).fill(quoteLine), validUntil: '2026-12-31' },
    'lines',
  ],
  [
    'a rate effective in year 0',
    'POST',
    () => `${o}/rates`,
    { hourlyRateCents: 2200, effectiveFrom: '0000-01-01' },
    'effectiveFrom',
  ],
  [
    'an economic dismissal in 9999',
    'POST',
    () => `${o}/clients`,
    newClient({ economicDismissalOn: '9999-12-31' }),
    'economicDismissalOn',
  ],
  [
    'a need starting in 9999',
    'POST',
    () => '/api/public/needs',
    needPayload({ jobs: [{ rome: 'J1301', startDate: '9999-12-31' }] }),
    'jobs.0.startDate',
    'anonymous',
  ],
  [
    'a need starting on 30 February',
    'POST',
    () => '/api/public/needs',
    needPayload({ jobs: [{ rome: 'J1301', startDate: '2026-02-30' }] }),
    'jobs.0.startDate',
    'anonymous',
  ],
  [
    'a summary from year 0',
    'GET',
    () => `${o}/reports/summary?from=0000-01-01&to=2026-12-31`,
    undefined,
    'querystring.from',
  ],
  ['an invisible client name', 'POST', () => `${o}/clients`, newClient({ name: '\u200b\u200b' }), 'name'],
  [
    'an invisible worker first name',
    'POST',
    () => `${o}/workers`,
    newWorker({ firstName: '\u3164 \u200d' }),
    'firstName',
  ],
  [
    'an invisible contact name',
    'POST',
    () => '/api/public/needs',
    { ...needPayload(), contact: { name: '\u200b\u200b\u200b', email: 'a@b.fr' } },
    'contact.name',
    'anonymous',
  ],
  [
    'a Marseille postal code for Créteil',
    'POST',
    () => `${o}/clients`,
    newClient({ address: { postalCode: '13001', communeCode: '94028' } }),
    'address.postalCode',
  ],
  [
    'a Lyon postal code for a worker in Créteil',
    'POST',
    () => `${o}/workers`,
    newWorker({ address: { communeCode: '94028', postalCode: '69001' } }),
    'address.postalCode',
  ],
  [
    'a mismatched postal code in the need form',
    'POST',
    () => '/api/public/needs',
    needPayload({ postalCode: '33000' }),
    'establishment.address.postalCode',
    'anonymous',
  ],
  [
    'a javascript: website',
    'PATCH',
    () => `/api/networks/${network.id}/structures/${org.id}`,
    { website: 'javascript:alert(document.cookie)' },
    'website',
    'coordinator',
  ],
];

describe('bad input answers 400 validation_failed naming the field', () => {
  test.each(rows)('%s', async (_kind, method, url, body, field, who) => {
    const res = await app.inject({
      method,
      url: url(),
      headers: {
        ...(who === 'anonymous' ? {} : { cookie: who === 'coordinator' ? coordinatorCookie : cookie }),
        origin: 'http://passerelle.test',
      },
      // A different client address each time (the socket's: X-Forwarded-For is not trusted by default).
      remoteAddress: freshIp(),
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(
      error.details.map((d: { path: string }) => d.path),
      res.body,
    ).toContain(field);
    expect(error.details.find((d: { path: string }) => d.path === field).message).toMatch(/\p{L}/u);
  });

  test('the safety net: a value PostgreSQL refuses is still a 400, never a 500', async () => {
    const { databaseInputError } = await import('../../src/server/http/database-errors.js');
    for (const code of ['22P05', '22021', '22008', '22003'])
      expect(databaseInputError({ message: 'Failed query', cause: { code } })?.status).toBe(400);
    expect(databaseInputError({ code: '23505' })).toBeNull();
    expect(databaseInputError(new Error('boom'))).toBeNull();
  });

  test('plausible values are still accepted: a client in a border commune served by the next département', async () => {
    // Saint-Pierre-d'Entremont (Isère, 38446) has La Poste's 73670 (Savoie).
    const res = await app.inject({
      method: 'POST',
      url: `${o}/clients`,
      headers: { cookie, origin: 'http://passerelle.test' },
      payload: newClient({ address: { postalCode: '73670', communeCode: '38446' } }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const corsica = await app.inject({
      method: 'POST',
      url: `${o}/clients`,
      headers: { cookie, origin: 'http://passerelle.test' },
      payload: newClient({ address: { postalCode: '20000', communeCode: '2A004' } }),
    });
    expect(corsica.statusCode, corsica.body).toBe(201);
  });
});

describe('CSV exports never carry a formula', () => {
  test.each([
    ['=HYPERLINK("http://evil.test","x")', '\'=HYPERLINK("http://evil.test","x")'],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Dupont', 'Dupont'],
    ['-7,50', '-7,50'],
    ['+3', '+3'],
  ])('OWASP: %j is written %j', (value, expected) => {
    expect(csvSafeText(value)).toBe(expected);
  });

  test('toCsv neutralises text cells, keeps numbers and quotes what needs it', () => {
    const csv = toCsv(
      ['nom', 'heures'],
      [
        ['=1+1;x', -3],
        ['@A1', '7,50'],
      ],
    );
    expect(csv).toBe('\ufeffnom;heures\r\n"\'=1+1;x";-3\r\n\'@A1;7,50\r\n');
  });

  test('the payroll export of a worker named as a formula starts the cell with a quote', async () => {
    const named = await makeWorker(db, { organisationId: org.id, lastName: '=CMD("calc")', contract: false });
    const { makeShift } = await import('../factories.js');
    const { parisInstant } = await import('../../src/server/modules/calendar/paris-time.js');
    await makeShift(db, {
      organisationId: org.id,
      missionId: mission.id,
      clientId: client.id,
      workerId: named.id,
      start: parisInstant('2026-10-06', '08:00').toISOString(),
      end: parisInstant('2026-10-06', '12:00').toISOString(),
    });
    for (const url of [`${o}/exports/payroll?month=2026-10`, `${o}/exports/asp-monthly?month=2026-10`]) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain('CMD(');
      // No cell starts with a formula character: after every separator or line start, never = + - @ raw.
      for (const cell of res.body.split(/[;\r\n]+/)) expect(cell, url).not.toMatch(/^"?[=+@]|^"?-(?![\d,.]+"?$)/);
    }
  });
});

describe('smaller findings', () => {
  test('a javascript: website saved before the check is never served: API, data·inclusion, public HTML', async () => {
    const s = await makeStructure(db, { name: 'AI du Val $` et $& cie', networkId: network.id });
    await db.update(organisations).set({ website: 'javascript:alert(1)' }).where(eq(organisations.id, s.id));
    const api = await app.inject({ method: 'GET', url: `/api/public/structures/${s.id}` });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json().website).toBeNull();
    const list = await app.inject({ method: 'GET', url: '/api/public/structures?q=Val' });
    expect(list.body).not.toContain('javascript:');
    const export_ = await app.inject({ method: 'GET', url: '/api/public/structures.datainclusion.json' });
    expect(export_.body).not.toContain('javascript:');
    const html = await app.inject({ method: 'GET', url: `/structures/${s.slug}` });
    expect(html.statusCode).toBe(200);
    expect(html.body).not.toContain('javascript:');
    // `$\`` and `$&` stay text: the page is not duplicated inside itself.
    expect(html.body.match(/<html>/g)).toHaveLength(1);
    expect(html.body.match(/<div id="root">/g)).toHaveLength(1);
    expect(html.body).toContain('AI du Val $` et $&amp; cie');
  });

  test('an http(s) website is accepted and served', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/networks/${network.id}/structures/${org.id}`,
      headers: { cookie: coordinatorCookie, origin: 'http://passerelle.test' },
      payload: { website: 'https://ai-du-val.fr/' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  test('% and _ in a search match themselves, not everything', async () => {
    for (const q of ['%', '_', '%25', '__']) {
      const pub = await app.inject({ method: 'GET', url: `/api/public/structures?q=${encodeURIComponent(q)}` });
      expect(pub.statusCode).toBe(200);
      expect(pub.json().total, `public ${q}`).toBe(0);
      for (const path of ['workers', 'clients']) {
        const res = await app.inject({
          method: 'GET',
          url: `${o}/${path}?q=${encodeURIComponent(q)}`,
          headers: { cookie },
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().total, `${path} ${q}`).toBe(0);
      }
      const shifts = await app.inject({
        method: 'GET',
        url: `${o}/planning/grid?from=2026-10-05&search=${encodeURIComponent(q)}`,
        headers: { cookie },
      });
      expect(shifts.statusCode, shifts.body).toBe(200);
      expect(JSON.stringify(shifts.json())).not.toContain(worker.lastName);
    }
    const found = await app.inject({ method: 'GET', url: `${o}/workers?q=Awa`, headers: { cookie } });
    expect(found.json().total).toBeGreaterThan(0);
  });

  test('the 480 h counter of a worker of another AI, or of no one, is a 404', async () => {
    for (const id of [foreignWorker.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await app.inject({ method: 'GET', url: `${o}/workers/${id}/hours-cap`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const own = await app.inject({ method: 'GET', url: `${o}/workers/${worker.id}/hours-cap`, headers: { cookie } });
    expect(own.statusCode, own.body).toBe(200);
  });
});
