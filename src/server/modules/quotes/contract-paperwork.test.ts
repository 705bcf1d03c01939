import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeClient, makeMission, makeOrg, makeUser } from '../../../../test/factories.js';
import { loginCookie, testApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf-text.js';

const { app, database } = await testApp();
const db = database.db;

let orgId: string;
let contractId: string;
let otherContractId: string;
let officer: string;
let accountant: string;
let clientUser: string;
let otherClientUser: string;
let otherAdmin: string;

beforeAll(async () => {
  orgId = (await makeOrg(db)).id;
  const client = await makeClient(db, { organisationId: orgId, kind: 'public_body', name: 'Conseil départemental' });
  const other = await makeClient(db, { organisationId: orgId, kind: 'company' });
  contractId = (await makeMission(db, { organisationId: orgId, client })).contract.id;
  otherContractId = (await makeMission(db, { organisationId: orgId, client: other })).contract.id;
  officer = await loginCookie(app, (await makeUser(db, { role: 'placement_officer', organisationId: orgId })).email);
  accountant = await loginCookie(app, (await makeUser(db, { role: 'accountant', organisationId: orgId })).email);
  clientUser = await loginCookie(
    app,
    (await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: client.id })).email,
  );
  otherClientUser = await loginCookie(
    app,
    (await makeUser(db, { role: 'client_user', organisationId: orgId, clientId: other.id })).email,
  );
  const otherOrg = await makeOrg(db);
  otherAdmin = await loginCookie(app, (await makeUser(db, { role: 'org_admin', organisationId: otherOrg.id })).email);
});

const url = (id = contractId, rest = '') => `/api/orgs/${orgId}/placement-contracts/${id}${rest}`;
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, cookie: string, payload?: object) =>
  app.inject({ method, url: path, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A minimal valid PDF header and JPEG/PNG signatures: the server recognises files by their first bytes. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
const b64 = (b: Buffer) => b.toString('base64');

describe('the engagement number of the order (Chorus Pro, EN 16931 BT-13)', () => {
  test('the placement officer sets it; it shows on the contract, its PDF, and only there', async () => {
    const res = await call('PUT', url(contractId, '/commitment-number'), officer, { commitmentNumber: ' 1300012345 ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ commitmentNumber: '1300012345' });
    expect((await call('GET', url(), officer)).json().commitmentNumber).toBe('1300012345');
    expect((await call('GET', url(otherContractId), officer)).json().commitmentNumber).toBeNull();
    const pdf = await call('GET', url(contractId, '/pdf'), officer);
    expect(await pdfText(pdf.rawPayload)).toContain('1300012345');
  });

  test('an empty number removes it; a control character or 51 characters are refused', async () => {
    expect(
      (await call('PUT', url(contractId, '/commitment-number'), officer, { commitmentNumber: '' })).json(),
    ).toEqual({
      commitmentNumber: null,
    });
    for (const commitmentNumber of ['12\u000734', 'x'.repeat(51)])
      expect((await call('PUT', url(contractId, '/commitment-number'), officer, { commitmentNumber })).statusCode).toBe(
        400,
      );
  });

  test('the accountant and the client read it but may not change it; another AI is told it does not exist', async () => {
    const body = { commitmentNumber: 'EJ-1' };
    expect((await call('PUT', url(contractId, '/commitment-number'), accountant, body)).statusCode).toBe(403);
    expect((await call('PUT', url(contractId, '/commitment-number'), clientUser, body)).statusCode).toBe(403);
    expect((await call('PUT', url(contractId, '/commitment-number'), otherAdmin, body)).statusCode).toBe(404);
  });
});

describe('the scanned signed copy of a contract signed on paper', () => {
  let documentId: string;

  test('a PDF is attached once (the same file again is recognised), listed, and downloaded as it was', async () => {
    const res = await call('POST', url(contractId, '/documents'), officer, {
      fileName: 'contrat signé.pdf',
      contentBase64: b64(PDF),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'application/pdf', sizeBytes: PDF.length, created: true });
    documentId = res.json().id;
    const again = await call('POST', url(contractId, '/documents'), officer, {
      fileName: 'copie.pdf',
      contentBase64: b64(PDF),
    });
    expect(again.json()).toMatchObject({ id: documentId, created: false });
    expect((await call('GET', url(contractId, '/documents'), officer)).json().items).toHaveLength(1);
    const file = await call('GET', url(contractId, `/documents/${documentId}`), officer);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''contrat%20sign%C3%A9.pdf");
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
  });

  test.each([
    ['a file that is not a PDF or an image', Buffer.from('<html><script>alert(1)</script></html>'), 'PDF, JPEG et PNG'],
    ['an empty file', Buffer.alloc(0), 'Choisissez un fichier'],
    ['a file over 5 MB', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), '5 Mo au plus'],
  ])('%s is refused and nothing is kept', async (_, bytes, message) => {
    const res = await call('POST', url(contractId, '/documents'), officer, {
      fileName: 'scan.png',
      contentBase64: b64(bytes),
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(message);
    expect((await call('GET', url(contractId, '/documents'), officer)).json().items).toHaveLength(1);
  });

  test('only those who may read the contract download it: its client yes, another client and another AI no', async () => {
    const path = url(contractId, `/documents/${documentId}`);
    expect((await call('GET', path, clientUser)).statusCode).toBe(200);
    expect((await call('GET', path, otherClientUser)).statusCode).toBe(404);
    expect((await call('GET', path, otherAdmin)).statusCode).toBe(404);
    expect((await call('GET', url(otherContractId, `/documents/${documentId}`), officer)).statusCode).toBe(404);
    // Attaching and removing is the placement team's.
    expect(
      (await call('POST', url(contractId, '/documents'), clientUser, { fileName: 'x.png', contentBase64: b64(PNG) }))
        .statusCode,
    ).toBe(403);
    expect((await call('DELETE', path, accountant)).statusCode).toBe(403);
  });

  test('the data export carries the scan as a file named in the CSV', async () => {
    const admin = await loginCookie(app, (await makeUser(db, { role: 'org_admin', organisationId: orgId })).email);
    const res = await call('GET', `/api/orgs/${orgId}/export`, admin);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const name = `fichiers/placement_contract_documents/${documentId}-content.pdf`;
    expect(strFromU8(files['placement_contract_documents.csv'])).toContain(name);
    expect(Buffer.compare(Buffer.from(files[name]), PDF)).toBe(0);
  });

  test('a document attached by mistake is removed', async () => {
    expect((await call('DELETE', url(contractId, `/documents/${documentId}`), officer)).statusCode).toBe(204);
    expect((await call('GET', url(contractId, '/documents'), officer)).json().items).toEqual([]);
  });
});
