import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/rome-v4.csv');
let labels: Map<string, string> | undefined;

/** ROME v4 job labels of data/rome-v4.csv (code → "Agent / Agente de propreté…"), loaded once. */
export function romeLabels(): Map<string, string> {
  if (labels) return labels;
  labels = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const m = line.match(/,([A-N]\d{4}),("(?:[^"]|"")*"|[^,]*),/);
    if (m) labels.set(m[1], m[2].replace(/^"|"$/g, '').replace(/""/g, '"'));
  }
  return labels;
}

export const romeLabel = (code: string) => romeLabels().get(code) ?? null;
