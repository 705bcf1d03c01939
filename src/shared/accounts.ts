/** The accounts' contract shared by the server and the web app: roles, their labels, team and access shapes. */
import { z } from 'zod';

export { ROLE_LABELS, ROLES, type Role, STAFF_ROLES, type StaffRole } from './roles.js';

import { ROLES } from './roles.js';

export const ACCESS_CHANNELS = ['email', 'sms', 'code'] as const;
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
