import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { z } from 'zod';
import { keptInStep } from '../db/kept-values.js';
import { SESSION_COOKIE } from '../modules/accounts/sessions.js';
import { REQUIRES_SESSION } from './can.js';
import { declareErrorAnswers } from './contract.js';
import { databaseInputError } from './database-errors.js';
import { AppError, unauthenticated } from './errors.js';
import { loggableError } from './log-error.js';
import { registerRoutes } from './routes.js';
import type { Services } from './services.js';
import { SessionCache } from './session-cache.js';
import { frameworkErrors } from './validation.js';

z.config(z.locales.fr());

// PASSERELLE_WEB_DIST lets several checkouts' builds (parallel test runs) live side by side.
export const webRoot = process.env.PASSERELLE_WEB_DIST
  ? path.resolve(process.env.PASSERELLE_WEB_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/** TRUST_PROXY=N: the N closest hops are our proxies (proxy-addr counts them from the socket, 0 first). */
const hopsOf = (hops: number) => (_address: string, hop: number) => hop < hops;

export type BuildAppOptions = Services & { logger?: boolean | object };

export async function buildApp({ logger = false, ...services }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 1_048_576,
    // X-Forwarded-* are believed only from the proxies named by TRUST_PROXY: otherwise anyone could pick the
    // address that the login rate limit counts and that a signed quote records.
    trustProxy:
      typeof services.config.trustProxy === 'number' ? hopsOf(services.config.trustProxy) : services.config.trustProxy,
    // Our ids are uuids and our slugs short: a long URL is an attack or a bug.
    routerOptions: { maxParamLength: 200 },
    // A malformed URL or an over-long parameter: a 400 in API.md's shape, not Fastify's own body.
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', services);
  app.decorateRequest('db', null as any);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as any);
  app.decorateRequest('networkActor', null as any);

  await app.register(fastifyCookie);
  const https = services.config.publicUrl.startsWith('https://');
  // Helmet's headers, its middleware built once (decision 020): @fastify/helmet built it again on every request,
  // parsing the policy below each time (8 % of a cached answer's CPU under load).
  const securityHeaders = helmet({
    // What the web app needs and nothing more: its own scripts (no inline script anywhere), Mantine's inline
    // styles, OpenStreetMap's tiles when the map shows them, and pages that no other site may frame.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // On plain http (the demo on localhost) upgrading would break every asset.
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  // Slow phones on the public pages: gzip costs little CPU and divides the web app's size by three.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Passerelle API',
        description: 'Information system of the Associations Intermédiaires and their networks.',
        version: services.version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    hideUntagged: false,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: [err.validationContext === 'body' ? '' : err.validationContext, ...v.instancePath.split('/')]
          .filter(Boolean)
          .join('.'),
        message: v.message ?? 'Valeur invalide',
      }));
      return reply.status(400).send({
        error: { code: 'validation_failed', message: 'Certains champs sont invalides.', details },
      });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) {
      return reply.status(413).send({
        error: { code: 'payload_too_large', message: 'La requête est trop volumineuse (1 Mo au plus).' },
      });
    }
    if (
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      return reply.status(400).send({
        error: { code: 'validation_failed', message: "Le corps de la requête n'est pas un JSON valide.", details: [] },
      });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({
        error: { code: 'unsupported_media_type', message: 'Ce type de contenu n’est pas accepté.' },
      });
    }
    const pgCode = (err as any).code ?? (err as any).cause?.code;
    if (pgCode === '23P01' || pgCode === '23505') {
      // A constraint caught what the application checks missed (e.g. a race): still a clear conflict, never a 500.
      return reply.status(409).send({
        error: {
          code: 'conflict',
          message: 'Cette modification entre en conflit avec une autre. Rechargez et réessayez.',
        },
      });
    }
    const badInput = databaseInputError(err); // a value PostgreSQL refused: the sender's error, a 400
    if (badInput) return reply.status(badInput.status).send(badInput.body);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    }
    if (isResponseSerializationError(err))
      req.log.error({ issues: err.cause.issues }, 'response does not match schema');
    // Never the error object itself: a failed statement's parameters (people's data) would reach the logs.
    req.log.error({ error: loggableError(err) }, 'request failed');
    return reply.status(500).send({
      error: {
        code: 'internal_error',
        message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez le support.',
      },
    });
  });

  const allowedOrigins = new Set([new URL(services.config.publicUrl).origin]);
  const trustsProxy = services.config.trustProxy !== false;
  /** Whether a browser's Origin is this site: PUBLIC_URL, or the Host actually served (X-Forwarded-Host only
   * from a trusted proxy, else anyone could forge it). */
  const sameOrigin = (origin: string, req: { host: string; headers: { host?: string } }) => {
    if (allowedOrigins.has(origin)) return true;
    const host = trustsProxy ? req.host : req.headers.host;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  };
  // Routes behind a session guard (can(), mustBeLoggedIn) answer 401 to an anonymous caller before anything
  // else, so that validation details never describe a private endpoint to someone not signed in.
  app.addHook('onRoute', (route) => {
    const guards = [route.preHandler].flat().filter(Boolean) as unknown as Record<symbol, unknown>[];
    const requiresSession = guards.some((g) => g[REQUIRES_SESSION]);
    if (requiresSession) route.config = { ...route.config, requiresSession: true };
    declareErrorAnswers(route, requiresSession);
  });
  // Who is signed in, read at most once per 5 s per session and process, forgotten at once by any change to
  // sessions, users or memberships (session-cache.ts, migration 0039) and by any write of this process.
  const sessions = keptInStep(services.database, 'sessions_changed', new SessionCache());
  const findSession = async (db: typeof services.database.db, token: string) => {
    await sessions.ready();
    return sessions.kept.find(db, token);
  };
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) sessions.kept.invalidate();
    return payload;
  });
  app.addHook('onClose', sessions.stop);
  app.addHook('onRequest', async (req, reply) => {
    req.db = services.database.db;
    const token = req.cookies[SESSION_COOKIE];
    // Cross-site request forgery: a browser always sends Origin on a write, or at least Sec-Fetch-Site. A write
    // must come from Passerelle's own pages; one carrying the session cookie must prove it. `Origin: null`
    // (sandboxed frames, cross-site redirects) is never ours.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      const allowed =
        origin !== undefined
          ? origin !== 'null' && sameOrigin(origin, req)
          : site !== undefined
            ? site === 'same-origin'
            : !token;
      if (!allowed) {
        return reply.status(403).send({
          error: { code: 'forbidden_origin', message: 'Requête refusée : elle ne vient pas de Passerelle.' },
        });
      }
    }
    if (token) req.session = await findSession(req.db, token);
    if (!req.session && req.routeOptions.config.requiresSession) {
      throw unauthenticated();
    }
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerRoutes(app);

  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Cette adresse est introuvable.' } });
    }
    // The single-page app owns every other URL (it renders its own 404 page).
    const file = path.join(webRoot, decodeURIComponent(req.url.split('?')[0]));
    if (file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webRoot, file));
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
