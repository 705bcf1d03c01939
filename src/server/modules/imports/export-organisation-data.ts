import { sql } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import type { Db } from '../../db/connect.js';
import { rowsOf } from '../../db/rows.js';
import type { OrgActor } from '../../http/actor.js';
import { maySeeSensitive } from '../../policies/sensitive.js';
import { recordAudit } from '../audit/record-audit.js';
import { toCsv } from '../payroll/csv.js';

/** Columns that would let someone sign in or forge a link: never exported. */
const SECRET_COLUMN = /password|token|secret|hash/i;

type Column = { table: string; column: string; type: string };

/**
 * The sensitive data of policies/sensitive.ts (RGPD art. 9): interview notes, barrier details, eligibility criteria
 * and their evidence. Exported only to someone who holds the sensitive data right; for the others the columns stay
 * in the CSV (so the files keep one shape) but empty, and the README says why.
 */
const SENSITIVE_COLUMNS: Record<string, readonly string[]> = {
  support_interviews: ['notes'],
  barriers: ['details'],
  eligibility_diagnoses: ['criteria', 'evidence'],
};
const isSensitive = (table: string, column: string) => SENSITIVE_COLUMNS[table]?.includes(column) ?? false;

/**
 * Every row the organisation owns, one CSV per table in a zip, with a README of the columns: an AI is never locked
 * in. The tables are found by their organisation_id column, so a table added later is exported without a change
 * here. Sign-in secrets stay out; sensitive data only for those who hold the right; the download is in the audit log.
 */
export async function exportOrganisationData({ db, actor }: { db: Db; actor: OrgActor }): Promise<Uint8Array> {
  const columns = await rowsOf<Column>(
    db,
    sql`SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "type"
        FROM information_schema.columns c
        WHERE c.table_schema = current_schema()
          AND c.table_name IN (SELECT table_name FROM information_schema.columns
                               WHERE table_schema = current_schema() AND column_name = 'organisation_id')
          AND c.table_name NOT LIKE '\\_\\_%'
        ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const c of columns) if (!SECRET_COLUMN.test(c.column)) tables.set(c.table, [...(tables.get(c.table) ?? []), c]);
  const files: Record<string, Uint8Array> = {};
  const sensitive = maySeeSensitive(actor);
  const readme = [
    '# Données de la structure',
    '',
    `Export du ${new Date().toISOString().slice(0, 10)} : toutes les données que la structure possède dans Passerelle,`,
    'un fichier CSV par table (séparateur « ; », UTF-8). Les identifiants (colonnes id, …_id) relient les tables entre elles.',
    'Les mots de passe et jetons de connexion ne sont pas exportés.',
    ...(sensitive
      ? []
      : [
          'Les données sensibles (notes d’entretien, détails des freins, critères d’éligibilité et justificatifs) sont',
          'laissées vides : elles sont réservées aux personnes habilitées aux données sensibles (page Paramètres).',
        ]),
    '',
  ];
  for (const [table, cols] of tables) {
    const names = cols.map((c) => c.column);
    const rows = await rowsOf<Record<string, unknown>>(
      db,
      sql`SELECT ${sql.join(
        names.map((n) => (sensitive || !isSensitive(table, n) ? sql.identifier(n) : sql`NULL AS ${sql.identifier(n)}`)),
        sql`, `,
      )} FROM ${sql.identifier(table)} WHERE organisation_id = ${actor.organisationId}`,
    );
    // A file held in the database (an invoice's PDF, a contract's scan) goes beside the CSV, which names it.
    const fileCell = (r: Record<string, unknown>, n: string) => {
      const bytes = r[n];
      if (!(bytes instanceof Uint8Array) || typeof r.id !== 'string') return cellOf(bytes);
      const name = `fichiers/${table}/${r.id}-${n}.${extensionOf(bytes)}`;
      files[name] = bytes;
      return name;
    };
    files[`${table}.csv`] = strToU8(
      toCsv(
        names,
        rows.map((r) => names.map((n) => fileCell(r, n))),
      ),
    );
    readme.push(`## ${table}.csv (${rows.length} ligne${rows.length > 1 ? 's' : ''})`, '');
    for (const c of cols)
      readme.push(
        `- \`${c.column}\` : ${c.type === 'bytea' ? 'fichier (chemin dans le dossier fichiers/ de cette archive)' : c.type}${
          !sensitive && isSensitive(table, c.column) ? ' (donnée sensible, laissée vide)' : ''
        }`,
      );
    readme.push('');
  }
  const people = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT u.id, u.name, u.email, m.role, m.client_id, m.worker_id
        FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organisation_id = ${actor.organisationId} ORDER BY u.name`,
  );
  const peopleColumns = ['id', 'name', 'email', 'role', 'client_id', 'worker_id'];
  files['comptes.csv'] = strToU8(
    toCsv(
      peopleColumns,
      people.map((r) => peopleColumns.map((n) => cellOf(r[n]))),
    ),
  );
  readme.push('## comptes.csv', '', 'Les comptes qui ont accès à la structure (sans mot de passe) et leur rôle.', '');
  files['LISEZMOI.md'] = strToU8(readme.join('\n'));
  // The read of sensitive data is logged as such (policies/sensitive.ts): who took it out, and whether it was in.
  await recordAudit({
    db,
    actor,
    action: 'data.export',
    recordType: 'organisation',
    recordId: actor.organisationId,
    details: { sensitive },
  });
  return zipSync(files, { level: 6 });
}

const extensionOf = (b: Uint8Array) =>
  b[0] === 0x25 && b[1] === 0x50
    ? 'pdf'
    : b[0] === 0xff && b[1] === 0xd8
      ? 'jpg'
      : b[0] === 0x89 && b[1] === 0x50
        ? 'png'
        : 'bin';

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
