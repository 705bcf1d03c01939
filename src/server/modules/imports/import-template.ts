import writeExcelFile from 'write-excel-file/node';
import { IMPORT_FIELDS, type ImportKind } from '../../../shared/imports.js';
import { toCsv } from '../payroll/csv.js';

/** Columns of les emplois de l'inclusion's export only: not part of the generic template. */
const EXPORT_ONLY = ['applicationStatus', 'eligibilityValidated'];
const templateFields = (kind: ImportKind) => IMPORT_FIELDS[kind].filter((f) => !EXPORT_ONLY.includes(f.key));

/** The generic template of a kind: one column per field, named as the import recognises it, with an example line. */
export function importTemplateCsv(kind: ImportKind): string {
  const fields = templateFields(kind);
  return toCsv(
    fields.map((f) => f.label),
    [fields.map((f) => f.example)],
  );
}

export async function importTemplateXlsx(kind: ImportKind): Promise<Buffer> {
  const fields = templateFields(kind);
  return writeExcelFile([
    fields.map((f) => ({ value: f.label, fontWeight: 'bold' as const })),
    fields.map((f) => ({ value: f.example, type: String })),
  ]).toBuffer();
}
