import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake of URSSAF's « API Tiers de prestation » (documentation v1.1.7), a real local HTTP server for the tests:
 * - POST /api/oauth/v1/token: OAuth2 client credentials (form body or HTTP Basic), scope homeplus.tiersprestations;
 * - POST /atp/v1/tiersPrestations/particulier: registers a client → { idClient }; an unknown identity (birth name
 *   "INCONNU") is ERR_DGFIP_R2P_INCONNU, as the tax administration would answer;
 * - POST /atp/v1/tiersPrestations/demandePaiement: up to 10 requests → per request { idDemandePaiement, statut: "10" }
 *   or { errors: [...] } (unknown client, period over two months, totals that differ, an invoice number already
 *   carried by a live request, a prestation without codeNature/quantite/unite);
 * - POST /atp/v1/tiersPrestations/demandePaiement/rechercher: by idDemandePaiements or numFactureTiers (≤ 10) →
 *   { infoDemandePaiements }. With `autoAdvance`, each search moves a request one step: 10 → 20 → 30 → 50 → 70.
 * Errors are HTTP 400 with [{ code, message, description }]; a missing or wrong token is HTTP 401.
 * Test controls (not URSSAF's): POST /_fake/demandes/{id}/statut { code, infoRejet? } sets a status;
 * GET /_fake/state lists what was received.
 */
export type FakeUrssaf = {
  url: string;
  clientId: string;
  clientSecret: string;
  state: FakeState;
  close: () => Promise<void>;
};

type Demande = {
  idDemandePaiement: string;
  statut: string;
  input: Record<string, unknown>;
  infoRejet?: { code: string; commentaire: string } | null;
  infoVirement?: { mntVirement: number | null; dateVirement: string | null } | null;
};
type FakeState = {
  tokens: Set<string>;
  particuliers: Map<string, { idClient: string; dateNaissance: string; key: string }>;
  demandes: Map<string, Demande>;
  tokenRequests: number;
};

const LABELS: Record<string, string> = {
  '10': 'Intégrée',
  '20': 'En attente de validation',
  '30': 'Validée',
  '40': 'Refusée',
  '50': 'Prélevée',
  '70': 'Payée',
  '110': 'Annulée',
};
const NEXT: Record<string, string> = { '10': '20', '20': '30', '30': '50', '50': '70' };

const err = (code: string, message: string, description = message) => ({ code, message, description });

export async function startFakeUrssaf(
  o: { port?: number; clientId?: string; clientSecret?: string; autoAdvance?: boolean } = {},
): Promise<FakeUrssaf> {
  const clientId = o.clientId ?? 'passerelle-test';
  const clientSecret = o.clientSecret ?? crypto.randomBytes(12).toString('hex');
  const state: FakeState = { tokens: new Set(), particuliers: new Map(), demandes: new Map(), tokenRequests: 0 };
  const autoAdvance = o.autoAdvance ?? false;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;

    if (req.method === 'POST' && path === '/api/oauth/v1/token') {
      state.tokenRequests++;
      const form = new URLSearchParams(raw);
      let id = form.get('client_id');
      let secret = form.get('client_secret');
      const basic = req.headers.authorization?.match(/^Basic (.+)$/);
      if (basic) [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      if (form.get('grant_type') !== 'client_credentials') return send(400, { error: 'unsupported_grant_type' });
      if (id !== clientId || secret !== clientSecret) return send(401, { error: 'invalid_client' });
      const token = crypto.randomBytes(16).toString('hex');
      state.tokens.add(token);
      return send(200, { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') });
    }

    if (path.startsWith('/_fake/')) {
      if (req.method === 'GET' && path === '/_fake/state') {
        return send(200, {
          particuliers: [...state.particuliers.values()],
          demandes: [...state.demandes.values()],
          tokenRequests: state.tokenRequests,
        });
      }
      const m = path.match(/^\/_fake\/demandes\/([^/]+)\/statut$/);
      const d = m && state.demandes.get(decodeURIComponent(m[1]));
      if (req.method === 'POST' && d) {
        const body = JSON.parse(raw || '{}') as { code: string; infoRejet?: { code: string; commentaire: string } };
        d.statut = body.code;
        d.infoRejet = body.infoRejet ?? null;
        if (body.code === '70') paid(d);
        return send(200, { ok: true });
      }
      return send(404, [err('NOT_FOUND', 'Inconnu')]);
    }

    if (!path.startsWith('/atp/v1/tiersPrestations/')) return send(404, [err('NOT_FOUND', 'Ressource inconnue')]);
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (!bearer || !state.tokens.has(bearer)) return send(401, { error: 'invalid_token' });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(400, [err('ERREUR_VALIDATION', 'Corps JSON invalide')]);
    }
    const op = path.slice('/atp/v1/tiersPrestations'.length);

    if (req.method === 'POST' && op === '/particulier') {
      const p = body as Record<string, any>;
      const missing = [
        'civilite',
        'nomNaissance',
        'prenoms',
        'dateNaissance',
        'numeroTelephonePortable',
        'adresseMail',
      ].filter((k) => !p?.[k]);
      if (missing.length || !p.lieuNaissance?.codePaysNaissance || !p.adressePostale?.codePostal) {
        return send(400, [
          err(
            'ERREUR_VALIDATION',
            `Champs obligatoires absents : ${missing.join(', ') || 'lieuNaissance/adressePostale'}`,
          ),
        ]);
      }
      if (!['1', '2'].includes(String(p.civilite))) return send(400, [err('ERREUR_VALIDATION', 'civilite : 1 ou 2')]);
      if (p.lieuNaissance.codePaysNaissance === '99100' && !p.lieuNaissance.communeNaissance?.codeCommune) {
        return send(400, [
          err(
            'ERR_LIEU_NAISSANCE_COMN',
            'Le Code INSEE de la commune de naissance est obligatoire quand le pays est la France.',
          ),
        ]);
      }
      if (!p.coordonneeBancaire?.iban || !p.coordonneeBancaire?.bic) {
        return send(400, [err('ERR_COORDONNEES_BANCAIRES', 'Le BIC ou l’IBAN est invalide.')]);
      }
      if (String(p.nomNaissance).toUpperCase() === 'INCONNU') {
        return send(400, [
          err('ERR_DGFIP_R2P_INCONNU', 'Aucun SPI ne correspond à la personne après l’appel à l’API DGFiP R2P.'),
        ]);
      }
      const key = `${String(p.nomNaissance).toUpperCase()}|${p.prenoms}|${String(p.dateNaissance).slice(0, 10)}`;
      if ([...state.particuliers.values()].some((x) => x.key === key)) {
        return send(400, [
          err(
            'ERR_LIEN_TIERS_PRESTATION_PARTICULIER_EXISTE',
            'Il existe déjà un lien entre le prestataire et le particulier.',
          ),
        ]);
      }
      const idClient = crypto.randomUUID();
      state.particuliers.set(idClient, { idClient, dateNaissance: String(p.dateNaissance).slice(0, 10), key });
      return send(200, { idClient });
    }

    if (req.method === 'POST' && op === '/demandePaiement') {
      if (!Array.isArray(body)) return send(400, [err('ERREUR_VALIDATION', 'Une liste de demandes est attendue')]);
      if (body.length > 10) {
        return send(400, [
          err('ERR_NBRE_PREST_MAX', 'Le nombre maximum de transmission de factures a été dépassé (limite à 10).'),
        ]);
      }
      const out = body.map((d: Record<string, any>) => {
        const errors = [];
        const p = state.particuliers.get(String(d.idClient));
        if (!p || p.dateNaissance !== String(d.dateNaissanceClient ?? '').slice(0, 10)) {
          errors.push(
            err(
              'ERR_PARTICULIER_INCONNU',
              'L’identifiant du particulier n’est pas reconnu ou la date de naissance ne correspond pas.',
            ),
          );
        }
        const from = String(d.dateDebutEmploi ?? '').slice(0, 10);
        const to = String(d.dateFinEmploi ?? '').slice(0, 10);
        if (from.slice(0, 7) !== to.slice(0, 7)) {
          errors.push(err('ERR_PERIODE_EMPLOI_MOIS_NON_UNIQUE', 'La période d’emploi est sur deux mois calendaires.'));
        }
        if (to < from)
          errors.push(err('ERR_DATE_FIN_AVANT_DATE_DEB', 'La date de fin est antérieure à la date de début.'));
        const prestations = Array.isArray(d.inputPrestations) ? d.inputPrestations : [];
        const sum = prestations.reduce(
          (s: number, x: Record<string, number>) => s + Math.round(x.mntPrestationTTC * 100),
          0,
        );
        if (prestations.some((x: Record<string, unknown>) => !x.codeNature || x.quantite == null || !x.unite)) {
          errors.push(err('ERREUR_VALIDATION', 'codeNature, quantite et unite sont obligatoires pour une prestation.'));
        }
        if (!prestations.length || sum !== Math.round(Number(d.mntFactureTTC) * 100)) {
          errors.push(
            err(
              'ERR_TOTAL_PRESTATIONS',
              'Le montant total des prestations est différent du montant total de la facture.',
            ),
          );
        }
        // A duplicate is an invoice number already carried by a live request. Assumption of this fake (the
        // documentation names ERR_FACTURE_DOUBLON without saying whether a request refused by the client (40) or
        // cancelled (110–120) still holds its number): the invoice may be presented again once corrected.
        const live = (x: Demande) => !['40', '110', '111', '112', '120'].includes(x.statut);
        if ([...state.demandes.values()].some((x) => live(x) && x.input.numFactureTiers === d.numFactureTiers)) {
          errors.push(err('ERR_FACTURE_DOUBLON', 'La référence de la facture est déjà existante.'));
        }
        if (errors.length) return { errors };
        const idDemandePaiement = crypto.randomUUID();
        state.demandes.set(idDemandePaiement, { idDemandePaiement, statut: '10', input: d });
        return { idDemandePaiement, statut: '10' };
      });
      return send(200, out);
    }

    if (req.method === 'POST' && op === '/demandePaiement/rechercher') {
      const q = body as { idDemandePaiements?: string[]; numFactureTiers?: string[] };
      const ids = q.idDemandePaiements ?? [];
      const numbers = q.numFactureTiers ?? [];
      if (!ids.length && !numbers.length) {
        return send(400, [
          err('ERR_CRITERE_RECHERCHE_VIDE', 'Au minimum un critère de recherche doit être renseigné.'),
        ]);
      }
      if (ids.length > 10 || numbers.length > 10) {
        return send(400, [err('ERR_NBRE_MAX_RESULTAT', 'Veuillez affiner votre recherche.')]);
      }
      const found = [...state.demandes.values()].filter((d) =>
        ids.length ? ids.includes(d.idDemandePaiement) : numbers.includes(String(d.input.numFactureTiers)),
      );
      if (!found.length) {
        return send(400, [
          err('ERR_RECHERCHE_VIDE', 'Aucune demande de paiement ne correspond aux critères de recherche.'),
        ]);
      }
      const info = found.map((d) => {
        const view = {
          idDemandePaiement: d.idDemandePaiement,
          statut: { code: d.statut, libelle: LABELS[d.statut] ?? d.statut },
          demandePaiement: d.input,
          infoRejet: d.infoRejet ?? null,
          infoVirement: d.infoVirement ?? null,
        };
        if (autoAdvance && NEXT[d.statut]) {
          d.statut = NEXT[d.statut];
          if (d.statut === '70') paid(d);
        }
        return view;
      });
      return send(200, { infoDemandePaiements: info });
    }

    return send(404, [err('NOT_FOUND', 'Ressource inconnue')]);
  });

  function paid(d: Demande) {
    d.infoVirement = { mntVirement: Number(d.input.mntFactureTTC), dateVirement: new Date().toISOString() };
  }

  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// `npx tsx test/fakes/urssaf-server.ts [port]`: runs it alone (development), printing the env to use.
if (process.argv[1]?.endsWith('urssaf-server.ts')) {
  const fake = await startFakeUrssaf({ port: Number(process.argv[2] ?? 0), clientSecret: 'fake-secret' });
  console.log(`URSSAF_API_URL=${fake.url} URSSAF_CLIENT_ID=${fake.clientId} URSSAF_CLIENT_SECRET=${fake.clientSecret}`);
}
