import { eq } from 'drizzle-orm';
import { countOf } from '../../../shared/format.js';
import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import { ruleBroken } from '../../http/errors.js';
import { networkOrganisations, ORGANISATION_KINDS, type OrganisationKind, organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { communes, findCommune, formerCommune, normaliseText } from '../geo/communes.js';
import { createStructure } from './create-structure.js';
import { RESEAU_PORTEUR_LABELS } from './reseaux-porteurs.js';
import { findJob, splitCsvLine } from './rome.js';
import { siretProblem } from './rules/siret.js';
import { directoryProfiles } from './schema.js';
import type { StructureInput } from './structure-input.js';
import { knownDepartements } from './structure-input.js';
import { updateStructure } from './update-structure.js';

export type ImportFormat = 'csv' | 'json';

/** One line (CSV) or one object (JSON) of the file, with what will happen to it. */
export type ImportRow = {
  /** 1-based: the CSV line (header is line 1) or the position in the JSON array. */
  line: number;
  id: string | null;
  name: string | null;
  action: 'create' | 'update' | 'reject';
  organisationId: string | null;
  problems: string[];
};

export type ImportPreview = {
  clean: boolean;
  counts: { create: number; update: number; reject: number };
  rows: ImportRow[];
};

type Parsed = {
  line: number;
  record: Record<string, unknown> | null;
  problems: string[];
};

const KIND_BY_LABEL: Record<string, OrganisationKind> = Object.fromEntries(
  ORGANISATION_KINDS.map((k) => [k.toLowerCase(), k]),
);

/** Splits a list cell: "K2204|J1301", "coorace;ai", or a JSON array. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value !== 'string' || !value.trim()) return [];
  return value
    .split(/[|;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const text = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s ? s : null;
};

/**
 * Decodes the file: every CSV line is decoded on its own, so that a line saved in Latin-1 inside a UTF-8 file is
 * rejected alone ("wrong encoding") instead of being imported with broken accents.
 */
export function parseImportFile(format: ImportFormat, bytes: Uint8Array): { rows: Parsed[]; fileProblem?: string } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (format === 'json') {
    // Bytes that are not UTF-8 can only sit inside JSON strings: decoded leniently they become U+FFFD there, and
    // the structure holding them is rejected alone (see encodingProblem) while the others stay importable.
    let textContent: string;
    let notUtf8 = false;
    try {
      textContent = decoder.decode(bytes);
    } catch {
      notUtf8 = true;
      textContent = new TextDecoder('utf-8').decode(bytes);
    }
    let json: unknown;
    try {
      json = JSON.parse(textContent.replace(/^\uFEFF/, ''));
    } catch {
      return {
        rows: [],
        fileProblem: notUtf8
          ? 'Le fichier n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 et recommencez.'
          : 'Le fichier n’est pas un JSON valide.',
      };
    }
    const list = Array.isArray(json) ? json : (json as { structures?: unknown })?.structures;
    if (!Array.isArray(list)) {
      return { rows: [], fileProblem: 'Le JSON doit être une liste de structures (schéma data·inclusion).' };
    }
    return {
      rows: list.map((record, i) =>
        record && typeof record === 'object' && !Array.isArray(record)
          ? { line: i + 1, record: record as Record<string, unknown>, problems: [] }
          : { line: i + 1, record: null, problems: ['Cet élément n’est pas un objet structure.'] },
      ),
    };
  }
  // CSV: split the bytes on newlines, decode each line separately.
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      let end = i;
      if (end > start && bytes[end - 1] === 0x0d) end--;
      lines.push(bytes.subarray(start, end));
      start = i + 1;
    }
  }
  const decoded = lines.map((l) => {
    try {
      return decoder.decode(l);
    } catch {
      return null;
    }
  });
  const header = decoded[0]?.replace(/^\uFEFF/, '');
  if (!header) {
    return { rows: [], fileProblem: 'La première ligne doit nommer les colonnes (nom, siret, code_insee…).' };
  }
  const separator = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const columns = splitCsvLine(header, separator).map((c) => c.trim().toLowerCase());
  if (!columns.includes('nom')) return { rows: [], fileProblem: 'La colonne « nom » est obligatoire.' };
  const rows: Parsed[] = [];
  for (let i = 1; i < decoded.length; i++) {
    const lineText = decoded[i];
    if (lineText === null) {
      rows.push({
        line: i + 1,
        record: null,
        problems: ['Encodage incorrect (caractères illisibles) : enregistrez le fichier en UTF-8.'],
      });
      continue;
    }
    if (!lineText.trim()) continue;
    const cells = splitCsvLine(lineText, separator);
    const record: Record<string, unknown> = {};
    columns.forEach((c, j) => {
      record[c] = cells[j]?.trim() ?? '';
    });
    rows.push({ line: i + 1, record, problems: [] });
  }
  return { rows };
}

/**
 * Text decoded with the wrong encoding: U+FFFD where bytes were not UTF-8, or the "Ã©" / "â€™" that UTF-8
 * read as Latin-1 (or Windows-1252) and saved again leaves behind. French text never contains these sequences.
 */
const BROKEN_TEXT =
  /\uFFFD|Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2026\u2030\u2039\u203A\u20AC\u2122]|Â[\u00A0-\u00BF]|â€/;

/** The fields of a record (keys included) whose text shows a wrong encoding, as a sentence; null when none. */
export function encodingProblem(record: Record<string, unknown>): string | null {
  const fields = new Set<string>();
  const visit = (value: unknown, field: string) => {
    if (typeof value === 'string') {
      if (BROKEN_TEXT.test(value)) fields.add(field);
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v, field);
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) visit(v, field);
    }
  };
  for (const [key, value] of Object.entries(record)) {
    if (BROKEN_TEXT.test(key)) fields.add(key);
    visit(value, key);
  }
  if (!fields.size) return null;
  const list = [...fields].map((f) => `« ${f} »`).join(', ');
  return `Encodage incorrect (caractères illisibles dans ${list}) : enregistrez le fichier en UTF-8.`;
}

/**
 * A commune by INSEE code (a commune that has joined another since is found as the one it joined: data·inclusion
 * files lag INSEE's list), or by its exact name (accents ignored) when the name is unique.
 */
function resolveCommune(code: string | null, name: string | null) {
  if (code) return findCommune(code) ?? formerCommune(code)?.commune ?? null;
  if (!name) return null;
  const n = normaliseText(name);
  const matches = [...communes().values()].filter((c) => normaliseText(c.name) === n);
  return matches.length === 1 ? matches[0] : null;
}

type Planned = {
  row: ImportRow;
  input?: StructureInput;
  externalId?: string;
  source?: string;
  location?: { lat: number; lon: number } | null;
};

/** Reads one record in data·inclusion v1 field names (plus the Passerelle columns type, metiers, departements). */
function toInput(p: Parsed): Planned {
  const row: ImportRow = {
    line: p.line,
    id: null,
    name: null,
    action: 'reject',
    organisationId: null,
    problems: [...p.problems],
  };
  const r = p.record;
  if (!r) return { row };
  const broken = encodingProblem(r);
  if (broken) row.problems.push(broken);
  const name = text(r.nom);
  row.name = name;
  const siret = text(r.siret)?.replace(/\s/g, '') ?? null;
  row.id = text(r.id) ?? (siret ? `siret-${siret}` : null);
  if (!name || name.length < 3) row.problems.push('Le nom (colonne « nom ») est obligatoire, 3 caractères au moins.');
  if (siret) {
    const problem = siretProblem(siret);
    if (problem) row.problems.push(`SIRET ${siret} : ${problem}`);
  }
  const communeCode = text(r.code_insee);
  const commune = resolveCommune(communeCode, text(r.commune));
  if (!commune) {
    row.problems.push(
      communeCode
        ? `La commune ${communeCode} (code INSEE) est inconnue.`
        : 'La commune est inconnue : indiquez son code INSEE (colonne « code_insee »).',
    );
  }
  const postalCode = text(r.code_postal);
  if (postalCode && !/^\d{5}$/.test(postalCode))
    row.problems.push(`Le code postal ${postalCode} doit avoir 5 chiffres.`);
  const email = text(r.courriel);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) row.problems.push(`L’adresse e-mail ${email} est invalide.`);
  let website = text(r.site_web);
  if (website && !/^https?:\/\//i.test(website)) website = `https://${website}`;
  if (website) {
    try {
      new URL(website);
    } catch {
      row.problems.push(`Le site ${website} n’est pas une adresse valide.`);
    }
  }
  const networks = listOf(r.reseaux_porteurs);
  const unknownNetworks = networks.filter((n) => !(n in RESEAU_PORTEUR_LABELS));
  if (unknownNetworks.length)
    row.problems.push(
      `${unknownNetworks.length > 1 ? 'Réseaux porteurs inconnus' : 'Réseau porteur inconnu'} : ${unknownNetworks.join(', ')}.`,
    );
  const jobs = listOf(r.metiers ?? r.codes_rome).map((c) => c.toUpperCase());
  const unknownJobs = jobs.filter((c) => !findJob(c));
  if (unknownJobs.length)
    row.problems.push(
      `${unknownJobs.length > 1 ? 'Codes ROME inconnus' : 'Code ROME inconnu'} : ${unknownJobs.join(', ')}.`,
    );
  const departements = listOf(r.departements ?? r.departements_couverts);
  const unknownDeps = departements.filter((d) => !knownDepartements().has(d));
  if (unknownDeps.length)
    row.problems.push(
      `${unknownDeps.length > 1 ? 'Départements inconnus' : 'Département inconnu'} : ${unknownDeps.join(', ')}.`,
    );
  const kindText = text(r.type ?? r.typologie);
  let kind: OrganisationKind | undefined = kindText ? KIND_BY_LABEL[kindText.toLowerCase()] : undefined;
  if (kindText && !kind) row.problems.push(`Type de structure inconnu : ${kindText} (AI, ACI, EI, ETTI, EITI, GEIQ).`);
  kind ??= ORGANISATION_KINDS.find((k) => networks.includes(k.toLowerCase())) ?? 'OTHER';
  const lat = r.latitude === undefined || r.latitude === '' || r.latitude === null ? null : Number(r.latitude);
  const lon = r.longitude === undefined || r.longitude === '' || r.longitude === null ? null : Number(r.longitude);
  let location: { lat: number; lon: number } | null = null;
  if (lat !== null && lon !== null) {
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      row.problems.push('Latitude ou longitude invalide.');
    } else location = { lat, lon };
  }
  if (row.problems.length || !commune || !name) return { row };
  const publicFlag = text(r.visible ?? r.public);
  return {
    row,
    externalId: row.id ?? undefined,
    source: text(r.source) ?? 'import',
    location,
    input: {
      name,
      kind,
      siret,
      address: { line: text(r.adresse), postalCode, communeCode: commune.code },
      phone: text(r.telephone),
      email,
      website,
      openingHours: text(r.horaires_accueil),
      presentation: text(r.description) ?? text(r.presentation_resume) ?? text(r.presentation_detail),
      jobs: [...new Set(jobs)],
      territory: { departements: [...new Set(departements)], communes: [] },
      networks: [...new Set(networks)],
      isPublic: publicFlag ? !['non', 'false', '0', 'no'].includes(publicFlag.toLowerCase()) : true,
      isActive: true,
    },
  };
}

/** Reads the file and says, line by line, what would be created, updated or rejected. Writes nothing. */
export async function previewImport({
  db,
  actor,
  format,
  bytes,
}: {
  db: Db;
  actor: NetworkActor;
  format: ImportFormat;
  bytes: Uint8Array;
}): Promise<{ preview: ImportPreview; planned: Planned[] }> {
  const { rows, fileProblem } = parseImportFile(format, bytes);
  if (fileProblem) throw ruleBroken('import_file_unreadable', fileProblem);
  if (rows.length === 0) throw ruleBroken('import_file_empty', 'Le fichier ne contient aucune structure.');
  if (rows.length > 5000) throw ruleBroken('import_file_too_long', 'Importez 5 000 structures au plus à la fois.');
  const planned = rows.map(toInput);

  // The same id twice in the file: both lines are rejected (which one is right is for a person to say).
  const seen = new Map<string, number[]>();
  for (const p of planned) if (p.row.id) seen.set(p.row.id, [...(seen.get(p.row.id) ?? []), p.row.line]);
  for (const p of planned) {
    const lines = p.row.id ? seen.get(p.row.id)! : [];
    if (lines.length > 1) {
      p.row.problems.push(`Identifiant ${p.row.id} en double (lignes ${lines.join(', ')}).`);
      p.input = undefined;
    }
  }

  // Existing structures of the network, matched by imported id first, then by SIRET.
  const mine = await db
    .select({ id: organisations.id, siret: organisations.siret, externalId: directoryProfiles.externalId })
    .from(organisations)
    .innerJoin(networkOrganisations, eq(networkOrganisations.organisationId, organisations.id))
    .leftJoin(directoryProfiles, eq(directoryProfiles.organisationId, organisations.id))
    .where(eq(networkOrganisations.networkId, actor.networkId));
  const byExternal = new Map(mine.filter((m) => m.externalId).map((m) => [m.externalId!, m.id]));
  const bySiret = new Map<string, string[]>();
  for (const m of mine) if (m.siret) bySiret.set(m.siret, [...(bySiret.get(m.siret) ?? []), m.id]);
  const claimed = new Map<string, number>();
  for (const p of planned) {
    if (!p.input) {
      p.row.action = 'reject';
      continue;
    }
    let target = p.row.id ? byExternal.get(p.row.id) : undefined;
    if (!target && p.input.siret) {
      const candidates = bySiret.get(p.input.siret) ?? [];
      if (candidates.length === 1) target = candidates[0];
    }
    if (target && claimed.has(target)) {
      p.row.problems.push(`Cette structure est déjà mise à jour par la ligne ${claimed.get(target)}.`);
      p.row.action = 'reject';
      p.input = undefined;
      continue;
    }
    if (target) claimed.set(target, p.row.line);
    p.row.action = target ? 'update' : 'create';
    p.row.organisationId = target ?? null;
  }
  const counts = { create: 0, update: 0, reject: 0 };
  for (const p of planned) counts[p.row.action]++;
  return { preview: { clean: counts.reject === 0, counts, rows: planned.map((p) => p.row) }, planned };
}

/**
 * Writes a clean import in one transaction: all its lines or none. A file with any rejected line is refused
 * (422 import_not_clean, with the preview) — the coordinator fixes the file and previews it again.
 */
export async function confirmImport(o: {
  db: Db;
  actor: NetworkActor;
  format: ImportFormat;
  bytes: Uint8Array;
  banApiUrl?: string;
}) {
  const { preview, planned } = await previewImport(o);
  if (!preview.clean) {
    throw ruleBroken(
      'import_not_clean',
      `${countOf(preview.counts.reject, 'ligne rejetée', 'lignes rejetées')} : corrigez le fichier et prévisualisez-le de nouveau. Rien n’a été importé.`,
      preview,
    );
  }
  return o.db.transaction(async (tx) => {
    for (const p of planned) {
      const common = { db: tx, actor: o.actor, externalId: p.externalId ?? null, source: p.source ?? null };
      if (p.row.action === 'create') {
        const created = await createStructure({
          ...common,
          input: p.input!,
          location: p.location,
          banApiUrl: o.banApiUrl,
        });
        p.row.organisationId = created.id;
      } else {
        const { isPublic: _p, isActive: _a, ...patch } = p.input!;
        await updateStructure({
          ...common,
          organisationId: p.row.organisationId!,
          patch,
          location: p.location,
          banApiUrl: o.banApiUrl,
        });
      }
    }
    await recordAudit({
      db: tx,
      actor: { userId: o.actor.userId, networkId: o.actor.networkId },
      action: 'directory.import',
      recordType: 'network',
      recordId: o.actor.networkId,
      details: preview.counts,
    });
    return { created: preview.counts.create, updated: preview.counts.update, rows: preview.rows };
  });
}
