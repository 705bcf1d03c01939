#!/usr/bin/env node
/**
 * Rebuilds data/communes-centroides.csv, data/communes-anciennes.csv and data/codes-postaux.csv on INSEE's current
 * Code officiel géographique, from Etalab's package @etalab/decoupage-administratif (MIT; data INSEE COG, Licence
 * Ouverte). A maintenance tool, run by hand when INSEE publishes a new COG (each January); neither the app nor the
 * tests run it.
 *
 *   npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-decoupage-administratif-6.0.0.tgz
 *   node scripts/build-communes.mjs package/data/communes.json
 *
 * What it keeps from the shipped files: the centroids computed from the 2018 outlines (IGN Admin Express COG), and
 * La Poste's codes of data/codes-postaux.csv. What it takes from the COG: the list of current communes (metropolitan
 * France and the overseas départements, where the IAE applies; not the overseas collectivities), their names, which
 * commune each former one has joined (`anciensCodes`) and the postal codes the COG adds.
 *
 * A current commune without a 2018 centroid of its own takes the mean of its former communes' centroids (a commune
 * nouvelle that took a new code: Orée d'Anjou); a commune re-established since 2018 (Sannerville, L'Oie) takes the
 * centroid of the commune it had been part of, named on the command line by the older package's communes.json
 * (decoupage-administratif 0.8.0): a few kilometres off, enough to rank distances.
 */
import fs from 'node:fs';

const [cogFile, olderCogFile] = process.argv.slice(2);
if (!cogFile) {
  console.error('usage: node scripts/build-communes.mjs <communes.json of 6.x> [<communes.json of 0.8.0>]');
  process.exit(1);
}
const data = new URL('../data/', import.meta.url);
const readCsv = (file) =>
  fs
    .readFileSync(new URL(file, data), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(','));

const cog = JSON.parse(fs.readFileSync(cogFile, 'utf8'));
const older = olderCogFile ? JSON.parse(fs.readFileSync(olderCogFile, 'utf8')) : [];
const current = cog.filter((c) => c.type === 'commune-actuelle' && c.zone !== 'com');
const currentCodes = new Set(current.map((c) => c.code));

// The shipped list: 2018 centroids (and, for a commune already rebuilt, its 2018 name and former communes).
const shipped = new Map(readCsv('communes-centroides.csv').map((r) => [r[0], r]));
const shippedFormer = fs.existsSync(new URL('communes-anciennes.csv', data)) ? readCsv('communes-anciennes.csv') : [];
const centroid2018 = new Map();
for (const [code, , , lat, lon] of shipped.values()) centroid2018.set(code, [Number(lat), Number(lon)]);
for (const [code, , , lat, lon] of shippedFormer) if (lat) centroid2018.set(code, [Number(lat), Number(lon)]);
const postal = new Map(readCsv('codes-postaux.csv').map(([code, codes]) => [code, codes.split(' ')]));

const successor = new Map();
for (const c of current) for (const a of c.anciensCodes ?? []) if (!currentCodes.has(a)) successor.set(a, c.code);
const partOfIn2018 = new Map(older.filter((c) => c.chefLieu).map((c) => [c.code, c.chefLieu]));

const round = (x) => x.toFixed(5);
const mean = (points) => [
  points.reduce((s, p) => s + p[0], 0) / points.length,
  points.reduce((s, p) => s + p[1], 0) / points.length,
];
function centroidOf(c) {
  if (centroid2018.has(c.code)) return centroid2018.get(c.code);
  const members = (c.anciensCodes ?? []).filter((a) => centroid2018.has(a)).map((a) => centroid2018.get(a));
  if (members.length) return mean(members);
  const whole = partOfIn2018.get(c.code);
  if (whole && centroid2018.has(whole)) return centroid2018.get(whole);
  throw new Error(`No centroid for ${c.code} ${c.nom}: pass decoupage-administratif 0.8.0's communes.json`);
}

// Rows keep the shipped list's order (a search lists its ties in it), new communes last.
const position = new Map([...shipped.keys()].map((code, i) => [code, i]));
const rank = (code) => position.get(code) ?? Number.MAX_SAFE_INTEGER;
current.sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
const communeRows = [];
const postalRows = [];
for (const c of current) {
  const [lat, lon] = centroidOf(c);
  const old = shipped.get(c.code);
  // The 2018 name of a commune renamed since, kept from the shipped list when it was already rebuilt.
  const name2018 = old ? old[5] || (old[1] !== c.nom ? old[1] : '') : '';
  const row = [c.code, c.nom, c.departement, round(lat), round(lon)];
  communeRows.push(name2018 && name2018 !== c.nom ? [...row, name2018] : row);
  // La Poste's codes first, in their order (Paris's arrondissements), then those of the communes it absorbed, then
  // any the COG adds.
  const codes = [];
  for (const p of [
    ...(postal.get(c.code) ?? []),
    ...(c.anciensCodes ?? []).flatMap((a) => postal.get(a) ?? []),
    ...(c.codesPostaux ?? []),
  ])
    if (!codes.includes(p)) codes.push(p);
  if (codes.length) postalRows.push([c.code, codes.join(' ')]);
}

// Former communes: every commune of the 2018 list that joined another since, and every commune déléguée or associée
// of the COG under its own name (people still write « Cherbourg-Octeville » or « Étrez » on an address).
const formerRows = new Map();
for (const [code, name, departement, lat, lon] of [...shipped.values(), ...shippedFormer]) {
  if (currentCodes.has(code) || formerRows.has(code)) continue;
  const to = successor.get(code) ?? shippedFormer.find((r) => r[0] === code)?.[5];
  if (!to) throw new Error(`${code} ${name} has left the COG without a successor`);
  formerRows.set(code, [code, name, departement, lat, lon, to]);
}
// A commune déléguée may keep the code of its commune nouvelle (Cherbourg-Octeville, 50129, in Cherbourg-en-Cotentin):
// it is listed by its name, under that code.
const currentName = new Map(communeRows.map((r) => [r[0], [r[1], r[5] ?? '']]));
for (const c of cog) {
  if (c.type !== 'commune-deleguee' && c.type !== 'commune-associee') continue;
  if (!currentCodes.has(c.chefLieu) || currentName.get(c.chefLieu).includes(c.nom)) continue;
  const key = `${c.code} ${c.nom}`;
  if (formerRows.has(c.code) && formerRows.get(c.code)[1] === c.nom) continue;
  if (!formerRows.has(key)) formerRows.set(key, [c.code, c.nom, c.departement, '', '', c.chefLieu]);
}

const write = (file, header, rows) =>
  fs.writeFileSync(new URL(file, data), `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
write('communes-centroides.csv', 'code,nom,departement,lat,lon,nom_2018', communeRows);
write('codes-postaux.csv', 'code_commune,codes_postaux', postalRows);
write(
  'communes-anciennes.csv',
  'code,nom,departement,lat,lon,commune_actuelle',
  [...formerRows.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
);
console.log(
  `${communeRows.length} communes, ${formerRows.size} former communes, ${postalRows.length} with postal codes`,
);
