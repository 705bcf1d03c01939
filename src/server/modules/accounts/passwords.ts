import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so that timing does not reveal which emails exist. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => {
  decoy ??= hashPassword('decoy-password-never-used');
  return decoy;
};

/** NIST SP 800-63B / ANSSI: length protects best; 12 characters at least. */
export const PASSWORD_MIN_LENGTH = 12;

// The 49 233 most common passwords (zxcvbn's list, MIT: see common-passwords.LICENSE.txt), read once on demand.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common;
}

/** Why a password cannot be chosen (a French sentence naming the rule), or null when it can. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  }
  if (commonPasswords().has(password.toLowerCase())) {
    return 'Ce mot de passe fait partie des mots de passe les plus courants, que les attaquants essaient en premier : choisissez-en un autre (une phrase de quelques mots, par exemple).';
  }
  return null;
}
