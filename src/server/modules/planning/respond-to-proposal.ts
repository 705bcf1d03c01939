import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { romeLabel } from '../directory/rome.js';
import { queueEmail } from '../notifications/queue-email.js';
import { workers } from '../workers/queries.js';
import { assignShift } from './assign-shift.js';
import { findShift } from './find-shift.js';
import { officerEmails, shiftWhen } from './notify.js';
import { tokenHash } from './propose-shift.js';
import { shiftProposals } from './schema.js';

type ProposalRef = { token: string } | { organisationId: string; workerId: string; proposalId: string };

async function findProposal(db: Db, ref: ProposalRef, lock: boolean) {
  if (lock) {
    await db.execute(
      'token' in ref
        ? sql`SELECT 1 FROM shift_proposals WHERE token_hash = ${tokenHash(ref.token)} FOR UPDATE`
        : sql`SELECT 1 FROM shift_proposals WHERE id = ${ref.proposalId} FOR UPDATE`,
    );
  }
  const [p] = await db
    .select()
    .from(shiftProposals)
    .where(
      'token' in ref
        ? eq(shiftProposals.tokenHash, tokenHash(ref.token))
        : and(
            eq(shiftProposals.id, ref.proposalId),
            eq(shiftProposals.organisationId, ref.organisationId),
            eq(shiftProposals.workerId, ref.workerId),
          ),
    );
  if (!p) throw notFound('Cette proposition');
  return p;
}

/** What the worker sees behind the private link: when, where, what; no one else's data. */
export async function viewProposal(db: Db, ref: ProposalRef) {
  const p = await findProposal(db, ref, false);
  const shift = await findShift(db, p.organisationId, p.shiftId);
  const [w] = await db.select({ firstName: workers.firstName }).from(workers).where(eq(workers.id, p.workerId));
  return {
    id: p.id,
    status: p.status,
    shiftOpen: shift.status === 'open',
    firstName: w?.firstName ?? '',
    start: shift.startAt.toISOString(),
    end: shift.endAt.toISOString(),
    place: shift.siteName,
    commune: shift.siteCommune,
    job: romeLabel(shift.rome),
  };
}

/**
 * The worker's answer. Accepting gives the shift to the first who accepts (the shift row is locked); the
 * others are told it is taken. Declining just closes the proposal.
 */
export async function respondToProposal({
  db,
  ref,
  answer,
}: {
  db: Db;
  ref: ProposalRef;
  answer: 'accept' | 'decline';
}) {
  return db.transaction(async (tx) => {
    const p = await findProposal(tx, ref, true);
    if (p.status !== 'pending') {
      if (p.status === 'accepted' && answer === 'accept') return { status: 'accepted' as const };
      throw conflict(
        p.status === 'taken' || p.status === 'withdrawn' ? 'shift_taken' : 'proposal_closed',
        p.status === 'taken' || p.status === 'withdrawn'
          ? 'Ce travail a déjà été donné à une autre personne. Merci quand même !'
          : 'Vous avez déjà répondu à cette proposition.',
      );
    }
    const actor = { organisationId: p.organisationId, userId: null as unknown as string };
    const shift = await findShift(tx, p.organisationId, p.shiftId, true);
    if (answer === 'decline') {
      await tx
        .update(shiftProposals)
        .set({ status: 'declined', respondedAt: new Date() })
        .where(eq(shiftProposals.id, p.id));
      await recordAudit({ db: tx, actor, action: 'proposal.decline', recordType: 'shift_proposal', recordId: p.id });
      return { status: 'declined' as const };
    }
    if (shift.status !== 'open') {
      await tx
        .update(shiftProposals)
        .set({ status: 'taken', respondedAt: new Date() })
        .where(eq(shiftProposals.id, p.id));
      return { status: 'taken' as const };
    }
    const others = await tx
      .select({
        id: shiftProposals.id,
        workerId: shiftProposals.workerId,
        email: workers.email,
        firstName: workers.firstName,
      })
      .from(shiftProposals)
      .innerJoin(workers, eq(workers.id, shiftProposals.workerId))
      .where(
        and(eq(shiftProposals.shiftId, p.shiftId), eq(shiftProposals.status, 'pending'), ne(shiftProposals.id, p.id)),
      );
    await assignShift({ db: tx, actor, shiftId: p.shiftId, workerId: p.workerId, mustBeOpen: true });
    await tx
      .update(shiftProposals)
      .set({ status: 'accepted', respondedAt: new Date() })
      .where(eq(shiftProposals.id, p.id));
    for (const o of others) {
      await tx
        .update(shiftProposals)
        .set({ status: 'taken', respondedAt: new Date() })
        .where(eq(shiftProposals.id, o.id));
      if (o.email) {
        await queueEmail({
          db: tx,
          to: o.email,
          subject: `Travail ${shiftWhen(shift.startAt, shift.endAt)} : déjà pris`,
          text: `Bonjour ${o.firstName},\n\nLe travail proposé ${shiftWhen(shift.startAt, shift.endAt)} (${romeLabel(shift.rome)}) a été pris par une autre personne.\n\nMerci. On vous proposera d’autres heures bientôt.`,
          organisationId: p.organisationId,
          related: { type: 'shift_proposal', id: o.id },
        });
      }
    }
    const [w] = await tx
      .select({ firstName: workers.firstName, lastName: workers.lastName })
      .from(workers)
      .where(eq(workers.id, p.workerId));
    for (const email of await officerEmails(tx, p.organisationId, [shift.referentUserId])) {
      await queueEmail({
        db: tx,
        to: email,
        subject: `${w.firstName} ${w.lastName} a accepté le créneau ${shiftWhen(shift.startAt, shift.endAt)}`,
        text: `${w.firstName} ${w.lastName} a accepté le créneau ${shiftWhen(shift.startAt, shift.endAt)} chez ${shift.clientName}. Le planning est à jour.`,
        organisationId: p.organisationId,
        related: { type: 'shift', id: shift.id },
      });
    }
    await recordAudit({ db: tx, actor, action: 'proposal.accept', recordType: 'shift_proposal', recordId: p.id });
    return { status: 'accepted' as const };
  });
}
