import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseText } from '../geo/communes.js';

/** One job of the ROME v4 referential (France Travail, open data). */
export type RomeJob = {
  code: string;
  label: string;
  /** e.g. "K22" */
  familyCode: string;
  /** e.g. "Nettoyage et propreté industriels" */
  familyLabel: string;
  /** e.g. "K" */
  domainCode: string;
  domainLabel: string;
};

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data');
let byCode: Map<string, RomeJob> | undefined;
let searchable: { job: RomeJob; text: string }[] = [];

/** Splits one CSV line with double-quoted fields. */
export function splitCsvLine(line: string, separator = ','): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** data/rome-v4.csv, loaded once. */
export function romeJobs(): Map<string, RomeJob> {
  if (byCode) return byCode;
  byCode = new Map();
  const lines = fs.readFileSync(path.join(dataDir, 'rome-v4.csv'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const [grand, domain, code, label] = splitCsvLine(line);
    const [domainCode, domainLabel] = splitLabel(grand);
    const [familyCode, familyLabel] = splitLabel(domain);
    byCode.set(code, { code, label, familyCode, familyLabel, domainCode, domainLabel });
  }
  searchable = [...byCode.values()].map((job) => ({ job, text: normaliseText(`${job.label} ${job.familyLabel}`) }));
  return byCode;
}

/** "K22- Nettoyage et propreté industriels" → ["K22", "Nettoyage et propreté industriels"] */
function splitLabel(s: string): [string, string] {
  const m = /^([A-N]\d{0,2})-\s*(.*)$/.exec(s.trim());
  return m ? [m[1], m[2]] : ['', s.trim()];
}

export const findJob = (code: string): RomeJob | undefined => romeJobs().get(code.toUpperCase());

/** True for a known ROME code ("K2204") or a job family / domain that has at least one code ("K22", "K"). */
export function isKnownJobOrFamily(value: string): boolean {
  const v = value.toUpperCase();
  if (/^[A-N]\d{4}$/.test(v)) return romeJobs().has(v);
  if (/^[A-N](\d{2})?$/.test(v)) return [...romeJobs().keys()].some((c) => c.startsWith(v));
  return false;
}

/** Accent-insensitive search on the label and the family, or by code prefix ("K22", "K2204"). */
export function searchJobs(query: string): RomeJob[] {
  romeJobs();
  const q = normaliseText(query);
  if (!q) return searchable.map((s) => s.job);
  const code = q.toUpperCase();
  if (/^[A-N]\d{0,4}$/.test(code)) return searchable.filter((s) => s.job.code.startsWith(code)).map((s) => s.job);
  const words = q.split(' ');
  const hits = searchable.filter((s) => words.every((w) => s.text.includes(w)));
  // Labels that start with the query first ("agent" before "chef … agent").
  return hits.sort((a, b) => Number(!a.text.startsWith(q)) - Number(!b.text.startsWith(q))).map((s) => s.job);
}

/** The job's French label, or its code when the code is not in the ROME list. */
export const romeLabel = (code: string) => findJob(code)?.label ?? code;
