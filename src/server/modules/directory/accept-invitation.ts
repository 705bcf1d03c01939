import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { conflict, notFound, ruleBroken, validationFailed } from '../../http/errors.js';
import { createUser } from '../accounts/create-user.js';
import { organisations, users } from '../accounts/queries.js';
import { hashToken } from '../accounts/sessions.js';
import { organisationInvitations } from './schema.js';

async function findInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: organisationInvitations, organisationName: organisations.name })
    .from(organisationInvitations)
    .innerJoin(organisations, eq(organisations.id, organisationInvitations.organisationId))
    .where(and(eq(organisationInvitations.tokenHash, hashToken(token)), isNull(organisationInvitations.revokedAt)));
  if (!row) throw notFound('Cette invitation');
  return row;
}

/** What the invitation page shows before the person chooses a password. */
export async function describeInvitation({ db, token }: { db: Db; token: string }) {
  const { invitation, organisationName } = await findInvitation(db, token);
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${invitation.email}`);
  return {
    organisationName,
    email: invitation.email,
    name: invitation.name,
    expiresAt: invitation.expiresAt.toISOString(),
    expired: invitation.expiresAt.getTime() < Date.now(),
    accepted: !!invitation.acceptedAt,
    existingAccount: !!existing,
  };
}

/**
 * Accepting an invitation creates the person's account with an org_admin membership of the structure
 * (or adds that membership to the existing account with the same email, whose password is unchanged).
 */
export async function acceptInvitation({
  db,
  token,
  password,
  name,
}: {
  db: Db;
  token: string;
  /** Required for a new account; an existing account keeps its password. */
  password?: string;
  name?: string;
}) {
  const { invitation } = await findInvitation(db, token);
  if (invitation.acceptedAt)
    throw conflict('invitation_already_accepted', 'Cette invitation a déjà été utilisée : connectez-vous.');
  if (invitation.expiresAt.getTime() < Date.now()) {
    throw ruleBroken(
      'invitation_expired',
      'Cette invitation a expiré : demandez à la coordination du réseau de vous en envoyer une nouvelle.',
    );
  }
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .update(organisationInvitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(organisationInvitations.id, invitation.id), isNull(organisationInvitations.acceptedAt)))
      .returning({ id: organisationInvitations.id });
    if (!taken) throw conflict('invitation_already_accepted', 'Cette invitation a déjà été utilisée : connectez-vous.');
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${invitation.email}`);
    if (!existing && !password) {
      throw validationFailed([{ path: 'password', message: 'Choisissez un mot de passe de 12 caractères au moins.' }]);
    }
    const user = await createUser({
      db: tx,
      actorUserId: existing?.id ?? null,
      email: invitation.email,
      name: name?.trim() || invitation.name,
      ...(existing ? { passwordHash: undefined } : { password }),
      membership: { role: 'org_admin', organisationId: invitation.organisationId },
    });
    return { userId: user.id, organisationId: invitation.organisationId, existingAccount: !!existing };
  });
}
