import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { shiftScope } from '../../policies/scopes.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueEmail } from '../notifications/queue-email.js';
import { findShift } from './find-shift.js';
import { officerEmails, shiftWhen } from './notify.js';
import { shifts } from './schema.js';

/**
 * The client asks the AI for another person on one of its shifts (the officer decides). Only a client user
 * asks (permission 'shift.replacement_request'), and only on its own client's shifts (shiftScope): the email
 * speaks in the client's name.
 */
export async function requestReplacement({
  db,
  actor,
  shiftId,
  message,
}: {
  db: Db;
  actor: OrgActor;
  shiftId: string;
  message?: string | null;
}) {
  const [row] = await db
    .select({ id: shifts.id })
    .from(shifts)
    .where(and(eq(shifts.id, shiftId), shiftScope(actor)));
  if (!row) throw notFound('Ce créneau');
  const shift = await findShift(db, actor.organisationId, shiftId);
  return db.transaction(async (tx) => {
    for (const email of await officerEmails(tx, actor.organisationId, [shift.referentUserId])) {
      await queueEmail({
        db: tx,
        to: email,
        subject: `${shift.clientName} demande un remplacement ${shiftWhen(shift.startAt, shift.endAt)}`,
        text: `${shift.clientName} demande une autre personne pour le créneau ${shiftWhen(shift.startAt, shift.endAt)} (${shift.siteName}).${message ? `\n\nSon message : « ${message} »` : ''}\n\nOuvrez le planning de Passerelle pour choisir un·e remplaçant·e.`,
        organisationId: actor.organisationId,
        related: { type: 'shift', id: shift.id },
      });
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'shift.replacement_request',
      recordType: 'shift',
      recordId: shift.id,
      details: { message },
    });
    return { status: 'sent' as const };
  });
}
