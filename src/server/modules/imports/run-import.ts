import { and, eq } from 'drizzle-orm';
import { countOf } from '../../../shared/format.js';
import { IMPORT_FIELDS, type ImportKind, type ImportRow, normaliseHeader } from '../../../shared/imports.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError, type FieldIssue, ruleBroken } from '../../http/errors.js';
import { maySeeSensitive } from '../../policies/sensitive.js';
import { addDays, parisInstant, parisToday } from '../calendar/paris-time.js';
import { createClient } from '../clients/create-client.js';
import { findClientByReference, findClientForImport } from '../clients/find-client-for-import.js';
import { createSite } from '../clients/manage-sites.js';
import { sites } from '../clients/queries.js';
import { findJob } from '../directory/rome.js';
import { createMission } from '../planning/create-mission.js';
import { createShift } from '../planning/create-shift.js';
import { createShiftSeries } from '../planning/create-shift-series.js';
import { findMissionForImport, findShiftForImport, missionsOfContractOn } from '../planning/find-mission-for-import.js';
import { findContractByNumber, recordSignedContract } from '../quotes/record-signed-contract.js';
import { createEmploymentContract } from '../workers/create-employment-contract.js';
import { createWorker } from '../workers/create-worker.js';
import { findWorkerByReference, findWorkerForImport } from '../workers/find-worker-for-import.js';
import { recordDiagnosis } from '../workers/record-diagnosis.js';
import { clientLine, contractLine, type LineCells, lineHasDiagnosis, workerLine } from './line-inputs.js';
import type { Spreadsheet } from './read-spreadsheet.js';
import { type Parsed, parseDate, parseRomeCodes, parseTime, parseWeekdays } from './rules/cell-values.js';

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
    // Eligibility is sensitive data (policies/sensitive.ts): only a person holding the right writes it.
    if (lineHasDiagnosis(cell) && !maySeeSensitive(actor))
      parsed.problems.push(
        'Éligibilité : ces données sont sensibles ; seule une personne habilitée (accès aux données sensibles, donné par la direction) peut les importer. Sinon, retirez ces colonnes de la correspondance.',
      );
    if (!parsed.input || parsed.problems.length) return row(parsed.label, 'error', parsed.problems);
    const notes = parsed.notes ?? [];
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
    return attempt(
      tx,
      parsed.label,
      row,
      async (sp) => {
        const worker = await createWorker({ db: sp, actor, input });
        if (parsed.contract)
          await createEmploymentContract({ db: sp, actor, workerId: worker.id, input: parsed.contract });
        // The same operation as the hire form's, with its audit entry.
        if (parsed.diagnosis) await recordDiagnosis({ db: sp, actor, workerId: worker.id, input: parsed.diagnosis });
      },
      notes,
    );
  }
  if (kind === 'contracts') return importContractLine(tx, actor, cell, row, seen, lineNumber);
  if (kind === 'missions') return importMissionLine(tx, actor, cell, row, seen, lineNumber);
  if (kind === 'hours') return importHoursLine(tx, actor, cell, row, seen, lineNumber);
  return importClientLine(tx, actor, cell, row, seen, lineNumber);
}

/**
 * A client and, when the line names one, one of its sites: a client with several sites comes as several lines
 * with the same SIRET (or name and commune), one site each. The client is created by its first line; each site is
 * matched by its name (or address) among the client's sites, so that re-importing the file changes nothing.
 */
async function importClientLine(
  tx: Db,
  actor: OrgActor,
  cell: LineCells,
  row: RowOf,
  seen: Map<string, number>,
  lineNumber: number,
): Promise<ImportRow> {
  const parsed = clientLine(cell);
  if (!parsed.input) return row(parsed.label, 'error', parsed.problems);
  const { input, site } = parsed;
  const key = input.siret ?? `${input.name}|${input.address.communeCode}`.toLowerCase();
  const lineKey = site ? `${key}|site|${normaliseHeader(site.name)}` : key;
  const twin = seen.get(lineKey);
  if (twin)
    return row(parsed.label, 'error', [
      site
        ? `Même client et même lieu que la ligne ${twin} du fichier.`
        : `Même client que la ligne ${twin} du fichier.`,
    ]);
  if (!site && seen.has(`client|${key}`))
    return row(parsed.label, 'error', [`Même client que la ligne ${seen.get(`client|${key}`)} du fichier.`]);
  const firstLine = seen.get(`client|${key}`);
  seen.set(lineKey, lineNumber);
  if (!firstLine) seen.set(`client|${key}`, lineNumber);
  const existing = await findClientForImport(tx, actor.organisationId, {
    siret: input.siret ?? null,
    name: input.name,
    communeCode: input.address.communeCode,
  });
  const already = input.siret
    ? `Déjà dans Passerelle (SIRET ${input.siret})`
    : 'Déjà dans Passerelle (même nom, même commune)';
  if (!existing && firstLine)
    return row(parsed.label, 'error', [`Client : sa ligne ${firstLine} du fichier est à corriger d’abord.`]);
  /** The site of the line, unless the client already has it (by name, or by address in the same commune). */
  const siteToAdd = async (clientId: string) => {
    if (!site) return null;
    const known = await tx
      .select({ name: sites.name, line: sites.addressLine, communeCode: sites.communeCode })
      .from(sites)
      .where(and(eq(sites.organisationId, actor.organisationId), eq(sites.clientId, clientId)));
    const same = known.some(
      (k) =>
        normaliseHeader(k.name) === normaliseHeader(site.name) ||
        (!!site.address.line &&
          k.communeCode === site.address.communeCode &&
          normaliseHeader(k.line ?? '') === normaliseHeader(site.address.line)),
    );
    return same ? null : site;
  };
  if (existing) {
    const newSite = await siteToAdd(existing.id);
    if (!newSite) return row(parsed.label, 'skip', [site ? `${already}, avec ce lieu).` : `${already}.`]);
    return attempt(
      tx,
      parsed.label,
      row,
      async (sp) => {
        await createSite({ db: sp, actor, clientId: existing.id, input: newSite });
      },
      [`Lieu ajouté au client (${already.charAt(0).toLowerCase()}${already.slice(1)}).`],
    );
  }
  return attempt(
    tx,
    parsed.label,
    row,
    async (sp) => {
      const client = await createClient({ db: sp, actor, input });
      const newSite = await siteToAdd(client.id);
      if (newSite) await createSite({ db: sp, actor, clientId: client.id, input: newSite });
    },
    parsed.notes,
  );
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
  let siteId: string | undefined;
  if (clientId && parsed.site) {
    const site = await findSiteOfClient(tx, actor.organisationId, clientId, parsed.site);
    if (site === 'ambiguous')
      problems.push(`${col('contracts', 'site')} : plusieurs lieux du client s’appellent « ${parsed.site} ».`);
    else if (!site)
      problems.push(
        `${col('contracts', 'site')} : « ${parsed.site} » n’est pas un lieu de ce client (importez-le avec les clients).`,
      );
    else siteId = site.id;
  }
  if (problems.length || !parsed.input || !clientId) return row(parsed.label, 'error', problems);
  const input = { ...parsed.input, clientId, workerIds, ...(siteId ? { siteId } : {}) };
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

/** A client's site by its name (case and accents ignored), or by its address line. */
async function findSiteOfClient(tx: Db, organisationId: string, clientId: string, name: string) {
  const rows = await tx
    .select({ id: sites.id, name: sites.name, line: sites.addressLine, communeCode: sites.communeCode })
    .from(sites)
    .where(and(eq(sites.organisationId, organisationId), eq(sites.clientId, clientId)));
  const wanted = normaliseHeader(name);
  const byName = rows.filter((r) => normaliseHeader(r.name) === wanted);
  const found = byName.length ? byName : rows.filter((r) => r.line && normaliseHeader(r.line) === wanted);
  return found.length > 1 ? ('ambiguous' as const) : (found[0] ?? null);
}

const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const col = (kind: ImportKind, key: string) => IMPORT_FIELDS[kind].find((f) => f.key === key)?.label ?? key;

/** Reads a cell with a parser, naming the column in the problem; an empty cell is `missing` (or undefined). */
function read<T>(
  problems: string[],
  column: string,
  text: string,
  parse: (t: string) => Parsed<T>,
  missing?: string,
): T | undefined {
  if (!text) {
    if (missing) problems.push(`${column} : ${missing}`);
    return undefined;
  }
  const parsed = parse(text);
  if (parsed.ok) return parsed.value;
  problems.push(`${column} : ${parsed.problem}`);
  return undefined;
}

/** The contract and (when named) the worker of a planning line, found in Passerelle. */
async function contractAndWorker(tx: Db, actor: OrgActor, kind: ImportKind, cell: LineCells, problems: string[]) {
  let contractId: string | undefined;
  let clientId: string | undefined;
  const number = cell('contractNumber');
  if (number) {
    const found = await findContractByNumber(tx, actor.organisationId, number);
    if (!found)
      problems.push(
        `${col(kind, 'contractNumber')} : le contrat « ${number} » n’est pas dans Passerelle (importez d’abord les contrats).`,
      );
    else {
      contractId = found.id;
      clientId = found.clientId;
    }
  } else problems.push(`${col(kind, 'contractNumber')} : la colonne est vide.`);
  let workerId: string | null = null;
  const reference = cell('worker');
  if (reference) {
    const found = await findWorkerByReference(tx, actor.organisationId, reference);
    if (found === 'ambiguous')
      problems.push(
        `${col(kind, 'worker')} : plusieurs personnes s’appellent « ${reference} » : indiquez son numéro de PASS IAE.`,
      );
    else if (!found)
      problems.push(
        `${col(kind, 'worker')} : « ${reference} » n’est pas dans Passerelle (importez d’abord les salarié·es).`,
      );
    else workerId = found.id;
  }
  return { contractId, workerId, clientId };
}

/**
 * A mission under an imported contract and, with days and times, its regular shifts from today to the mission's
 * end (one year at most, as a series on the planning). Every shift passes the same checks as on the planning
 * (480 h, working time, PASS IAE…): one the worker may not take makes the line wrong, in the rule's words.
 */
async function importMissionLine(
  tx: Db,
  actor: OrgActor,
  cell: LineCells,
  row: RowOf,
  seen: Map<string, number>,
  lineNumber: number,
): Promise<ImportRow> {
  const problems: string[] = [];
  const c = (key: string) => col('missions', key);
  const rome = parseRomeCodes(cell('rome'))[0];
  if (!rome) problems.push(`${c('rome')} : indiquez un code ROME (ex. K2204).`);
  else if (!findJob(rome)) problems.push(`${c('rome')} : le code ROME ${rome} n’existe pas.`);
  const startDate = read(problems, c('startDate'), cell('startDate'), parseDate, 'indiquez la date.');
  const endDate = read(problems, c('endDate'), cell('endDate'), parseDate, 'indiquez la date.');
  const weekdays = read(problems, c('weekdays'), cell('weekdays'), parseWeekdays);
  const timeNeeded = weekdays ? 'indiquez l’heure des créneaux réguliers.' : undefined;
  const startTime = read(problems, c('startTime'), cell('startTime'), parseTime, timeNeeded);
  const endTime = read(problems, c('endTime'), cell('endTime'), parseTime, timeNeeded);
  if (!weekdays && (startTime || endTime || cell('worker')))
    problems.push(`${c('weekdays')} : indiquez les jours des créneaux réguliers (ex. « lundi, jeudi »).`);
  const { contractId, workerId, clientId } = await contractAndWorker(tx, actor, 'missions', cell, problems);
  let siteId: string | undefined;
  if (clientId && cell('site')) {
    const site = await findSiteOfClient(tx, actor.organisationId, clientId, cell('site'));
    if (site === 'ambiguous')
      problems.push(`${c('site')} : plusieurs lieux du client s’appellent « ${cell('site')} ».`);
    else if (!site)
      problems.push(
        `${c('site')} : « ${cell('site')} » n’est pas un lieu de ce client (importez-le avec les clients).`,
      );
    else siteId = site.id;
  }
  const label =
    [cell('contractNumber'), rome, startDate && endDate ? `du ${frDate(startDate)} au ${frDate(endDate)}` : null]
      .filter(Boolean)
      .join(' · ') || '(sans référence)';
  if (problems.length || !contractId || !rome || !startDate || !endDate) return row(label, 'error', problems);
  const key = `${contractId}|${rome}|${startDate}|${endDate}`;
  const twin = seen.get(key);
  if (twin) return row(label, 'error', [`Même mission que la ligne ${twin} du fichier.`]);
  seen.set(key, lineNumber);
  if (
    await findMissionForImport(tx, actor.organisationId, { placementContractId: contractId, rome, startDate, endDate })
  )
    return row(label, 'skip', ['Déjà dans Passerelle (même contrat, même métier, mêmes dates).']);
  return attempt(tx, label, row, async (sp) => {
    const mission = await createMission({
      db: sp,
      actor,
      input: { placementContractId: contractId, rome, startDate, endDate, ...(siteId ? { siteId } : {}) },
    });
    if (!weekdays || !startTime || !endTime) return;
    const from = [startDate, parisToday()].sort()[1];
    const to = [endDate, addDays(from, 364)].sort()[0];
    if (from > to) return;
    const series = await createShiftSeries({
      db: sp,
      actor,
      input: {
        missionId: mission.id,
        workerId,
        weekdays,
        startTime,
        endTime,
        startDate: from,
        endDate: to,
        skipRefused: true,
      },
    });
    const refused = series.shifts.filter((o) => o.problem);
    if (refused.length)
      throw ruleBroken(
        refused[0].problem!.code,
        `Créneau du ${frDate(refused[0].date)} : ${refused[0].problem!.message}${refused.length > 1 ? ` (et ${countOf(refused.length - 1, 'autre créneau', 'autres créneaux')})` : ''}`,
      );
  });
}

/**
 * Hours already worked this month (before Passerelle): each line is a shift of the worker on a mission of the
 * contract, recorded as planned and done, checked like any assignment. Only this month's days already past are
 * taken: earlier months were paid and invoiced by the previous software.
 */
async function importHoursLine(
  tx: Db,
  actor: OrgActor,
  cell: LineCells,
  row: RowOf,
  seen: Map<string, number>,
  lineNumber: number,
): Promise<ImportRow> {
  const problems: string[] = [];
  const c = (key: string) => col('hours', key);
  const date = read(problems, c('date'), cell('date'), parseDate, 'indiquez la date.');
  const startTime = read(problems, c('startTime'), cell('startTime'), parseTime, 'indiquez l’heure.');
  const endTime = read(problems, c('endTime'), cell('endTime'), parseTime, 'indiquez l’heure.');
  if (!cell('worker')) problems.push(`${c('worker')} : la colonne est vide.`);
  const rome = cell('rome') ? parseRomeCodes(cell('rome'))[0] : undefined;
  if (cell('rome') && !rome) problems.push(`${c('rome')} : « ${cell('rome')} » n’est pas un code ROME (ex. K2204).`);
  const today = parisToday();
  if (date && (date.slice(0, 7) !== today.slice(0, 7) || date > today))
    problems.push(
      `${c('date')} : le ${frDate(date)} n’est pas un jour de ce mois déjà passé. Seules les heures de ce mois sont reprises ; les mois précédents restent dans votre ancien logiciel.`,
    );
  const { contractId, workerId } = await contractAndWorker(tx, actor, 'hours', cell, problems);
  const label =
    [cell('worker'), date ? frDate(date) : null, startTime && endTime ? `${startTime}–${endTime}` : null]
      .filter(Boolean)
      .join(' · ') || '(sans référence)';
  if (problems.length || !contractId || !workerId || !date || !startTime || !endTime)
    return row(label, 'error', problems);
  const start = parisInstant(date, startTime);
  const end = parisInstant(endTime <= startTime ? addDays(date, 1) : date, endTime);
  if (end.getTime() > Date.now())
    return row(label, 'error', [`${c('endTime')} : ce créneau n’est pas encore terminé ; planifiez-le plutôt.`]);
  const running = await missionsOfContractOn(tx, actor.organisationId, { placementContractId: contractId, date, rome });
  if (running.length === 0)
    return row(label, 'error', [
      `${c('contractNumber')} : le contrat ${cell('contractNumber')} n’a pas de mission${rome ? ` de métier ${rome}` : ''} le ${frDate(date)} (importez d’abord les missions).`,
    ]);
  if (running.length > 1)
    return row(label, 'error', [`${c('rome')} : le contrat a plusieurs missions ce jour-là ; indiquez le métier.`]);
  const missionId = running[0].id;
  const key = `${workerId}|${start.toISOString()}|${end.toISOString()}`;
  const twin = seen.get(key);
  if (twin) return row(label, 'error', [`Mêmes heures que la ligne ${twin} du fichier.`]);
  seen.set(key, lineNumber);
  if (await findShiftForImport(tx, actor.organisationId, { missionId, workerId, start, end }))
    return row(label, 'skip', ['Déjà dans Passerelle (même personne, mêmes heures).']);
  return attempt(tx, label, row, async (sp) => {
    await createShift({ db: sp, actor, input: { missionId, workerId, start, end } });
  });
}

/** Runs one line's operations in a savepoint; a broken rule becomes the line's problem, in the rule's words. */
async function attempt(
  tx: Db,
  label: string,
  row: (label: string, action: ImportRow['action'], messages: string[]) => ImportRow,
  write: (sp: Db) => Promise<void>,
  notes: string[] = [],
): Promise<ImportRow> {
  try {
    await tx.transaction(async (sp) => write(sp as unknown as Db));
    return row(label, 'create', notes);
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
