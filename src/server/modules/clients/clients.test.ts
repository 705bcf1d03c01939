import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeOrg, makeUser, makeWorker } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { withLuhnDigit } from '../directory/rules/siret.js';
import { PRIVATE_INDIVIDUAL } from './rules/hours-cap-scope.js';
import { clients } from './schema.js';
import { fetchSireneEstablishment } from './sirene.js';

const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let otherOrgId: string;
let officer: string;
let support: string;

const validSiret = withLuhnDigit('4420000000012');
const body = {
  name: 'EHPAD Les Églantiers',
  kind: 'care_home',
  siret: validSiret,
  address: { line: '12 rue des Lilas', postalCode: '94000', communeCode: '94028' },
  contact: { name: 'Sophie Lambert', email: 'direction@eglantiers.test', phone: '01 45 00 00 00' },
};

beforeAll(async () => {
  const org = await makeOrg(db);
  orgId = org.id;
  otherOrgId = (await makeOrg(db)).id;
  officer = await loginCookie(app, (await makeUser(db, { role: 'placement_officer', organisationId: orgId })).email);
  support = await loginCookie(app, (await makeUser(db, { role: 'support_officer', organisationId: orgId })).email);
});

const post = (url: string, payload: unknown, cookie = officer) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });
const get = (url: string, cookie = officer) => app.inject({ method: 'GET', url, headers: { cookie } });

describe('creating a client (API.md POST /clients)', () => {
  test('answers 201 with the id, the address, the contact and its first site', async () => {
    const res = await post(`/api/orgs/${orgId}/clients`, body);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      id: expect.any(String),
      name: 'EHPAD Les Églantiers',
      kind: 'care_home',
      siret: validSiret,
      address: { communeCode: '94028', communeName: 'Créteil', postalCode: '94000' },
      contact: { name: 'Sophie Lambert', email: 'direction@eglantiers.test' },
      // No legal form given, no SIRENE directory configured: unknown, so its hours count (L5132-9, safe side).
      legalForm: null,
      countsForHoursCap: true,
    });
    const detail = (await get(`/api/orgs/${orgId}/clients/${c.id}`)).json();
    expect(detail.sites).toHaveLength(1);
    expect(detail.sites[0].address.communeName).toBe('Créteil');
  });

  test('a SIRET that fails the check is refused with a French message and nothing is saved', async () => {
    const before = await db.select({ n: count() }).from(clients).where(eq(clients.organisationId, orgId));
    const res = await post(`/api/orgs/${orgId}/clients`, { ...body, name: 'Mauvais SIRET', siret: '12345678901234' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'siret', message: expect.stringMatching(/SIRET n’est pas valide/) }],
    });
    const after = await db.select({ n: count() }).from(clients).where(eq(clients.organisationId, orgId));
    expect(after[0].n).toBe(before[0].n);
  });

  test('an individual has no SIRET; one without is fine', async () => {
    const bad = await post(`/api/orgs/${orgId}/clients`, { ...body, kind: 'individual', name: 'Mme Rose Martin' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toMatch(/particulier n’a pas de SIRET/);
    const { siret: _, ...noSiret } = body;
    const ok = await post(`/api/orgs/${orgId}/clients`, { ...noSiret, kind: 'individual', name: 'Mme Rose Martin' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().siret).toBeNull();
  });

  test('an unknown field, an unknown commune or a bad email is a 400 naming the field', async () => {
    expect((await post(`/api/orgs/${orgId}/clients`, { ...body, color: 'red' })).statusCode).toBe(400);
    const commune = await post(`/api/orgs/${orgId}/clients`, {
      ...body,
      address: { ...body.address, communeCode: '99999' },
    });
    expect(commune.json().error.details[0].path).toBe('address.communeCode');
    // Pierrefitte-sur-Seine's code since it joined Saint-Denis (2025): the message names the commune to choose.
    const former = await post(`/api/orgs/${orgId}/clients`, {
      ...body,
      address: { ...body.address, communeCode: '93059', postalCode: '93380' },
    });
    expect(former.statusCode).toBe(400);
    expect(former.json().error.details[0]).toEqual({
      path: 'address.communeCode',
      message:
        'Pierrefitte-sur-Seine (93059) fait désormais partie de la commune de Saint-Denis (93066) : choisissez Saint-Denis.',
    });
    const email = await post(`/api/orgs/${orgId}/clients`, { ...body, contact: { name: 'X', email: 'pas-un-email' } });
    expect(email.statusCode).toBe(400);
    expect(email.json().error.details[0].path).toBe('contact.email');
  });

  test('a support officer may read clients but not create one (403)', async () => {
    expect((await post(`/api/orgs/${orgId}/clients`, body, support)).statusCode).toBe(403);
    expect((await get(`/api/orgs/${orgId}/clients`, support)).statusCode).toBe(200);
  });
});

describe('finding clients', () => {
  beforeAll(async () => {
    await makeClient(db, { organisationId: orgId, name: 'Résidence Hélène Boucher', kind: 'care_home' });
    await makeClient(db, { organisationId: orgId, name: 'Mairie de Créteil', kind: 'local_authority' });
    await makeClient(db, { organisationId: otherOrgId, name: 'Résidence Hélène Autre', kind: 'care_home' });
  });

  test('by any part of the name, accents and case ignored, never another AI’s', async () => {
    const res = (await get(`/api/orgs/${orgId}/clients?q=helene`)).json();
    expect(res.items.map((c: { name: string }) => c.name)).toEqual(['Résidence Hélène Boucher']);
    expect(res.total).toBe(1);
    const res2 = (await get(`/api/orgs/${orgId}/clients?q=${encodeURIComponent('CRÉTEIL')}`)).json();
    expect(res2.items.map((c: { name: string }) => c.name)).toEqual(['Mairie de Créteil']);
  });

  test('by kind', async () => {
    const res = (await get(`/api/orgs/${orgId}/clients?kind=local_authority`)).json();
    expect(res.items.every((c: { kind: string }) => c.kind === 'local_authority')).toBe(true);
    expect(res.total).toBeGreaterThan(0);
  });

  test('another AI’s client id answers 404', async () => {
    const foreign = await makeClient(db, { organisationId: otherOrgId });
    expect((await get(`/api/orgs/${orgId}/clients/${foreign.id}`)).statusCode).toBe(404);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${orgId}/clients/${foreign.id}`,
      headers: { cookie: officer },
      payload: { name: 'Volé' },
    });
    expect(patch.statusCode).toBe(404);
  });
});

describe('editing a client', () => {
  test('billing details, Chorus Pro codes and the legal flags', async () => {
    const c = await makeClient(db, { organisationId: orgId, kind: 'public_body', name: 'Centre hospitalier' });
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${orgId}/clients/${c.id}`,
      headers: { cookie: officer },
      payload: {
        billing: {
          email: 'factures@ch.test',
          paymentTermsDays: 45,
          chorusServiceCode: 'SERV-ACHAT',
          chorusCommitmentNumber: 'EJ-2026-42',
        },
        economicDismissalOn: '2026-10-15',
        legalForm: '7364',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      billing: {
        email: 'factures@ch.test',
        paymentTermsDays: 45,
        chorusServiceCode: 'SERV-ACHAT',
        chorusCommitmentNumber: 'EJ-2026-42',
      },
      economicDismissalOn: '2026-10-15',
      economicDismissalUntil: '2027-04-15',
      // A public hospital is an administrative public body: outside L2211-1, its hours do not count.
      legalForm: '7364',
      legalFormLabel: "Établissement d'hospitalisation",
      countsForHoursCap: false,
    });
  });

  test('payment terms over 60 days are refused in French', async () => {
    const c = await makeClient(db, { organisationId: orgId });
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${orgId}/clients/${c.id}`,
      headers: { cookie: officer },
      payload: { billing: { paymentTermsDays: 120 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/60 jours/);
  });

  test('sites, contacts and the "do not send" list', async () => {
    const c = await makeClient(db, { organisationId: orgId });
    const site = await post(`/api/orgs/${orgId}/clients/${c.id}/sites`, {
      name: 'Annexe',
      address: { line: '3 allée des Pins', postalCode: '94000', communeCode: '94028' },
      accessNotes: 'Code portail 1234',
    });
    expect(site.statusCode).toBe(201);
    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${orgId}/clients/${c.id}/sites/${site.json().id}`,
      headers: { cookie: officer },
      payload: { name: 'Annexe B', address: { communeCode: '94028' } },
    });
    expect(edited.json().name).toBe('Annexe B');
    const contact = await post(`/api/orgs/${orgId}/clients/${c.id}/contacts`, {
      name: 'Karim Benali',
      role: 'Cadre de santé',
      email: 'k@b.test',
    });
    expect(contact.statusCode).toBe(201);
    const worker = await makeWorker(db, { organisationId: orgId, firstName: 'Jean', lastName: 'Petit' });
    expect(
      (await post(`/api/orgs/${orgId}/clients/${c.id}/excluded-workers`, { workerId: worker.id, reason: 'Retards' }))
        .statusCode,
    ).toBe(204);
    const detail = (await get(`/api/orgs/${orgId}/clients/${c.id}`)).json();
    expect(detail.sites.map((s: { name: string }) => s.name)).toContain('Annexe B');
    expect(detail.contacts[0]).toMatchObject({ name: 'Karim Benali', role: 'Cadre de santé' });
    expect(detail.excludedWorkers).toEqual([expect.objectContaining({ name: 'Jean Petit', reason: 'Retards' })]);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${orgId}/clients/${c.id}/sites/${site.json().id}`,
      headers: { cookie: officer },
    });
    expect(del.statusCode).toBe(204);
    const un = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${orgId}/clients/${c.id}/excluded-workers/${worker.id}`,
      headers: { cookie: officer },
    });
    expect(un.statusCode).toBe(204);
  });

  test('a worker of another AI cannot be put on the list', async () => {
    const c = await makeClient(db, { organisationId: orgId });
    const foreign = await makeWorker(db, { organisationId: otherOrgId });
    expect(
      (await post(`/api/orgs/${orgId}/clients/${c.id}/excluded-workers`, { workerId: foreign.id })).statusCode,
    ).toBe(404);
    const rows = await db
      .select()
      .from(clients)
      .where(and(eq(clients.id, c.id)));
    expect(rows).toHaveLength(1);
  });
});

describe('the client’s legal form (INSEE catégorie juridique): it decides the 480 h cap (L5132-9, L2211-1)', () => {
  test('chosen from the INSEE list: an SA d’HLM counts, an association does not', async () => {
    const hlm = await post(`/api/orgs/${orgId}/clients`, {
      ...body,
      name: 'Habitat 94',
      kind: 'social_landlord',
      legalForm: '5546',
    });
    expect(hlm.statusCode).toBe(201);
    expect(hlm.json()).toMatchObject({
      legalForm: '5546',
      legalFormLabel: "SA de HLM à conseil d'administration",
      countsForHoursCap: true,
    });
    const asso = await post(`/api/orgs/${orgId}/clients`, { ...body, name: 'EHPAD associatif', legalForm: '9220' });
    expect(asso.json()).toMatchObject({ legalForm: '9220', countsForHoursCap: false });
  });

  test('a code outside the list is refused in French; “Particulier” is only for a private individual', async () => {
    const bad = await post(`/api/orgs/${orgId}/clients`, { ...body, name: 'X', legalForm: '1234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'legalForm', message: expect.stringMatching(/INSEE/) });
    const person = await post(`/api/orgs/${orgId}/clients`, { ...body, name: 'Y', legalForm: PRIVATE_INDIVIDUAL });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.details[0].path).toBe('legalForm');
  });

  test('a private individual is recorded as such, and does not count', async () => {
    const res = await post(`/api/orgs/${orgId}/clients`, {
      ...body,
      kind: 'individual',
      siret: null,
      name: 'Mme Roux',
    });
    expect(res.json()).toMatchObject({ legalForm: PRIVATE_INDIVIDUAL, countsForHoursCap: false });
  });

  test('read from the SIRENE directory when SIRENE_API_URL is set (a fake server speaking its JSON)', async () => {
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(`${req.url} ${req.headers['x-insee-api-key-integration'] ?? ''}`);
      const siret = req.url?.split('/').pop();
      if (siret !== validSiret) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ header: { statut: 404, message: 'Aucun élément trouvé pour le siret' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          header: { statut: 200, message: 'ok' },
          etablissement: {
            siren: validSiret.slice(0, 9),
            siret: validSiret,
            uniteLegale: { denominationUniteLegale: 'LES EGLANTIERS', categorieJuridiqueUniteLegale: '5710' },
          },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api-sirene/3.11`;
    process.env.SIRENE_API_URL = url;
    process.env.SIRENE_API_KEY = 'test-key';
    try {
      const res = await post(`/api/orgs/${orgId}/clients`, { ...body, name: 'EHPAD commercial' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ legalForm: '5710', countsForHoursCap: true });
      expect(asked).toEqual([`/api-sirene/3.11/siret/${validSiret} test-key`]);
      // Not found: the legal form stays unknown, nothing fails.
      expect(await fetchSireneEstablishment({ url }, withLuhnDigit('4420000000099'))).toBeNull();
      // An unreachable directory leaves it unknown as well.
      expect(await fetchSireneEstablishment({ url: 'http://127.0.0.1:9', timeoutMs: 500 }, validSiret)).toBeNull();
    } finally {
      delete process.env.SIRENE_API_URL;
      delete process.env.SIRENE_API_KEY;
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('the list of clients to complete: ?legalForm=unknown', async () => {
    const unknown = await makeClient(db, { organisationId: orgId, name: 'Forme inconnue', legalForm: null });
    const res = await get(`/api/orgs/${orgId}/clients?legalForm=unknown&limit=100`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(unknown.id);
    expect(res.json().items.every((c: { legalForm: string | null }) => c.legalForm === null)).toBe(true);
  });
});
