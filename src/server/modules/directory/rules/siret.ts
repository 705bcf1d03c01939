/**
 * SIRET check (INSEE): 14 digits whose Luhn sum is a multiple of 10. La Poste's establishments
 * (SIREN 356 000 000) are numbered past what Luhn allows: for them the digit sum must be a multiple of 5.
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) {
    if (value === '35600000000048') return true; // La Poste's head office follows the ordinary rule
    const sum = [...value].reduce((s, d) => s + Number(d), 0);
    return sum % 5 === 0;
  }
  return luhnSum(value) % 10 === 0;
}

export function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** Completes 13 digits with the Luhn check digit (demo data, test factories). */
export function withLuhnDigit(first13: string): string {
  for (let d = 0; d <= 9; d++) if (luhnSum(first13 + d) % 10 === 0) return first13 + d;
  throw new Error('unreachable');
}

/** French message for a SIRET that fails the check, or null when valid. */
export function siretProblem(value: string): string | null {
  if (!/^\d{14}$/.test(value.replace(/\s/g, ''))) return 'Le SIRET doit comporter 14 chiffres.';
  if (!isValidSiret(value.replace(/\s/g, ''))) return 'Ce SIRET n’est pas valide (clé de contrôle incorrecte).';
  return null;
}
