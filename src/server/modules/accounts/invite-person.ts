import { and, eq, isNull, sql } from 'drizzle-orm';
import { type InvitationSent, ROLE_LABELS, type Role, STAFF_ROLES } from '../../../shared/accounts.js';
import type { Db } from '../../db/connect.js';
import type { NetworkActor, OrgActor } from '../../http/actor.js';
import { conflict, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findClient } from '../clients/find-client.js';
import { readContactPreferences } from '../notifications/contact-preferences.js';
import { queueEmail } from '../notifications/queue-email.js';
import { queueSms } from '../notifications/queue-sms.js';
import { mobileE164 } from '../notifications/rules/sms-length.js';
import { signInLinkSms } from '../notifications/rules/sms-texts.js';
import { findWorker, fullName } from '../workers/find-worker.js';
import { accessCodeHash, newAccessCode, newLinkToken } from './access-tokens.js';
import { presentInvitation } from './list-team.js';
import { accessInvitations, memberships, networks, organisations, users } from './schema.js';
import { hashToken } from './sessions.js';

/** A colleague has a week to answer; a printed code waits a month for the person to come by. */
export const INVITATION_DAYS = { email: 7, sms: 7, code: 30 } as const;

export type InvitePersonInput = {
  name: string;
  email?: string;
  role: Role;
  channel: 'email' | 'sms' | 'code';
  clientId?: string;
  workerId?: string;
};

export type InvitePersonOptions = {
  db: Db;
  actor: OrgActor | NetworkActor;
  input: InvitePersonInput;
  publicUrl: string;
};

/**
 * Invites a person to get in: a colleague by email with a role, a client's contact to the portal, a worker to
 * their phone page (by email, or by a code to print and hand over). A pending invitation for the same person is
 * replaced; someone who already has this access is told so.
 */
export async function invitePerson({ db, actor, input, publicUrl }: InvitePersonOptions): Promise<InvitationSent> {
  const email = input.email?.trim().toLowerCase() || null;
  const onNetwork = !!actor.networkId;
  if (
    onNetwork
      ? input.role !== 'network_coordinator'
      : !(STAFF_ROLES as readonly string[]).includes(input.role) && !input.clientId && !input.workerId
  )
    throw validationFailed([{ path: 'role', message: 'Ce rôle ne peut pas être donné ici.' }]);
  if (input.channel === 'email' && !email)
    throw validationFailed([{ path: 'email', message: 'Indiquez l’adresse e-mail où envoyer le lien.' }]);
  const orgActor = actor as OrgActor;
  const worker = input.workerId ? await findWorker(db, orgActor, input.workerId) : null;
  const target = worker
    ? fullName(worker)
    : input.clientId
      ? (await findClient(db, orgActor, input.clientId)).name
      : null;
  // By SMS: a worker's sign-in link to the mobile of their record (people who do not read e-mail), never against
  // their STOP.
  let mobile: string | null = null;
  if (input.channel === 'sms') {
    if (!worker)
      throw validationFailed([{ path: 'channel', message: 'Le SMS sert à donner son accès à un ou une salarié·e.' }]);
    mobile = mobileE164(worker.phone);
    if (!mobile)
      throw validationFailed([
        {
          path: 'channel',
          message: 'Aucun numéro de portable sur la fiche : ajoutez-le, ou choisissez l’e-mail ou le code imprimé.',
        },
      ]);
    const prefs = await readContactPreferences({ db, organisationId: orgActor.organisationId, workerId: worker.id });
    if (prefs.smsOptedOut)
      throw validationFailed([
        {
          path: 'channel',
          message:
            'Cette personne a demandé à ne plus recevoir de SMS (STOP) : choisissez l’e-mail ou le code imprimé.',
        },
      ]);
  }

  return db.transaction(async (tx) => {
    const tenant = onNetwork
      ? eq(memberships.networkId, actor.networkId!)
      : eq(memberships.organisationId, actor.organisationId!);
    // Already in: the same email with this role here, or this client's / worker's account.
    const holders = await tx
      .select({ id: memberships.id, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          tenant,
          isNull(memberships.deactivatedAt),
          input.workerId
            ? eq(memberships.workerId, input.workerId)
            : input.clientId
              ? and(eq(memberships.clientId, input.clientId), sql`lower(${users.email}) = ${email ?? ''}`)
              : sql`lower(${users.email}) = ${email}`,
        ),
      );
    if (holders.length && !input.workerId)
      throw conflict(
        'already_member',
        `${email} a déjà accès à cet espace : modifiez son rôle dans la liste de l’équipe.`,
      );

    // A new invitation replaces the pending one of the same person (a resend gives a new link or code).
    await tx
      .update(accessInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          onNetwork
            ? eq(accessInvitations.networkId, actor.networkId!)
            : eq(accessInvitations.organisationId, actor.organisationId!),
          isNull(accessInvitations.acceptedAt),
          isNull(accessInvitations.revokedAt),
          input.workerId
            ? eq(accessInvitations.workerId, input.workerId)
            : input.clientId
              ? and(
                  eq(accessInvitations.clientId, input.clientId),
                  sql`coalesce(${accessInvitations.email}, '') = ${email ?? ''}`,
                )
              : eq(accessInvitations.email, email ?? ''),
        ),
      );

    const secret = input.channel === 'code' ? newAccessCode() : newLinkToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS[input.channel] * 86_400_000);
    const [invitation] = await tx
      .insert(accessInvitations)
      .values({
        organisationId: onNetwork ? null : actor.organisationId!,
        networkId: onNetwork ? actor.networkId! : null,
        role: input.role,
        clientId: input.clientId ?? null,
        workerId: input.workerId ?? null,
        email,
        name: input.name.trim(),
        channel: input.channel,
        tokenHash: input.channel === 'code' ? accessCodeHash(secret) : hashToken(secret),
        invitedBy: actor.userId,
        expiresAt,
      })
      .returning();

    const [place] = onNetwork
      ? await tx.select({ name: networks.name }).from(networks).where(eq(networks.id, actor.networkId!))
      : await tx
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, actor.organisationId!));
    if (input.channel === 'email') {
      const link = `${publicUrl}/acces/${secret}`;
      const bound = input.role === 'worker' || input.role === 'client_user';
      await queueEmail({
        db: tx,
        to: email!,
        organisationId: onNetwork ? null : actor.organisationId,
        networkId: onNetwork ? actor.networkId : null,
        related: { type: 'access_invitation', id: invitation.id },
        subject: bound ? `Votre accès à Passerelle — ${place.name}` : `${place.name} vous invite sur Passerelle`,
        text: [
          `Bonjour ${input.name.trim()},`,
          '',
          bound
            ? `${place.name} vous donne accès à ${input.role === 'worker' ? 'votre page Passerelle : vos heures, vos créneaux' : 'votre espace client Passerelle'}${target ? ` (${target})` : ''}.`
            : `${place.name} vous invite sur Passerelle avec le rôle « ${ROLE_LABELS[input.role]} ».`,
          bound
            ? 'Ouvrez ce lien sur votre téléphone : vous serez connecté·e, sans mot de passe.'
            : 'Ouvrez ce lien pour choisir votre mot de passe :',
          link,
          '',
          `Ce lien est personnel. Il sert une seule fois et reste valable ${INVITATION_DAYS.email} jours.`,
        ].join('\n'),
      });
    }
    if (input.channel === 'sms') {
      await queueSms({
        db: tx,
        organisationId: actor.organisationId!,
        workerId: worker!.id,
        to: mobile!,
        sms: signInLinkSms({
          firstName: worker!.firstName,
          organisationName: place.name,
          link: `${publicUrl}/acces/${secret}`,
        }),
        dedupeKey: `access:${invitation.id}`,
        related: { type: 'access_invitation', id: invitation.id },
      });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'invitation.create',
      recordType: 'access_invitation',
      recordId: invitation.id,
      details: {
        role: input.role,
        channel: input.channel,
        email,
        clientId: input.clientId,
        workerId: input.workerId,
      },
    });
    return {
      ...presentInvitation(invitation),
      code: input.channel === 'code' ? secret : null,
      codeUrl: input.channel === 'code' ? `${publicUrl}/code` : null,
    };
  });
}
