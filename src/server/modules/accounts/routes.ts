import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountsApi, MeOut } from '../../../shared/accounts.js';
import type { MembershipView } from '../../http/actor.js';
import { can, mustBeLoggedIn } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import { notFound } from '../../http/errors.js';
import { actionsOf } from '../../policies/permissions.js';
import { logIn } from './log-in.js';
import { listSensitiveAccess, setSensitiveAccess } from './sensitive-access.js';
import { listSessions, revokeSession, SESSION_COOKIE, SESSION_DAYS } from './sessions.js';

// The shapes are the shared contract's (src/shared/accounts.ts).
export { MeOut };

const api = accountsApi;
const tags = ['auth'];

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

  app.post(api.login.path, { schema: schemaOf(api.login, tags) }, async (req, reply) => {
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
  });

  app.post(api.logout.path, { schema: schemaOf(api.logout, tags) }, async (req, reply) => {
    if (req.session) await revokeSession({ db: req.db, sessionId: req.session.sessionId });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(api.me.path, { schema: schemaOf(api.me, tags), preHandler: mustBeLoggedIn }, async (req) =>
    present(req.session!.user, req.session!.memberships),
  );

  app.get(api.mySessions.path, { schema: schemaOf(api.mySessions, tags), preHandler: mustBeLoggedIn }, async (req) => {
    const items = (await listSessions({ db: req.db, userId: req.session!.user.id })).map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === req.session!.sessionId,
    }));
    return { items, total: items.length };
  });

  // ── The sensitive data right, granted by name by the org admin (policies/sensitive.ts) ──────────────
  app.get(
    api.sensitiveAccess.path,
    {
      schema: { ...schemaOf(api.sensitiveAccess, tags), summary: 'The staff and their sensitive data right' },
      preHandler: can('member.manage'),
    },
    async (req) => {
      const items = await listSensitiveAccess({ db: req.db, actor: req.actor });
      return { items, total: items.length };
    },
  );
  app.put(
    api.setSensitiveAccess.path,
    {
      schema: {
        ...schemaOf(api.setSensitiveAccess, tags),
        summary: 'Grant or withdraw one member’s sensitive data right (audited)',
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
    api.revokeMySession.path,
    {
      schema: schemaOf(api.revokeMySession, tags),
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
