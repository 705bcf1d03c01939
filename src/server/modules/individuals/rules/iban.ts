/**
 * IBAN and BIC checks for SEPA mandates and URSSAF registrations. The IBAN's check digits follow ISO 13616 /
 * ISO 7064 MOD 97-10: the country code and check digits move to the end, letters become numbers (A = 10 … Z = 35),
 * and the number modulo 97 must be 1. A BIC is ISO 9362: 4 letters (bank), 2 letters (country), 2 letters or
 * digits (location), optionally 3 more (branch).
 */

/** The IBAN in its electronic form: no spaces, upper case. */
export const normaliseIban = (iban: string) => iban.replace(/[\s-]/g, '').toUpperCase();

/** Lengths of the SEPA countries' IBANs most often met in France (ECBS / SWIFT IBAN registry). */
const IBAN_LENGTHS: Record<string, number> = {
  FR: 27,
  MC: 27,
  DE: 22,
  BE: 16,
  ES: 24,
  IT: 27,
  LU: 20,
  NL: 18,
  PT: 25,
  CH: 21,
  GB: 22,
  AT: 20,
  IE: 22,
};

export type IbanVerdict = { ok: true; iban: string } | { ok: false; message: string };

export function checkIban(input: string): IbanVerdict {
  const iban = normaliseIban(input);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/.test(iban)) {
    return { ok: false, message: 'Un IBAN commence par deux lettres (le pays) et deux chiffres, puis le compte.' };
  }
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected && iban.length !== expected) {
    return { ok: false, message: `Un IBAN ${iban.slice(0, 2)} compte ${expected} caractères (ici ${iban.length}).` };
  }
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return { ok: false, message: 'Cet IBAN n’est pas valide (clé de contrôle fausse) : vérifiez-le sur le RIB.' };
  }
  return { ok: true, iban };
}

/** ISO 7064 MOD 97-10 over the letters-to-digits form, computed piecewise (no big integers). */
export function mod97(s: string): number {
  let rest = 0;
  for (const ch of s) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of code) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest;
}

export const normaliseBic = (bic: string) => bic.replace(/\s/g, '').toUpperCase();
export const isBic = (bic: string) => /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normaliseBic(bic));

/** "FR76 **** **** 0189": what an invoice or a screen shows of an IBAN. */
export const maskIban = (iban: string) => {
  const n = normaliseIban(iban);
  return `${n.slice(0, 4)} **** **** ${n.slice(-4)}`;
};
