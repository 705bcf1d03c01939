/**
 * How the cells of AIs' spreadsheets are read: French dates, decimal commas, ROME codes inside job labels, kinds
 * written in words. Pure functions; each returns the value or a French sentence saying what is wrong.
 */
import { CLIENT_KIND_LABELS, CLIENT_KINDS, type ClientKind } from '../../../../shared/clients.js';
import { ELIGIBILITY_CRITERIA_CODES, ELIGIBILITY_CRITERIA_OF_LES_EMPLOIS } from '../../../../shared/imports.js';
import { type Criterion, LEVEL_1_CRITERIA, LEVEL_2_CRITERIA } from '../../workers/rules/eligibility.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** JJ/MM/AAAA (also with - or .), AAAA-MM-JJ, or a spreadsheet date already read as AAAA-MM-JJ. */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  let iso: string | null = null;
  if (m) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (!iso) return bad(`« ${t} » n’est pas une date (attendu JJ/MM/AAAA).`);
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    return bad(`« ${t} » n’existe pas dans le calendrier.`);
  if (iso < '1900-01-01' || iso > '2100-12-31') return bad(`« ${t} » est hors des dates possibles : vérifiez l’année.`);
  return ok(iso);
}

/** ROME codes found in the cell: "K2204, G1603", "Agent de propreté (K2204)"; none is not an error. */
export function parseRomeCodes(text: string): string[] {
  return [...new Set([...text.toUpperCase().matchAll(/\b([A-N]\d{4})\b/g)].map((m) => m[1]))];
}

/** "24", "17,5", "24 h", "24h30" → minutes. */
export function parseWeeklyMinutes(text: string): Parsed<number> {
  const t = text.trim().toLowerCase().replace(/\s/g, '');
  const hm = /^(\d{1,2})h(\d{2})?$/.exec(t);
  const hours = hm ? Number(hm[1]) + Number(hm[2] ?? 0) / 60 : Number(t.replace(',', '.'));
  if (!Number.isFinite(hours) || hours <= 0 || hours > 48)
    return bad(`« ${text} » n’est pas une durée hebdomadaire possible (entre 1 et 48 heures).`);
  return ok(Math.round(hours * 60));
}

/** A whole number of days between min and max. */
export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max)
    return bad(`« ${t} » doit être un nombre entier entre ${min} et ${max}.`);
  return ok(Number(t));
}

/** Spaces and dots people put in identifiers ("123 456 789 00012", "99999 26 12345"). */
export const compactIdentifier = (text: string) => text.replace(/[\s.\u00a0-]/g, '').toUpperCase();

/** French phone numbers kept as written, but without what is not part of a number. */
export const cleanPhone = (text: string) =>
  text
    .replace(/[^\d+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const words = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const CONTRACT_KINDS: [RegExp, 'cddu' | 'cddi' | 'cdi_inclusion'][] = [
  [/^cddu?$|^cdd d usage$|^contrat a duree determinee d usage$/, 'cddu'],
  [/^cddi$|^cdd d insertion$|^contrat a duree determinee d insertion$/, 'cddi'],
  [/^cdi ?inclusion$|^cdi$/, 'cdi_inclusion'],
];

export function parseContractKind(text: string): Parsed<'cddu' | 'cddi' | 'cdi_inclusion'> {
  const w = words(text);
  for (const [re, kind] of CONTRACT_KINDS) if (re.test(w)) return ok(kind);
  return bad(`« ${text} » n’est pas un type de contrat d’AI (CDDU, CDDI ou CDI inclusion).`);
}

const CLIENT_KIND_WORDS: [RegExp, ClientKind][] = [
  [/^(particulier|individual|particuliers|personne physique)$/, 'individual'],
  [/^(association|associations|fondation)$/, 'association'],
  [
    /^(collectivite|collectivites|collectivite territoriale|mairie|commune|local authority|local_authority)$/,
    'local_authority',
  ],
  [/^(entreprise|entreprises|societe|company)$/, 'company'],
  [/^(bailleur social|bailleur|social landlord|social_landlord|office hlm|hlm)$/, 'social_landlord'],
  [/^(ehpad|ehpad residence|residence|maison de retraite|care home|care_home)$/, 'care_home'],
  [/^(medico social|etablissement medico social|medico_social)$/, 'medico_social'],
  [/^(etablissement public|organisme public|public body|public_body|administration)$/, 'public_body'],
];

export function parseClientKind(text: string): Parsed<ClientKind> {
  const w = words(text.replace(/_/g, ' '));
  // The app's own labels (« EHPAD / maison de retraite »), as a file exported from it or copied from a screen says.
  const labelled = CLIENT_KINDS.find((k) => words(CLIENT_KIND_LABELS[k]) === w);
  if (labelled) return ok(labelled);
  for (const [re, kind] of CLIENT_KIND_WORDS) if (re.test(w) || re.test(text.trim())) return ok(kind);
  return bad(
    `« ${text} » n’est pas un type de client connu (Particulier, Association, Collectivité, Entreprise, Bailleur social, EHPAD, Médico-social, Établissement public).`,
  );
}

/** les emplois de l'inclusion's state of an application: only an accepted one is a hire. */
export const isAcceptedApplication = (text: string) => /accept/.test(words(text));

/** 08:00, 8h, 8h30, 08.30, or a spreadsheet time read as a fraction of a day ("0.333…"). Answers HH:MM. */
export function parseTime(text: string): Parsed<string> {
  const t = text.trim().toLowerCase();
  let h: number | undefined;
  let m = 0;
  const hm = /^(\d{1,2})\s*(?:[:h.]\s*(\d{2})?)?$/.exec(t);
  if (hm) {
    h = Number(hm[1]);
    m = hm[2] ? Number(hm[2]) : 0;
  } else if (/^0?\.\d+$/.test(t)) {
    const minutes = Math.round(Number(t) * 24 * 60);
    h = Math.floor(minutes / 60);
    m = minutes % 60;
  }
  if (h === undefined || h > 23 || m > 59)
    return bad(`« ${text.trim()} » n’est pas une heure (attendu HH:MM, ex. 08:30).`);
  return ok(`${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
}

const WEEKDAYS: [RegExp, number][] = [
  [/^di/, 0],
  [/^lu/, 1],
  [/^ma/, 2],
  [/^me/, 3],
  [/^je/, 4],
  [/^ve/, 5],
  [/^sa/, 6],
];

/** The days of a weekly pattern: "lundi, mercredi", "lun mer ven", "du lundi au vendredi". 0 = Sunday … 6. */
export function parseWeekdays(text: string): Parsed<number[]> {
  const w = words(text);
  const dayOf = (word: string) => WEEKDAYS.find(([re]) => re.test(word))?.[1];
  const range = /^du (\S+) au (\S+)$/.exec(w);
  if (range) {
    const from = dayOf(range[1]);
    const to = dayOf(range[2]);
    if (from === undefined || to === undefined) return bad(`« ${text.trim()} » : jours de la semaine illisibles.`);
    const days: number[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
    return ok(days.sort());
  }
  const parts = w.split(/\s+|et/).filter(Boolean);
  const days = parts.map(dayOf);
  if (!parts.length || days.some((d) => d === undefined))
    return bad(`« ${text.trim()} » : indiquez les jours en toutes lettres (ex. « lundi, mercredi, vendredi »).`);
  return ok([...new Set(days as number[])].sort());
}

/**
 * The eligibility criteria of a cell, by les emplois de l'inclusion's code (RSA, DETLD, CAP_BEP…) or label
 * (itou/eligibility/enums.py), or by Passerelle's own label; separated by semicolons or line breaks (commas too
 * when every part is a code). Returns Passerelle's criteria keys.
 */
export function parseCriteria(text: string): Parsed<Criterion[]> {
  const byName = new Map<string, Criterion>();
  for (const [code, { criterion, label }] of Object.entries(ELIGIBILITY_CRITERIA_OF_LES_EMPLOIS)) {
    byName.set(words(code.replace(/_/g, ' ')), criterion);
    byName.set(words(label), criterion);
  }
  for (const [key, label] of Object.entries({ ...LEVEL_1_CRITERIA, ...LEVEL_2_CRITERIA }))
    byName.set(words(label), key as Criterion);
  const read = (parts: string[]) => parts.map((p) => p.trim()).filter(Boolean);
  let parts = read(text.split(/[;\n|]/));
  if (parts.length === 1 && !byName.has(words(parts[0]))) parts = read(parts[0].split(','));
  const found: Criterion[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const c = byName.get(words(part.replace(/_/g, ' ')));
    if (c) found.push(c);
    else unknown.push(part);
  }
  if (unknown.length)
    return bad(
      `${unknown.map((u) => `« ${u} »`).join(', ')} : critère inconnu (codes des emplois de l’inclusion : ${ELIGIBILITY_CRITERIA_CODES.join(', ')}).`,
    );
  return ok([...new Set(found)]);
}

/** Who made the diagnosis: an authorised prescriber, or the AI itself (« structure », « employeur », « SIAE »). */
export function parseDiagnosisAuthor(text: string): Parsed<'prescriber' | 'ai'> {
  const w = words(text);
  if (/prescri|france travail|pole emploi|mission locale|cap emploi|departement|spip/.test(w)) return ok('prescriber');
  if (/^(ai|siae|structure|employeur|association intermediaire|nous|interne)\b/.test(w)) return ok('ai');
  return bad(`« ${text} » : indiquez « Prescripteur » (prescripteur habilité) ou « Structure » (l’AI elle-même).`);
}

/** « oui » / « non » of les emplois de l'inclusion's export (and the usual variants). */
export function parseYesNo(text: string): Parsed<boolean> {
  const w = words(text);
  if (/^(oui|o|yes|y|vrai|true|1|x)$/.test(w)) return ok(true);
  if (/^(non|n|no|faux|false|0)$/.test(w)) return ok(false);
  return bad(`« ${text} » : attendu « oui » ou « non ».`);
}
