import { communes, findCommune, normaliseText } from '../geo/communes.js';

/** The communes whose postcodes cover a whole city split in arrondissements (their INSEE code is the city's). */
const CITY_OF_POSTCODE: [RegExp, string][] = [
  [/^750\d\d$/, '75056'],
  [/^690\d\d$/, '69123'],
  [/^130\d\d$/, '13055'],
];

/** The département a postcode belongs to (Corsica 20 → 2A/2B, overseas 97x). */
function departementsOfPostcode(postalCode: string): string[] {
  if (postalCode.startsWith('20')) return ['2A', '2B'];
  if (postalCode.startsWith('97')) return [postalCode.slice(0, 3)];
  return [postalCode.slice(0, 2)];
}

/**
 * The commune of a spreadsheet line: its INSEE code when given, else its name inside the postcode's département.
 * Returns the code, or a French sentence saying what to fix.
 */
export function resolveCommune(o: {
  communeCode?: string;
  postalCode?: string;
  communeName?: string;
}): { ok: true; code: string } | { ok: false; problem: string } {
  const code = o.communeCode?.trim().toUpperCase();
  if (code) {
    return findCommune(code) ? { ok: true, code } : { ok: false, problem: `Le code commune « ${code} » n’existe pas.` };
  }
  const postalCode = o.postalCode?.trim();
  const name = o.communeName
    ? normaliseText(o.communeName.replace(/\bst\b/gi, 'saint').replace(/\bste\b/gi, 'sainte'))
    : '';
  if (postalCode && /^\d{5}$/.test(postalCode)) {
    for (const [re, city] of CITY_OF_POSTCODE) if (re.test(postalCode)) return { ok: true, code: city };
    if (name) {
      const deps = departementsOfPostcode(postalCode);
      const found = [...communes().values()].filter(
        (c) => deps.includes(c.departement) && normaliseText(c.name) === name,
      );
      if (found.length === 1) return { ok: true, code: found[0].code };
      if (found.length > 1)
        return {
          ok: false,
          problem: `Plusieurs communes « ${o.communeName} » dans ce département : indiquez le code commune INSEE.`,
        };
      return { ok: false, problem: `Aucune commune « ${o.communeName} » avec le code postal ${postalCode}.` };
    }
  }
  return { ok: false, problem: 'Indiquez le code commune INSEE, ou le code postal et la commune.' };
}
