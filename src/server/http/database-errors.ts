/**
 * The safety net behind input validation: a value PostgreSQL refuses because of what the person sent (a NUL
 * byte, a date out of range, a number too large for its column) is that person's error, a 400 — never a 500.
 * Validation (http/validation.ts) should catch these first and name the field; reaching this net is a gap to
 * close there, so it is logged without the statement's parameters (they may hold private notes).
 */

/** SQLSTATE codes of data exceptions caused by the input itself (PostgreSQL appendix A, class 22). */
const INPUT_ERRORS: Record<string, string> = {
  '22P05': 'Un texte contient un caractère que la base ne peut pas enregistrer.',
  '22021': 'Un texte contient un caractère interdit (octet nul ou encodage invalide).',
  '22008': 'Une date ou une heure est hors des limites acceptées.',
  '22007': 'Une date ou une heure est mal écrite.',
  '22003': 'Un nombre est trop grand.',
  '22001': 'Un texte est trop long.',
  '22P02': 'Une valeur n’a pas le format attendu.',
  '22023': 'Une valeur est hors des limites acceptées.',
  '2201E': 'Un nombre est hors des limites acceptées.',
  '54000': 'Un texte est trop long.',
};

type Reply = { status: 400; body: { error: { code: 'validation_failed'; message: string; details: [] } } };

/** The 400 answer for an error PostgreSQL raised because of the input, or null for any other error. */
export function databaseInputError(err: unknown): Reply | null {
  const code = sqlState(err);
  if (!code || !(code in INPUT_ERRORS)) return null;
  return {
    status: 400,
    body: { error: { code: 'validation_failed', message: INPUT_ERRORS[code], details: [] } },
  };
}

/** The SQLSTATE of an error from pg, PGlite or Drizzle (which wraps the driver's error as `cause`). */
export function sqlState(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}
