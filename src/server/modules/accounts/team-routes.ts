import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptAccessBody,
  AccessCodeBody,
  AccessInvitationDescription,
  ChangePasswordBody,
  InvitationSentView,
  InviteRecordBody,
  InviteStaffBody,
  MemberView,
  PasswordResetBody,
  PasswordResetRequestBody,
  RecordAccessView,
  STAFF_ROLES,
  TeamView,
} from '../../../shared/accounts.js';
import { can, mustBeLoggedIn } from '../../http/can.js';
import type { Action } from '../../policies/permissions.js';
import { acceptAccessInvitation, describeAccessInvitation } from './accept-access-invitation.js';
import { cancelInvitation } from './cancel-invitation.js';
import { changeMemberRole } from './change-member-role.js';
import { changeOwnPassword } from './change-own-password.js';
import { invitePerson } from './invite-person.js';
import { listTeam } from './list-team.js';
import { type AccessRecord, listRecordAccess, revokeRecordSession } from './record-access.js';
import { redeemAccessCode } from './redeem-access-code.js';
import { resendInvitation } from './resend-invitation.js';
import { checkPasswordReset, requestPasswordReset, resetPassword } from './reset-password.js';
import { MeOut, present } from './routes.js';
import { hashToken, LONG_LIVED_SESSION_DAYS, SESSION_COOKIE, SESSION_DAYS } from './sessions.js';
import { setMemberActive } from './set-member-active.js';

const tags = ['accounts'];
const OrgParams = z.object({ orgId: z.uuid() });
const NetworkParams = z.object({ networkId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const NoContent = { 204: z.null() };

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

  // ── An organisation's team (org admin) ──────────────────────────────────────────────────────────────
  app.get(
    '/api/orgs/:orgId/team',
    {
      schema: {
        tags,
        summary: 'The staff and the pending invitations',
        params: OrgParams,
        response: { 200: TeamView },
      },
      preHandler: can('member.manage'),
    },
    async (req) => listTeam({ db: req.db, actor: req.actor }),
  );
  app.post(
    '/api/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a colleague by email with a role',
        params: OrgParams,
        body: InviteStaffBody.extend({ role: z.enum(STAFF_ROLES, 'Choisissez un rôle.') }),
        response: { 201: InvitationSentView },
      },
      preHandler: can('member.manage'),
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await invitePerson({ db: req.db, actor: req.actor, publicUrl, input: { ...req.body, channel: 'email' } }),
        ),
  );
  app.post(
    '/api/orgs/:orgId/invitations/:invitationId/resend',
    {
      schema: {
        tags,
        summary: 'Send an invitation again (a new link; the old one stops working)',
        params: OrgParams.extend({ invitationId: z.uuid() }),
        response: { 200: InvitationSentView },
      },
      preHandler: can('member.manage'),
    },
    async (req) => resendInvitation({ db: req.db, actor: req.actor, invitationId: req.params.invitationId, publicUrl }),
  );
  app.delete(
    '/api/orgs/:orgId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Cancel an invitation',
        params: OrgParams.extend({ invitationId: z.uuid() }),
        response: NoContent,
      },
      preHandler: can('member.manage'),
    },
    async (req, reply) => {
      await cancelInvitation({ db: req.db, actor: req.actor, invitationId: req.params.invitationId });
      return reply.status(204).send(null);
    },
  );
  app.patch(
    '/api/orgs/:orgId/members/:membershipId',
    {
      schema: {
        tags,
        summary: 'Change a colleague’s role',
        params: OrgParams.extend({ membershipId: z.uuid() }),
        body: z.strictObject({ role: z.enum(STAFF_ROLES, 'Choisissez un rôle.') }),
        response: { 200: MemberView },
      },
      preHandler: can('member.manage'),
    },
    async (req) =>
      changeMemberRole({ db: req.db, actor: req.actor, membershipId: req.params.membershipId, role: req.body.role }),
  );
  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/orgs/:orgId/members/:membershipId/${verb}`,
      {
        schema: {
          tags,
          summary: active ? 'Give an account its access back' : 'Deactivate an account (its sessions end at once)',
          params: OrgParams.extend({ membershipId: z.uuid() }),
          response: { 200: MemberView.nullable() },
        },
        preHandler: can('member.manage'),
      },
      async (req) => setMemberActive({ db: req.db, actor: req.actor, membershipId: req.params.membershipId, active }),
    );
  }

  // ── A worker's page and a client's portal: who gets in, from which phone ─────────────────────────────
  const recordRoutes: {
    path: string;
    param: 'workerId' | 'clientId';
    action: Action;
    role: 'worker' | 'client_user';
  }[] = [
    { path: 'workers/:workerId', param: 'workerId', action: 'worker.access.manage', role: 'worker' },
    { path: 'clients/:clientId', param: 'clientId', action: 'client.access.manage', role: 'client_user' },
  ];
  for (const r of recordRoutes) {
    const Params = OrgParams.extend({ [r.param]: z.uuid() } as { workerId: z.ZodUUID } | { clientId: z.ZodUUID });
    const recordOf = (params: Record<string, string>) =>
      (r.param === 'workerId' ? { workerId: params.workerId } : { clientId: params.clientId }) as AccessRecord;
    const who = r.role === 'worker' ? 'the worker’s phone page' : 'the client portal';
    app.get(
      `/api/orgs/:orgId/${r.path}/access`,
      {
        schema: {
          tags,
          summary: `Who can get into ${who}, and from which phones`,
          params: Params,
          response: { 200: RecordAccessView },
        },
        preHandler: can(r.action),
      },
      async (req) =>
        listRecordAccess({ db: req.db, actor: req.actor, record: recordOf(req.params as Record<string, string>) }),
    );
    app.post(
      `/api/orgs/:orgId/${r.path}/access`,
      {
        schema: {
          tags,
          summary: `Give access to ${who}: by email, or by a code to print`,
          params: Params,
          body: InviteRecordBody,
          response: { 201: InvitationSentView },
        },
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
      `/api/orgs/:orgId/${r.path}/access/sessions/:sessionId`,
      {
        schema: {
          tags,
          summary: 'End one phone’s access',
          params: Params.extend({ sessionId: z.uuid() }),
          response: NoContent,
        },
        preHandler: can(r.action),
      },
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
      `/api/orgs/:orgId/${r.path}/access/invitations/:invitationId`,
      {
        schema: {
          tags,
          summary: 'Cancel a pending access',
          params: Params.extend({ invitationId: z.uuid() }),
          response: NoContent,
        },
        preHandler: can(r.action),
      },
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
    '/api/networks/:networkId/team',
    {
      schema: {
        tags,
        summary: 'The network’s coordinators and pending invitations',
        params: NetworkParams,
        response: { 200: TeamView },
      },
      preHandler: can('network.member.manage'),
    },
    async (req) => listTeam({ db: req.db, actor: req.networkActor }),
  );
  app.post(
    '/api/networks/:networkId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a colleague to coordinate the network',
        params: NetworkParams,
        body: InviteStaffBody.omit({ role: true }),
        response: { 201: InvitationSentView },
      },
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
  app.delete(
    '/api/networks/:networkId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Cancel an invitation',
        params: NetworkParams.extend({ invitationId: z.uuid() }),
        response: NoContent,
      },
      preHandler: can('network.member.manage'),
    },
    async (req, reply) => {
      await cancelInvitation({ db: req.db, actor: req.networkActor, invitationId: req.params.invitationId });
      return reply.status(204).send(null);
    },
  );
  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/networks/:networkId/members/:membershipId/${verb}`,
      {
        schema: {
          tags,
          summary: active ? 'Give a coordinator their access back' : 'Deactivate a coordinator (sessions end at once)',
          params: NetworkParams.extend({ membershipId: z.uuid() }),
          response: { 200: MemberView.nullable() },
        },
        preHandler: can('network.member.manage'),
      },
      async (req) =>
        setMemberActive({ db: req.db, actor: req.networkActor, membershipId: req.params.membershipId, active }),
    );
  }

  // ── Public: the link or the code is the credential ─────────────────────────────────────────────────
  app.get(
    '/api/public/access/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link gives',
        security: [],
        params: TokenParams,
        response: { 200: AccessInvitationDescription },
      },
    },
    async (req) => describeAccessInvitation({ db: req.db, token: req.params.token }),
  );
  app.post(
    '/api/public/access/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: signed in at once',
        security: [],
        params: TokenParams,
        body: AcceptAccessBody,
        response: { 200: MeOut },
      },
    },
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
    '/api/public/access-code',
    {
      schema: {
        tags,
        summary: 'Sign a phone in with a printed code',
        security: [],
        body: AccessCodeBody,
        response: { 200: MeOut },
      },
    },
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
    '/api/public/password-resets',
    {
      schema: {
        tags,
        summary: 'Forgotten password: a link by email when the account exists (same answer either way)',
        security: [],
        body: PasswordResetRequestBody,
        response: { 202: z.object({ message: z.string() }) },
      },
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
    '/api/public/password-resets/:token',
    {
      schema: {
        tags,
        summary: 'Whether a reset link still works',
        security: [],
        params: TokenParams,
        response: { 200: z.object({ valid: z.boolean() }) },
      },
    },
    async (req) => checkPasswordReset({ db: req.db, token: req.params.token }),
  );
  app.post(
    '/api/public/password-resets/:token',
    {
      schema: {
        tags,
        summary: 'Choose a new password (every session ends)',
        security: [],
        params: TokenParams,
        body: PasswordResetBody,
        response: NoContent,
      },
    },
    async (req, reply) => {
      await resetPassword({ db: req.db, token: req.params.token, password: req.body.password });
      return reply.status(204).send(null);
    },
  );

  // ── One's own account ───────────────────────────────────────────────────────────────────────────────
  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change one’s own password (the other sessions end)',
        body: ChangePasswordBody,
        response: NoContent,
      },
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
