import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../http/can.js';
import { notFound } from '../../http/errors.js';
import { Pagination } from '../../http/pagination.js';
import { organisations } from '../accounts/schema.js';
import { searchJobs } from '../directory/rome.js';
import { searchCommunes } from '../geo/communes.js';
import { claimNeed } from './claim-need.js';
import { declineNeed } from './decline-need.js';
import { followNeed } from './follow-need.js';
import { getNeed, INBOX_STATUSES, markNeedViewed } from './get-need.js';
import { getNetworkNeed, listNetworkNeeds } from './list-network-needs.js';
import { countOrgNeeds, listOrgNeeds } from './list-org-needs.js';
import { DiagnosticInput, NeedInput } from './need-input.js';
import { listRerouteCandidates, rerouteNeed } from './reroute-need.js';
import { saveDiagnostic } from './save-diagnostic.js';
import { NEED_STATUSES } from './schema.js';
import { SETTABLE_NEED_STATUSES, setNeedStatus } from './set-need-status.js';
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

const OrgParams = z.object({ orgId: z.string().uuid() });
const OrgNeedParams = OrgParams.extend({ needId: z.string().uuid('Besoin introuvable.') });
const NetworkParams = z.object({ networkId: z.string().uuid() });
const NetworkNeedParams = NetworkParams.extend({ needId: z.string().uuid('Besoin introuvable.') });

const SubmittedOut = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  routedTo: z.array(
    z.object({ organisationId: z.string().uuid(), name: z.string(), distanceKm: z.number().nullable() }),
  ),
});

const RouteOut = z.object({
  organisationId: z.string().uuid(),
  name: z.string(),
  distanceKm: z.number().nullable(),
  status: z.string(),
  routedAt: z.string(),
  viewedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
});

const NetworkNeedOut = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  urgency: z.enum(['urgent', 'structural']),
  status: z.enum(NEED_STATUSES),
  createdAt: z.string(),
  claimedBy: z.object({ organisationId: z.string().uuid(), name: z.string() }).optional(),
  routedTo: z.array(RouteOut),
  claimedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  allDeclined: z.boolean(),
  waitedMinutes: z.number().int(),
  establishmentName: z.string(),
  establishmentKind: z.string(),
  communeName: z.string(),
  departement: z.string(),
  jobs: z.array(z.object({ rome: z.string(), label: z.string(), headcount: z.number().int() })),
});

export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicUrl } = app.services.config;

  // ---- public site ----

  app.post(
    '/api/public/needs',
    {
      schema: {
        tags: ['needs'],
        summary: 'An establishment states its need; it is routed to the nearest qualifying AIs.',
        description:
          'Rate-limited per IP (10 an hour → 429 rate_limited). A filled `website` field (honeypot) is answered 201 and nothing is saved.',
        body: NeedInput,
        response: { 201: SubmittedOut },
      },
    },
    async (req, reply) => {
      if (!req.body.website) await countSubmission({ db: req.db, ip: req.ip });
      const result = await submitNeed({ db: req.db, input: req.body, publicUrl });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/public/needs/follow/:token',
    { schema: { tags: ['needs'], params: z.object({ token: z.string().max(100) }) } },
    async (req) => followNeed({ db: req.db, token: req.params.token }),
  );

  /** Commune autocomplete for the form (same data as the directory's). */
  app.get(
    '/api/public/needs/communes',
    { schema: { tags: ['needs'], querystring: z.object({ q: z.string().max(100).default('') }) } },
    async (req) => {
      const items = searchCommunes(req.query.q, 12).map((c) => ({
        code: c.code,
        name: c.name,
        departement: c.departement,
      }));
      return { items, total: items.length };
    },
  );

  /** The suggested jobs first, then any ROME job matching the query. */
  app.get(
    '/api/public/needs/jobs',
    { schema: { tags: ['needs'], querystring: z.object({ q: z.string().max(100).default('') }) } },
    async (req) => {
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
    },
  );

  /** The structure a form was opened from (?structure=<id>), to name it on the form. */
  app.get(
    '/api/public/needs/structures/:organisationId',
    { schema: { tags: ['needs'], params: z.object({ organisationId: z.string().uuid() }) } },
    async (req) => {
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
    },
  );

  // ---- an AI's inbox ----

  app.get(
    '/api/orgs/:orgId/needs',
    {
      schema: {
        tags: ['needs'],
        params: OrgParams,
        querystring: Pagination.extend({ status: z.enum([...INBOX_STATUSES, 'routed', 'open']).optional() }),
      },
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
    '/api/orgs/:orgId/needs/summary',
    { schema: { tags: ['needs'], params: OrgParams }, preHandler: can('need.read') },
    async (req) => countOrgNeeds({ db: req.db, actor: req.actor }),
  );

  app.get(
    '/api/orgs/:orgId/needs/:needId',
    { schema: { tags: ['needs'], params: OrgNeedParams }, preHandler: can('need.read') },
    async (req) => {
      const need = await getNeed({ db: req.db, actor: req.actor, needId: req.params.needId });
      if (need.inboxStatus === 'new') await markNeedViewed({ db: req.db, actor: req.actor, needIds: [need.id] });
      return need;
    },
  );

  app.post(
    '/api/orgs/:orgId/needs/:needId/claim',
    {
      schema: { tags: ['needs'], params: OrgNeedParams, response: { 200: z.object({ status: z.literal('claimed') }) } },
      preHandler: can('need.claim'),
    },
    async (req) => claimNeed({ db: req.db, actor: req.actor, needId: req.params.needId }),
  );

  app.post(
    '/api/orgs/:orgId/needs/:needId/decline',
    {
      schema: {
        tags: ['needs'],
        params: OrgNeedParams,
        body: z.strictObject({
          reason: z
            .string({ error: 'Indiquez pourquoi vous ne pouvez pas répondre.' })
            .trim()
            .min(3, 'Indiquez pourquoi vous ne pouvez pas répondre.')
            .max(500, 'Motif : 500 caractères au plus.'),
        }),
        response: { 200: z.object({ status: z.literal('declined') }) },
      },
      preHandler: can('need.claim'),
    },
    async (req) => declineNeed({ db: req.db, actor: req.actor, needId: req.params.needId, reason: req.body.reason }),
  );

  app.put(
    '/api/orgs/:orgId/needs/:needId/diagnostic',
    { schema: { tags: ['needs'], params: OrgNeedParams, body: DiagnosticInput }, preHandler: can('need.diagnose') },
    async (req) => saveDiagnostic({ db: req.db, actor: req.actor, needId: req.params.needId, diagnostic: req.body }),
  );

  app.post(
    '/api/orgs/:orgId/needs/:needId/status',
    {
      schema: {
        tags: ['needs'],
        params: OrgNeedParams,
        body: z.strictObject({ status: z.enum(SETTABLE_NEED_STATUSES, { error: 'Statut inconnu.' }) }),
      },
      preHandler: can('need.diagnose'),
    },
    async (req) =>
      req.db.transaction((tx) =>
        setNeedStatus({ db: tx, actor: req.actor, needId: req.params.needId, status: req.body.status }),
      ),
  );

  // ---- the network console ----

  app.get(
    '/api/networks/:networkId/needs',
    {
      schema: {
        tags: ['needs'],
        params: NetworkParams,
        querystring: Pagination.extend({ status: z.enum([...NEED_STATUSES, 'open', 'overdue']).optional() }),
        response: { 200: z.object({ items: z.array(NetworkNeedOut), total: z.number().int() }) },
      },
      preHandler: can('network.need.read'),
    },
    async (req) => {
      const { status, ...page } = req.query;
      return listNetworkNeeds({ db: req.db, actor: req.networkActor, status, page });
    },
  );

  app.get(
    '/api/networks/:networkId/needs/:needId',
    { schema: { tags: ['needs'], params: NetworkNeedParams }, preHandler: can('network.need.read') },
    async (req) => getNetworkNeed({ db: req.db, actor: req.networkActor, needId: req.params.needId }),
  );

  app.get(
    '/api/networks/:networkId/needs/:needId/candidates',
    {
      schema: {
        tags: ['needs'],
        params: NetworkNeedParams,
        querystring: z.object({ radiusKm: z.coerce.number().min(1).max(300).optional() }),
      },
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
    '/api/networks/:networkId/needs/:needId/route',
    {
      schema: {
        tags: ['needs'],
        params: NetworkNeedParams,
        body: z.strictObject({
          organisationIds: z
            .array(z.string().uuid('Structure inconnue.'), { error: 'Choisissez au moins une structure.' })
            .min(1, 'Choisissez au moins une structure.')
            .max(20, 'Au plus 20 structures à la fois.'),
        }),
      },
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
