import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { AccessInvitationDescriptionT } from '../../../shared/accounts.js';
import type { Db } from '../../db/connect.js';
import { conflict, notFound, ruleBroken, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { accessInvitations, memberships, networks, organisations, users } from './schema.js';
import { createSession, hashToken, listMemberships } from './sessions.js';

type InvitationRow = typeof accessInvitations.$inferSelect;

/** Workers and clients get in on their own phone, by the link or the code alone. */
const isBound = (i: InvitationRow) => i.role === 'worker' || i.role === 'client_user';

async function findByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ invitation: accessInvitations, orgName: organisations.name, networkName: networks.name })
    .from(accessInvitations)
    .leftJoin(organisations, eq(organisations.id, accessInvitations.organisationId))
    .leftJoin(networks, eq(networks.id, accessInvitations.networkId))
    .where(eq(accessInvitations.tokenHash, tokenHash));
  if (!row || row.invitation.revokedAt) throw notFound('Cette invitation');
  return { invitation: row.invitation, placeName: row.orgName ?? row.networkName ?? '' };
}

async function userOfEmail(db: Db, email: string | null) {
  if (!email) return undefined;
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  return u;
}

/** What the page shows before the person accepts (a link is the credential: nothing private beyond the name). */
export async function describeAccessInvitation({
  db,
  token,
}: {
  db: Db;
  token: string;
}): Promise<AccessInvitationDescriptionT> {
  const { invitation, placeName } = await findByHash(db, hashToken(token));
  const existing = await userOfEmail(db, invitation.email);
  return {
    organisationName: placeName,
    name: invitation.name,
    email: invitation.email,
    role: invitation.role,
    needsPassword: !isBound(invitation) && !existing?.passwordHash,
    existingAccount: !!existing,
    expired: invitation.expiresAt.getTime() < Date.now(),
    accepted: !!invitation.acceptedAt,
  };
}

export type AcceptAccessOptions = {
  db: Db;
  /** The link's token, or the hash of a typed code (accessCodeHash). */
  tokenHash: string;
  password?: string;
  ip?: string;
  userAgent?: string;
};

/**
 * Accepting an invitation gives the access it names, once: a colleague's account (a new password, or the
 * membership added to the existing account of that email), or a worker's / client's access without a password —
 * the phone that opened the link or typed the code stays signed in (a long-lived session, revocable from the
 * record). Returns a session token for the cookie.
 */
export async function acceptAccessInvitation({ db, tokenHash, password, ip, userAgent }: AcceptAccessOptions) {
  return db.transaction(async (tx) => {
    const { invitation } = await findByHash(tx, tokenHash);
    // Serialise two clicks on the same link.
    await tx.execute(sql`SELECT id FROM access_invitations WHERE id = ${invitation.id} FOR UPDATE`);
    if (invitation.acceptedAt)
      throw conflict(
        'invitation_already_used',
        isBound(invitation)
          ? 'Ce lien a déjà servi. Demandez un nouveau code à votre structure.'
          : 'Cette invitation a déjà servi : connectez-vous avec votre mot de passe.',
      );
    if (invitation.expiresAt.getTime() < Date.now())
      throw ruleBroken(
        'invitation_expired',
        'Cette invitation a expiré : demandez-en une nouvelle à la personne qui vous l’a envoyée.',
      );

    const bound = isBound(invitation);
    // The account this access goes to: the worker's or client's existing account, else the one of this email.
    let user: typeof users.$inferSelect | undefined;
    if (bound) {
      const [holder] = await tx
        .select({ user: users })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organisationId, invitation.organisationId!),
            invitation.workerId
              ? eq(memberships.workerId, invitation.workerId)
              : and(
                  eq(memberships.clientId, invitation.clientId!),
                  sql`lower(${users.email}) = ${invitation.email ?? ''}`,
                ),
          ),
        )
        .limit(1);
      user = holder?.user;
    }
    user ??= await userOfEmail(tx, invitation.email);
    if (!user) {
      let passwordHash: string | null = null;
      if (!bound) {
        const problem = password === undefined ? 'Choisissez un mot de passe.' : passwordProblem(password);
        if (problem) throw validationFailed([{ path: 'password', message: problem }], problem);
        passwordHash = await hashPassword(password!);
      }
      // Someone without email (a worker given a printed code) gets an address that can never receive mail.
      const email = invitation.email ?? `sans-email-${crypto.randomUUID()}@passerelle.invalid`;
      [user] = await tx.insert(users).values({ email, name: invitation.name, passwordHash }).returning();
    }
    if (user.disabledAt) throw ruleBroken('account_disabled', 'Ce compte est désactivé : contactez votre structure.');

    const [existing] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.role, invitation.role),
          invitation.networkId
            ? eq(memberships.networkId, invitation.networkId)
            : eq(memberships.organisationId, invitation.organisationId!),
        ),
      );
    if (existing?.deactivatedAt)
      await tx.update(memberships).set({ deactivatedAt: null }).where(eq(memberships.id, existing.id));
    else if (!existing)
      await tx.insert(memberships).values({
        userId: user.id,
        role: invitation.role,
        organisationId: invitation.organisationId,
        networkId: invitation.networkId,
        clientId: invitation.clientId,
        workerId: invitation.workerId,
        sensitiveAccess: invitation.role === 'support_officer',
      });
    await tx
      .update(accessInvitations)
      .set({ acceptedAt: new Date(), acceptedBy: user.id })
      .where(eq(accessInvitations.id, invitation.id));
    await recordAudit({
      db: tx,
      actor: { userId: user.id, organisationId: invitation.organisationId, networkId: invitation.networkId },
      action: 'invitation.accept',
      recordType: 'access_invitation',
      recordId: invitation.id,
      details: { role: invitation.role, channel: invitation.channel },
    });
    const token = await createSession({ db: tx, userId: user.id, ip, userAgent, longLived: bound });
    return {
      token,
      longLived: bound,
      user: { id: user.id, email: user.email, name: user.name },
      memberships: await listMemberships(tx, user.id),
    };
  });
}
