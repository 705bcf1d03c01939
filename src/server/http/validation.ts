import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addDays, parisToday } from '../modules/calendar/paris-time.js';

/**
 * Shared input building blocks. Every module's zod schemas use them so that a bad value is refused in the same
 * words everywhere, as a 400 naming the field — never reaching PostgreSQL, whose errors (NUL byte, year 0,
 * integer overflow) would otherwise surface as a 500.
 */

// ─── Text ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * PostgreSQL text cannot hold a NUL byte (U+0000): it rejects the whole statement. No human types one, so any
 * request carrying one anywhere (body, query string, path) is refused before validation, with the field named.
 */
export async function rejectNulBytes(req: FastifyRequest, reply: FastifyReply) {
  const paths: string[] = [];
  collectNulPaths(req.params, 'params', paths);
  collectNulPaths(req.query, 'querystring', paths);
  collectNulPaths(req.body, '', paths);
  if (paths.length === 0) return;
  return reply.status(400).send({
    error: {
      code: 'validation_failed',
      message: 'Certains champs sont invalides.',
      details: paths
        .slice(0, 20)
        .map((path) => ({ path, message: 'Ce champ contient un caractère interdit (octet nul).' })),
    },
  });
}

function collectNulPaths(value: unknown, path: string, out: string[], depth = 0) {
  if (out.length >= 20 || depth > 32) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    const sub = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) out.push(sub);
    else collectNulPaths(v, sub, out, depth + 1);
  }
}

/** Characters that take no room on screen: whitespace, zero-width and other format or control characters. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True when a text has at least one character a person can see (a name made only of zero-width spaces has none). */
export const hasVisibleCharacter = (s: string) => s.replace(INVISIBLE, '').length > 0;

/** A name or label: trimmed, at least one visible character, at most `max` characters. */
export const visibleText = (o: { max: number; message?: string }) =>
  z
    .string()
    .trim()
    .max(o.max, `${o.max} caractères au plus.`)
    .refine(hasVisibleCharacter, o.message ?? 'Ce champ doit contenir au moins un caractère visible.');

/** Escapes LIKE/ILIKE wildcards so that a searched `%` or `_` matches itself, not everything (use with ESCAPE '\'). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ─── Web addresses ───────────────────────────────────────────────────────────────────────────────────────────

/** True for an absolute http(s) URL: `javascript:`, `data:` and relative addresses are not web sites. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

/** A web site address as typed by a person: http(s) only. */
export const httpUrl = (message = 'Adresse de site web attendue, commençant par https:// ou http://.') =>
  z.string().trim().max(500, '500 caractères au plus.').refine(isHttpUrl, message);

/** On output, a stored address that is not http(s) (saved before the check existed) is never served as a link. */
export const safeHttpUrl = (value: string | null | undefined): string | null =>
  value && isHttpUrl(value) ? value : null;

// ─── Dates, months, instants ─────────────────────────────────────────────────────────────────────────────────

/** The widest range of any date Passerelle stores; PostgreSQL and our arithmetic both hold it comfortably. */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2100-12-31';

const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDay(value: string): boolean {
  if (!DAY_FORMAT.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

type Bound = string | (() => string);
const bound = (b: Bound) => (typeof b === 'function' ? b() : b);
const frenchDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * A calendar day YYYY-MM-DD within [min, max] (defaults: 2000-01-01..2100-12-31). Bounds may be functions of
 * today, evaluated at each request (a birth date is at most today − 14 years).
 */
export function isoDay(o: { min?: Bound; max?: Bound; label?: string } = {}) {
  const what = o.label ?? 'La date';
  return z
    .string(`${what} est attendue au format AAAA-MM-JJ.`)
    .regex(DAY_FORMAT, `${what} est attendue au format AAAA-MM-JJ.`)
    .refine(isCalendarDay, { error: `${what} n’existe pas dans le calendrier.`, abort: true })
    .superRefine((value, ctx) => {
      const min = bound(o.min ?? MIN_DATE);
      const max = bound(o.max ?? MAX_DATE);
      if (value < min) ctx.addIssue({ code: 'custom', message: `${what} doit être au plus tôt le ${frenchDay(min)}.` });
      else if (value > max)
        ctx.addIssue({ code: 'custom', message: `${what} doit être au plus tard le ${frenchDay(max)}.` });
    });
}

const yearsFromToday = (years: number) => () => addDays(parisToday(), Math.round(years * 365.25));

/** Plausible ranges per kind of date (relative to today where the law or the trade makes it so). */
export const dates = {
  /** Any date of the business (periods, filters, invoices): 2000..2100. */
  any: (label?: string) => isoDay({ label }),
  /** A birth date: from 1900 to today − 14 years (the rules then check the working age precisely). */
  birth: (label = 'La date de naissance') => isoDay({ label, min: '1900-01-01', max: yearsFromToday(-14) }),
  /** A day of work planned or recorded (shift, mission, contract, absence): within ten years of today. */
  work: (label?: string) => isoDay({ label, min: yearsFromToday(-WORK_YEARS), max: yearsFromToday(WORK_YEARS) }),
  /** A PASS IAE start: issued at most 10 years ago, at most one year ahead. */
  pass: (label = 'La date du PASS IAE') => isoDay({ label, min: yearsFromToday(-10), max: yearsFromToday(3) }),
};

/** True when a YYYY-MM-DD day lies within WORK_YEARS of today (for schemas that keep their own messages). */
export const isWithinWorkYears = (day: string) =>
  day >= yearsFromToday(-WORK_YEARS)() && day <= yearsFromToday(WORK_YEARS)();

/** A month YYYY-MM between 2000-01 and 2100-12. */
export const isoMonth = (label = 'Le mois') =>
  z
    .string(`${label} est attendu au format AAAA-MM.`)
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label} est attendu au format AAAA-MM.`)
    .refine((m) => m >= MIN_DATE.slice(0, 7) && m <= MAX_DATE.slice(0, 7), {
      error: `${label} doit être compris entre ${MIN_DATE.slice(0, 7)} et ${MAX_DATE.slice(0, 7)}.`,
    });

/** True when a YYYY-MM month is a plausible one (2000-01..2100-12), for path parameters checked by hand. */
export const isPlausibleMonth = (m: string) =>
  /^\d{4}-(0[1-9]|1[0-2])$/.test(m) && m >= MIN_DATE.slice(0, 7) && m <= MAX_DATE.slice(0, 7);

/**
 * An ISO 8601 instant with its offset, between 2000 and 2100 — or, with `withinYears`, within that many years of
 * today (a shift is planned or recorded near today; year 9999 is a typing error).
 */
export const isoInstant = (o: { message?: string; withinYears?: number } = {}) => {
  const message = o.message ?? 'Date et heure ISO 8601 attendues (ex. 2026-03-02T08:00:00+01:00).';
  return z.iso.datetime({ offset: true, message }).superRefine((v, ctx) => {
    const t = Date.parse(v);
    const [min, max] = o.withinYears
      ? [yearsFromToday(-o.withinYears)(), yearsFromToday(o.withinYears)()]
      : [MIN_DATE, MAX_DATE];
    if (Number.isNaN(t) || t < Date.parse(`${min}T00:00:00Z`) || t > Date.parse(`${max}T23:59:59Z`))
      ctx.addIssue({
        code: 'custom',
        message: `La date doit être comprise entre le ${frenchDay(min)} et le ${frenchDay(max)}.`,
      });
  });
};

/** The years around today within which work is planned or recorded (shifts, missions, contracts, absences). */
export const WORK_YEARS = 10;

// ─── Amounts ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Amounts are stored in PostgreSQL `integer` columns (at most 2 147 483 647 cents). No document of an AI comes
 * near 10 million euros: above, it is a typing error, and refusing it keeps every total (taxes included) in range.
 */
export const MAX_TOTAL_CENTS = 1_000_000_000;

// ─── Errors raised before routing ────────────────────────────────────────────────────────────────────────────

/**
 * Fastify's `frameworkErrors`: a malformed URL or a path parameter longer than `maxParamLength` is refused by
 * the router before any route runs; answer it in API.md's error shape like every other bad input.
 */
export function frameworkErrors(err: { code?: string }, _req: FastifyRequest, reply: FastifyReply) {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  return reply.status(400).send({
    error: {
      code: 'validation_failed',
      message: tooLong ? 'Un paramètre de l’adresse est trop long.' : 'Cette adresse est mal formée.',
      details: [{ path: 'params', message: tooLong ? 'Paramètre trop long.' : 'Adresse mal formée.' }],
    },
  });
}
