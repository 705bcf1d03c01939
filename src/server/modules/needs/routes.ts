import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { needsApi } from '../../../shared/needs.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { notFound } from '../../http/errors.js';
import { organisations } from '../accounts/queries.js';
import { searchJobs } from '../directory/rome.js';
import { searchCommunes } from '../geo/communes.js';
import { claimNeed } from './claim-need.js';
import { declineNeed } from './decline-need.js';
import { followNeed } from './follow-need.js';
import { getNeed, markNeedViewed } from './get-need.js';
import { getNetworkNeed, listNetworkNeeds } from './list-network-needs.js';
import { countOrgNeeds, listOrgNeeds } from './list-org-needs.js';
import { DiagnosticInput, NeedInput } from './need-input.js';
import { listRerouteCandidates, rerouteNeed } from './reroute-need.js';
import { saveDiagnostic } from './save-diagnostic.js';
import { setNeedStatus } from './set-need-status.js';
import { countSubmission, submitNeed } from './submit-need.js';

/** The jobs the regional call and the AIs' activity name (data/README.md), offered first on the form. */
export const SUGGESTED_JOBS: { rome: string; label: string }[] = [
  { rome: 'J1301', label: 'Agent de service hospitalier (ASH)' },
  { rome: 'K2204', label: 'Agent d’entretien, propreté des locaux' },
  { rome: 'G1605', label: 'Plongeur' },
  { rome: 'G1602', label: 'Commis de cuisine' },
  { rome: 'G1606', label: 'Cuisinier de collectivité' },
  { rome: 'G1607', label: 'Employé de restauration collective' },
  { rome: 'K2201', label: 'Blanchisseur, lingère' },
  { rome: 'K2501', label: 'Gardien, veilleur de nuit' },
  { rome: 'M1601', label: 'Agent d’accueil' },
  { rome: 'M1602', label: 'Agent administratif' },
  { rome: 'M1606', label: 'Opérateur de saisie' },
  { rome: 'K1304', label: 'Aide à domicile' },
  { rome: 'K1302', label: 'Assistant de vie dépendance' },
  { rome: 'K2304', label: 'Agent de tri des déchets' },
  { rome: 'A1203', label: 'Jardinier, espaces verts' },
  { rome: 'A1202', label: 'Agent d’entretien des espaces naturels' },
  { rome: 'N1105', label: 'Manutentionnaire' },
  { rome: 'I1203', label: 'Agent d’entretien du bâtiment' },
  { rome: 'J1501', label: 'Aide-soignant (parcours de formation)' },
  { rome: 'J1506', label: 'Infirmier (parcours de formation)' },
  { rome: 'J1305', label: 'Ambulancier (parcours de formation)' },
];

export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicUrl } = app.services.config;

  // ---- public site ----

  app.post(
    needsApi.submit.path,
    {
      schema: {
        ...schemaOf(needsApi.submit, ['needs']),
        summary: 'An establishment states its need; it is routed to the nearest qualifying AIs.',
        description:
          'Rate-limited per IP (10 an hour → 429 rate_limited). A filled `website` field (honeypot) is answered 201 and nothing is saved.',
        body: NeedInput,
      },
    },
    async (req, reply) => {
      if (!req.body.website) await countSubmission({ db: req.db, ip: req.ip });
      const result = await submitNeed({ db: req.db, input: req.body, publicUrl });
      return reply.status(201).send(result);
    },
  );

  app.get(needsApi.follow.path, { schema: { ...schemaOf(needsApi.follow, ['needs']) } }, async (req) =>
    followNeed({ db: req.db, token: req.params.token }),
  );

  /** Commune autocomplete for the form (same data as the directory's). */
  app.get(needsApi.communes.path, { schema: { ...schemaOf(needsApi.communes, ['needs']) } }, async (req) => {
    const items = searchCommunes(req.query.q, 12).map((c) => ({
      code: c.code,
      name: c.name,
      departement: c.departement,
      postalCodes: c.postalCodes,
      formerName: c.formerName,
      joinedName: c.joinedName,
    }));
    return { items, total: items.length };
  });

  /** The suggested jobs first, then any ROME job matching the query. */
  app.get(needsApi.jobs.path, { schema: { ...schemaOf(needsApi.jobs, ['needs']) } }, async (req) => {
    const suggested = SUGGESTED_JOBS.map((j) => ({ ...j, suggested: true }));
    if (!req.query.q.trim()) return { items: suggested, total: suggested.length };
    const q = req.query.q.trim().toLowerCase();
    const fromSuggested = suggested.filter((j) => j.label.toLowerCase().includes(q) || j.rome.toLowerCase() === q);
    const others = searchJobs(req.query.q)
      .filter((j) => !fromSuggested.some((s) => s.rome === j.code))
      .slice(0, 30)
      .map((j) => ({ rome: j.code, label: j.label, suggested: false }));
    const items = [...fromSuggested, ...others];
    return { items, total: items.length };
  });

  /** The structure a form was opened from (?structure=<id>), to name it on the form. */
  app.get(needsApi.structure.path, { schema: { ...schemaOf(needsApi.structure, ['needs']) } }, async (req) => {
    const [org] = await req.db
      .select({
        id: organisations.id,
        name: organisations.name,
        communeName: organisations.communeName,
        active: organisations.isActive,
      })
      .from(organisations)
      .where(eq(organisations.id, req.params.organisationId));
    if (!org?.active) throw notFound('Cette structure');
    return { id: org.id, name: org.name, communeName: org.communeName };
  });

  // ---- an AI's inbox ----

  app.get(
    needsApi.inbox.path,
    {
      schema: { ...schemaOf(needsApi.inbox, ['needs']) },
      preHandler: can('need.read'),
    },
    async (req) => {
      const { status, ...page } = req.query;
      const result = await listOrgNeeds({ db: req.db, actor: req.actor, status, page });
      await markNeedViewed({
        db: req.db,
        actor: req.actor,
        needIds: result.items.filter((i) => i.status === 'new').map((i) => i.id),
      });
      return result;
    },
  );

  app.get(
    needsApi.summary.path,
    { schema: { ...schemaOf(needsApi.summary, ['needs']) }, preHandler: can('need.read') },
    async (req) => countOrgNeeds({ db: req.db, actor: req.actor }),
  );

  app.get(
    needsApi.get.path,
    { schema: { ...schemaOf(needsApi.get, ['needs']) }, preHandler: can('need.read') },
    async (req) => {
      const need = await getNeed({ db: req.db, actor: req.actor, needId: req.params.needId });
      if (need.inboxStatus === 'new') await markNeedViewed({ db: req.db, actor: req.actor, needIds: [need.id] });
      return need;
    },
  );

  app.post(
    needsApi.claim.path,
    {
      schema: { ...schemaOf(needsApi.claim, ['needs']) },
      preHandler: can('need.claim'),
    },
    async (req) => claimNeed({ db: req.db, actor: req.actor, needId: req.params.needId }),
  );

  app.post(
    needsApi.decline.path,
    {
      schema: { ...schemaOf(needsApi.decline, ['needs']) },
      preHandler: can('need.claim'),
    },
    async (req) => declineNeed({ db: req.db, actor: req.actor, needId: req.params.needId, reason: req.body.reason }),
  );

  app.put(
    needsApi.diagnostic.path,
    {
      schema: { ...schemaOf(needsApi.diagnostic, ['needs']), body: DiagnosticInput },
      preHandler: can('need.diagnose'),
    },
    async (req) => saveDiagnostic({ db: req.db, actor: req.actor, needId: req.params.needId, diagnostic: req.body }),
  );

  app.post(
    needsApi.setStatus.path,
    {
      schema: { ...schemaOf(needsApi.setStatus, ['needs']) },
      preHandler: can('need.diagnose'),
    },
    async (req) =>
      req.db.transaction((tx) =>
        setNeedStatus({ db: tx, actor: req.actor, needId: req.params.needId, status: req.body.status }),
      ),
  );

  // ---- the network console ----

  app.get(
    needsApi.networkNeeds.path,
    {
      schema: { ...schemaOf(needsApi.networkNeeds, ['needs']) },
      preHandler: can('network.need.read'),
    },
    async (req) => {
      const { status, ...page } = req.query;
      return listNetworkNeeds({ db: req.db, actor: req.networkActor, status, page });
    },
  );

  app.get(
    needsApi.networkNeed.path,
    { schema: { ...schemaOf(needsApi.networkNeed, ['needs']) }, preHandler: can('network.need.read') },
    async (req) => getNetworkNeed({ db: req.db, actor: req.networkActor, needId: req.params.needId }),
  );

  app.get(
    needsApi.candidates.path,
    {
      schema: { ...schemaOf(needsApi.candidates, ['needs']) },
      preHandler: can('network.need.route'),
    },
    async (req) => {
      const items = await listRerouteCandidates({
        db: req.db,
        actor: req.networkActor,
        needId: req.params.needId,
        radiusKm: req.query.radiusKm,
      });
      return { items, total: items.length };
    },
  );

  app.post(
    needsApi.reroute.path,
    {
      schema: { ...schemaOf(needsApi.reroute, ['needs']) },
      preHandler: can('network.need.route'),
    },
    async (req) =>
      rerouteNeed({
        db: req.db,
        actor: req.networkActor,
        needId: req.params.needId,
        organisationIds: req.body.organisationIds,
        publicUrl,
      }),
  );
};
