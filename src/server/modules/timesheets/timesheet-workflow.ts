import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { clients } from '../clients/queries.js';
import { queueEmail } from '../notifications/queue-email.js';
import { assertOpen, findTimesheet, type Timesheet } from './find-timesheet.js';
import { frenchMonth } from './month.js';
import { timesheets } from './schema.js';
import { syncTimesheets } from './sync-timesheets.js';

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Who acts: a logged-in member, or the client through the private link (no user). */
export type WorkflowActor = Pick<OrgActor, 'organisationId' | 'clientId' | 'role'> & { userId: string | null };

/** The timesheet behind a private validation link, or 404. */
export async function findTimesheetByToken(db: Db, token: string): Promise<Timesheet> {
  const [t] = await db
    .select()
    .from(timesheets)
    .where(eq(timesheets.tokenHash, hash(token)));
  if (!t) throw notFound('Ce relevé d’heures');
  return t;
}

/** Sends (or sends again) the timesheet to the client: a new private link by email. */
export async function sendTimesheet({
  db,
  actor,
  id,
  publicUrl,
}: {
  db: Db;
  actor: OrgActor;
  id: string;
  publicUrl: string;
}) {
  return db.transaction(async (tx) => {
    // The client validates what is sent: the timesheet first takes in the shifts changed since it was prepared.
    const before = await findTimesheet(tx, actor, id);
    assertOpen(before);
    await syncTimesheets({ db: tx, organisationId: actor.organisationId, month: before.month });
    const t = await findTimesheet(tx, actor, id);
    const token = crypto.randomBytes(24).toString('base64url');
    await tx
      .update(timesheets)
      .set({ status: 'sent', sentAt: new Date(), tokenHash: hash(token) })
      .where(eq(timesheets.id, t.id));
    const [client] = await tx.select().from(clients).where(eq(clients.id, t.clientId));
    const link = `${publicUrl.replace(/\/$/, '')}/releve/${token}`;
    const to = client.billingEmail ?? client.email;
    if (to) {
      await queueEmail({
        db: tx,
        to,
        organisationId: actor.organisationId,
        subject: `Relevé d’heures de ${frenchMonth(t.month)} à valider`,
        text: `Bonjour,\n\nLe relevé des heures effectuées chez ${client.name} en ${frenchMonth(t.month)} est prêt.\nVérifiez-le et validez-le, ou signalez une erreur :\n${link}\n\nMerci.`,
        related: { type: 'timesheet', id: t.id },
      });
    }
    await recordAudit({ db: tx, actor, action: 'timesheet.send', recordType: 'timesheet', recordId: t.id });
    return { status: 'sent' as const, link, emailedTo: to ?? null };
  });
}

async function transition(
  db: Db,
  actor: WorkflowActor,
  t: Timesheet,
  patch: Partial<Timesheet>,
  action: string,
  details?: unknown,
) {
  const [row] = await db
    .update(timesheets)
    .set(patch)
    .where(and(eq(timesheets.id, t.id), eq(timesheets.status, t.status)))
    .returning({ status: timesheets.status });
  if (!row)
    throw conflict('timesheet_changed', 'Ce relevé vient d’être modifié par quelqu’un d’autre. Rechargez la page.');
  await recordAudit({
    db,
    actor: { userId: actor.userId, organisationId: actor.organisationId },
    action,
    recordType: 'timesheet',
    recordId: t.id,
    details,
  });
  return row;
}

/** The client (portal or link) or an officer validates: the timesheet is then locked. */
export async function validateTimesheet({
  db,
  actor,
  timesheet,
  by,
}: {
  db: Db;
  actor: WorkflowActor;
  timesheet: Timesheet;
  by: string;
}) {
  return db.transaction(async (tx) => {
    assertOpen(timesheet);
    return transition(
      tx,
      actor,
      timesheet,
      { status: 'validated', validatedAt: new Date(), validatedBy: by, tokenHash: null },
      'timesheet.validate',
      { by },
    );
  });
}

/** The client disputes: the officer sees the reason and resolves it. */
export async function disputeTimesheet({
  db,
  actor,
  timesheet,
  reason,
  by,
}: {
  db: Db;
  actor: WorkflowActor;
  timesheet: Timesheet;
  reason: string;
  by: string;
}) {
  return db.transaction(async (tx) => {
    assertOpen(timesheet);
    if (timesheet.status !== 'sent')
      throw conflict('timesheet_not_sent', 'Ce relevé n’a pas été envoyé au client : il ne peut pas être contesté.');
    return transition(
      tx,
      actor,
      timesheet,
      { status: 'disputed', disputedAt: new Date(), disputeReason: `${reason} (${by})` },
      'timesheet.dispute',
      { reason, by },
    );
  });
}

/** The officer answers a dispute (after correcting entries): the timesheet goes back to the client. */
export async function resolveDispute({
  db,
  actor,
  id,
  resolution,
}: {
  db: Db;
  actor: OrgActor;
  id: string;
  resolution: string;
}) {
  return db.transaction(async (tx) => {
    const t = await findTimesheet(tx, actor, id);
    assertOpen(t);
    if (t.status !== 'disputed') throw conflict('timesheet_not_disputed', 'Ce relevé n’est pas contesté.');
    return transition(
      tx,
      { ...actor },
      t,
      { status: 'sent', resolvedAt: new Date(), resolution },
      'timesheet.resolve',
      { resolution },
    );
  });
}
