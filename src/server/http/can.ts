import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Action, roleAllows } from '../policies/permissions.js';
import { forbidden, notFound, unauthenticated } from './errors.js';

/** Marks a guard that needs a session: app.ts then answers 401 to anonymous callers before validation. */
export const REQUIRES_SESSION = Symbol('requiresSession');
function requiresSession<F extends (...args: any[]) => Promise<void>>(guard: F): F {
  return Object.assign(guard, { [REQUIRES_SESSION]: true });
}

/**
 * Route guard: resolves the caller's membership in the tenant named by the URL (:orgId or :networkId)
 * and checks the permission table. A non-member gets 404, never a hint that the tenant exists.
 */
export function can(action: Action) {
  return requiresSession(async function guard(req: FastifyRequest, _reply: FastifyReply) {
    const session = req.session;
    if (!session) throw unauthenticated();
    const params = (req.params ?? {}) as { orgId?: string; networkId?: string };
    if (params.networkId) {
      const m = session.memberships.find((x) => x.networkId === params.networkId);
      if (!m) throw notFound('Ce réseau');
      if (!roleAllows(m.role, action)) throw forbidden();
      req.networkActor = { userId: session.user.id, networkId: m.networkId!, role: 'network_coordinator' };
      return;
    }
    if (!params.orgId) throw new Error(`can('${action}') used on a route without :orgId or :networkId`);
    const candidates = session.memberships.filter((x) => x.organisationId === params.orgId);
    if (candidates.length === 0) throw notFound('Cette structure');
    const m = candidates.find((x) => roleAllows(x.role, action));
    if (!m) throw forbidden();
    req.actor = {
      userId: session.user.id,
      organisationId: m.organisationId!,
      role: m.role,
      clientId: m.clientId,
      workerId: m.workerId,
      sensitiveAccess: m.sensitiveAccess === true,
    };
  });
}

/** For routes that only need a logged-in user (e.g. /api/me). */
export const mustBeLoggedIn = requiresSession(async function mustBeLoggedIn(req: FastifyRequest) {
  if (!req.session) throw unauthenticated();
});
