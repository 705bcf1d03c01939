/**
 * Existing databases migrate without losing anything (issue 15, "Done when"): a small world shaped like the demo's
 * (an AI, clients of every kind, workers with PASS IAE, prolongations, suspensions, an invoice paid by CESU, an
 * exit) is written into a database migrated up to 0026 — the last migration before the law wave — then every
 * later migration runs on it, and each row is checked to come out as the law wave intends.
 */
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countsForHoursCap } from '../../src/server/modules/clients/rules/hours-cap-scope.js';
import { databaseBefore } from './migrations-before.js';

/** The first migration of the law wave: everything before it is "an existing database". */
const LAW_WAVE_FIRST = '0027';

let pg: PGlite;

const ids = {
  org: '00000000-0000-4000-8000-000000000001',
  user: '00000000-0000-4000-8000-000000000002',
  individual: '00000000-0000-4000-8000-000000000011',
  careHome: '00000000-0000-4000-8000-000000000012',
  landlord: '00000000-0000-4000-8000-000000000013',
  company: '00000000-0000-4000-8000-000000000014',
  association: '00000000-0000-4000-8000-000000000015',
  contract: '00000000-0000-4000-8000-000000000021',
  contractOther: '00000000-0000-4000-8000-000000000022',
  worker: '00000000-0000-4000-8000-000000000031',
  pass: '00000000-0000-4000-8000-000000000041',
  invoice: '00000000-0000-4000-8000-000000000051',
};

const OLD_VAT_MENTION = 'TVA non applicable – art. 261-7-1°-b du CGI';

/** The world as an AI had it before the law wave (columns of migration 0026). */
async function seedBeforeLawWave() {
  await pg.exec(`
    INSERT INTO organisations (id, slug, kind, name, commune_code, settings)
      VALUES ('${ids.org}', 'ai-test', 'AI', 'AI de test', '94028', '{"vatMention": "${OLD_VAT_MENTION}", "conventionEtp": 12}');
    INSERT INTO users (id, email, name) VALUES ('${ids.user}', 'direction@ai-test.test', 'Direction');
    INSERT INTO clients (id, organisation_id, kind, name, commune_code, for_profit, counts_for_hours_cap_override, chorus_commitment_number) VALUES
      ('${ids.individual}', '${ids.org}', 'individual', 'Mme Jeanne Petit', '94028', null, null, null),
      ('${ids.careHome}', '${ids.org}', 'care_home', 'EHPAD Les Tilleuls', '94028', true, null, null),
      ('${ids.landlord}', '${ids.org}', 'social_landlord', 'Val-de-Marne Habitat', '94028', null, false, null),
      ('${ids.company}', '${ids.org}', 'company', 'Nettoyage Express', '94028', true, null, 'EJ-2026-0042'),
      ('${ids.association}', '${ids.org}', 'association', 'Les Restos du cœur 94', '94028', false, null, null);
    INSERT INTO placement_contracts (id, organisation_id, client_id, number, tasks, start_date, end_date, worker_names) VALUES
      ('${ids.contract}', '${ids.org}', '${ids.company}', 'MAD-2026-001', 'Entretien des bureaux', '2026-01-01', '2026-12-31', ARRAY['Awa Diallo']),
      ('${ids.contractOther}', '${ids.org}', '${ids.careHome}', 'MAD-2026-002', 'Entretien des chambres', '2026-01-01', '2026-12-31', ARRAY['Awa Diallo']);
    INSERT INTO workers (id, organisation_id, first_name, last_name, birth_date, commune_code)
      VALUES ('${ids.worker}', '${ids.org}', 'Awa', 'Diallo', '1988-03-14', '94028');
    INSERT INTO passes (id, organisation_id, worker_id, number, start_date, end_date)
      VALUES ('${ids.pass}', '${ids.org}', '${ids.worker}', '999992612345', '2025-01-01', '2027-01-30');
    INSERT INTO pass_extensions (organisation_id, pass_id, reason, months, requested_on)
      VALUES ('${ids.org}', '${ids.pass}', 'rqth', 6, '2026-10-01');
    INSERT INTO pass_suspensions (organisation_id, pass_id, start_date, end_date, reason)
      VALUES ('${ids.org}', '${ids.pass}', '2025-06-01', '2025-06-30', 'Arrêt maladie de trois semaines');
    INSERT INTO invoices (id, organisation_id, client_id, month, number, issued_on, due_on, period_start, period_end,
        net_cents, vat_cents, total_cents, seller, buyer, pdf, xml)
      VALUES ('${ids.invoice}', '${ids.org}', '${ids.individual}', '2026-09', 'F-2026-0001', '2026-10-01', '2026-10-31',
        '2026-09-01', '2026-09-30', 10000, 0, 10000, '{}', '{}', '\\x00', '<Invoice/>');
    INSERT INTO payments (organisation_id, invoice_id, amount_cents, paid_on, method)
      VALUES ('${ids.org}', '${ids.invoice}', 4000, '2026-10-05', 'cesu'), ('${ids.org}', '${ids.invoice}', 6000, '2026-10-06', 'cheque');
    INSERT INTO worker_exits (organisation_id, worker_id, exit_date, category, reason, minutes_worked)
      VALUES ('${ids.org}', '${ids.worker}', '2026-11-15', 'durable', 'CDI agent de service', 12000);
  `);
}

const TABLES = [
  'organisations',
  'users',
  'clients',
  'placement_contracts',
  'workers',
  'passes',
  'pass_extensions',
  'pass_suspensions',
  'invoices',
  'payments',
  'worker_exits',
];

async function counts() {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = Number((await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n);
  return out;
}

const one = async <T>(sql: string) => (await pg.query<T>(sql)).rows;

let before: Record<string, number>;

beforeAll(async () => {
  const existing = await databaseBefore(LAW_WAVE_FIRST);
  pg = existing.pg;
  await seedBeforeLawWave();
  before = await counts();
  // Every migration of the law wave and after, on the existing world.
  await existing.migrateToLatest();
}, 120_000);

afterAll(async () => {
  await pg?.close();
});

describe('an existing database through the law wave (0027, 0028 and every later migration)', () => {
  test('no row is lost', async () => {
    expect(await counts()).toEqual(before);
  });

  test('0027: an individual client is a private individual; every other legal form is unknown until completed', async () => {
    const rows = await one<{ name: string; legal_form: string | null; counts: boolean }>(
      'SELECT name, legal_form, hours_cap_counts(c) AS counts FROM clients c ORDER BY name',
    );
    // Source: L5132-9 (natural persons outside their trade do not count), L2211-1; unknown counts (safe side).
    expect(rows).toEqual([
      { name: 'EHPAD Les Tilleuls', legal_form: null, counts: true },
      { name: 'Les Restos du cœur 94', legal_form: null, counts: true },
      { name: 'Mme Jeanne Petit', legal_form: 'private_individual', counts: false },
      { name: 'Nettoyage Express', legal_form: null, counts: true },
      { name: 'Val-de-Marne Habitat', legal_form: null, counts: true },
    ]);
    // The SQL twin agrees with the one TypeScript rule on every migrated client.
    for (const r of rows) expect(countsForHoursCap(r.legal_form), r.name).toBe(r.counts);
    // The former sector columns are kept, word for word (read by nothing; the officer's earlier choice stays visible).
    expect(
      await one(
        "SELECT name, for_profit, counts_for_hours_cap_override FROM clients WHERE kind IN ('care_home', 'social_landlord') ORDER BY name",
      ),
    ).toEqual([
      { name: 'EHPAD Les Tilleuls', for_profit: true, counts_for_hours_cap_override: null },
      { name: 'Val-de-Marne Habitat', for_profit: null, counts_for_hours_cap_override: false },
    ]);
  });

  test('0028: PASS prolongations recorded before decisions stay granted, decided on their request', async () => {
    expect(await one('SELECT reason, months, status, decided_on::text AS decided_on FROM pass_extensions')).toEqual([
      { reason: 'rqth', months: 6, status: 'granted', decided_on: '2026-10-01' },
    ]);
  });

  test('0028: a free-text suspension reason is kept word for word, its code says it predates the list', async () => {
    expect(await one('SELECT reason, explanation FROM pass_suspensions')).toEqual([
      { reason: 'unspecified', explanation: 'Arrêt maladie de trois semaines' },
    ]);
  });

  test('0028: a CESU payment becomes a prepaid CESU (deducted from the tax certificate); other payments unchanged', async () => {
    expect(await one('SELECT amount_cents, method FROM payments ORDER BY amount_cents')).toEqual([
      { amount_cents: 4000, method: 'cesu_prepaid' },
      { amount_cents: 6000, method: 'cheque' },
    ]);
  });

  test('0028: the engagement number moves from the client to the contracts (the order), the client keeps it', async () => {
    expect(await one('SELECT number, commitment_number FROM placement_contracts ORDER BY number')).toEqual([
      { number: 'MAD-2026-001', commitment_number: 'EJ-2026-0042' },
      { number: 'MAD-2026-002', commitment_number: null },
    ]);
    expect(await one(`SELECT chorus_commitment_number FROM clients WHERE id = '${ids.company}'`)).toEqual([
      { chorus_commitment_number: 'EJ-2026-0042' },
    ]);
  });

  test('0028: the old VAT mention is replaced by art. 261-7-1° bis; other settings untouched', async () => {
    const [org] = await one<{ settings: Record<string, unknown> }>('SELECT settings FROM organisations');
    expect(org.settings).toEqual({ vatMention: 'Exonération de TVA – art. 261-7-1° bis du CGI', conventionEtp: 12 });
  });

  test('0028: an exit keeps its category and reason, its ASP reason is left to complete', async () => {
    expect(await one('SELECT category, reason, minutes_worked, asp_reason FROM worker_exits')).toEqual([
      { category: 'durable', reason: 'CDI agent de service', minutes_worked: 12000, asp_reason: null },
    ]);
  });

  test('the rules added by the wave hold on migrated data: overlapping suspensions are refused', async () => {
    await expect(
      pg.exec(
        `INSERT INTO pass_suspensions (organisation_id, pass_id, start_date, end_date, reason) VALUES ('${ids.org}', '${ids.pass}', '2025-06-15', '2025-07-15', 'contract_suspended')`,
      ),
    ).rejects.toThrow(/overlap/);
  });
});
