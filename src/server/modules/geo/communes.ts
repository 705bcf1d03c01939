import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Commune = {
  code: string;
  name: string;
  departement: string;
  lat: number;
  lon: number;
  /** La Poste's codes serving the commune, in order (Paris, Lyon, Marseille: those of their arrondissements). */
  postalCodes: string[];
  /** Its 2018 name when renamed since (« Bellegarde-sur-Valserine », now Valserhône): still found by it. */
  formerName: string | null;
  /**
   * The communes that have joined it (merged since 2018, or communes déléguées and associées: Étrez in Bresse Vallons,
   * Pierrefitte-sur-Seine in Saint-Denis): still found by their names, people write them on addresses.
   */
  joinedNames: string[];
};

/**
 * A commune that has joined another (of the 2018 list, merged since; or a commune déléguée or associée under a code
 * of its own): its code is no longer a commune's for INSEE; `commune` is the one it joined.
 */
export type FormerCommune = { code: string; name: string; departement: string; commune: Commune };

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data');
let byCode: Map<string, Commune> | undefined;
let formerByCode: Map<string, FormerCommune> | undefined;

const lines = (file: string) => fs.readFileSync(path.join(dataDir, file), 'utf8').split('\n').slice(1);

/**
 * Commune centroids of data/communes-centroides.csv (IGN/INSEE, Licence Ouverte; current INSEE names, with the 2018
 * name of those renamed since) with their postal codes from
 * data/codes-postaux.csv (INSEE COG and DGFiP FIMOCT via the codes-postaux package), loaded once. Only INSEE's
 * current communes are listed (scripts/build-communes.mjs); those that have joined another are its `joinedNames`, and
 * the codes of those that did since 2018 are in data/communes-anciennes.csv (formerCommune).
 */
export function communes(): Map<string, Commune> {
  if (byCode) return byCode;
  const postal = new Map<string, string[]>();
  for (const line of lines('codes-postaux.csv')) {
    if (!line.trim()) continue;
    const [code, codes] = line.split(',');
    postal.set(code, codes.split(' '));
  }
  byCode = new Map();
  for (const line of lines('communes-centroides.csv')) {
    if (!line.trim()) continue;
    const [code, name, departement, lat, lon, formerName] = line.split(',');
    byCode.set(code, {
      code,
      name,
      departement,
      lat: Number(lat),
      lon: Number(lon),
      postalCodes: postal.get(code) ?? [],
      formerName: formerName || null,
      joinedNames: [],
    });
  }
  formerByCode = new Map();
  for (const line of lines('communes-anciennes.csv')) {
    if (!line.trim()) continue;
    const [code, name, departement, lat, , communeCode] = line.split(',');
    const commune = byCode.get(communeCode);
    if (!commune) continue;
    commune.joinedNames.push(name);
    // A commune déléguée that kept its commune nouvelle's code (Cherbourg-Octeville, 50129) is a name, not a code. A
    // code listed twice (Conques-en-Rouergue of 2018, 12076, and its commune déléguée Conques) is named as the 2018
    // list named it (the line with its centroid): the name a record holds.
    if (code !== communeCode && (lat || !formerByCode.has(code)))
      formerByCode.set(code, { code, name, departement, commune });
  }
  return byCode;
}

/** A current commune by its INSEE code (a former commune's code finds nothing: see formerCommune). */
export const findCommune = (code: string): Commune | undefined => communes().get(code);

/** The commune that had this code and has joined another (Étrez, 01154: Bresse Vallons, 01130). */
export function formerCommune(code: string): FormerCommune | undefined {
  communes();
  return formerByCode!.get(code);
}

/**
 * Why a commune code cannot be written on a record, or null. A code that left INSEE's list names the commune it
 * joined, so that the person picks it (records carry the current code: URSSAF and the ASP read it).
 */
export function communeCodeProblem(code: string, unknown: string): string | null {
  if (findCommune(code)) return null;
  const former = formerCommune(code);
  if (!former) return unknown;
  const { name, code: joinedCode } = former.commune;
  return `${former.name} (${former.code}) fait désormais partie de la commune de ${name} (${joinedCode}) : choisissez ${name}.`;
}

/**
 * zod refinement of a commune code field: communeCodeProblem, with the field's own words for an unknown code (a
 * sentence, or one that names the code).
 */
export const knownCommune =
  (unknown: string | ((code: string) => string)) =>
  (code: string, ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void }) => {
    const message = communeCodeProblem(code, typeof unknown === 'string' ? unknown : unknown(code));
    if (message) ctx.addIssue({ code: 'custom', message });
  };

export const normaliseText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A commune's name as searches compare it: normalised, without its article (« Le Kremlin-Bicêtre » and
 * « Kremlin-Bicêtre » are one name: a person, a spreadsheet or an older list may leave the article out).
 */
export const communeNameKey = (name: string) => normaliseText(name).replace(/^(?:le|la|les|l|aux|las|los) /, '');

type SearchName = { name: string; full: string; bare: string };
/**
 * A commune with the names it is known by, as compared: normalised (`full`) and without their article (`bare`,
 * communeNameKey). Its own are its current name and the one it had in 2018 when renamed since; `joined`, those of the
 * communes that joined it (a person, or a spreadsheet from an older system, may still write any of them).
 */
type NamedCommune = { commune: Commune; own: SearchName[]; joined: SearchName[] };
let index: { list: NamedCommune[]; byCode: Map<string, NamedCommune> } | undefined;
/** Every commune with its names, computed once (a search and an import scan them all; a list keeps a search fast). */
function searchIndex() {
  if (!index) {
    // Plain object literals: objects built by spreading were several times slower to read in the search's loop.
    const compared = (name: string): SearchName => ({ name, full: normaliseText(name), bare: communeNameKey(name) });
    const list = [...communes().values()].map((commune) => ({
      commune,
      own: (commune.formerName ? [commune.name, commune.formerName] : [commune.name]).map(compared),
      joined: commune.joinedNames.map(compared),
    }));
    index = { list, byCode: new Map(list.map((n) => [n.commune.code, n])) };
  }
  return index;
}
/** A commune's names as compared: its own (current, 2018), and those of the communes that joined it. */
export const searchNamesOf = (c: Commune): NamedCommune => searchIndex().byCode.get(c.code)!;

/** A commune a search found, with the name of the joined commune it answered to, when that was the match. */
export type FoundCommune = Commune & { joinedName: string | null };

/**
 * Accent-insensitive prefix search by name, or by postal code, INSEE code or département prefix: people know their
 * postal code (« 93200 »), rarely the INSEE code (93066).
 */
export function searchCommunes(query: string, limit = 10): FoundCommune[] {
  const q = normaliseText(query);
  if (!q) return [];
  const digits = /^\d+$/.test(q);
  const bareQ = communeNameKey(query);
  // The commune named exactly so comes first: « Saint-Denis » finds Saint-Denis (93) and (974) before the dozens of
  // « Saint-Denis-… » that precede them in code order (every commune is scanned: a few milliseconds). So does the
  // commune a whole postal code serves: « 94000 » is Créteil before the communes whose INSEE code starts 940. The
  // article is optional both ways (« havre » starts « Le Havre »), a renamed commune answers to its former name, and a
  // commune to the names of those that joined it (« Étrez » finds Bresse Vallons), after the communes so named.
  const exact: Commune[] = [];
  const starts: Commune[] = [];
  const contains: Commune[] = [];
  const joinedExact: Commune[] = [];
  const joinedStarts: Commune[] = [];
  const joinedName = new Map<string, string>();
  const same = (k: SearchName) => k.full === q || k.bare === bareQ;
  const start = (k: SearchName) => k.full.startsWith(q) || k.bare.startsWith(bareQ);
  for (const { commune: c, own, joined } of searchIndex().list) {
    if (digits) {
      if (c.postalCodes.includes(q)) exact.push(c);
      else if (c.code.startsWith(q) || c.postalCodes.some((p) => p.startsWith(q))) starts.push(c);
      continue;
    }
    if (c.code.startsWith(q)) {
      starts.push(c);
      continue;
    }
    if (own.some(same)) exact.push(c);
    else if (own.some(start)) starts.push(c);
    else if (own.some((k) => k.full.includes(q))) contains.push(c);
    else if (joined.length) {
      const match = joined.find(same) ?? joined.find(start);
      if (match) {
        (same(match) ? joinedExact : joinedStarts).push(c);
        joinedName.set(c.code, match.name);
      }
    }
  }
  return [...exact, ...joinedExact, ...starts, ...joinedStarts, ...contains]
    .slice(0, limit)
    .map((c) => ({ ...c, joinedName: joinedName.get(c.code) ?? null }));
}

let byPostalCode: Map<string, Commune[]> | undefined;
/** The communes a postal code serves (several may share one: 77000 is Melun, La Rochette, Vaux-le-Pénil…). */
export function communesOfPostalCode(postalCode: string): Commune[] {
  if (!byPostalCode) {
    byPostalCode = new Map();
    for (const c of communes().values()) {
      for (const p of c.postalCodes) byPostalCode.set(p, [...(byPostalCode.get(p) ?? []), c]);
    }
  }
  return byPostalCode.get(postalCode) ?? [];
}

/** The commune's first postal code (the demo's addresses), or null for a commune without one. */
export const firstPostalCode = (communeCode: string): string | null => findCommune(communeCode)?.postalCodes[0] ?? null;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The département a postal code belongs to: 3 digits overseas (971…976), 2A or 2B in Corsica (20…), else 2. */
export function postalDepartements(postalCode: string): string[] {
  if (postalCode.startsWith('97') || postalCode.startsWith('98')) return [postalCode.slice(0, 3)];
  if (postalCode.startsWith('20')) return ['2A', '2B'];
  return [postalCode.slice(0, 2)];
}

let byDepartement: Map<string, Commune[]> | undefined;
function communesOf(departement: string): Commune[] {
  if (!byDepartement) {
    byDepartement = new Map();
    for (const c of communes().values()) {
      const list = byDepartement.get(c.departement) ?? [];
      list.push(c);
      byDepartement.set(c.departement, list);
    }
  }
  return byDepartement.get(departement) ?? [];
}

/** How far from its own département a commune may be served by a neighbour's post office (a few do). */
const BORDER_KM = 25;

/**
 * Why a postal code cannot be the one of this commune, or null. One of the commune's own postal codes is right.
 * Another is still accepted when it starts with the commune's département (20 for Corsica, 97x overseas), or with a
 * neighbouring one less than 25 km away: a company or a public body may write a CEDEX code, which is not in the
 * list, and La Poste serves some border communes from the next département (Saint-Pierre-d'Entremont, Isère, is
 * 73670).
 */
export function postalCodeProblem(postalCode: string, communeCode: string): string | null {
  const commune = findCommune(communeCode);
  if (!commune || !/^\d{5}$/.test(postalCode) || commune.postalCodes.includes(postalCode)) return null;
  const departements = postalDepartements(postalCode);
  if (departements.includes(commune.departement)) return null;
  const nearby = departements.some((d) => communesOf(d).some((c) => distanceKm(c, commune) <= BORDER_KM));
  if (nearby) return null;
  return `Le code postal ${postalCode} ne correspond pas à ${commune.name} (${commune.departement}) : vérifiez l’un ou l’autre.`;
}

/** zod refinement for an address object: a postal code that contradicts its commune is reported on the postal code. */
export function checkPostalCode(
  address: { postalCode?: string | null; communeCode: string },
  ctx: { addIssue: (issue: { code: 'custom'; message: string; path: string[] }) => void },
) {
  const problem = address.postalCode ? postalCodeProblem(address.postalCode, address.communeCode) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['postalCode'] });
}
