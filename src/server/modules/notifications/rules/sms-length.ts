/**
 * SMS length rules (3GPP TS 23.038 for the GSM 7-bit alphabet, TS 23.040 for concatenation): a text that only
 * uses the GSM 7-bit default alphabet (and its extension table, 2 septets per character) fits 160 characters in
 * one SMS and 153 per segment when split; any other character switches the whole SMS to UCS-2: 70 per SMS, 67
 * per segment. Each segment is billed: French texts are written to stay in GSM-7 where it costs nothing.
 */

// GSM 03.38 default alphabet (basic character set), as printable characters; \n and \r are in it too.
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Extension table: each costs an escape septet plus itself.
const GSM7_EXTENDED = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'gsm7' | 'ucs2';

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM7_BASIC.has(ch) && !GSM7_EXTENDED.has(ch)) return false;
  return true;
}

/** The encoding, the length in that encoding's units, and the number of segments (billed SMS). */
export function smsLength(text: string): { encoding: SmsEncoding; units: number; segments: number } {
  if (isGsm7(text)) {
    let units = 0;
    for (const ch of text) units += GSM7_EXTENDED.has(ch) ? 2 : 1;
    return { encoding: 'gsm7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = text.length; // UTF-16 code units
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

// Typography that looks the same on a phone but would force UCS-2.
const TYPOGRAPHY: [RegExp, string][] = [
  [/[’‘ʼ]/g, "'"],
  [/«[\s\u00a0\u202f]*/g, '"'],
  [/[\s\u00a0\u202f]*»/g, '"'],
  [/[“”]/g, '"'],
  [/[\u00a0\u202f\u2009]/g, ' '],
  [/[–—‑]/g, '-'],
  [/…/g, '...'],
];
// Accents outside GSM-7, replaced only when keeping them would cost more segments than allowed.
const ACCENTS: Record<string, string> = {
  â: 'a',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  ô: 'o',
  û: 'u',
  ÿ: 'y',
  ç: 'c',
  œ: 'oe',
  æ: 'ae',
  À: 'A',
  Â: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Ù: 'U',
  Û: 'U',
  Œ: 'OE',
  á: 'a',
  í: 'i',
  ó: 'o',
  ú: 'u',
};

/**
 * The text as it will be sent: typography made GSM-7 always; the remaining accents (ê, ç, ô…) kept in UCS-2 when
 * that still fits `maxSegments`, otherwise spelled without them (GSM-7), which is what phones show best.
 */
export function fitSms(text: string, maxSegments = 2): { text: string; encoding: SmsEncoding; segments: number } {
  let out = text;
  for (const [re, by] of TYPOGRAPHY) out = out.replace(re, by);
  const kept = smsLength(out);
  if (kept.encoding === 'gsm7' || kept.segments <= maxSegments) return { text: out, ...pick(kept) };
  const plain = [...out].map((ch) => ACCENTS[ch] ?? ch).join('');
  const stripped = [...plain].map((ch) => (isGsm7(ch) ? ch : '?')).join('');
  return { text: stripped, ...pick(smsLength(stripped)) };
}

const pick = (l: { encoding: SmsEncoding; segments: number }) => ({ encoding: l.encoding, segments: l.segments });

/**
 * A French phone number as E.164 (+33…), or null when it cannot receive SMS: only mobiles (06, 07, and numbers
 * already written internationally) do. Spaces, dots and dashes are ignored.
 */
export function mobileE164(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const d = phone.replace(/[\s.\-()]/g, '');
  if (/^0[67]\d{8}$/.test(d)) return `+33${d.slice(1)}`;
  if (/^(\+|00)33[67]\d{8}$/.test(d)) return `+33${d.slice(-9)}`;
  if (/^\+33/.test(d) || /^0033/.test(d)) return null; // a French landline
  if (/^(\+|00)[1-9]\d{7,14}$/.test(d)) return `+${d.replace(/^(\+|00)/, '')}`;
  return null;
}
