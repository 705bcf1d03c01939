import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent } from '../../../shared/http.js';
import type { MembershipView } from '../../http/actor.js';
import { can, mustBeLoggedIn } from '../../http/can.js';
import { notFound } from '../../http/errors.js';
import { actionsOf } from '../../policies/permissions.js';
import { logIn } from './log-in.js';
import { ROLES } from './schema.js';
import { listSensitiveAccess, setSensitiveAccess } from './sensitive-access.js';
import { listSessions, revokeSession, SESSION_COOKIE, SESSION_DAYS } from './sessions.js';

const LoginBody = z.strictObject({
  email: z.string().trim().email('Adresse e-mail invalide').max(254),
  password: z.string().min(1, 'Mot de passe requis').max(200),
});

const MembershipOut = z.object({
  organisationId: z.string().uuid().optional(),
  networkId: z.string().uuid().optional(),
  clientId: z.string().uuid().optional(),
  workerId: z.string().uuid().optional(),
  name: z.string(),
  role: z.enum(ROLES),
  actions: z.array(z.string()),
  /** Granted the sensitive data right (policies/sensitive.ts): the web app hides what it cannot show. */
  sensitiveAccess: z.boolean(),
});

export const MeOut = z.object({
  user: z.object({ id: z.string().uuid(), email: z.string(), name: z.string() }),
  memberships: z.array(MembershipOut),
});

export const present = (user: { id: string; email: string; name: string }, memberships: MembershipView[]) => ({
  user,
  memberships: memberships.map((m) => ({
    organisationId: m.organisationId ?? undefined,
    networkId: m.networkId ?? undefined,
    clientId: m.clientId ?? undefined,
    workerId: m.workerId ?? undefined,
    name: m.name,
    role: m.role,
    actions: actionsOf(m.role),
    sensitiveAccess: m.sensitiveAccess === true,
  })),
});

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { secureCookies } = app.services.config;

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: LoginBody, response: { 200: MeOut } } },
    async (req, reply) => {
      const result = await logIn({
        db: req.db,
        email: req.body.email,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: SESSION_DAYS * 86_400,
      });
      return present(result.user, result.memberships);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: NoContent } } }, async (req, reply) => {
    if (req.session) await revokeSession({ db: req.db, sessionId: req.session.sessionId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], response: { 200: MeOut } }, preHandler: mustBeLoggedIn },
    async (req) => present(req.session!.user, req.session!.memberships),
  );

  const SessionOut = z.object({
    id: z.string().uuid(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  });

  app.get(
    '/api/me/sessions',
    {
      schema: { tags: ['auth'], response: { 200: z.object({ items: z.array(SessionOut), total: z.number() }) } },
      preHandler: mustBeLoggedIn,
    },
    async (req) => {
      const items = (await listSessions({ db: req.db, userId: req.session!.user.id })).map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        current: s.id === req.session!.sessionId,
      }));
      return { items, total: items.length };
    },
  );

  // ── The sensitive data right, granted by name by the org admin (policies/sensitive.ts) ──────────────
  const StaffAccessOut = z.object({
    membershipId: z.string().uuid(),
    userId: z.string().uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    sensitiveAccess: z.boolean(),
  });
  app.get(
    '/api/orgs/:orgId/members/sensitive-access',
    {
      schema: {
        tags: ['auth'],
        summary: 'The staff and their sensitive data right',
        params: z.object({ orgId: z.uuid() }),
        response: { 200: z.object({ items: z.array(StaffAccessOut), total: z.number().int() }) },
      },
      preHandler: can('member.manage'),
    },
    async (req) => {
      const items = await listSensitiveAccess({ db: req.db, actor: req.actor });
      return { items, total: items.length };
    },
  );
  app.put(
    '/api/orgs/:orgId/members/:membershipId/sensitive-access',
    {
      schema: {
        tags: ['auth'],
        summary: 'Grant or withdraw one member’s sensitive data right (audited)',
        params: z.object({ orgId: z.uuid(), membershipId: z.uuid() }),
        body: z.strictObject({ granted: z.boolean() }),
        response: { 200: StaffAccessOut },
      },
      preHandler: can('member.manage'),
    },
    async (req) =>
      setSensitiveAccess({
        db: req.db,
        actor: req.actor,
        membershipId: req.params.membershipId,
        granted: req.body.granted,
      }),
  );

  /** Revoke one of one's own sessions (a lost phone, a shared computer). */
  app.delete(
    '/api/me/sessions/:sessionId',
    {
      schema: { tags: ['auth'], params: z.object({ sessionId: z.string().uuid() }), response: { 204: NoContent } },
      preHandler: mustBeLoggedIn,
    },
    async (req, reply) => {
      const mine = await listSessions({ db: req.db, userId: req.session!.user.id });
      if (!mine.some((s) => s.id === req.params.sessionId)) throw notFound('Cette session');
      await revokeSession({ db: req.db, sessionId: req.params.sessionId });
      return reply.status(204).send(null);
    },
  );
};
