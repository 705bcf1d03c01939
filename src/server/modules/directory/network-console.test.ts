import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeNetwork, makeOrg, makeUser } from '../../../../test/factories.js';
import { makeStructure } from '../../../../test/factories-directory.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { memberships, users } from '../accounts/schema.js';
import { outboxEmails } from '../notifications/schema.js';

const { app, database } = await testApp();
const db = database.db;
let networkId: string;
let coordinator: string;
let otherCoordinator: string;
let orgAdmin: string;
let structureId: string;

beforeAll(async () => {
  const network = await makeNetwork(db);
  networkId = network.id;
  const other = await makeNetwork(db);
  coordinator = await loginCookie(app, (await makeUser(db, { role: 'network_coordinator', networkId })).email);
  otherCoordinator = await loginCookie(
    app,
    (await makeUser(db, { role: 'network_coordinator', networkId: other.id })).email,
  );
  const org = await makeOrg(db, { networkId });
  orgAdmin = await loginCookie(app, (await makeUser(db, { role: 'org_admin', organisationId: org.id })).email);
  structureId = (await makeStructure(db, { name: 'Atelier du Val', kind: 'ACI', communeCode: '94081', networkId })).id;
});

const valid = {
  name: 'Nouvelle AI de Bobigny',
  kind: 'AI',
  siret: '73282932000074',
  address: { line: '12 rue de la République', postalCode: '93000', communeCode: '93008' },
  phone: '01 48 00 00 00',
  email: 'contact@nouvelle-ai.test',
  website: 'https://nouvelle-ai.test',
  openingHours: 'Du lundi au vendredi, 9 h – 17 h',
  presentation: 'Une association intermédiaire au service de Bobigny.',
  jobs: ['K2204', 'J1301'],
  territory: { departements: ['93'], communes: [] },
  networks: ['ai', 'coorace'],
};

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: unknown) =>
  app.inject({ method, url, headers: { cookie }, payload: payload as object });

describe('the coordinator maintains the directory of its network', () => {
  test('creates a structure placed at its commune, visible at once on the public directory', async () => {
    const res = await call('POST', `/api/networks/${networkId}/structures`, coordinator, valid);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'Nouvelle AI de Bobigny',
      slug: 'nouvelle-ai-de-bobigny',
      address: { communeCode: '93008', communeName: 'Bobigny', postalCode: '93000' },
      departement: '93',
      location: { lat: 48.90738, lon: 2.4398 },
      jobs: ['J1301', 'K2204'],
      territory: { departements: ['93'], communes: [] },
      networks: ['ai', 'coorace'],
      isPublic: true,
      isActive: true,
    });
    const pub = (await app.inject({ method: 'GET', url: '/api/public/structures?departement=93' })).json();
    expect(pub.items.map((i: { name: string }) => i.name)).toEqual(['Nouvelle AI de Bobigny']);
  });

  test('refuses a bad SIRET, an unknown commune and an unknown job, next to each field', async () => {
    const res = await call('POST', `/api/networks/${networkId}/structures`, coordinator, {
      ...valid,
      siret: '73282932000075',
      address: { communeCode: '99999' },
      jobs: ['Z1234'],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['siret', 'address.communeCode', 'jobs.0']));
    const siret = res.json().error.details.find((d: { path: string }) => d.path === 'siret');
    expect(siret.message).toMatch(/clé de contrôle/);
  });

  test('edits, hides and deactivates a structure; hidden or inactive ones leave the public directory', async () => {
    const edit = await call('PATCH', `/api/networks/${networkId}/structures/${structureId}`, coordinator, {
      phone: '01 99 99 99 99',
      jobs: ['A1203'],
      address: { line: '3 allée des Tilleuls', communeCode: '94028' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      phone: '01 99 99 99 99',
      jobs: ['A1203'],
      address: { communeCode: '94028', communeName: 'Créteil', line: '3 allée des Tilleuls' },
      departement: '94',
    });
    const visible = () => app.inject({ method: 'GET', url: `/api/public/structures/${structureId}` });
    // The map's points are kept for a minute, but a change in the console shows at once.
    const onMap = async () =>
      (await app.inject({ method: 'GET', url: '/api/public/structures.points.json?departement=94' }))
        .json()
        .items.some((p: { id: string }) => p.id === structureId);
    expect((await visible()).statusCode).toBe(200);
    expect(await onMap()).toBe(true);
    await call('PATCH', `/api/networks/${networkId}/structures/${structureId}`, coordinator, { isPublic: false });
    expect((await visible()).statusCode).toBe(404);
    expect(await onMap()).toBe(false);
    const hidden = (await call('GET', `/api/networks/${networkId}/structures?status=hidden`, coordinator)).json();
    expect(hidden.items.map((i: { id: string }) => i.id)).toEqual([structureId]);
    await call('PATCH', `/api/networks/${networkId}/structures/${structureId}`, coordinator, {
      isPublic: true,
      isActive: false,
    });
    expect((await visible()).statusCode).toBe(404);
    const inactive = (await call('GET', `/api/networks/${networkId}/structures?status=inactive`, coordinator)).json();
    expect(inactive.items.map((i: { id: string }) => i.id)).toEqual([structureId]);
  });

  test('the list of the network finds a structure by name without accents', async () => {
    const body = (await call('GET', `/api/networks/${networkId}/structures?q=bobigny`, coordinator)).json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['Nouvelle AI de Bobigny']);
  });
});

describe('tenancy', () => {
  test('a coordinator of another network gets 404 for this network and its structures', async () => {
    expect((await call('GET', `/api/networks/${networkId}/structures`, otherCoordinator)).statusCode).toBe(404);
    const other = await makeNetwork(db);
    const mine = await call('GET', `/api/networks/${other.id}/structures/${structureId}`, coordinator);
    expect(mine.statusCode).toBe(404);
  });

  test('a structure of another network is 404 even from the coordinator’s own network URL', async () => {
    const foreign = await makeStructure(db, { name: 'Ailleurs', networkId: (await makeNetwork(db)).id });
    const res = await call('PATCH', `/api/networks/${networkId}/structures/${foreign.id}`, coordinator, {
      isPublic: false,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  test('an AI’s administrator is not a member of the network console', async () => {
    expect((await call('GET', `/api/networks/${networkId}/structures`, orgAdmin)).statusCode).toBe(404);
  });
});

describe('inviting a structure’s first administrator', () => {
  test('sends a private link by email; the person chooses a password and becomes org_admin', async () => {
    const res = await call('POST', `/api/networks/${networkId}/structures/${structureId}/invitations`, coordinator, {
      email: 'Directrice@Atelier.test',
      name: 'Inès Moreau',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().email).toBe('directrice@atelier.test');
    const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.to, 'directrice@atelier.test'));
    expect(email.subject).toContain('Atelier du Val');
    const token = /\/invitation\/([A-Za-z0-9_-]+)/.exec(email.text)![1];
    expect(email.text).toContain(`http://passerelle.test/invitation/${token}`);

    const seen = (await app.inject({ method: 'GET', url: `/api/public/invitations/${token}` })).json();
    expect(seen).toMatchObject({
      organisationName: 'Atelier du Val',
      email: 'directrice@atelier.test',
      expired: false,
    });

    const short = await app.inject({
      method: 'POST',
      url: `/api/public/invitations/${token}/accept`,
      payload: { password: 'court' },
    });
    expect(short.statusCode).toBe(400);

    const accept = await app.inject({
      method: 'POST',
      url: `/api/public/invitations/${token}/accept`,
      payload: { password: 'un-mot-de-passe-solide' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.cookies.some((c) => c.name === 'passerelle_session')).toBe(true);
    const [user] = await db.select().from(users).where(eq(users.email, 'directrice@atelier.test'));
    const [m] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organisationId, structureId)));
    expect(m.role).toBe('org_admin');
    await loginCookie(app, 'directrice@atelier.test', 'un-mot-de-passe-solide');

    const again = await app.inject({
      method: 'POST',
      url: `/api/public/invitations/${token}/accept`,
      payload: { password: 'un-mot-de-passe-solide' },
    });
    expect(again.statusCode).toBe(409);
    const second = await call('POST', `/api/networks/${networkId}/structures/${structureId}/invitations`, coordinator, {
      email: 'autre@atelier.test',
      name: 'Autre',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('structure_has_admin');
  });

  test('an unknown token is 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(res.statusCode).toBe(404);
  });
});
