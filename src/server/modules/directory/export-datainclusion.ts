import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { safeHttpUrl } from '../../http/validation.js';
import { organisations } from '../accounts/queries.js';
import { RESEAU_PORTEUR_LABELS } from './reseaux-porteurs.js';
import { isValidSiret } from './rules/siret.js';
import { loadStructureDetails } from './structure-facts.js';

/** A structure in data·inclusion's schema v1 (structure.json): the fields it defines, nothing else. */
export type DataInclusionStructure = {
  source: string;
  id: string;
  nom: string;
  date_maj: string;
  siret: string | null;
  adresse: string | null;
  code_postal: string | null;
  code_insee: string | null;
  commune: string | null;
  latitude: number | null;
  longitude: number | null;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  description: string | null;
  horaires_accueil: string | null;
  reseaux_porteurs: string[] | null;
  lien_source: string | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only http(s) addresses leave Passerelle (a `javascript:` site saved before the check is dropped). */
function url(value: string | null): string | null {
  const safe = safeHttpUrl(value);
  return safe ? new URL(safe).toString() : null;
}

/** GET /api/public/structures.datainclusion.json: the public directory in data·inclusion's schema v1. */
export async function exportDataInclusion({ db, publicUrl }: { db: Db; publicUrl: string }) {
  const orgs = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.isPublic, true), eq(organisations.isActive, true)))
    .orderBy(asc(organisations.name), asc(organisations.id));
  const details = await loadStructureDetails(db, orgs);
  return details.map((d): DataInclusionStructure => {
    const networks = [...new Set([...d.networks, d.kind.toLowerCase()])].filter((n) => n in RESEAU_PORTEUR_LABELS);
    // data·inclusion: a name of 3 to 150 characters, not ending with a full stop.
    const nom = d.name.replace(/\.+$/, '').slice(0, 150).padEnd(3, ' ');
    return {
      source: 'passerelle',
      id: d.externalId ?? `passerelle--${d.slug}`,
      nom,
      date_maj: d.updatedAt.slice(0, 10),
      siret: d.siret && isValidSiret(d.siret) ? d.siret : null,
      adresse: d.address.line,
      code_postal: d.address.postalCode && /^\d{5}$/.test(d.address.postalCode) ? d.address.postalCode : null,
      code_insee: d.address.communeCode,
      commune: d.address.communeName,
      latitude: d.location?.lat ?? null,
      longitude: d.location?.lon ?? null,
      telephone: d.phone,
      courriel: d.email && EMAIL.test(d.email) ? d.email : null,
      site_web: url(d.website),
      description: d.presentation && d.presentation.length >= 5 ? d.presentation.slice(0, 10_000) : null,
      horaires_accueil: d.openingHours,
      reseaux_porteurs: networks.length ? networks : null,
      lien_source: `${publicUrl}/structures/${encodeURIComponent(d.slug)}`,
    };
  });
}
