import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitCsvLine } from '../directory/rome.js';
import { PRIVATE_INDIVIDUAL } from './rules/hours-cap-scope.js';
import type { ClientKind } from './schema.js';
import { sireneLegalForm } from './sirene.js';

/** One INSEE catégorie juridique (levels 1, 2 and 3 of the nomenclature). */
export type LegalForm = { code: string; level: 1 | 2 | 3; label: string };

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data');
let byCode: Map<string, LegalForm> | undefined;

/** data/insee-categories-juridiques.csv (INSEE, Licence Ouverte), loaded once. */
export function legalForms(): Map<string, LegalForm> {
  if (byCode) return byCode;
  byCode = new Map();
  const lines = fs.readFileSync(path.join(dataDir, 'insee-categories-juridiques.csv'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const [code, level, label] = splitCsvLine(line, ';');
    byCode.set(code, { code, level: Number(level) as 1 | 2 | 3, label });
  }
  return byCode;
}

/** The label of a stored legal form (level 2 or 3 code, or a private individual); null when unknown. */
export function legalFormLabel(code: string | null): string | null {
  if (!code) return null;
  if (code === PRIVATE_INDIVIDUAL) return 'Particulier';
  return legalForms().get(code)?.label ?? null;
}

/** Whether a code can be stored as a client's legal form: a level-2 or level-3 code of the list. */
export function isKnownLegalForm(code: string): boolean {
  if (code === PRIVATE_INDIVIDUAL) return true;
  const f = legalForms().get(code);
  return f !== undefined && f.level >= 2;
}

/**
 * The legal form to record for a new client: the one given; else a private individual for the kind
 * "particulier"; else what the SIRENE directory says of the SIRET (when configured); else unknown (null).
 */
export async function resolveLegalForm(o: {
  kind: ClientKind;
  siret: string | null;
  given: string | null | undefined;
}): Promise<string | null> {
  if (o.given !== undefined && o.given !== null) return o.given;
  if (o.kind === 'individual') return PRIVATE_INDIVIDUAL;
  if (o.given === null) return null;
  const code = await sireneLegalForm(o.siret);
  if (!code) return null;
  // A code newer than the shipped list is kept at its level-2 family, which the rule knows.
  if (isKnownLegalForm(code)) return code;
  return isKnownLegalForm(code.slice(0, 2)) ? code.slice(0, 2) : null;
}
