import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerCacheFor, sendAnswer } from '../../http/answer-cache.js';
import { can } from '../../http/can.js';
import { validationFailed } from '../../http/errors.js';
import { Pagination } from '../../http/pagination.js';
import { ORGANISATION_KINDS } from '../accounts/schema.js';
import { createSession, SESSION_COOKIE, SESSION_DAYS } from '../accounts/sessions.js';
import { findCommune, searchCommunes } from '../geo/communes.js';
import { acceptInvitation, describeInvitation } from './accept-invitation.js';
import { createStructure } from './create-structure.js';
import { exportDataInclusion } from './export-datainclusion.js';
import { confirmImport, previewImport } from './import-structures.js';
import { inviteAdmin } from './invite-admin.js';
import { listNetworkStructures } from './list-network-structures.js';
import { RESEAUX_PORTEURS, reseauLabel } from './reseaux-porteurs.js';
import { findJob, isKnownJobOrFamily, searchJobs } from './rome.js';
import { searchStructures, structurePoints } from './search-structures.js';
import { registerDirectoryPages } from './server-pages.js';
import { findNetworkStructure, getPublicStructure, loadStructureDetails } from './structure-facts.js';
import { knownDepartements, StructureInput, StructurePatch } from './structure-input.js';
import { updateStructure } from './update-structure.js';

const gzip = promisify(zlib.gzip);
const acceptsGzip = (header: string | string[] | undefined) => /\bgzip\b/.test(String(header ?? ''));

/**
 * Large public answers compressed in one piece on libuv's thread pool: the compression plugin's stream would
 * compress them in many small turns of the event loop, in between PGlite's queries, and the map would wait longer.
 */
async function sendJson(
  reply: FastifyReply,
  body: string | Buffer,
  o: { type: string; cacheControl: string; acceptEncoding: string | string[] | undefined; gzipped?: Buffer },
) {
  reply.type(o.type).header('cache-control', o.cacheControl).header('vary', 'accept-encoding');
  if (!acceptsGzip(o.acceptEncoding)) return reply.send(body);
  return reply.header('content-encoding', 'gzip').send(o.gzipped ?? (await gzip(body)));
}

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data');

/** An empty query parameter (a cleared form field) counts as absent. */
const blank = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const CommuneCode = z.string().superRefine((v, ctx) => {
  if (!findCommune(v)) {
    ctx.addIssue({
      code: 'custom',
      message: `La commune ${v} est inconnue : choisissez-la dans la liste (code INSEE).`,
    });
  }
});

/** The public directory's filters (API.md): commune + radius, département, job (ROME code or family), kind. */
export const StructureFiltersQuery = z.object({
  commune: blank(CommuneCode),
  radiusKm: blank(
    z.coerce
      .number({ error: 'Le rayon doit être un nombre de kilomètres.' })
      .min(1, 'Le rayon doit être compris entre 1 et 100 km.')
      .max(100, 'Le rayon doit être compris entre 1 et 100 km.'),
  ),
  departement: blank(
    z.string().superRefine((v, ctx) => {
      if (!knownDepartements().has(v)) ctx.addIssue({ code: 'custom', message: `Le département ${v} est inconnu.` });
    }),
  ),
  job: blank(
    z.string().superRefine((v, ctx) => {
      if (!isKnownJobOrFamily(v)) {
        ctx.addIssue({
          code: 'custom',
          message: `Le métier ${v} est inconnu : indiquez un code ROME (K2204) ou une famille de métiers (K22).`,
        });
      }
    }),
  ),
  kind: blank(
    z.enum(ORGANISATION_KINDS, { error: 'Le type de structure doit être AI, ACI, EI, ETTI, EITI, GEIQ ou OTHER.' }),
  ),
  q: blank(z.string().max(100, 'La recherche fait 100 caractères au plus.')),
});

const Address = z.object({
  line: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
});
const Location = z.object({ lat: z.number(), lon: z.number() }).nullable();

const StructureOut = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  siret: z.string().nullable(),
  address: Address,
  departement: z.string().nullable(),
  location: Location,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  jobs: z.array(z.string()),
  networks: z.array(z.string()),
  distanceKm: z.number().nullable(),
});

const StructureDetailOut = StructureOut.omit({ distanceKm: true }).extend({
  openingHours: z.string().nullable(),
  presentation: z.string().nullable(),
  territory: z.object({ departements: z.array(z.string()), communes: z.array(z.string()) }),
  jobLabels: z.array(z.object({ code: z.string(), label: z.string() })),
  networkLabels: z.array(z.object({ code: z.string(), label: z.string() })),
  updatedAt: z.string(),
});

const NetworkStructureOut = StructureDetailOut.extend({
  isPublic: z.boolean(),
  isActive: z.boolean(),
  externalId: z.string().nullable(),
  invitation: z.object({ email: z.string(), accepted: z.boolean(), sentAt: z.string() }).nullable().optional(),
});

const PointOut = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  communeName: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  distanceKm: z.number().nullable(),
});

const PointsOut = z.object({ items: z.array(PointOut), total: z.number() });

const CommuneOut = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  lat: z.number(),
  lon: z.number(),
});
const JobOut = z.object({
  code: z.string(),
  label: z.string(),
  familyCode: z.string(),
  familyLabel: z.string(),
  domainCode: z.string(),
  domainLabel: z.string(),
});

const withLabels = <T extends { jobs: string[]; networks: string[] }>(d: T) => ({
  ...d,
  jobLabels: d.jobs.map((code) => ({ code, label: findJob(code)?.label ?? code })),
  networkLabels: d.networks.map((code) => ({ code, label: reseauLabel(code) })),
});

const NetworkParams = z.object({ networkId: z.string().uuid() });
const NetworkStructureParams = NetworkParams.extend({ organisationId: z.string() });
const ImportBody = z.strictObject({
  format: z.enum(['csv', 'json'], { error: 'Le format doit être csv ou json.' }),
  /** The file's bytes in base64, so that its encoding can be checked line by line. */
  contentBase64: z.string().min(1, 'Le fichier est vide.'),
});
const ImportRowOut = z.object({
  line: z.number(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'reject']),
  organisationId: z.string().nullable(),
  problems: z.array(z.string()),
});
const ImportPreviewOut = z.object({
  clean: z.boolean(),
  counts: z.object({ create: z.number(), update: z.number(), reject: z.number() }),
  rows: z.array(ImportRowOut),
});

let departementsGeojson: Buffer | undefined;
let departementsGeojsonGzip: Buffer | undefined;
let departementList: { code: string; name: string }[] | undefined;

const SearchOut = z.object({ items: z.array(StructureOut), total: z.number() });

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicUrl, banApiUrl, secureCookies } = app.services.config;
  // The public search and the map's points, serialised and gzipped once per filter (issue 19): emptied by any
  // change to the directory in any process (migration 0039's notifications), and by this plugin's writes before
  // they answer.
  const { cache: answers, cached: cachedIn } = answerCacheFor(app, 'directory_changed');
  const cached = (key: string, compute: () => Promise<unknown>) => cachedIn('directory', key, compute);
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) answers.invalidate();
    return payload;
  });

  // ---------- public directory ----------

  app.get(
    '/api/public/structures',
    {
      schema: {
        tags: ['directory'],
        security: [],
        querystring: Pagination.extend(StructureFiltersQuery.shape),
        response: { 200: SearchOut },
      },
    },
    async (req, reply) => {
      const { limit, offset, ...filters } = req.query;
      const answer = await cached(`search ${JSON.stringify(req.query)}`, async () =>
        // Checked against the response schema once, when computed, as the serializer would.
        SearchOut.parse(await searchStructures({ db: req.db, filters, page: { limit, offset } })),
      );
      return sendAnswer(reply, answer, { acceptEncoding: req.headers['accept-encoding'] });
    },
  );

  app.get(
    '/api/public/structures.points.json',
    {
      schema: {
        tags: ['directory'],
        security: [],
        description:
          'Every matching structure as a compact point, for the map (no pagination): `{items: [{id, name, kind, communeName, lat, lon, distanceKm}], total}`. ' +
          'Answered without a response schema: thousands of points serialise in a few milliseconds.',
        querystring: StructureFiltersQuery,
      },
    },
    async (req, reply) => {
      const answer = await cached(
        `points ${JSON.stringify(req.query)}`,
        async () => (await structurePoints({ db: req.db, filters: req.query })) satisfies z.input<typeof PointsOut>,
      );
      return sendAnswer(reply, answer, {
        acceptEncoding: req.headers['accept-encoding'],
        cacheControl: 'public, max-age=60',
      });
    },
  );

  app.get(
    '/api/public/structures.datainclusion.json',
    {
      schema: {
        tags: ['directory'],
        security: [],
        description: 'The public directory in the data·inclusion schema v1 (structure).',
      },
    },
    async (req) => exportDataInclusion({ db: req.db, publicUrl }),
  );

  app.get(
    '/api/public/structures/:idOrSlug',
    {
      schema: {
        tags: ['directory'],
        security: [],
        params: z.object({ idOrSlug: z.string().max(120) }),
        response: { 200: StructureDetailOut },
      },
    },
    async (req) => withLabels(await getPublicStructure({ db: req.db, idOrSlug: req.params.idOrSlug })),
  );

  app.get(
    '/api/public/communes',
    {
      schema: {
        tags: ['directory'],
        security: [],
        description: 'Commune autocomplete: by name (accents ignored), INSEE code or département prefix.',
        querystring: z.object({
          q: z.string().max(100).default(''),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ items: z.array(CommuneOut), total: z.number() }) },
      },
    },
    async (req) => {
      const items = searchCommunes(req.query.q, req.query.limit);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/public/communes/:code',
    {
      schema: {
        tags: ['directory'],
        security: [],
        params: z.object({ code: z.string().max(10) }),
        response: { 200: CommuneOut },
      },
    },
    async (req) => {
      const c = findCommune(req.params.code);
      if (!c) throw validationFailed([{ path: 'code', message: `La commune ${req.params.code} est inconnue.` }]);
      return c;
    },
  );

  app.get(
    '/api/public/jobs',
    {
      schema: {
        tags: ['directory'],
        security: [],
        description: 'The ROME v4 jobs: search by words of the label or family (accents ignored) or by code prefix.',
        querystring: Pagination.extend({ q: z.string().max(100).default('') }),
        response: { 200: z.object({ items: z.array(JobOut), total: z.number() }) },
      },
    },
    async (req) => {
      const all = searchJobs(req.query.q);
      return { items: all.slice(req.query.offset, req.query.offset + req.query.limit), total: all.length };
    },
  );

  app.get(
    '/api/public/departements.geojson',
    { schema: { tags: ['directory'], security: [], description: 'Simplified outlines of the départements (IGN).' } },
    async (req, reply) => {
      departementsGeojson ??= fs.readFileSync(path.join(dataDir, 'departements-simplifies.geojson'));
      departementsGeojsonGzip ??= await gzip(departementsGeojson);
      return sendJson(reply, departementsGeojson, {
        type: 'application/geo+json',
        cacheControl: 'public, max-age=86400',
        acceptEncoding: req.headers['accept-encoding'],
        gzipped: departementsGeojsonGzip,
      });
    },
  );

  app.get(
    '/api/public/departements',
    {
      schema: {
        tags: ['directory'],
        security: [],
        description: 'The metropolitan départements (code and name), for filters and forms.',
        response: {
          200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })), total: z.number() }),
        },
      },
    },
    async () => {
      departementsGeojson ??= fs.readFileSync(path.join(dataDir, 'departements-simplifies.geojson'));
      departementList ??= (
        JSON.parse(departementsGeojson.toString('utf8')) as {
          features: { properties: { code: string; nom: string } }[];
        }
      ).features
        .map((f) => ({ code: f.properties.code, name: f.properties.nom }))
        .sort((a, b) => a.code.localeCompare(b.code));
      return { items: departementList, total: departementList.length };
    },
  );

  app.get(
    '/api/public/reseaux-porteurs',
    {
      schema: {
        tags: ['directory'],
        security: [],
        description: 'data·inclusion’s referential of the networks that carry a structure.',
        response: {
          200: z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })), total: z.number() }),
        },
      },
    },
    async () => {
      const items = RESEAUX_PORTEURS.map((code) => ({ code, label: reseauLabel(code) }));
      return { items, total: items.length };
    },
  );

  // ---------- invitations (public: the private token is the credential) ----------

  const TokenParams = z.object({ token: z.string().min(20).max(100) });

  app.get(
    '/api/public/invitations/:token',
    {
      schema: {
        tags: ['directory'],
        security: [],
        params: TokenParams,
        response: {
          200: z.object({
            organisationName: z.string(),
            email: z.string(),
            name: z.string(),
            expiresAt: z.string(),
            expired: z.boolean(),
            accepted: z.boolean(),
            existingAccount: z.boolean(),
          }),
        },
      },
    },
    async (req) => describeInvitation({ db: req.db, token: req.params.token }),
  );

  app.post(
    '/api/public/invitations/:token/accept',
    {
      schema: {
        tags: ['directory'],
        security: [],
        params: TokenParams,
        body: z.strictObject({
          password: z
            .string()
            .min(12, 'Le mot de passe doit comporter au moins 12 caractères.')
            .max(200, '200 caractères au plus.')
            .optional(),
          name: z.string().trim().max(120).optional(),
        }),
        response: {
          200: z.object({ organisationId: z.string().uuid(), existingAccount: z.boolean() }),
        },
      },
    },
    async (req, reply) => {
      const result = await acceptInvitation({
        db: req.db,
        token: req.params.token,
        password: req.body.password,
        name: req.body.name,
      });
      if (!result.existingAccount) {
        const token = await createSession({
          db: req.db,
          userId: result.userId,
          ip: req.ip,
          userAgent: req.headers['user-agent'],
        });
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies,
          maxAge: SESSION_DAYS * 86_400,
        });
      }
      return { organisationId: result.organisationId, existingAccount: result.existingAccount };
    },
  );

  // ---------- network console ----------

  app.get(
    '/api/networks/:networkId/structures',
    {
      schema: {
        tags: ['directory'],
        params: NetworkParams,
        querystring: Pagination.extend({
          q: blank(z.string().max(100)),
          kind: blank(z.enum(ORGANISATION_KINDS)),
          departement: blank(z.string().max(3)),
          status: blank(z.enum(['public', 'hidden', 'inactive'])),
        }),
        response: { 200: z.object({ items: z.array(NetworkStructureOut), total: z.number() }) },
      },
      preHandler: can('network.read'),
    },
    async (req) => {
      const { limit, offset, ...filters } = req.query;
      const out = await listNetworkStructures({
        db: req.db,
        actor: req.networkActor,
        filters,
        page: { limit, offset },
      });
      return { items: out.items.map(withLabels), total: out.total };
    },
  );

  app.get(
    '/api/networks/:networkId/structures/:organisationId',
    {
      schema: { tags: ['directory'], params: NetworkStructureParams, response: { 200: NetworkStructureOut } },
      preHandler: can('network.read'),
    },
    async (req) => {
      const org = await findNetworkStructure(req.db, req.networkActor.networkId, req.params.organisationId);
      return withLabels((await loadStructureDetails(req.db, [org]))[0]);
    },
  );

  app.post(
    '/api/networks/:networkId/structures',
    {
      schema: {
        tags: ['directory'],
        params: NetworkParams,
        body: StructureInput,
        response: { 201: NetworkStructureOut },
      },
      preHandler: can('network.directory.write'),
    },
    async (req, reply) => {
      const created = await createStructure({ db: req.db, actor: req.networkActor, input: req.body, banApiUrl });
      return reply.status(201).send(withLabels(created));
    },
  );

  app.patch(
    '/api/networks/:networkId/structures/:organisationId',
    {
      schema: {
        tags: ['directory'],
        params: NetworkStructureParams,
        body: StructurePatch,
        response: { 200: NetworkStructureOut },
      },
      preHandler: can('network.directory.write'),
    },
    async (req) =>
      withLabels(
        await updateStructure({
          db: req.db,
          actor: req.networkActor,
          organisationId: req.params.organisationId,
          patch: req.body,
          banApiUrl,
        }),
      ),
  );

  app.post(
    '/api/networks/:networkId/structures/:organisationId/invitations',
    {
      schema: {
        tags: ['directory'],
        params: NetworkStructureParams,
        body: z.strictObject({
          email: z.string().trim().email('Adresse e-mail invalide.').max(254),
          name: z.string().trim().min(2, 'Indiquez le nom de la personne.').max(120),
        }),
        response: { 201: z.object({ id: z.string().uuid(), email: z.string(), expiresAt: z.string() }) },
      },
      preHandler: can('network.directory.write'),
    },
    async (req, reply) => {
      const { token: _token, ...out } = await inviteAdmin({
        db: req.db,
        actor: req.networkActor,
        organisationId: req.params.organisationId,
        email: req.body.email,
        name: req.body.name,
        publicUrl,
      });
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/api/networks/:networkId/structures/import/preview',
    {
      schema: { tags: ['directory'], params: NetworkParams, body: ImportBody, response: { 200: ImportPreviewOut } },
      preHandler: can('network.directory.write'),
    },
    async (req) => {
      const { preview } = await previewImport({
        db: req.db,
        actor: req.networkActor,
        format: req.body.format,
        bytes: Buffer.from(req.body.contentBase64, 'base64'),
      });
      return preview;
    },
  );

  app.post(
    '/api/networks/:networkId/structures/import/confirm',
    {
      schema: {
        tags: ['directory'],
        params: NetworkParams,
        body: ImportBody,
        response: { 200: z.object({ created: z.number(), updated: z.number(), rows: z.array(ImportRowOut) }) },
      },
      preHandler: can('network.directory.write'),
    },
    async (req) =>
      confirmImport({
        db: req.db,
        actor: req.networkActor,
        format: req.body.format,
        bytes: Buffer.from(req.body.contentBase64, 'base64'),
        banApiUrl,
      }),
  );

  // ---------- server-rendered public pages (search engines, slow phones) ----------
  registerDirectoryPages(app);
};
