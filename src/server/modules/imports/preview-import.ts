import { guessMapping, type ImportFileInput, type ImportPreview } from '../../../shared/imports.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { validationFailed } from '../../http/errors.js';
import { FileProblem, readSpreadsheet, type Spreadsheet } from './read-spreadsheet.js';
import { missingFields, runImport } from './run-import.js';

/** Reads the uploaded file, or answers 400 naming what is wrong with it (nothing is written either way). */
export async function readUploadedFile(input: ImportFileInput): Promise<Spreadsheet> {
  try {
    return await readSpreadsheet(new Uint8Array(Buffer.from(input.contentBase64, 'base64')));
  } catch (e) {
    if (e instanceof FileProblem) throw validationFailed([{ path: 'contentBase64', message: e.message }], e.message);
    throw e;
  }
}

/** The mapping to use: the person's choice, else the one guessed from the headers; unknown headers are refused. */
export function mappingFor(input: ImportFileInput, sheet: Spreadsheet): Record<string, string> {
  const mapping = input.mapping ?? guessMapping(input.kind, sheet.headers);
  const unknown = Object.entries(mapping).filter(([, header]) => header && !sheet.headers.includes(header));
  if (unknown.length)
    throw validationFailed(
      unknown.map(([key, header]) => ({
        path: `mapping.${key}`,
        message: `Le fichier n’a pas de colonne « ${header} ».`,
      })),
    );
  return Object.fromEntries(Object.entries(mapping).filter(([, header]) => header));
}

export type PreviewImportOptions = { db: Db; actor: OrgActor; input: ImportFileInput };

/** What importing the file would do, line by line, checked by the real operations and then undone. */
export async function previewImport({ db, actor, input }: PreviewImportOptions): Promise<ImportPreview> {
  const sheet = await readUploadedFile(input);
  const mapping = mappingFor(input, sheet);
  const missing = missingFields(input.kind, mapping, sheet.headers);
  const base = { kind: input.kind, headers: sheet.headers, mapping, missingFields: missing };
  if (missing.length) return { ...base, counts: { create: 0, skip: 0, error: 0 }, rows: [] };
  const outcome = await runImport({ db, actor, kind: input.kind, sheet, mapping, dryRun: true });
  return { ...base, ...outcome };
}
