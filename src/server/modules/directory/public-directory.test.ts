import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeNetwork } from '../../../../test/factories.js';
import { makeStructure } from '../../../../test/factories-directory.js';
import { testApp } from '../../../../test/harness.js';

const { app, database } = await testApp();
const db = database.db;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const network = await makeNetwork(db);
  const networkId = network.id;
  ids.creteil = (
    await makeStructure(db, { name: 'Trait d’Union Emploi', communeCode: '94028', jobs: ['K2204', 'J1301'], networkId })
  ).id;
  ids.vitry = (
    await makeStructure(db, { name: 'Vitry Services', communeCode: '94081', jobs: ['K2201'], networkId })
  ).id;
  ids.paris = (
    await makeStructure(db, { name: 'Jardins de Paris', kind: 'ACI', communeCode: '75056', jobs: ['A1203'], networkId })
  ).id;
  ids.meaux = (
    await makeStructure(db, { name: 'Élan Solidaire Meaux', kind: 'EI', communeCode: '77284', jobs: ['K2204'] })
  ).id;
  ids.hidden = (
    await makeStructure(db, { name: 'AI cachée de Créteil', communeCode: '94028', isPublic: false, networkId })
  ).id;
  ids.inactive = (
    await makeStructure(db, { name: 'AI fermée de Vincennes', communeCode: '94080', isActive: false, networkId })
  ).id;
});

const get = (url: string) => app.inject({ method: 'GET', url });
const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

describe('GET /api/public/structures', () => {
  test('lists only public and active structures, by name, in the shape of API.md', async () => {
    const res = await get('/api/public/structures');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(4);
    expect(names(body)).toEqual(['Élan Solidaire Meaux', 'Jardins de Paris', 'Trait d’Union Emploi', 'Vitry Services']);
    const creteil = body.items.find((i: { id: string }) => i.id === ids.creteil);
    expect(creteil).toMatchObject({
      id: ids.creteil,
      name: 'Trait d’Union Emploi',
      kind: 'AI',
      siret: expect.stringMatching(/^\d{14}$/),
      address: { line: null, postalCode: null, communeCode: '94028', communeName: 'Créteil' },
      location: { lat: 48.78373, lon: 2.45467 },
      phone: '01 23 45 67 89',
      email: expect.stringContaining('@'),
      website: null,
      jobs: ['J1301', 'K2204'],
      distanceKm: null,
    });
  });

  test('around a commune, answers the nearest first with the distance, within 25 km by default', async () => {
    const body = (await get('/api/public/structures?commune=94028')).json();
    expect(names(body)).toEqual(['Trait d’Union Emploi', 'Vitry Services', 'Jardins de Paris']);
    expect(body.items.map((i: { distanceKm: number }) => i.distanceKm)).toEqual([0, 4.4, 11.5]);
    expect(body.total).toBe(3);
  });

  test('a wider radius reaches Meaux; a narrow one keeps only Créteil', async () => {
    const wide = (await get('/api/public/structures?commune=94028&radiusKm=50')).json();
    expect(names(wide)).toContain('Élan Solidaire Meaux');
    expect(wide.items.at(-1).name).toBe('Élan Solidaire Meaux');
    const narrow = (await get('/api/public/structures?commune=94028&radiusKm=1')).json();
    expect(names(narrow)).toEqual(['Trait d’Union Emploi']);
  });

  test('filters by ROME code, by job family, by département and by kind', async () => {
    expect(names((await get('/api/public/structures?job=J1301')).json())).toEqual(['Trait d’Union Emploi']);
    expect(names((await get('/api/public/structures?job=K22')).json())).toEqual([
      'Élan Solidaire Meaux',
      'Trait d’Union Emploi',
      'Vitry Services',
    ]);
    expect(names((await get('/api/public/structures?departement=94')).json())).toEqual([
      'Trait d’Union Emploi',
      'Vitry Services',
    ]);
    expect(names((await get('/api/public/structures?kind=ACI')).json())).toEqual(['Jardins de Paris']);
    expect(names((await get('/api/public/structures?commune=94028&radiusKm=50&job=K2204')).json())).toEqual([
      'Trait d’Union Emploi',
      'Élan Solidaire Meaux',
    ]);
  });

  test('finds a structure by text whatever the accents and case', async () => {
    expect(names((await get('/api/public/structures?q=elan%20SOLIDAIRE')).json())).toEqual(['Élan Solidaire Meaux']);
    expect(names((await get('/api/public/structures?q=creteil')).json())).toEqual(['Trait d’Union Emploi']);
    expect((await get('/api/public/structures?q=cach%C3%A9e')).json().total).toBe(0);
  });

  test('pages with limit and offset and keeps the total', async () => {
    const body = (await get('/api/public/structures?limit=1&offset=1')).json();
    expect(body).toMatchObject({ total: 4, items: [{ name: 'Jardins de Paris' }] });
    expect((await get('/api/public/structures?limit=10&offset=10')).json()).toEqual({ items: [], total: 4 });
  });

  test('refuses an unknown commune, an unknown ROME code and a radius out of range, with a French message per field', async () => {
    const res = await get('/api/public/structures?commune=99999&job=Z9999&radiusKm=0&departement=00');
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    const byPath = Object.fromEntries(error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath['querystring.commune']).toMatch(/commune 99999 est inconnue/);
    expect(byPath['querystring.job']).toMatch(/métier Z9999 est inconnu/);
    expect(byPath['querystring.radiusKm']).toMatch(/entre 1 et 100 km/);
    expect(byPath['querystring.departement']).toMatch(/département 00 est inconnu/);
    expect((await get('/api/public/structures?commune=94028&radiusKm=101')).statusCode).toBe(400);
    expect((await get('/api/public/structures?job=K9999')).statusCode).toBe(400);
    expect((await get('/api/public/structures?kind=XYZ')).statusCode).toBe(400);
  });

  test('empty filters from a cleared form are ignored', async () => {
    const res = await get('/api/public/structures?commune=&job=&radiusKm=&departement=&kind=&q=');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(4);
  });
});

describe('map points, structure page, referentials', () => {
  test('the map gets every matching structure as a compact point', async () => {
    const body = (await get('/api/public/structures.points.json?departement=94')).json();
    expect(body.total).toBe(2);
    expect(body.items[0]).toEqual({
      id: ids.creteil,
      name: 'Trait d’Union Emploi',
      kind: 'AI',
      communeName: 'Créteil',
      lat: 48.78373,
      lon: 2.45467,
      distanceKm: null,
    });
  });

  test('a structure is found by id or slug with its job labels; a hidden one is 404', async () => {
    const byId = (await get(`/api/public/structures/${ids.creteil}`)).json();
    expect(byId.jobLabels).toContainEqual({ code: 'J1301', label: expect.stringMatching(/hospitalier/i) });
    expect(byId.networkLabels).toEqual([{ code: 'ai', label: 'Associations intermédiaires' }]);
    const bySlug = await get(`/api/public/structures/${byId.slug}`);
    expect(bySlug.json().id).toBe(ids.creteil);
    expect((await get(`/api/public/structures/${ids.hidden}`)).statusCode).toBe(404);
    expect((await get(`/api/public/structures/${ids.inactive}`)).statusCode).toBe(404);
  });

  test('the commune autocomplete finds Créteil without its accent, by its postal code and by its INSEE code', async () => {
    const body = (await get('/api/public/communes?q=creteil')).json();
    expect(body.items[0]).toEqual({
      code: '94028',
      name: 'Créteil',
      departement: '94',
      lat: 48.78373,
      lon: 2.45467,
      postalCodes: ['94000'],
      formerName: null,
      joinedName: null,
    });
    expect((await get('/api/public/communes?q=94000')).json().items[0].name).toBe('Créteil');
    expect((await get('/api/public/communes?q=94028')).json().items[0].name).toBe('Créteil');
    // The need form's own autocomplete (public) answers the same, postal codes included.
    expect((await get('/api/public/needs/communes?q=93210')).json().items[0]).toEqual({
      code: '93066',
      name: 'Saint-Denis',
      departement: '93',
      postalCodes: ['93200', '93210', '93380'],
      formerName: null,
      joinedName: null,
    });
    // A commune renamed since 2018 is found by its former name, and says it.
    expect((await get('/api/public/needs/communes?q=Bellegarde-sur-Valserine')).json().items[0]).toMatchObject({
      code: '01033',
      name: 'Valserhône',
      formerName: 'Bellegarde-sur-Valserine',
    });
    // A commune that has joined another is found by its name as the commune it joined, and says it.
    expect((await get('/api/public/needs/communes?q=Étrez')).json().items[0]).toMatchObject({
      code: '01130',
      name: 'Bresse Vallons',
      joinedName: 'Étrez',
    });
    expect((await get('/api/public/communes/94028')).json().name).toBe('Créteil');
    expect((await get('/api/public/communes/99999')).statusCode).toBe(400);
    // Its former code names the commune to choose.
    const former = await get('/api/public/communes/01154');
    expect(former.statusCode).toBe(400);
    expect(former.json().error.details[0].message).toBe(
      'Étrez (01154) fait désormais partie de la commune de Bresse Vallons (01130) : choisissez Bresse Vallons.',
    );
  });

  test('the job list searches labels without accents and by code or family', async () => {
    const body = (await get('/api/public/jobs?q=hospitalier')).json();
    expect(body.items.map((j: { code: string }) => j.code)).toContain('J1301');
    expect(body.items[0]).toMatchObject({ familyCode: expect.stringMatching(/^J1/), domainCode: 'J' });
    const family = (await get('/api/public/jobs?q=K22')).json();
    expect(family.items.every((j: { code: string }) => j.code.startsWith('K22'))).toBe(true);
    expect((await get('/api/public/jobs?limit=200')).json().total).toBe(609);
  });

  test('serves the département outlines for the offline base map', async () => {
    const res = await get('/api/public/departements.geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('geo+json');
    expect(res.json().features).toHaveLength(96);
  });

  test('the map points and the outlines come gzipped in one piece to a browser that accepts it', async () => {
    for (const url of ['/api/public/structures.points.json?departement=94', '/api/public/departements.geojson']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toContain('accept-encoding');
      const body = JSON.parse(zlib.gunzipSync(res.rawPayload).toString('utf8'));
      expect(url.includes('points') ? body.total : body.features.length).toBe(url.includes('points') ? 2 : 96);
    }
  });

  test('the map page names the chunks of its page and of Leaflet for preloading when the web app is built', async () => {
    const res = await get('/carte?departement=94');
    if (!fs.existsSync(path.resolve('dist/web/.vite/manifest.json'))) return;
    expect(res.statusCode).toBe(200);
    const preloads = [...res.body.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloads.some((href) => /\/assets\/MapPage-[\w-]+\.js$/.test(href))).toBe(true);
    expect(preloads.some((href) => /\/assets\/MapView-[\w-]+\.js$/.test(href))).toBe(true);
    // Not the back office: only what the map page imports.
    expect(preloads.some((href) => /MonthClosePage|InvoicesPage|PlanningGridPage/.test(href))).toBe(false);
  });

  test('the structure page is rendered on the server with its content when the web app is built', async () => {
    const built = fs.existsSync(path.resolve('dist/web/index.html'));
    const slug = (await get(`/api/public/structures/${ids.creteil}`)).json().slug;
    const res = await get(`/structures/${slug}`);
    if (!built) {
      expect(res.statusCode).toBe(404);
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Trait d’Union Emploi</h1>');
    expect(res.body).toContain(`/besoin?structure=${ids.creteil}`);
    const list = await get('/annuaire?departement=94');
    expect(list.body).toContain('Vitry Services');
    expect(list.body).not.toContain('Jardins de Paris');
    expect((await get('/structures/nulle-part')).statusCode).toBe(404);
  });
});
