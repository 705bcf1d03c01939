/**
 * The adapter to URSSAF's « API Tiers de prestation » (avance immédiate du crédit d'impôt), as its published
 * documentation (v1.1.7) describes it:
 * - POST {url}/api/oauth/v1/token (OAuth2 client credentials, scope homeplus.tiersprestations) gives a bearer token;
 * - POST {url}/atp/v1/tiersPrestations/particulier registers a client (InputParticulierDTO) → { idClient };
 * - POST {url}/atp/v1/tiersPrestations/demandePaiement sends up to 10 payment requests (InputDemandePaiement[])
 *   → one { idDemandePaiement, statut } or { errors } per request;
 * - POST {url}/atp/v1/tiersPrestations/demandePaiement/rechercher reads up to 10 requests' statuses
 *   → { infoDemandePaiements: [{ idDemandePaiement, statut: { code, libelle }, infoRejet, infoVirement }] }.
 * Errors come as HTTP 400 with [{ code, message, description }].
 * Configured by URSSAF_API_URL, URSSAF_CLIENT_ID and URSSAF_CLIENT_SECRET; without a URL there is no adapter.
 */
export type UrssafConfig = { url: string; clientId: string; clientSecret: string; timeoutMs?: number };

export function urssafConfigFromEnv(env: NodeJS.ProcessEnv = process.env): UrssafConfig | null {
  const url = env.URSSAF_API_URL?.trim();
  if (!url) return null;
  return {
    url: url.replace(/\/$/, ''),
    clientId: env.URSSAF_CLIENT_ID?.trim() ?? '',
    clientSecret: env.URSSAF_CLIENT_SECRET?.trim() ?? '',
  };
}

export type UrssafApiError = { code: string; message: string; description?: string };

/** A refusal by the API (validation error) or a failure to reach it (code URSSAF_INJOIGNABLE). */
export class UrssafError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly temporary = false,
  ) {
    super(message);
  }
}

export type InputParticulier = {
  civilite: '1' | '2';
  nomNaissance: string;
  nomUsage?: string;
  prenoms: string;
  dateNaissance: string;
  lieuNaissance: {
    codePaysNaissance: string;
    departementNaissance?: string;
    communeNaissance?: { codeCommune: string; libelleCommune: string };
  };
  numeroTelephonePortable: string;
  adresseMail: string;
  adressePostale: {
    numeroVoie?: string;
    codeTypeVoie?: string;
    libelleVoie?: string;
    complement?: string;
    libelleCommune: string;
    codeCommune: string;
    codePostal: string;
    codePays: string;
  };
  coordonneeBancaire: { bic: string; iban: string; titulaire: string };
};

export type InputPrestation = {
  codeActivite?: string;
  codeNature: string;
  quantite: number;
  unite: 'HEURE' | 'FORFAIT';
  mntUnitaireTTC: number;
  mntPrestationTTC: number;
  mntPrestationHT: number;
  mntPrestationTVA: number;
  complement1?: string;
  complement2?: string;
};

export type InputDemandePaiement = {
  idTiersFacturation?: string;
  idClient: string;
  dateNaissanceClient: string;
  numFactureTiers: string;
  dateFacture: string;
  dateDebutEmploi: string;
  dateFinEmploi: string;
  mntFactureTTC: number;
  mntFactureHT: number;
  inputPrestations: InputPrestation[];
};

export type InfoDemandePaiement = {
  idDemandePaiement: string;
  statut: { code: string; libelle?: string };
  demandePaiement?: { numFactureTiers?: string; idClient?: string; mntFactureTTC?: number };
  infoRejet?: { code: string; commentaire?: string } | null;
  infoVirement?: { mntVirement?: number | null; dateVirement?: string | null } | null;
};

export class UrssafApi {
  private token: { value: string; expiresAt: number } | null = null;
  constructor(private readonly config: UrssafConfig) {}

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.config.url}${path}`, {
        ...init,
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
      });
    } catch {
      throw new UrssafError('URSSAF_INJOIGNABLE', 'Le service de l’URSSAF ne répond pas : réessayez plus tard.', true);
    }
  }

  private async bearer(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 30_000) return this.token.value;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'homeplus.tiersprestations',
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    });
    const res = await this.fetch('/api/oauth/v1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    if (!res.ok) {
      throw new UrssafError(
        'URSSAF_AUTHENTIFICATION',
        `L’URSSAF refuse les identifiants de la structure (HTTP ${res.status}) : vérifiez URSSAF_CLIENT_ID et URSSAF_CLIENT_SECRET.`,
        res.status >= 500,
      );
    }
    const json = (await res.json()) as { access_token: string; expires_in?: number };
    this.token = { value: json.access_token, expiresAt: Date.now() + (json.expires_in ?? 3600) * 1000 };
    return json.access_token;
  }

  private async post<T>(path: string, payload: unknown): Promise<T> {
    const send = async () =>
      this.fetch(`/atp/v1/tiersPrestations${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await this.bearer()}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(payload),
      });
    let res = await send();
    if (res.status === 401) {
      // The token expired early: one fresh token, one retry.
      this.token = null;
      res = await send();
    }
    if (res.ok) return (await res.json()) as T;
    const text = await res.text();
    if (res.status >= 500) {
      throw new UrssafError(
        'URSSAF_INDISPONIBLE',
        `Le service de l’URSSAF est indisponible (HTTP ${res.status}).`,
        true,
      );
    }
    const first = firstError(text);
    throw new UrssafError(
      first?.code ?? `HTTP_${res.status}`,
      first?.message ?? `Refus de l’URSSAF (HTTP ${res.status}).`,
    );
  }

  /** Registers a client for the avance immédiate; returns URSSAF's idClient. */
  async registerClient(input: InputParticulier): Promise<string> {
    const out = await this.post<{ idClient: string }>('/particulier', input);
    return out.idClient;
  }

  /** Sends one payment request; returns its idDemandePaiement and status, or throws its first error. */
  async sendPaymentRequest(input: InputDemandePaiement): Promise<{ id: string; status: string }> {
    const out = await this.post<{ idDemandePaiement?: string; statut?: string; errors?: UrssafApiError[] }[]>(
      '/demandePaiement',
      [input],
    );
    const one = out[0];
    if (!one || one.errors?.length || !one.idDemandePaiement) {
      const e = one?.errors?.[0];
      throw new UrssafError(e?.code ?? 'ERREUR_VALIDATION', e?.message ?? 'Demande refusée par l’URSSAF.');
    }
    return { id: one.idDemandePaiement, status: String(one.statut ?? '10') };
  }

  /** Reads up to 10 requests by their ids, or by the invoice numbers (numFactureTiers). */
  async searchPaymentRequests(q: { ids?: string[]; invoiceNumbers?: string[] }): Promise<InfoDemandePaiement[]> {
    const payload = q.ids?.length ? { idDemandePaiements: q.ids } : { numFactureTiers: q.invoiceNumbers ?? [] };
    try {
      const out = await this.post<{ infoDemandePaiements?: InfoDemandePaiement[] }>(
        '/demandePaiement/rechercher',
        payload,
      );
      return out.infoDemandePaiements ?? [];
    } catch (e) {
      if (e instanceof UrssafError && e.code === 'ERR_RECHERCHE_VIDE') return [];
      throw e;
    }
  }
}

function firstError(text: string): UrssafApiError | null {
  try {
    const json = JSON.parse(text) as unknown;
    const list = Array.isArray(json) ? json : (json as { errors?: unknown[] })?.errors;
    const e = Array.isArray(list) ? (list[0] as UrssafApiError | undefined) : undefined;
    return e?.code ? e : null;
  } catch {
    return null;
  }
}

/** One adapter (and its token) per configuration for the process. */
let cached: { key: string; api: UrssafApi } | null = null;
export function urssafApi(config: UrssafConfig | null = urssafConfigFromEnv()): UrssafApi | null {
  if (!config) return null;
  const key = `${config.url}|${config.clientId}`;
  if (cached?.key !== key) cached = { key, api: new UrssafApi(config) };
  return cached.api;
}

/** Euros with two decimals, as the API's amounts are (ERR_FORMAT_VALEUR beyond). */
export const apiAmount = (cents: number) => Math.round(cents) / 100;
