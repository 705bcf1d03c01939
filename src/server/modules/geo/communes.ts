import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Commune = { code: string; name: string; departement: string; lat: number; lon: number };

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data');
let byCode: Map<string, Commune> | undefined;

/** Commune centroids of data/communes-centroides.csv (IGN/INSEE, Licence Ouverte), loaded once. */
export function communes(): Map<string, Commune> {
  if (byCode) return byCode;
  byCode = new Map();
  const lines = fs.readFileSync(path.join(dataDir, 'communes-centroides.csv'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const [code, name, departement, lat, lon] = line.split(',');
    byCode.set(code, { code, name, departement, lat: Number(lat), lon: Number(lon) });
  }
  return byCode;
}

export const findCommune = (code: string): Commune | undefined => communes().get(code);

export const normaliseText = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Accent-insensitive prefix search by name, or by INSEE code / département prefix. */
export function searchCommunes(query: string, limit = 10): Commune[] {
  const q = normaliseText(query);
  if (!q) return [];
  const starts: Commune[] = [];
  const contains: Commune[] = [];
  for (const c of communes().values()) {
    if (c.code.startsWith(q)) starts.push(c);
    else {
      const n = normaliseText(c.name);
      if (n.startsWith(q)) starts.push(c);
      else if (n.includes(q)) contains.push(c);
    }
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
