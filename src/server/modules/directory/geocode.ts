import { type Commune, findCommune } from '../geo/communes.js';

export type GeocodeOptions = {
  communeCode: string;
  addressLine?: string | null;
  postalCode?: string | null;
  /** BAN_API_URL (e.g. https://api-adresse.data.gouv.fr): used only when configured. */
  banApiUrl?: string;
  fetchImpl?: typeof fetch;
};

export type Geocoded = { lat: number; lon: number; precision: 'address' | 'commune'; commune: Commune };

/**
 * Places a structure offline at its commune's centroid; with the national address API configured, at its
 * address — falling back to the centroid whenever the API fails, is slow (2 s) or answers outside the commune.
 * Returns null for an unknown commune.
 */
export async function geocode(o: GeocodeOptions): Promise<Geocoded | null> {
  const commune = findCommune(o.communeCode);
  if (!commune) return null;
  const centroid: Geocoded = { lat: commune.lat, lon: commune.lon, precision: 'commune', commune };
  if (!o.banApiUrl || !o.addressLine?.trim()) return centroid;
  try {
    const url = new URL('/search/', o.banApiUrl);
    url.searchParams.set('q', o.addressLine);
    url.searchParams.set('citycode', commune.code);
    url.searchParams.set('limit', '1');
    const res = await (o.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return centroid;
    const body = (await res.json()) as {
      features?: {
        geometry?: { coordinates?: [number, number] };
        properties?: { citycode?: string; score?: number };
      }[];
    };
    const f = body.features?.[0];
    const coords = f?.geometry?.coordinates;
    if (!coords || f?.properties?.citycode !== commune.code || (f.properties.score ?? 0) < 0.4) return centroid;
    return { lon: coords[0], lat: coords[1], precision: 'address', commune };
  } catch {
    return centroid;
  }
}
