/** The accounts' contract shared by the server and the web app: roles, their labels, team and access shapes. */
import { z } from 'zod';
import { endpoint, NoContent } from './http.js';

export { ROLE_LABELS, ROLES, type Role, STAFF_ROLES, type StaffRole } from './roles.js';

import { ROLES, STAFF_ROLES } from './roles.js';

export const ACCESS_CHANNELS = ['email', 'sms', 'code'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];
export const ACCESS_CHANNEL_LABELS: Record<(typeof ACCESS_CHANNELS)[number], string> = {
  email: 'Par e-mail (un lien de connexion)',
  sms: 'Par SMS (un lien de connexion sur son portable)',
  code: 'Par un code imprimé, remis en main propre',
};

const name = z.string().trim().min(1, 'Indiquez le nom de la personne.').max(120, '120 caractères au plus.');
const email = z.email('Adresse e-mail invalide.').max(200);

/** A colleague invited by email with a role (organisation), or a coordinator (network). */
export const InviteStaffBody = z.strictObject({ name, email, role: z.enum(ROLES, 'Choisissez un rôle.') });
/** A client's contact or a worker: by email, or by a printed code (no email needed). */
export const InviteRecordBody = z.strictObject({
  name,
  email: email.optional(),
  channel: z.enum(ACCESS_CHANNELS, 'Choisissez comment envoyer l’accès.'),
});

export const InvitationView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  channel: z.enum(ACCESS_CHANNELS),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
export type Invitation = z.infer<typeof InvitationView>;

/** What the person sees once: the printed code and where to type it, or confirmation that the email left. */
export const InvitationSentView = InvitationView.extend({
  code: z.string().nullable(),
  codeUrl: z.string().nullable(),
});
export type InvitationSent = z.infer<typeof InvitationSentView>;

export const MemberView = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  sensitiveAccess: z.boolean(),
  active: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type Member = z.infer<typeof MemberView>;

export const TeamView = z.object({ members: z.array(MemberView), invitations: z.array(InvitationView) });
export type Team = z.infer<typeof TeamView>;

export const DeviceSessionView = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
});
/** Who can get into a client's portal or a worker's page, and from which phones. */
export const RecordAccessView = z.object({
  accounts: z.array(
    z.object({
      membershipId: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      active: z.boolean(),
      sessions: z.array(DeviceSessionView),
    }),
  ),
  invitations: z.array(InvitationView),
});
export type RecordAccess = z.infer<typeof RecordAccessView>;

export const AccessInvitationDescription = z.object({
  organisationName: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  /** A colleague chooses a password; a worker or a client is signed in on this phone without one. */
  needsPassword: z.boolean(),
  existingAccount: z.boolean(),
  expired: z.boolean(),
  accepted: z.boolean(),
});
export type AccessInvitationDescriptionT = z.infer<typeof AccessInvitationDescription>;

export const AcceptAccessBody = z.strictObject({
  password: z.string().max(200, '200 caractères au plus.').optional(),
});
export const AccessCodeBody = z.strictObject({
  code: z.string().trim().min(1, 'Tapez le code.').max(40, 'Ce code est trop long.'),
});

export const PasswordResetRequestBody = z.strictObject({ email });
export const PasswordResetBody = z.strictObject({ password: z.string().max(200, '200 caractères au plus.') });
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: z.string().max(200, '200 caractères au plus.'),
});

/** Printed codes: no 0/O, 1/I/L, read aloud or typed on a phone without confusion. */
export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** "abcde fghjk" → "ABCDE-FGHJK": people type codes with spaces, dashes and small letters. */
export const normaliseAccessCode = (code: string) => {
  const c = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return c.length === 10 ? `${c.slice(0, 5)}-${c.slice(5)}` : c;
};

// ─── The signed-in person ───────────────────────────────────────────────────────────────────────────────────────

export const LoginBody = z.strictObject({
  email: z.string().trim().email('Adresse e-mail invalide').max(254),
  password: z.string().min(1, 'Mot de passe requis').max(200),
});

export const MembershipOut = z.object({
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
export type Me = z.infer<typeof MeOut>;

export const SessionOut = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof SessionOut>;

export const StaffAccessOut = z.object({
  membershipId: z.string().uuid(),
  userId: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  sensitiveAccess: z.boolean(),
});
export type StaffAccess = z.infer<typeof StaffAccessOut>;

// ─── Endpoints ──────────────────────────────────────────────────────────────────────────────────────────────────

const Uuid = z.uuid();
const OrgParams = z.object({ orgId: Uuid });
const NetworkParams = z.object({ networkId: Uuid });
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const RoleChoice = z.enum(STAFF_ROLES, 'Choisissez un rôle.');

/** A team's members and invitations: the same calls for an organisation (`orgId`) and a network (`networkId`). */
const teamEndpoints = <P extends z.ZodObject>(base: string, Params: P) => ({
  cancelInvitation: endpoint({
    method: 'DELETE',
    path: `${base}/invitations/:invitationId` as const,
    params: Params.extend({ invitationId: Uuid }),
    status: 204,
    response: NoContent,
  }),
  deactivate: endpoint({
    method: 'POST',
    path: `${base}/members/:membershipId/deactivate` as const,
    params: Params.extend({ membershipId: Uuid }),
    response: MemberView.nullable(),
  }),
  reactivate: endpoint({
    method: 'POST',
    path: `${base}/members/:membershipId/reactivate` as const,
    params: Params.extend({ membershipId: Uuid }),
    response: MemberView.nullable(),
  }),
});

/** Access to a worker's page or a client's portal: the same calls for both records. */
const recordAccessEndpoints = <P extends z.ZodObject>(base: string, Params: P) => ({
  list: endpoint({ method: 'GET', path: `${base}/access` as const, params: Params, response: RecordAccessView }),
  invite: endpoint({
    method: 'POST',
    path: `${base}/access` as const,
    params: Params,
    body: InviteRecordBody,
    status: 201,
    response: InvitationSentView,
  }),
  revokeSession: endpoint({
    method: 'DELETE',
    path: `${base}/access/sessions/:sessionId` as const,
    params: Params.extend({ sessionId: Uuid }),
    status: 204,
    response: NoContent,
  }),
  cancelInvitation: endpoint({
    method: 'DELETE',
    path: `${base}/access/invitations/:invitationId` as const,
    params: Params.extend({ invitationId: Uuid }),
    status: 204,
    response: NoContent,
  }),
});

export const accountsApi = {
  login: endpoint({ method: 'POST', path: '/api/auth/login', body: LoginBody, response: MeOut }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', status: 204, response: NoContent }),
  me: endpoint({ method: 'GET', path: '/api/me', response: MeOut }),
  mySessions: endpoint({
    method: 'GET',
    path: '/api/me/sessions',
    response: z.object({ items: z.array(SessionOut), total: z.number() }),
  }),
  revokeMySession: endpoint({
    method: 'DELETE',
    path: '/api/me/sessions/:sessionId',
    params: z.object({ sessionId: z.string().uuid() }),
    status: 204,
    response: NoContent,
  }),
  changeMyPassword: endpoint({
    method: 'POST',
    path: '/api/me/password',
    body: ChangePasswordBody,
    status: 204,
    response: NoContent,
  }),
  sensitiveAccess: endpoint({
    method: 'GET',
    path: '/api/orgs/:orgId/members/sensitive-access',
    params: OrgParams,
    response: z.object({ items: z.array(StaffAccessOut), total: z.number().int() }),
  }),
  setSensitiveAccess: endpoint({
    method: 'PUT',
    path: '/api/orgs/:orgId/members/:membershipId/sensitive-access',
    params: OrgParams.extend({ membershipId: Uuid }),
    body: z.strictObject({ granted: z.boolean() }),
    response: StaffAccessOut,
  }),

  // An organisation's team (org admin)
  orgTeam: endpoint({ method: 'GET', path: '/api/orgs/:orgId/team', params: OrgParams, response: TeamView }),
  orgInvite: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/invitations',
    params: OrgParams,
    body: InviteStaffBody.extend({ role: RoleChoice }),
    status: 201,
    response: InvitationSentView,
  }),
  orgResendInvitation: endpoint({
    method: 'POST',
    path: '/api/orgs/:orgId/invitations/:invitationId/resend',
    params: OrgParams.extend({ invitationId: Uuid }),
    response: InvitationSentView,
  }),
  orgChangeRole: endpoint({
    method: 'PATCH',
    path: '/api/orgs/:orgId/members/:membershipId',
    params: OrgParams.extend({ membershipId: Uuid }),
    body: z.strictObject({ role: RoleChoice }),
    response: MemberView,
  }),
  org: teamEndpoints('/api/orgs/:orgId', OrgParams),

  // A network's coordinators
  networkTeam: endpoint({
    method: 'GET',
    path: '/api/networks/:networkId/team',
    params: NetworkParams,
    response: TeamView,
  }),
  networkInvite: endpoint({
    method: 'POST',
    path: '/api/networks/:networkId/invitations',
    params: NetworkParams,
    body: InviteStaffBody.omit({ role: true }),
    status: 201,
    response: InvitationSentView,
  }),
  network: teamEndpoints('/api/networks/:networkId', NetworkParams),

  // A worker's page and a client's portal
  workerAccess: recordAccessEndpoints('/api/orgs/:orgId/workers/:workerId', OrgParams.extend({ workerId: Uuid })),
  clientAccess: recordAccessEndpoints('/api/orgs/:orgId/clients/:clientId', OrgParams.extend({ clientId: Uuid })),

  // Public: the link or the code is the credential
  describeInvitation: endpoint({
    method: 'GET',
    path: '/api/public/access/:token',
    params: TokenParams,
    response: AccessInvitationDescription,
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/public/access/:token/accept',
    params: TokenParams,
    body: AcceptAccessBody,
    response: MeOut,
  }),
  redeemCode: endpoint({ method: 'POST', path: '/api/public/access-code', body: AccessCodeBody, response: MeOut }),
  requestPasswordReset: endpoint({
    method: 'POST',
    path: '/api/public/password-resets',
    body: PasswordResetRequestBody,
    status: 202,
    response: z.object({ message: z.string() }),
  }),
  checkPasswordReset: endpoint({
    method: 'GET',
    path: '/api/public/password-resets/:token',
    params: TokenParams,
    response: z.object({ valid: z.boolean() }),
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/public/password-resets/:token',
    params: TokenParams,
    body: PasswordResetBody,
    status: 204,
    response: NoContent,
  }),
};
