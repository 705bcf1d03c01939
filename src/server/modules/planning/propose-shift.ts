import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueEmail } from '../notifications/queue-email.js';
import { shiftWhen } from './notify.js';
import { shiftProposals } from './schema.js';
import { findShift, romeLabel, slotOf } from './shift-context.js';
import { verifyAssignment } from './verify-assignment.js';

export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const newToken = () => crypto.randomBytes(24).toString('base64url');

export type ProposeShiftOptions = {
  db: Db;
  actor: OrgActor;
  shiftId: string;
  /** In the officer's order of preference. */
  workerIds: string[];
  publicUrl: string;
};

/**
 * Offers an open shift to one or several workers: each gets an email with private accept and decline links
 * (and sees it on their page); the first to accept gets the shift.
 */
export async function proposeShift({ db, actor, shiftId, workerIds, publicUrl }: ProposeShiftOptions) {
  const unique = [...new Set(workerIds)];
  if (unique.length === 0 || unique.length > 10) {
    throw validationFailed([{ path: 'workerIds', message: 'Choisissez de 1 à 10 personnes.' }]);
  }
  return db.transaction(async (tx) => {
    const shift = await findShift(tx, actor.organisationId, shiftId, true);
    if (shift.status !== 'open') throw conflict('shift_not_open', 'Ce créneau est déjà pourvu ou annulé.');
    const slot = slotOf(shift);
    const already = await tx
      .select({ workerId: shiftProposals.workerId })
      .from(shiftProposals)
      .where(
        and(
          eq(shiftProposals.shiftId, shift.id),
          eq(shiftProposals.status, 'pending'),
          inArray(shiftProposals.workerId, unique),
        ),
      );
    const skip = new Set(already.map((a) => a.workerId));
    const created: { id: string; workerId: string; rank: number }[] = [];
    for (const [i, workerId] of unique.entries()) {
      if (skip.has(workerId)) continue;
      // Every rule is checked now, and again when the worker accepts.
      const v = await verifyAssignment({ db: tx, organisationId: actor.organisationId, workerId, slot });
      const token = newToken();
      const [p] = await tx
        .insert(shiftProposals)
        .values({
          organisationId: actor.organisationId,
          shiftId: shift.id,
          workerId,
          rank: i + 1,
          tokenHash: tokenHash(token),
          proposedBy: actor.userId,
        })
        .returning({ id: shiftProposals.id });
      created.push({ id: p.id, workerId, rank: i + 1 });
      if (v.workerEmail) {
        const link = `${publicUrl.replace(/\/$/, '')}/proposition/${token}`;
        await queueEmail({
          db: tx,
          to: v.workerEmail,
          subject: `Travail proposé ${shiftWhen(shift.startAt, shift.endAt)}`,
          text: [
            `Bonjour ${v.workerName.split(' ')[0]},`,
            '',
            'On vous propose un travail.',
            `Quand : ${shiftWhen(shift.startAt, shift.endAt)}.`,
            `Où : ${shift.siteName}${shift.siteCommune ? `, ${shift.siteCommune}` : ''}.`,
            `Métier : ${romeLabel(shift.rome)}.`,
            '',
            `Pour dire oui ou non, ouvrez ce lien : ${link}`,
            '',
            'La première personne qui dit oui a le travail.',
          ].join('\n'),
          organisationId: actor.organisationId,
          related: { type: 'shift_proposal', id: p.id },
        });
      }
    }
    await recordAudit({
      db: tx,
      actor,
      action: 'shift.propose',
      recordType: 'shift',
      recordId: shift.id,
      details: { workerIds: created.map((c) => c.workerId) },
    });
    return { items: created };
  });
}
