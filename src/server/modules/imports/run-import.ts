import { IMPORT_FIELDS, type ImportKind, type ImportRow } from '../../../shared/imports.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError, type FieldIssue } from '../../http/errors.js';
import { createClient } from '../clients/create-client.js';
import { findClientByReference, findClientForImport } from '../clients/find-client-for-import.js';
import { findContractByNumber, recordSignedContract } from '../quotes/record-signed-contract.js';
import { createEmploymentContract } from '../workers/create-employment-contract.js';
import { createWorker } from '../workers/create-worker.js';
import { findWorkerByReference, findWorkerForImport } from '../workers/find-worker-for-import.js';
import { clientLine, contractLine, type LineCells, workerLine } from './line-inputs.js';
import type { Spreadsheet } from './read-spreadsheet.js';

export type RunImportOptions = {
  db: Db;
  actor: OrgActor;
  kind: ImportKind;
  sheet: Spreadsheet;
  /** Field key → the file's header. */
  mapping: Record<string, string>;
  /** Check every line with the real operations, then write nothing. */
  dryRun: boolean;
  onProgress?: (done: number, total: number) => void;
};

export type ImportOutcome = { rows: ImportRow[]; counts: { create: number; skip: number; error: number } };

/** Thrown to undo the transaction of a check or of an import with errors (nothing is ever written halfway). */
class UndoImport extends Error {}

/**
 * Imports the lines of a file through the same operations as the screens (every rule applies), in ONE transaction:
 * each line in its own savepoint so that every problem is reported, and the whole is undone unless every line
 * passed and this is not a dry run. Lines already in Passerelle are skipped, so re-importing a file changes nothing.
 */
export async function runImport({ db, actor, kind, sheet, mapping, dryRun, onProgress }: RunImportOptions) {
  const index = new Map(sheet.headers.map((h, i) => [h, i]));
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  let outcome: ImportOutcome | undefined;
  try {
    await db.transaction(async (tx) => {
      for (const [n, line] of sheet.rows.entries()) {
        const cell: LineCells = (key) => {
          const header = mapping[key];
          const i = header === undefined ? undefined : index.get(header);
          return i === undefined ? '' : (line.cells[i] ?? '');
        };
        rows.push(await importLine(tx, actor, kind, line.line, cell, seen));
        onProgress?.(n + 1, sheet.rows.length);
      }
      outcome = { rows, counts: countRows(rows) };
      if (dryRun || outcome.counts.error > 0) throw new UndoImport();
    });
  } catch (e) {
    if (!(e instanceof UndoImport)) throw e;
  }
  return outcome!;
}

export const countRows = (rows: ImportRow[]) => ({
  create: rows.filter((r) => r.action === 'create').length,
  skip: rows.filter((r) => r.action === 'skip').length,
  error: rows.filter((r) => r.action === 'error').length,
});

async function importLine(
  tx: Db,
  actor: OrgActor,
  kind: ImportKind,
  lineNumber: number,
  cell: LineCells,
  seen: Map<string, number>,
): Promise<ImportRow> {
  const row = (label: string, action: ImportRow['action'], messages: string[]): ImportRow => ({
    line: lineNumber,
    label,
    action,
    messages,
  });
  if (kind === 'workers') {
    const parsed = workerLine(cell);
    if (parsed.ignore) return row(parsed.label, 'skip', [parsed.ignore]);
    if (!parsed.input) return row(parsed.label, 'error', parsed.problems);
    const input = parsed.input;
    const key = input.pass?.number ?? `${input.lastName}|${input.firstName}|${input.birthDate}`.toLowerCase();
    const twin = seen.get(key);
    if (twin) return row(parsed.label, 'error', [`Même personne que la ligne ${twin} du fichier.`]);
    seen.set(key, lineNumber);
    const existing = await findWorkerForImport(tx, actor.organisationId, { ...input, passNumber: input.pass?.number });
    if (existing)
      return row(parsed.label, 'skip', [
        existing.matchedBy === 'pass'
          ? `Déjà dans Passerelle (PASS IAE n° ${input.pass!.number}).`
          : 'Déjà dans Passerelle (même nom et même date de naissance).',
      ]);
    return attempt(tx, parsed.label, row, async (sp) => {
      const worker = await createWorker({ db: sp, actor, input });
      if (parsed.contract)
        await createEmploymentContract({ db: sp, actor, workerId: worker.id, input: parsed.contract });
    });
  }
  if (kind === 'contracts') return importContractLine(tx, actor, cell, row, seen, lineNumber);
  const parsed = clientLine(cell);
  if (!parsed.input) return row(parsed.label, 'error', parsed.problems);
  const input = parsed.input;
  const key = input.siret ?? `${input.name}|${input.address.communeCode}`.toLowerCase();
  const twin = seen.get(key);
  if (twin) return row(parsed.label, 'error', [`Même client que la ligne ${twin} du fichier.`]);
  seen.set(key, lineNumber);
  const existing = await findClientForImport(tx, actor.organisationId, {
    siret: input.siret ?? null,
    name: input.name,
    communeCode: input.address.communeCode,
  });
  if (existing)
    return row(parsed.label, 'skip', [
      input.siret ? `Déjà dans Passerelle (SIRET ${input.siret}).` : 'Déjà dans Passerelle (même nom, même commune).',
    ]);
  return attempt(tx, parsed.label, row, async (sp) => {
    await createClient({ db: sp, actor, input });
  });
}

type RowOf = (label: string, action: ImportRow['action'], messages: string[]) => ImportRow;

/** A signed contract: its client and named workers must already be in Passerelle (imported first). */
async function importContractLine(
  tx: Db,
  actor: OrgActor,
  cell: LineCells,
  row: RowOf,
  seen: Map<string, number>,
  lineNumber: number,
): Promise<ImportRow> {
  const parsed = contractLine(cell);
  const problems = [...parsed.problems];
  let clientId: string | undefined;
  if (parsed.client) {
    const found = await findClientByReference(tx, actor.organisationId, parsed.client);
    if (found === 'ambiguous')
      problems.push(`Client : plusieurs clients s’appellent « ${parsed.client.name} » : indiquez le SIRET.`);
    else if (!found)
      problems.push(
        `Client : « ${parsed.client.siret ?? parsed.client.name} » n’est pas dans Passerelle (importez d’abord les clients).`,
      );
    else clientId = found.id;
  }
  const workerIds: string[] = [];
  for (const reference of parsed.workerReferences) {
    const found = await findWorkerByReference(tx, actor.organisationId, reference);
    if (found === 'ambiguous')
      problems.push(`Salarié·es : plusieurs personnes s’appellent « ${reference} » : indiquez son numéro de PASS IAE.`);
    else if (!found)
      problems.push(`Salarié·es : « ${reference} » n’est pas dans Passerelle (importez d’abord les salarié·es).`);
    else workerIds.push(found.id);
  }
  if (problems.length || !parsed.input || !clientId) return row(parsed.label, 'error', problems);
  const input = { ...parsed.input, clientId, workerIds };
  if (input.paperNumber) {
    const twin = seen.get(input.paperNumber);
    if (twin) return row(parsed.label, 'error', [`Même numéro de contrat que la ligne ${twin} du fichier.`]);
    seen.set(input.paperNumber, lineNumber);
    if (await findContractByNumber(tx, actor.organisationId, input.paperNumber))
      return row(parsed.label, 'skip', [`Déjà dans Passerelle (contrat n° ${input.paperNumber}).`]);
  }
  return attempt(tx, parsed.label, row, async (sp) => {
    await recordSignedContract({ db: sp, actor, input });
  });
}

/** Runs one line's operations in a savepoint; a broken rule becomes the line's problem, in the rule's words. */
async function attempt(
  tx: Db,
  label: string,
  row: (label: string, action: ImportRow['action'], messages: string[]) => ImportRow,
  write: (sp: Db) => Promise<void>,
): Promise<ImportRow> {
  try {
    await tx.transaction(async (sp) => write(sp as unknown as Db));
    return row(label, 'create', []);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const details = Array.isArray(e.details) ? (e.details as FieldIssue[]).map((d) => d.message) : [];
    return row(label, 'error', details.length ? details : [e.message]);
  }
}

/** The required fields that no column of the file feeds. */
export function missingFields(kind: ImportKind, mapping: Record<string, string>, headers: string[]): string[] {
  return IMPORT_FIELDS[kind].filter((f) => f.required && !headers.includes(mapping[f.key] ?? '')).map((f) => f.label);
}
