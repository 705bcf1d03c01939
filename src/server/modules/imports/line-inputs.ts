import type { z } from 'zod';
import { IMPORT_FIELDS, type ImportKind } from '../../../shared/imports.js';
import { parisToday } from '../calendar/paris-time.js';
import { CreateClientBody, type CreateClientInput } from '../clients/client-input.js';
import { SiteBody, type SiteInput } from '../clients/manage-sites.js';
import { findJob } from '../directory/rome.js';
import type { SignedContractInput } from '../quotes/record-signed-contract.js';
import type { DiagnosisInput } from '../workers/record-diagnosis.js';
import { CreateWorkerBody, type CreateWorkerInput } from '../workers/worker-input.js';
import { resolveCommune } from './resolve-commune.js';
import {
  cleanPhone,
  compactIdentifier,
  isAcceptedApplication,
  type Parsed,
  parseClientKind,
  parseContractKind,
  parseCriteria,
  parseDate,
  parseDiagnosisAuthor,
  parseRomeCodes,
  parseWeeklyMinutes,
  parseWholeNumber,
  parseYesNo,
} from './rules/cell-values.js';

/** One line's cells by field key (empty cells and unmapped fields read as ''). */
export type LineCells = (key: string) => string;

export type EmploymentContractLine = {
  kind: 'cddu' | 'cddi' | 'cdi_inclusion';
  startDate: string;
  endDate: string | null;
  weeklyMinutes: number;
};

export type WorkerLine = {
  label: string;
  input?: CreateWorkerInput;
  contract?: EmploymentContractLine;
  /** An eligibility diagnosis to record (sensitive: written only by a person holding the right). */
  diagnosis?: DiagnosisInput;
  /** What the line says without being a problem (e.g. eligibility « à compléter »). */
  notes?: string[];
  /** Not a line to import at all (e.g. an application that was not accepted). */
  ignore?: string;
  problems: string[];
};

export type ClientLine = {
  label: string;
  input?: CreateClientInput;
  /** A place of work named on the line (a client with several sites has one line per site). */
  site?: SiteInput;
  /** What the line says without being a problem (e.g. a former commune code, moved to the commune it joined). */
  notes?: string[];
  problems: string[];
};

const labelOf = (kind: ImportKind, key: string) => IMPORT_FIELDS[kind].find((f) => f.key === key)?.label ?? key;

/** zod's issues on an input object, named by the column the person mapped rather than by the API's path. */
function zodProblems(error: z.ZodError, columnOfPath: (path: string) => string): string[] {
  return error.issues.map((i) => `${columnOfPath(i.path.join('.'))} : ${i.message}`);
}

function take<T>(problems: string[], column: string, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  problems.push(`${column} : ${parsed.problem}`);
  return undefined;
}

/** A cell the line needs: read, or its absence named. */
function need<T>(problems: string[], column: string, text: string, parse: (t: string) => Parsed<T>, missing: string) {
  if (text) return take(problems, column, parse(text));
  problems.push(`${column} : ${missing}`);
  return undefined;
}

/** Reads a workers' line into the POST /workers input and an optional employment contract. */
export function workerLine(cell: LineCells): WorkerLine {
  const problems: string[] = [];
  const col = (key: string) => labelOf('workers', key);
  const label = `${cell('firstName')} ${cell('lastName')}`.trim() || '(sans nom)';
  if (cell('applicationStatus') && !isAcceptedApplication(cell('applicationStatus')))
    return { label, ignore: `Candidature « ${cell('applicationStatus')} » : pas une embauche.`, problems };
  for (const key of ['lastName', 'firstName', 'birthDate'])
    if (!cell(key)) problems.push(`${col(key)} : la colonne est vide.`);
  const birthDate = cell('birthDate') ? take(problems, col('birthDate'), parseDate(cell('birthDate'))) : undefined;
  const commune = resolveCommune({
    communeCode: cell('communeCode'),
    postalCode: cell('postalCode'),
    communeName: cell('communeName'),
  });
  if (!commune.ok) problems.push(`Commune : ${commune.problem}`);
  const jobs = parseRomeCodes(cell('jobs'));
  for (const code of jobs) if (!findJob(code)) problems.push(`${col('jobs')} : le code ROME ${code} n’existe pas.`);
  let pass: CreateWorkerInput['pass'];
  if (cell('passNumber')) {
    const startDate = need(
      problems,
      col('passStartDate'),
      cell('passStartDate'),
      parseDate,
      `indiquez le début du PASS IAE n° ${cell('passNumber')}.`,
    );
    const endDate = cell('passEndDate')
      ? take(problems, col('passEndDate'), parseDate(cell('passEndDate')))
      : undefined;
    if (startDate) pass = { number: compactIdentifier(cell('passNumber')), startDate, ...(endDate ? { endDate } : {}) };
  }
  const hiredOn = cell('hiredOn') ? take(problems, col('hiredOn'), parseDate(cell('hiredOn'))) : undefined;
  let contract: EmploymentContractLine | undefined;
  if (cell('contractKind')) {
    const kind = take(problems, col('contractKind'), parseContractKind(cell('contractKind')));
    const startText = cell('contractStartDate') || cell('hiredOn');
    const startDate = need(problems, col('contractStartDate'), startText, parseDate, 'indiquez le début du contrat.');
    const endDate = cell('contractEndDate')
      ? take(problems, col('contractEndDate'), parseDate(cell('contractEndDate')))
      : null;
    const weeklyMinutes = need(
      problems,
      col('weeklyHours'),
      cell('weeklyHours'),
      parseWeeklyMinutes,
      'indiquez la durée hebdomadaire du contrat.',
    );
    if (kind && startDate && endDate !== undefined && weeklyMinutes)
      contract = { kind, startDate, endDate, weeklyMinutes };
  }
  const { diagnosis, notes } = eligibilityOfLine(cell, problems);
  if (problems.length || !birthDate || !commune.ok) return { label, problems };
  const candidate = {
    firstName: cell('firstName'),
    lastName: cell('lastName'),
    birthDate,
    address: {
      communeCode: commune.code,
      ...(cell('addressLine') ? { line: cell('addressLine') } : {}),
      ...(/^\d{5}$/.test(cell('postalCode')) ? { postalCode: cell('postalCode') } : {}),
    },
    jobs,
    ...(pass ? { pass } : {}),
    ...(cell('email') ? { email: cell('email').toLowerCase() } : {}),
    ...(cell('phone') ? { phone: cleanPhone(cell('phone')) } : {}),
    ...(hiredOn ? { hiredOn } : {}),
  };
  const parsed = CreateWorkerBody.safeParse(candidate);
  if (!parsed.success) {
    const byPath: Record<string, string> = {
      firstName: col('firstName'),
      lastName: col('lastName'),
      email: col('email'),
      phone: col('phone'),
      'address.line': col('addressLine'),
      'address.postalCode': col('postalCode'),
      'address.communeCode': col('communeCode'),
      'pass.number': col('passNumber'),
    };
    return {
      label,
      problems: zodProblems(parsed.error, (p) => byPath[p] ?? (p.startsWith('jobs') ? col('jobs') : p)),
    };
  }
  if (commune.ok && commune.note) notes.unshift(commune.note);
  return { label, input: parsed.data, contract, diagnosis, notes, problems };
}

const ELIGIBILITY_KEYS = ['eligibilityDate', 'eligibilityAuthor', 'eligibilityPrescriber', 'eligibilityCriteria'];

/** Whether a line carries eligibility data to record (the sensitive right is then required). */
export const lineHasDiagnosis = (cell: LineCells) => ELIGIBILITY_KEYS.some((k) => cell(k) !== '');

/**
 * The eligibility diagnosis of a workers' line, with the rules of the hire form (POST …/diagnoses): a date and an
 * author; criteria required only when the AI diagnoses itself (an authorised prescriber's diagnosis stands alone,
 * les-emplois itou/eligibility). Les emplois de l'inclusion's export only says « Éligibilité IAE validée :
 * oui/non », without author or date: no diagnosis is invented from it, the line says « à compléter ».
 */
function eligibilityOfLine(cell: LineCells, problems: string[]): { diagnosis?: DiagnosisInput; notes: string[] } {
  const col = (key: string) => labelOf('workers', key);
  const notes: string[] = [];
  if (!lineHasDiagnosis(cell)) {
    if (cell('eligibilityValidated')) {
      const validated = take(problems, col('eligibilityValidated'), parseYesNo(cell('eligibilityValidated')));
      if (validated === true)
        notes.push(
          'Éligibilité : validée dans les emplois de l’inclusion par un prescripteur habilité, mais l’export n’en donne ni la date ni l’auteur : diagnostic à compléter sur la fiche.',
        );
      else if (validated === false)
        notes.push(
          'Éligibilité : aucun diagnostic en cours de validité dans les emplois de l’inclusion à la date de l’export : à compléter sur la fiche.',
        );
    }
    return { notes };
  }
  const madeOn = need(
    problems,
    col('eligibilityDate'),
    cell('eligibilityDate'),
    parseDate,
    'indiquez la date du diagnostic.',
  );
  if (madeOn && madeOn > parisToday())
    problems.push(`${col('eligibilityDate')} : le diagnostic ne peut pas être daté de demain ou après.`);
  const author = need(
    problems,
    col('eligibilityAuthor'),
    cell('eligibilityAuthor'),
    parseDiagnosisAuthor,
    'indiquez « Prescripteur » ou « Structure ».',
  );
  const criteria = cell('eligibilityCriteria')
    ? take(problems, col('eligibilityCriteria'), parseCriteria(cell('eligibilityCriteria')))
    : [];
  if (author === 'ai' && criteria && criteria.length === 0)
    problems.push(
      `${col('eligibilityCriteria')} : cochez au moins un critère : la structure qui établit elle-même le diagnostic en justifie les critères.`,
    );
  if (author === 'prescriber' && !cell('eligibilityPrescriber'))
    notes.push(`${col('eligibilityPrescriber')} : non indiquée (à compléter sur la fiche).`);
  if (cell('eligibilityPrescriber').length > 200)
    problems.push(`${col('eligibilityPrescriber')} : 200 caractères au plus.`);
  if (!madeOn || !author || !criteria || problems.length) return { notes };
  // Whether the criteria make the person eligible is not said here: the import's rows are kept in its history,
  // which every org admin reads, with or without the sensitive right. The record shows it (its reads are logged).
  return {
    diagnosis: {
      author,
      madeOn,
      ...(cell('eligibilityPrescriber') && author === 'prescriber'
        ? { prescriberName: cell('eligibilityPrescriber') }
        : {}),
      ...(criteria.length ? { criteria } : {}),
    },
    notes,
  };
}

/** Reads a clients' line into the POST /clients input. */
export function clientLine(cell: LineCells): ClientLine {
  const problems: string[] = [];
  const col = (key: string) => labelOf('clients', key);
  const siteNamed = ['siteName', 'siteAddressLine', 'sitePostalCode', 'siteCommuneName'].some((k) => cell(k) !== '');
  const siteName = cell('siteName') || cell('siteAddressLine');
  const label = [cell('name') || '(sans nom)', siteNamed ? siteName || '(lieu sans nom)' : null]
    .filter(Boolean)
    .join(' · ');
  for (const key of ['name', 'kind', 'contactName', 'email'])
    if (!cell(key)) problems.push(`${col(key)} : la colonne est vide.`);
  const kind = cell('kind') ? take(problems, col('kind'), parseClientKind(cell('kind'))) : undefined;
  const commune = resolveCommune({
    communeCode: cell('communeCode'),
    postalCode: cell('postalCode'),
    communeName: cell('communeName'),
  });
  if (!commune.ok) problems.push(`Commune : ${commune.problem}`);
  const paymentTermsDays = cell('paymentTermsDays')
    ? take(problems, col('paymentTermsDays'), parseWholeNumber(cell('paymentTermsDays'), 0, 60))
    : undefined;
  let site: SiteInput | undefined;
  if (siteNamed) {
    if (!siteName) problems.push(`${col('siteName')} : nommez le lieu (ex. « Bâtiment B »).`);
    const ownCommune = cell('sitePostalCode') || cell('siteCommuneName');
    const siteCommune = ownCommune
      ? resolveCommune({ communeCode: '', postalCode: cell('sitePostalCode'), communeName: cell('siteCommuneName') })
      : commune;
    if (!siteCommune.ok) problems.push(`${col('siteCommuneName')} : ${siteCommune.problem}`);
    else if (siteName) {
      const postalCode = ownCommune ? cell('sitePostalCode') : cell('postalCode');
      const parsedSite = SiteBody.safeParse({
        name: siteName,
        address: {
          communeCode: siteCommune.code,
          ...(cell('siteAddressLine') ? { line: cell('siteAddressLine') } : {}),
          ...(/^\d{5}$/.test(postalCode) ? { postalCode } : {}),
        },
      });
      if (parsedSite.success) site = parsedSite.data;
      else
        problems.push(
          ...zodProblems(parsedSite.error, (p) =>
            p === 'name'
              ? col('siteName')
              : p === 'address.postalCode'
                ? col('sitePostalCode')
                : col('siteAddressLine'),
          ),
        );
    }
  }
  if (problems.length || !kind || !commune.ok) return { label, problems };
  // "5710 - SAS, société par actions simplifiée" → 5710; an individual is a private individual by law (L2211-1).
  const legalForm =
    cell('legalForm').match(/^\s*(\d{4}|\d{2})\b/)?.[1] ?? (kind === 'individual' ? 'private_individual' : null);
  if (cell('legalForm') && !/^\s*\d{2}/.test(cell('legalForm')))
    return {
      label,
      problems: [`${col('legalForm')} : « ${cell('legalForm')} » n’est pas un code de catégorie juridique INSEE.`],
    };
  const candidate = {
    name: cell('name'),
    kind,
    legalForm,
    siret: cell('siret') ? compactIdentifier(cell('siret')) : null,
    address: {
      communeCode: commune.code,
      ...(cell('addressLine') ? { line: cell('addressLine') } : {}),
      ...(/^\d{5}$/.test(cell('postalCode')) ? { postalCode: cell('postalCode') } : {}),
    },
    contact: {
      name: cell('contactName'),
      email: cell('email').toLowerCase(),
      ...(cell('phone') ? { phone: cleanPhone(cell('phone')) } : {}),
    },
    ...(cell('billingEmail') || paymentTermsDays !== undefined
      ? {
          billing: {
            ...(cell('billingEmail') ? { email: cell('billingEmail').toLowerCase() } : {}),
            ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}),
          },
        }
      : {}),
  };
  const parsed = CreateClientBody.safeParse(candidate);
  if (!parsed.success) {
    const byPath: Record<string, string> = {
      name: col('name'),
      legalForm: col('legalForm'),
      'contact.name': col('contactName'),
      'contact.email': col('email'),
      'contact.phone': col('phone'),
      'billing.email': col('billingEmail'),
      'address.line': col('addressLine'),
      'address.postalCode': col('postalCode'),
    };
    return { label, problems: zodProblems(parsed.error, (p) => byPath[p] ?? p) };
  }
  const notes = commune.note ? [commune.note] : [];
  return { label, input: parsed.data, site, notes, problems };
}

export type ContractLine = {
  label: string;
  client?: { siret?: string; name?: string };
  /** The client's site named on the line (its first site when empty). */
  site?: string;
  workerReferences: string[];
  input?: Omit<SignedContractInput, 'clientId' | 'workerIds'>;
  problems: string[];
};

/** Reads a signed contract's line; its client and workers are found by the import (they must exist). */
export function contractLine(cell: LineCells): ContractLine {
  const problems: string[] = [];
  const col = (key: string) => labelOf('contracts', key);
  const label =
    [cell('paperNumber'), cell('clientName') || cell('clientSiret')].filter(Boolean).join(' · ') || '(sans référence)';
  const client = cell('clientSiret')
    ? { siret: compactIdentifier(cell('clientSiret')) }
    : cell('clientName')
      ? { name: cell('clientName') }
      : undefined;
  if (!client) problems.push('Client : indiquez le SIRET ou le nom du client.');
  for (const key of ['tasks', 'signedBy']) if (!cell(key)) problems.push(`${col(key)} : la colonne est vide.`);
  const romeCodes = parseRomeCodes(cell('jobs'));
  if (!romeCodes.length) problems.push(`${col('jobs')} : indiquez au moins un code ROME (ex. K2204).`);
  for (const code of romeCodes)
    if (!findJob(code)) problems.push(`${col('jobs')} : le code ROME ${code} n’existe pas.`);
  const date = (key: string) => need(problems, col(key), cell(key), parseDate, 'indiquez la date.');
  const startDate = date('startDate');
  const endDate = date('endDate');
  const signedOn = date('signedOn');
  let equivalentPayCents: number | null = null;
  if (cell('equivalentPay')) {
    const euros = Number(cell('equivalentPay').replace(/\s|€/g, '').replace(',', '.'));
    if (!Number.isFinite(euros) || euros <= 0 || euros > 1000)
      problems.push(`${col('equivalentPay')} : « ${cell('equivalentPay')} » n’est pas un taux horaire en euros.`);
    else equivalentPayCents = Math.round(euros * 100);
  }
  const workerReferences = cell('workers')
    .split(/[;,\n]/)
    .map((w) => w.trim())
    .filter(Boolean);
  const site = cell('site') || undefined;
  if (problems.length || !startDate || !endDate || !signedOn)
    return { label, client, site, workerReferences, problems };
  return {
    label,
    client,
    site,
    workerReferences,
    problems,
    input: {
      ...(cell('paperNumber') ? { paperNumber: cell('paperNumber') } : {}),
      romeCodes,
      tasks: cell('tasks'),
      startDate,
      endDate,
      signedOn,
      signedBy: cell('signedBy'),
      equivalentPayCents,
      commitmentNumber: cell('commitmentNumber') || null,
    },
  };
}
