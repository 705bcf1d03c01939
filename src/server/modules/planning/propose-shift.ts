import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { AppError, conflict, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { romeLabel } from '../directory/rome.js';
import { workerChannels } from '../notifications/contact-preferences.js';
import { queueEmail } from '../notifications/queue-email.js';
import { queueSms } from '../notifications/queue-sms.js';
import { proposalSms } from '../notifications/rules/sms-texts.js';
import { findShift, slotOf } from './find-shift.js';
import { shiftWhen } from './notify.js';
import { type ProposalChannel, shiftProposals } from './schema.js';
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
 * How a proposal reaches a worker: by SMS when they have a mobile and did not say STOP (recorded first: it is
 * what they read), by email when they have an address; their preferred channel decides when both exist.
 */
export function proposalChannel(reach: { sms: string | null; email: string | null }): ProposalChannel {
  return reach.sms ? 'sms' : reach.email ? 'email' : 'none';
}

/**
 * Offers an open shift to one or several workers: each gets an SMS and/or an email (their preference) with a
 * private link to accept or decline
 * (and sees it on their page); the first to accept gets the shift. Nobody is "sent" a proposal that cannot
 * reach them: a person without any channel is left out and named in `unreachable`; if no chosen person can be
 * reached, the call is refused (422 no_contact_channel) and nothing is recorded.
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
    const created: { id: string; workerId: string; workerName: string; rank: number; channel: ProposalChannel }[] = [];
    const unreachable: { workerId: string; workerName: string; message: string }[] = [];
    for (const [i, workerId] of unique.entries()) {
      if (skip.has(workerId)) continue;
      // Every rule is checked now, and again when the worker accepts.
      const v = await verifyAssignment({ db: tx, organisationId: actor.organisationId, workerId, slot });
      const reach = await workerChannels({ db: tx, organisationId: actor.organisationId, workerId });
      const channel = proposalChannel(reach);
      if (channel === 'none') {
        unreachable.push({
          workerId,
          workerName: v.workerName,
          message: `${v.workerName} n’a ni adresse e-mail ni téléphone portable qui accepte les SMS : la proposition ne peut pas lui être envoyée. Appelez cette personne, puis affectez-la directement.`,
        });
        continue;
      }
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
          channel,
        })
        .returning({ id: shiftProposals.id });
      created.push({ id: p.id, workerId, workerName: v.workerName, rank: i + 1, channel });
      const link = `${publicUrl.replace(/\/$/, '')}/proposition/${token}`;
      if (reach.sms) {
        await queueSms({
          db: tx,
          organisationId: actor.organisationId,
          workerId,
          to: reach.sms,
          sms: proposalSms({
            firstName: v.workerName,
            shift: { start: shift.startAt, end: shift.endAt, place: shift.siteName, commune: shift.siteCommune },
            link,
          }),
          dedupeKey: `proposal:${p.id}`,
          related: { type: 'shift_proposal', id: p.id },
        });
      }
      if (reach.email) {
        await queueEmail({
          db: tx,
          to: reach.email,
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
      details: { workerIds: created.map((c) => c.workerId), unreachable: unreachable.map((u) => u.workerId) },
    });
    if (created.length === 0 && unreachable.length > 0) {
      throw new AppError(
        422,
        'no_contact_channel',
        unreachable.length === 1
          ? unreachable[0].message
          : `Aucune de ces personnes ne peut être prévenue : ${unreachable.map((u) => u.workerName).join(', ')} n’ont ni adresse e-mail ni portable pour les SMS. Appelez-les, puis affectez directement la personne qui accepte.`,
        unreachable.map((u) => ({ path: `workerIds.${unique.indexOf(u.workerId)}`, message: u.message })),
      );
    }
    return { items: created, unreachable };
  });
}
