import { unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { encodingProblem } from '../directory/import-structures.js';

/** A file read as a table: its header and its lines, every cell as trimmed text (dates as AAAA-MM-JJ). */
export type Spreadsheet = {
  headers: string[];
  /** `line` is the file's line number (the header is line 1), to name problems as the person sees them. */
  rows: { line: number; cells: string[] }[];
};

/** A problem with the whole file: nothing in it is imported. */
export class FileProblem extends Error {}

/** More lines than one import takes: an AI's whole history fits, a wrong export (a full national file) does not. */
export const MAX_IMPORT_ROWS = 5_000;

/** Reads a CSV (UTF-8, ';' or ',' or tab) or an XLSX (first sheet) file. Throws FileProblem with a French sentence. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Spreadsheet> {
  if (bytes.length === 0) throw new FileProblem('Le fichier est vide.');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf;
  if (isOle)
    throw new FileProblem('Les fichiers .xls (Excel 97-2003) ne sont pas lus : enregistrez-le en .xlsx ou en CSV.');
  const table = isZip ? await readXlsx(bytes) : readCsv(bytes);
  const headers = (table[0] ?? []).map((h) => h.trim());
  if (headers.filter(Boolean).length === 0)
    throw new FileProblem('La première ligne doit nommer les colonnes (par exemple « Nom », « Prénom »…).');
  const rows = table
    .slice(1)
    // Passerelle's own CSV exports neutralise formula-like cells with a leading ' (OWASP): read them back as typed.
    .map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim().replace(/^'(?=[=+\-@])/, '')) }))
    .filter((r) => r.cells.some(Boolean));
  if (rows.length === 0) throw new FileProblem('Le fichier ne contient aucune ligne après celle des colonnes.');
  if (rows.length > MAX_IMPORT_ROWS)
    throw new FileProblem(
      `Le fichier compte ${rows.length.toLocaleString('fr-FR')} lignes : un import en prend ${MAX_IMPORT_ROWS.toLocaleString('fr-FR')} au plus. Découpez-le en plusieurs fichiers.`,
    );
  const broken = encodingProblem(Object.fromEntries(headers.map((h, i) => [h || `colonne ${i + 1}`, h])));
  if (broken) throw new FileProblem(broken);
  return { headers, rows };
}

/** RFC 4180 CSV with quoted fields (which may hold separators and line breaks); the separator is guessed. */
export function readCsv(bytes: Uint8Array): string[][] {
  if (bytes.includes(0)) throw new FileProblem('Ce fichier n’est pas un tableau CSV ou XLSX lisible.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileProblem(
      'Le fichier n’est pas encodé en UTF-8 (accents illisibles). Dans Excel : « Enregistrer sous » › « CSV UTF-8 (délimité par des virgules) », puis recommencez.',
    );
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length] as const);
  const separator = counts.sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * XLSX: the first sheet's values. A formula is refused, naming its cells: its stored value may be stale or absent,
 * and what the person sees is not what would be imported ("copier › collage spécial › valeurs" fixes it).
 */
async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.name) });
  } catch {
    throw new FileProblem('Le fichier XLSX est abîmé (archive illisible) : ouvrez-le et enregistrez-le à nouveau.');
  }
  const sheetNames = Object.keys(files).sort();
  if (!sheetNames.length) throw new FileProblem('Ce fichier n’est pas un classeur XLSX.');
  const firstSheet = new TextDecoder().decode(files[sheetNames[0]]);
  const formulaCells = [...firstSheet.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*?<f\b/gs)].map(
    (m) => m[1],
  );
  if (formulaCells.length) {
    const shown = formulaCells.slice(0, 5).join(', ') + (formulaCells.length > 5 ? '…' : '');
    throw new FileProblem(
      `Le fichier contient des formules (cellules ${shown}). Copiez ces colonnes et collez-les « en valeurs » (collage spécial), puis recommencez.`,
    );
  }
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(Buffer.from(bytes), { trim: true })) as unknown[][];
  } catch {
    throw new FileProblem('Le fichier XLSX n’a pas pu être lu : ouvrez-le et enregistrez-le à nouveau.');
  }
  return sheet.map((r) => r.map(cellText));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return String(value);
}
