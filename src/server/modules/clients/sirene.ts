/**
 * The SIRENE directory (INSEE's API Sirene, GET /siret/{siret}): reads the legal form (catégorie juridique)
 * of a client's legal unit. Used only when SIRENE_API_URL is set (e.g. https://api.insee.fr/api-sirene/3.11);
 * SIRENE_API_KEY, when set, goes in the X-INSEE-Api-Key-Integration header the API expects. The directory is
 * a help, never a condition: any failure leaves the legal form unknown for the officer to complete.
 */
export type SireneEstablishment = {
  siret: string;
  legalForm: string | null;
  name: string | null;
};

export type SireneConfig = { url: string; apiKey?: string; timeoutMs?: number };

export function sireneConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SireneConfig | null {
  const url = env.SIRENE_API_URL?.trim();
  if (!url) return null;
  return { url: url.replace(/\/$/, ''), apiKey: env.SIRENE_API_KEY?.trim() || undefined };
}

/** The establishment's legal unit as the directory describes it; null when not found or unreachable. */
export async function fetchSireneEstablishment(
  config: SireneConfig,
  siret: string,
): Promise<SireneEstablishment | null> {
  if (!/^[0-9]{14}$/.test(siret)) return null;
  try {
    const res = await fetch(`${config.url}/siret/${siret}`, {
      headers: {
        accept: 'application/json',
        ...(config.apiKey ? { 'X-INSEE-Api-Key-Integration': config.apiKey } : {}),
      },
      signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as {
      etablissement?: {
        siret?: string;
        uniteLegale?: { categorieJuridiqueUniteLegale?: string | null; denominationUniteLegale?: string | null };
      };
    };
    const unit = body.etablissement?.uniteLegale;
    const code = unit?.categorieJuridiqueUniteLegale ?? null;
    return {
      siret,
      // The directory gives level-3 codes (4 digits); anything else is not trusted.
      legalForm: code && /^[0-9]{4}$/.test(code) ? code : null,
      name: unit?.denominationUniteLegale ?? null,
    };
  } catch {
    return null;
  }
}

/** The legal form of a SIRET from the directory, when one is configured; null otherwise. */
export async function sireneLegalForm(siret: string | null | undefined): Promise<string | null> {
  const config = sireneConfigFromEnv();
  if (!config || !siret) return null;
  return (await fetchSireneEstablishment(config, siret))?.legalForm ?? null;
}
