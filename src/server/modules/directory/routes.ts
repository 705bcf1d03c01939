import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEPARTEMENTS_GEOJSON_ANSWER, directoryApi } from '../../../shared/directory.js';
import { answerCacheFor, sendAnswer } from '../../http/answer-cache.js';
import { can } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { validationFailed } from '../../http/errors.js';
import { Pagination } from '../../http/pagination.js';
import { ORGANISATION_KINDS } from '../accounts/queries.js';
import { createSession, SESSION_COOKIE, SESSION_DAYS } from '../accounts/sessions.js';
import { communeCodeProblem, findCommune, knownCommune, searchCommunes } from '../geo/communes.js';
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

const CommuneCode = z
  .string()
  .superRefine(knownCommune((v) => `La commune ${v} est inconnue : choisissez-la dans la liste (code INSEE).`));

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

const withLabels = <T extends { jobs: string[]; networks: string[] }>(d: T) => ({
  ...d,
  jobLabels: d.jobs.map((code) => ({ code, label: findJob(code)?.label ?? code })),
  networkLabels: d.networks.map((code) => ({ code, label: reseauLabel(code) })),
});

let departementsGeojson: Buffer | undefined;
let departementsGeojsonGzip: Buffer | undefined;
let departementList: { code: string; name: string }[] | undefined;

const SearchOut = directoryApi.search.response;

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
    directoryApi.search.path,
    {
      schema: {
        ...schemaOf(directoryApi.search, ['directory']),
        security: [],
        querystring: Pagination.extend(StructureFiltersQuery.shape),
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
    directoryApi.points.path,
    {
      schema: {
        ...schemaOf(directoryApi.points, ['directory']),
        security: [],
        description:
          'Every matching structure as a compact point, for the map (no pagination): `{items: [{id, name, kind, communeName, lat, lon, distanceKm}], total}`. ' +
          'Sent as the bytes the answer cache keeps (decision 011), serialised once per filter: the schema documents them and is not run on each request.',
        querystring: StructureFiltersQuery,
      },
    },
    async (req, reply) => {
      const answer = await cached(
        `points ${JSON.stringify(req.query)}`,
        async () =>
          (await structurePoints({ db: req.db, filters: req.query })) satisfies z.input<
            typeof directoryApi.points.response
          >,
      );
      return sendAnswer(reply, answer, {
        acceptEncoding: req.headers['accept-encoding'],
        cacheControl: 'public, max-age=60',
      });
    },
  );

  app.get(
    directoryApi.dataInclusion.path,
    {
      schema: {
        ...schemaOf(directoryApi.dataInclusion, ['directory']),
        security: [],
        description: 'The public directory in the data·inclusion schema v1 (structure).',
      },
    },
    async (req) => exportDataInclusion({ db: req.db, publicUrl }),
  );

  app.get(
    directoryApi.structure.path,
    {
      schema: { ...schemaOf(directoryApi.structure, ['directory']), security: [] },
    },
    async (req) => withLabels(await getPublicStructure({ db: req.db, idOrSlug: req.params.idOrSlug })),
  );

  app.get(
    directoryApi.communes.path,
    {
      schema: {
        ...schemaOf(directoryApi.communes, ['directory']),
        security: [],
        description: 'Commune autocomplete: by name (accents ignored), postal code, INSEE code or département prefix.',
      },
    },
    async (req) => {
      const items = searchCommunes(req.query.q, req.query.limit);
      return { items, total: items.length };
    },
  );

  app.get(
    directoryApi.commune.path,
    {
      schema: { ...schemaOf(directoryApi.commune, ['directory']), security: [] },
    },
    async (req) => {
      const c = findCommune(req.params.code);
      if (!c) {
        const message = communeCodeProblem(req.params.code, `La commune ${req.params.code} est inconnue.`)!;
        throw validationFailed([{ path: 'code', message }]);
      }
      return { ...c, joinedName: null };
    },
  );

  app.get(
    directoryApi.jobs.path,
    {
      schema: {
        ...schemaOf(directoryApi.jobs, ['directory']),
        security: [],
        description: 'The ROME v4 jobs: search by words of the label or family (accents ignored) or by code prefix.',
      },
    },
    async (req) => {
      const all = searchJobs(req.query.q);
      return { items: all.slice(req.query.offset, req.query.offset + req.query.limit), total: all.length };
    },
  );

  app.get(
    directoryApi.departementsGeojson.path,
    {
      schema: {
        ...schemaOf(directoryApi.departementsGeojson, ['directory']),
        security: [],
        description: 'Simplified outlines of the départements (IGN).',
        response: { 200: DEPARTEMENTS_GEOJSON_ANSWER },
      },
    },
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
    directoryApi.departements.path,
    {
      schema: {
        ...schemaOf(directoryApi.departements, ['directory']),
        security: [],
        description: 'The metropolitan départements (code and name), for filters and forms.',
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
    directoryApi.reseauxPorteurs.path,
    {
      schema: {
        ...schemaOf(directoryApi.reseauxPorteurs, ['directory']),
        security: [],
        description: 'data·inclusion’s referential of the networks that carry a structure.',
      },
    },
    async () => {
      const items = RESEAUX_PORTEURS.map((code) => ({ code, label: reseauLabel(code) }));
      return { items, total: items.length };
    },
  );

  // ---------- invitations (public: the private token is the credential) ----------

  const _TokenParams = z.object({ token: z.string().min(20).max(100) });

  app.get(
    directoryApi.invitation.path,
    {
      schema: { ...schemaOf(directoryApi.invitation, ['directory']), security: [] },
    },
    async (req) => describeInvitation({ db: req.db, token: req.params.token }),
  );

  app.post(
    directoryApi.acceptInvitation.path,
    {
      schema: {
        ...schemaOf(directoryApi.acceptInvitation, ['directory']),
        security: [],
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
    directoryApi.networkStructures.path,
    {
      schema: {
        ...schemaOf(directoryApi.networkStructures, ['directory']),
        querystring: Pagination.extend({
          q: blank(z.string().max(100)),
          kind: blank(z.enum(ORGANISATION_KINDS)),
          departement: blank(z.string().max(3)),
          status: blank(z.enum(['public', 'hidden', 'inactive'])),
        }),
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
    directoryApi.networkStructure.path,
    {
      schema: { ...schemaOf(directoryApi.networkStructure, ['directory']) },
      preHandler: can('network.read'),
    },
    async (req) => {
      const org = await findNetworkStructure(req.db, req.networkActor.networkId, req.params.organisationId);
      return withLabels((await loadStructureDetails(req.db, [org]))[0]);
    },
  );

  app.post(
    directoryApi.createStructure.path,
    {
      schema: { ...schemaOf(directoryApi.createStructure, ['directory']), body: StructureInput },
      preHandler: can('network.directory.write'),
    },
    async (req, reply) => {
      const created = await createStructure({ db: req.db, actor: req.networkActor, input: req.body, banApiUrl });
      return reply.status(201).send(withLabels(created));
    },
  );

  app.patch(
    directoryApi.updateStructure.path,
    {
      schema: { ...schemaOf(directoryApi.updateStructure, ['directory']), body: StructurePatch },
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
    directoryApi.inviteAdmin.path,
    {
      schema: {
        ...schemaOf(directoryApi.inviteAdmin, ['directory']),
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
    directoryApi.importPreview.path,
    {
      schema: { ...schemaOf(directoryApi.importPreview, ['directory']) },
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
    directoryApi.importConfirm.path,
    {
      schema: { ...schemaOf(directoryApi.importConfirm, ['directory']) },
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
