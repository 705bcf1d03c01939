import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { memberships, users } from '../accounts/queries.js';
import { frenchDate, frenchTime, parisDate } from '../calendar/paris-time.js';
import { queueEmail } from '../notifications/queue-email.js';
import type { ShiftRecord } from './find-shift.js';

/** The people to tell about a planning problem: the missions' referents, else every placement officer. */
export async function officerEmails(db: Db, organisationId: string, referentUserIds: (string | null)[]) {
  const ids = [...new Set(referentUserIds.filter((x): x is string => !!x))];
  const rows = ids.length
    ? await db
        .select({ email: users.email })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(
          and(
            inArray(users.id, ids),
            eq(memberships.organisationId, organisationId),
            inArray(memberships.role, ['placement_officer', 'org_admin']),
            isNull(users.disabledAt),
          ),
        )
    : [];
  if (rows.length > 0) return [...new Set(rows.map((r) => r.email))];
  const officers = await db
    .select({ email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'placement_officer'),
        isNull(users.disabledAt),
      ),
    );
  return [...new Set(officers.map((r) => r.email))];
}

export const shiftWhen = (start: Date, end: Date) =>
  `le ${frenchDate(parisDate(start))} de ${frenchTime(start)} à ${frenchTime(end)}`;

/** The client learns who replaces the absent worker (its portal shows the new name too). */
export async function notifyClientOfReplacement(db: Db, shift: ShiftRecord, workerName: string) {
  if (!shift.clientEmail) return;
  await queueEmail({
    db,
    to: shift.clientEmail,
    subject: `Intervention ${shiftWhen(shift.startAt, shift.endAt)} : ${workerName} viendra`,
    text: `Bonjour,\n\nPour l’intervention ${shiftWhen(shift.startAt, shift.endAt)} (${shift.siteName}), ${workerName} viendra.\n\nVotre planning est à jour sur votre espace Passerelle.`,
    organisationId: shift.organisationId,
    related: { type: 'shift', id: shift.id },
  });
}
