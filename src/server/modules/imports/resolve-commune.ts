import {
  type Commune,
  communeNameKey,
  communes,
  communesOfPostalCode,
  findCommune,
  formerCommune,
  normaliseText,
  postalDepartements,
  searchNamesOf,
} from '../geo/communes.js';

/**
 * The cities split in arrondissements: a code of this form is the city's (its INSEE code is the city's, not an
 * arrondissement's). Paris is the only commune of its département: every 75 code is its own, CEDEX ones included.
 */
const CITY_OF_POSTCODE: [RegExp, string][] = [
  [/^75\d{3}$/, '75056'], // the département of Paris alone
  [/^690\d\d$/, '69123'],
  [/^130\d\d$/, '13055'],
];

/**
 * The commune of a spreadsheet line: its INSEE code when given; else, with a postal code, the commune of that name it
 * serves (data/codes-postaux.csv), or of that name in its département (a CEDEX code, a commune merged since 2018),
 * or — without a name — the only commune it serves. Returns the code, or a French sentence saying what to fix.
 */
export function resolveCommune(o: {
  communeCode?: string;
  postalCode?: string;
  communeName?: string;
}): { ok: true; code: string; note?: string } | { ok: false; problem: string } {
  const code = o.communeCode?.trim().toUpperCase();
  if (code) {
    if (findCommune(code)) return { ok: true, code };
    // A spreadsheet from an older system may hold the code of a commune that has joined another since: the line
    // moves to the commune it joined (its code is the one INSEE, URSSAF and the ASP know).
    const former = formerCommune(code);
    if (former) {
      const joined = former.commune;
      return {
        ok: true,
        code: joined.code,
        note: `Commune : ${former.name} (${code}) fait désormais partie de ${joined.name} (${joined.code}), la fiche y est enregistrée.`,
      };
    }
    return { ok: false, problem: `Le code commune « ${code} » n’existe pas.` };
  }
  const postalCode = o.postalCode?.trim();
  const written = o.communeName?.replace(/\bst\b/gi, 'saint').replace(/\bste\b/gi, 'sainte') ?? '';
  const name = normaliseText(written);
  // The name as written first (the current one, or the 2018 one of a commune renamed since); else without its article
  // (« Kremlin-Bicêtre » is Le Kremlin-Bicêtre). At each step a commune's own names come before those of the communes
  // that joined it (« Étrez » is in Bresse Vallons).
  const key = communeNameKey(written);
  const named = (among: Commune[]) => {
    for (const match of ['full', 'bare'] as const) {
      const wanted = match === 'full' ? name : key;
      for (const group of ['own', 'joined'] as const) {
        const found = among.filter((c) => searchNamesOf(c)[group].some((n) => n[match] === wanted));
        if (found.length) return found;
      }
    }
    return [];
  };
  if (postalCode && /^\d{5}$/.test(postalCode)) {
    for (const [re, city] of CITY_OF_POSTCODE) if (re.test(postalCode)) return { ok: true, code: city };
    const served = communesOfPostalCode(postalCode);
    if (name) {
      const servedNamed = named(served);
      if (servedNamed.length === 1) return { ok: true, code: servedNamed[0].code };
      const deps = postalDepartements(postalCode);
      const found = named([...communes().values()].filter((c) => deps.includes(c.departement)));
      if (found.length === 1) return { ok: true, code: found[0].code };
      if (found.length > 1)
        return {
          ok: false,
          problem: `Plusieurs communes « ${o.communeName} » dans ce département : indiquez le code commune INSEE.`,
        };
      return { ok: false, problem: `Aucune commune « ${o.communeName} » avec le code postal ${postalCode}.` };
    }
    if (served.length === 1) return { ok: true, code: served[0].code };
    if (served.length > 1)
      return {
        ok: false,
        problem: `Le code postal ${postalCode} sert plusieurs communes (${served.map((c) => c.name).join(', ')}) : indiquez la commune.`,
      };
  }
  return { ok: false, problem: 'Indiquez le code commune INSEE, ou le code postal et la commune.' };
}
