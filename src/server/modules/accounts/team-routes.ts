import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountsApi } from '../../../shared/accounts.js';
import { can, mustBeLoggedIn } from '../../http/can.js';
import { schemaOf } from '../../http/contract.js';
import type { Action } from '../../policies/permissions.js';
import { acceptAccessInvitation, describeAccessInvitation } from './accept-access-invitation.js';
import { cancelInvitation } from './cancel-invitation.js';
import { changeMemberRole } from './change-member-role.js';
import { changeOwnPassword } from './change-own-password.js';
import { invitePerson } from './invite-person.js';
import { listTeam } from './list-team.js';
import type { TeamActor } from './member-queries.js';
import { type AccessRecord, listRecordAccess, revokeRecordSession } from './record-access.js';
import { redeemAccessCode } from './redeem-access-code.js';
import { resendInvitation } from './resend-invitation.js';
import { checkPasswordReset, requestPasswordReset, resetPassword } from './reset-password.js';
import { present } from './routes.js';
import { hashToken, LONG_LIVED_SESSION_DAYS, SESSION_COOKIE, SESSION_DAYS } from './sessions.js';
import { setMemberActive } from './set-member-active.js';

const tags = ['accounts'];
const api = accountsApi;
/** A route's schema from its shared endpoint, with its summary (and, public, no session needed). */
const schema = <E extends Parameters<typeof schemaOf>[0]>(e: E, summary: string, more: { security?: [] } = {}) => ({
  ...schemaOf(e, tags),
  summary,
  ...more,
});
const PUBLIC = { security: [] as [] };

/** The calls a team has both in an organisation and in a network, and which actor and right each uses. */
type TeamTenant = {
  endpoints: typeof accountsApi.org | typeof accountsApi.network;
  action: Action;
  actorOf: (req: FastifyRequest) => TeamActor;
  summaries: { deactivate: string; reactivate: string };
};

/**
 * Getting people in: a team's invitations, roles and deactivations (organisation and network), access to the
 * portal and to the worker's page (by email or printed code), forgotten and changed passwords.
 */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const { secureCookies, publicUrl } = app.services.config;
  const signIn = (reply: { setCookie: (...a: any[]) => unknown }, token: string, longLived: boolean) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: (longLived ? LONG_LIVED_SESSION_DAYS : SESSION_DAYS) * 86_400,
    });

  /**
   * What an organisation's team and a network's coordinators share: cancelling an invitation, deactivating and
   * reactivating a member. One block for both tenants; `tenant` says which paths, right and actor.
   */
  function teamMemberRoutes(tenant: TeamTenant) {
    const { endpoints, action, actorOf } = tenant;
    app.delete(
      endpoints.cancelInvitation.path,
      { schema: schema(endpoints.cancelInvitation, 'Cancel an invitation'), preHandler: can(action) },
      async (req, reply) => {
        const { invitationId } = req.params as { invitationId: string };
        await cancelInvitation({ db: req.db, actor: actorOf(req), invitationId });
        return reply.status(204).send(null);
      },
    );
    for (const verb of ['deactivate', 'reactivate'] as const) {
      app.post(
        endpoints[verb].path,
        { schema: schema(endpoints[verb], tenant.summaries[verb]), preHandler: can(action) },
        async (req) => {
          const { membershipId } = req.params as { membershipId: string };
          return setMemberActive({ db: req.db, actor: actorOf(req), membershipId, active: verb === 'reactivate' });
        },
      );
    }
  }

  // ── An organisation's team (org admin) ──────────────────────────────────────────────────────────────
  app.get(
    api.orgTeam.path,
    { schema: schema(api.orgTeam, 'The staff and the pending invitations'), preHandler: can('member.manage') },
    async (req) => listTeam({ db: req.db, actor: req.actor }),
  );
  app.post(
    api.orgInvite.path,
    { schema: schema(api.orgInvite, 'Invite a colleague by email with a role'), preHandler: can('member.manage') },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await invitePerson({ db: req.db, actor: req.actor, publicUrl, input: { ...req.body, channel: 'email' } }),
        ),
  );
  app.post(
    api.orgResendInvitation.path,
    {
      schema: schema(api.orgResendInvitation, 'Send an invitation again (a new link; the old one stops working)'),
      preHandler: can('member.manage'),
    },
    async (req) => resendInvitation({ db: req.db, actor: req.actor, invitationId: req.params.invitationId, publicUrl }),
  );
  app.patch(
    api.orgChangeRole.path,
    { schema: schema(api.orgChangeRole, 'Change a colleague’s role'), preHandler: can('member.manage') },
    async (req) =>
      changeMemberRole({ db: req.db, actor: req.actor, membershipId: req.params.membershipId, role: req.body.role }),
  );
  teamMemberRoutes({
    endpoints: api.org,
    action: 'member.manage',
    actorOf: (req) => req.actor,
    summaries: {
      deactivate: 'Deactivate an account (its sessions end at once)',
      reactivate: 'Give an account its access back',
    },
  });

  // ── A worker's page and a client's portal: who gets in, from which phone ─────────────────────────────
  const recordRoutes = [
    { endpoints: api.workerAccess, action: 'worker.access.manage', role: 'worker', who: 'the worker’s phone page' },
    { endpoints: api.clientAccess, action: 'client.access.manage', role: 'client_user', who: 'the client portal' },
  ] as const;
  for (const r of recordRoutes) {
    const recordOf = (params: Record<string, string>) =>
      (r.role === 'worker' ? { workerId: params.workerId } : { clientId: params.clientId }) as AccessRecord;
    app.get(
      r.endpoints.list.path,
      {
        schema: schema(r.endpoints.list, `Who can get into ${r.who}, and from which phones`),
        preHandler: can(r.action),
      },
      async (req) =>
        listRecordAccess({ db: req.db, actor: req.actor, record: recordOf(req.params as Record<string, string>) }),
    );
    app.post(
      r.endpoints.invite.path,
      {
        schema: schema(r.endpoints.invite, `Give access to ${r.who}: by email, or by a code to print`),
        preHandler: can(r.action),
      },
      async (req, reply) =>
        reply.status(201).send(
          await invitePerson({
            db: req.db,
            actor: req.actor,
            publicUrl,
            input: { ...req.body, role: r.role, ...recordOf(req.params as Record<string, string>) },
          }),
        ),
    );
    app.delete(
      r.endpoints.revokeSession.path,
      { schema: schema(r.endpoints.revokeSession, 'End one phone’s access'), preHandler: can(r.action) },
      async (req, reply) => {
        const params = req.params as Record<string, string>;
        await revokeRecordSession({
          db: req.db,
          actor: req.actor,
          record: recordOf(params),
          sessionId: params.sessionId,
        });
        return reply.status(204).send(null);
      },
    );
    app.delete(
      r.endpoints.cancelInvitation.path,
      { schema: schema(r.endpoints.cancelInvitation, 'Cancel a pending access'), preHandler: can(r.action) },
      async (req, reply) => {
        const params = req.params as Record<string, string>;
        await listRecordAccess({ db: req.db, actor: req.actor, record: recordOf(params) });
        await cancelInvitation({ db: req.db, actor: req.actor, invitationId: params.invitationId });
        return reply.status(204).send(null);
      },
    );
  }

  // ── A network's coordinators ────────────────────────────────────────────────────────────────────────
  app.get(
    api.networkTeam.path,
    {
      schema: schema(api.networkTeam, 'The network’s coordinators and pending invitations'),
      preHandler: can('network.member.manage'),
    },
    async (req) => listTeam({ db: req.db, actor: req.networkActor }),
  );
  app.post(
    api.networkInvite.path,
    {
      schema: schema(api.networkInvite, 'Invite a colleague to coordinate the network'),
      preHandler: can('network.member.manage'),
    },
    async (req, reply) =>
      reply.status(201).send(
        await invitePerson({
          db: req.db,
          actor: req.networkActor,
          publicUrl,
          input: { ...req.body, role: 'network_coordinator', channel: 'email' },
        }),
      ),
  );
  teamMemberRoutes({
    endpoints: api.network,
    action: 'network.member.manage',
    actorOf: (req) => req.networkActor,
    summaries: {
      deactivate: 'Deactivate a coordinator (sessions end at once)',
      reactivate: 'Give a coordinator their access back',
    },
  });

  // ── Public: the link or the code is the credential ─────────────────────────────────────────────────
  app.get(
    api.describeInvitation.path,
    { schema: schema(api.describeInvitation, 'What an invitation link gives', PUBLIC) },
    async (req) => describeAccessInvitation({ db: req.db, token: req.params.token }),
  );
  app.post(
    api.acceptInvitation.path,
    { schema: schema(api.acceptInvitation, 'Accept an invitation: signed in at once', PUBLIC) },
    async (req, reply) => {
      const r = await acceptAccessInvitation({
        db: req.db,
        tokenHash: hashToken(req.params.token),
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      signIn(reply, r.token, r.longLived);
      return present(r.user, r.memberships);
    },
  );
  app.post(
    api.redeemCode.path,
    { schema: schema(api.redeemCode, 'Sign a phone in with a printed code', PUBLIC) },
    async (req, reply) => {
      const r = await redeemAccessCode({
        db: req.db,
        code: req.body.code,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      signIn(reply, r.token, r.longLived);
      return present(r.user, r.memberships);
    },
  );
  app.post(
    api.requestPasswordReset.path,
    {
      schema: schema(
        api.requestPasswordReset,
        'Forgotten password: a link by email when the account exists (same answer either way)',
        PUBLIC,
      ),
    },
    async (req, reply) => {
      await requestPasswordReset({ db: req.db, email: req.body.email, publicUrl });
      return reply.status(202).send({
        message:
          'Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d’y être envoyé.',
      });
    },
  );
  app.get(
    api.checkPasswordReset.path,
    { schema: schema(api.checkPasswordReset, 'Whether a reset link still works', PUBLIC) },
    async (req) => checkPasswordReset({ db: req.db, token: req.params.token }),
  );
  app.post(
    api.resetPassword.path,
    { schema: schema(api.resetPassword, 'Choose a new password (every session ends)', PUBLIC) },
    async (req, reply) => {
      await resetPassword({ db: req.db, token: req.params.token, password: req.body.password });
      return reply.status(204).send(null);
    },
  );

  // ── One's own account ───────────────────────────────────────────────────────────────────────────────
  app.post(
    api.changeMyPassword.path,
    {
      schema: schema(api.changeMyPassword, 'Change one’s own password (the other sessions end)'),
      preHandler: mustBeLoggedIn,
    },
    async (req, reply) => {
      await changeOwnPassword({
        db: req.db,
        userId: req.session!.user.id,
        sessionId: req.session!.sessionId,
        currentPassword: req.body.currentPassword,
        newPassword: req.body.newPassword,
      });
      return reply.status(204).send(null);
    },
  );
};
