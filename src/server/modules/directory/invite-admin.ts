import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import { conflict } from '../../http/errors.js';
import { memberships } from '../accounts/queries.js';
import { hashToken } from '../accounts/sessions.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueEmail } from '../notifications/queue-email.js';
import { organisationInvitations } from './schema.js';
import { findNetworkStructure } from './structure-facts.js';

export const INVITATION_DAYS = 14;

export type InviteAdminOptions = {
  db: Db;
  actor: NetworkActor;
  organisationId: string;
  email: string;
  name: string;
  publicUrl: string;
};

/**
 * The coordinator invites a structure's first administrator: a private link (valid 14 days) by email lets the
 * person choose a password. A new invitation replaces a pending one; a structure that already has an
 * administrator is refused (its administrator invites colleagues from its own settings).
 */
export async function inviteAdmin({ db, actor, organisationId, email, name, publicUrl }: InviteAdminOptions) {
  const org = await findNetworkStructure(db, actor.networkId, organisationId);
  const [admin] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, org.id), eq(memberships.role, 'org_admin')))
    .limit(1);
  if (admin) {
    throw conflict(
      'structure_has_admin',
      `${org.name} a déjà un compte de direction : c’est lui qui invite ses collègues depuis Passerelle.`,
    );
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const to = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    await tx
      .update(organisationInvitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(organisationInvitations.organisationId, org.id),
          isNull(organisationInvitations.acceptedAt),
          isNull(organisationInvitations.revokedAt),
        ),
      );
    const [invitation] = await tx
      .insert(organisationInvitations)
      .values({
        organisationId: org.id,
        networkId: actor.networkId,
        email: to,
        name: name.trim(),
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt,
      })
      .returning();
    const link = `${publicUrl}/invitation/${token}`;
    await queueEmail({
      db: tx,
      to,
      subject: `Votre accès à Passerelle pour ${org.name}`,
      text: [
        `Bonjour ${name.trim()},`,
        '',
        `Le réseau vous invite à gérer ${org.name} dans Passerelle.`,
        'Ouvrez ce lien pour choisir votre mot de passe :',
        link,
        '',
        `Ce lien est personnel. Il est valable ${INVITATION_DAYS} jours.`,
      ].join('\n'),
      organisationId: org.id,
      networkId: actor.networkId,
      related: { type: 'organisation_invitation', id: invitation.id },
    });
    await recordAudit({
      db: tx,
      actor: { userId: actor.userId, networkId: actor.networkId, organisationId: org.id },
      action: 'directory.invitation.create',
      recordType: 'organisation_invitation',
      recordId: invitation.id,
      details: { email: to },
    });
    return { id: invitation.id, email: to, expiresAt: expiresAt.toISOString(), token };
  });
}
