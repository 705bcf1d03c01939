import { ageOn } from './dates.js';

/** The ages Passerelle accepts for a worker (a record outside them is a typing error). */
export const MIN_WORKER_AGE = 16;
export const MAX_WORKER_AGE = 80;

/** Why a birth date is impossible for a worker, or null. */
export function birthDateProblem(birthDate: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || Number.isNaN(Date.parse(`${birthDate}T00:00:00Z`)))
    return 'La date de naissance n’est pas une date valide (AAAA-MM-JJ).';
  if (new Date(`${birthDate}T00:00:00Z`).toISOString().slice(0, 10) !== birthDate)
    return 'La date de naissance n’existe pas dans le calendrier.';
  if (birthDate > today) return 'La date de naissance est dans le futur : vérifiez l’année.';
  const age = ageOn(birthDate, today);
  if (age < MIN_WORKER_AGE)
    return `La personne aurait ${age} ans : il faut au moins ${MIN_WORKER_AGE} ans pour être salarié·e.`;
  if (age > MAX_WORKER_AGE) return `La personne aurait ${age} ans : vérifiez l’année de naissance.`;
  return null;
}

/** PASS IAE numbers have 12 characters (digits, or capital letters for some historical numbers). */
export const PASS_NUMBER = /^[0-9A-Z]{12}$/;

export function passNumberProblem(number: string): string | null {
  return PASS_NUMBER.test(number)
    ? null
    : 'Le numéro de PASS IAE compte exactement 12 caractères (chiffres ou lettres majuscules, sans espace).';
}
