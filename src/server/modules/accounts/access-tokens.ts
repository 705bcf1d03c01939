import crypto from 'node:crypto';
import { ACCESS_CODE_ALPHABET, normaliseAccessCode } from '../../../shared/accounts.js';
import { hashToken } from './sessions.js';

/** A link's secret: 256 random bits. */
export const newLinkToken = () => crypto.randomBytes(32).toString('base64url');

/** A printed code: 10 characters of a 31-letter alphabet (about 49 bits), tried at most 40 times per IP per 15 min. */
export function newAccessCode(): string {
  const bytes = crypto.randomBytes(10);
  const c = [...bytes].map((b) => ACCESS_CODE_ALPHABET[b % ACCESS_CODE_ALPHABET.length]).join('');
  return `${c.slice(0, 5)}-${c.slice(5)}`;
}

/** Codes and link tokens share one column: the prefix keeps a typed code from ever matching a link's hash. */
export const accessCodeHash = (code: string) => hashToken(`code:${normaliseAccessCode(code)}`);
