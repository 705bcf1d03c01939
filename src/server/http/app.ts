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
import { z } from 'zod';
import { findSessionUser, SESSION_COOKIE } from '../modules/accounts/sessions.js';
import { AppError } from './errors.js';
import { registerRoutes } from './routes.js';
import type { Services } from './services.js';

z.config(z.locales.fr());

// PASSERELLE_WEB_DIST lets several checkouts' builds (parallel test runs) live side by side.
export const webRoot = process.env.PASSERELLE_WEB_DIST
  ? path.resolve(process.env.PASSERELLE_WEB_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export type BuildAppOptions = Services & { logger?: boolean | object };

export async function buildApp({ logger = false, ...services }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 1_048_576,
    trustProxy: true,
    // Our ids are uuids and our slugs short: a long URL is an attack or a bug.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', services);
  app.decorateRequest('db', null as any);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null as any);
  app.decorateRequest('networkActor', null as any);

  await app.register(fastifyCookie);
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
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'bad_request', message: err.message } });
    }
    if (isResponseSerializationError(err))
      req.log.error({ issues: err.cause.issues }, 'response does not match schema');
    req.log.error(err);
    return reply.status(500).send({
      error: {
        code: 'internal_error',
        message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez le support.',
      },
    });
  });

  const allowedOrigins = new Set([new URL(services.config.publicUrl).origin]);
  app.addHook('onRequest', async (req, reply) => {
    req.db = services.database.db;
    // Cross-site request forgery: browsers always send Origin on cross-site writes; it must be ours.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const origin = req.headers.origin;
      if (origin && origin !== 'null') {
        const host = req.headers['x-forwarded-host'] ?? req.headers.host;
        const sameHost = (() => {
          try {
            return new URL(origin).host === host;
          } catch {
            return false;
          }
        })();
        if (!sameHost && !allowedOrigins.has(origin)) {
          return reply.status(403).send({
            error: { code: 'forbidden_origin', message: 'Requête refusée : elle ne vient pas de Passerelle.' },
          });
        }
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.session = await findSessionUser({ db: req.db, token });
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
