import type { ImportKind } from '../../shared/imports';

/** What the page has chosen so far: the kind, the file's format (a preset), the file and its columns. */
export type ImportChoice = {
  kind: ImportKind;
  presetId: string | null;
  file: File | null;
  /** Field key → header of the file; absent until the server has guessed it (or a preset gave it). */
  mapping: Record<string, string> | undefined;
};

export const NO_CHOICE: ImportChoice = { kind: 'workers', presetId: null, file: null, mapping: undefined };

/** The file's bytes as base64, read in the browser (the server never sees a partial upload). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The body of a preview or an import (API.md: POST …/imports/preview and …/imports): the same file both times. */
export async function importBody({ kind, file, mapping }: ImportChoice) {
  if (!file) throw new Error('Choisissez un fichier.');
  return { kind, fileName: file.name, contentBase64: await base64Of(file), ...(mapping ? { mapping } : {}) };
}
