import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeOrg, makeUser } from '../../../../test/factories.js';
import { makeQuote } from '../../../../test/factories-quotes.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { addDays, parisToday } from '../calendar/paris-time.js';
import { withLuhnDigit } from '../directory/rules/siret.js';
import { organisationTerritories } from '../directory/schema.js';
import { amendPlacementContractWorkers } from './amend-placement-contract-workers.js';
import { placementContracts, quotes } from './schema.js';

const { app, database } = await testApp();
const db = database.db;
let orgId: string;
let officer: string;
let officerUserId: string;
let clientCookie: string;
let client: Awaited<ReturnType<typeof makeClient>>;

beforeAll(async () => {
  orgId = (await makeOrg(db, { name: 'AI Trait d’Union', communeCode: '94028' })).id;
  await db.insert(organisationTerritories).values([
    { organisationId: orgId, kind: 'departement', code: '94' },
    { organisationId: orgId, kind: 'commune', code: '93066' },
  ]);
  client = await makeClient(db, {
    organisationId: orgId,
    kind: 'company',
    name: 'Logistique Francilienne SAS',
    siret: withLuhnDigit('5520000000012'),
    email: 'rh@logistique.test',
  });
  const officerUser = await makeUser(db, { role: 'placement_officer', organisationId: orgId, name: 'Nadia Officer' });
  officerUserId = officerUser.id;
  officer = await loginCookie(app, officerUser.email);
  clientCookie = await loginCookie(
    app,
    (await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: client.id, name: 'Marc Durand' }))
      .email,
  );
});

const accept = (quoteId: string, cookie = officer) =>
  app.inject({ method: 'POST', url: `/api/orgs/${orgId}/quotes/${quoteId}/accept`, headers: { cookie } });

describe('rules a placement contract must satisfy (422 naming the rule, nothing changed)', () => {
  test('L5132-7: a client flagged for an economic dismissal → client_economic_dismissal', async () => {
    const flagged = await makeClient(db, {
      organisationId: orgId,
      kind: 'company',
      economicDismissalOn: parisToday(),
      economicDismissalUntil: addDays(parisToday(), 150),
    });
    const q = await makeQuote(db, { organisationId: orgId, clientId: flagged.id });
    const res = await accept(q.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'client_economic_dismissal',
      message: expect.stringMatching(/L5132-7/),
    });
    const [after] = await db.select().from(quotes).where(eq(quotes.id, q.id));
    expect(after.status).toBe('draft');
    expect(after.acceptedAt).toBeNull();
  });

  test('R5132-19: a site outside the convention territory → site_outside_territory', async () => {
    const paris = await makeClient(db, { organisationId: orgId, communeCode: '75056' });
    const q = await makeQuote(db, { organisationId: orgId, clientId: paris.id, siteId: paris.site.id });
    const res = await accept(q.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('site_outside_territory');
    expect(await db.select().from(placementContracts).where(eq(placementContracts.quoteId, q.id))).toHaveLength(0);
  });

  test('R5132-19: a commune listed in the territory is inside', async () => {
    const saintDenis = await makeClient(db, { organisationId: orgId, communeCode: '93066' });
    const q = await makeQuote(db, { organisationId: orgId, clientId: saintDenis.id });
    expect((await accept(q.id)).statusCode).toBe(200);
  });

  test('D4154-1: a job flagged dangerous → dangerous_job', async () => {
    const q = await makeQuote(db, { organisationId: orgId, clientId: client.id, rome: 'K2305' });
    const res = await accept(q.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'dangerous_job', message: expect.stringMatching(/D4154-1/) });
  });
});

describe('the contract and its PDF', () => {
  let contractId: string;

  beforeAll(async () => {
    const q = await makeQuote(db, {
      organisationId: orgId,
      clientId: client.id,
      siteId: client.site.id,
      rome: 'N1105',
      tasks: 'Manutention et préparation de commandes',
      startDate: addDays(parisToday(), 7),
      endDate: addDays(parisToday(), 97),
      protectiveEquipment: 'Chaussures de sécurité, gants de manutention',
      equipmentSuppliedBy: 'client',
      equivalentPayCents: 1385,
    });
    contractId = (await accept(q.id)).json().placementContractId;
  });

  test('carries every R5132-20 mention and both parties’ legal details', async () => {
    await amendPlacementContractWorkers({
      db,
      actor: { organisationId: orgId, userId: officerUserId },
      placementContractId: contractId,
      workerNames: ['Awa Diallo', 'Jean Petit'],
    });
    const res = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/placement-contracts/${contractId}/pdf`,
      headers: { cookie: officer },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    const [contract] = await db.select().from(placementContracts).where(eq(placementContracts.id, contractId));
    for (const mention of [
      'Contrat de mise à disposition',
      'R5132-20',
      'AI Trait d’Union',
      'Logistique Francilienne SAS',
      `SIRET ${client.siret}`,
      'Tâches confiées',
      'Manutention et préparation de commandes',
      'Lieu d’intervention',
      'Date de fin de la mise à disposition',
      contract.endDate.split('-').reverse().join('/'),
      'Rémunération d’un salarié de qualification équivalente',
      '13,85 €',
      'Chaussures de sécurité, gants de manutention',
      'Équipements fournis par',
      'l’utilisateur',
      'signé en ligne par',
    ]) {
      expect(text).toContain(mention);
    }
    expect(text).toContain('à désigner par avenant');
  });

  test('the amendment names the workers, points to the contract and is signed by the client in its portal', async () => {
    const detail = (
      await app.inject({
        method: 'GET',
        url: `/api/orgs/${orgId}/placement-contracts/${contractId}`,
        headers: { cookie: officer },
      })
    ).json();
    expect(detail.versions).toHaveLength(2);
    const amendment = detail.versions[1];
    expect(amendment).toMatchObject({
      amendsId: contractId,
      workerNames: ['Awa Diallo', 'Jean Petit'],
      signedAt: null,
    });
    expect(amendment.number).toMatch(/-A1$/);
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/placement-contracts/${amendment.id}/pdf`,
      headers: { cookie: clientCookie },
    });
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Avenant au contrat de mise à disposition');
    expect(text).toContain('Awa Diallo, Jean Petit');
    expect(text).toContain('en attente de signature');
    const sign = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/placement-contracts/${amendment.id}/sign`,
      headers: { cookie: clientCookie },
    });
    expect(sign.statusCode).toBe(200);
    const [row] = await db.select().from(placementContracts).where(eq(placementContracts.id, amendment.id));
    expect(row.signedBy).toBe('Marc Durand');
    const twice = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/placement-contracts/${amendment.id}/sign`,
      headers: { cookie: clientCookie },
    });
    expect(twice.statusCode).toBe(409);
  });

  test('the same names again create no amendment; a change through the API creates the next one', async () => {
    const same = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/placement-contracts/${contractId}/workers`,
      headers: { cookie: officer },
      payload: { workerNames: ['Jean Petit', 'Awa Diallo'] },
    });
    expect(same.json().created).toBe(false);
    const changed = await app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/placement-contracts/${contractId}/workers`,
      headers: { cookie: officer },
      payload: { workerNames: ['Awa Diallo', 'Fatou Sow'] },
    });
    expect(changed.json().created).toBe(true);
    const [row] = await db
      .select()
      .from(placementContracts)
      .where(eq(placementContracts.id, changed.json().placementContractId));
    expect(row.amendsId).toBe(contractId);
    expect(row.number).toMatch(/-A2$/);
    expect(row.amendmentReason).toMatch(/Ajout de Fatou Sow ; retrait de Jean Petit/);
  });

  test('another AI cannot read the contract (404)', async () => {
    const other = await makeOrg(db);
    const stranger = await loginCookie(
      app,
      (await makeUser(db, { role: 'org_admin', organisationId: other.id })).email,
    );
    const res = await app.inject({
      method: 'GET',
      url: `/api/orgs/${other.id}/placement-contracts/${contractId}/pdf`,
      headers: { cookie: stranger },
    });
    expect(res.statusCode).toBe(404);
    const res2 = await app.inject({
      method: 'GET',
      url: `/api/orgs/${orgId}/placement-contracts/${contractId}/pdf`,
      headers: { cookie: stranger },
    });
    expect(res2.statusCode).toBe(404);
  });
});
