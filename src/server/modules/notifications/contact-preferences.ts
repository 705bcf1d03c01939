import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { workers } from '../workers/queries.js';
import { reachWorker } from './rules/reach-worker.js';
import { mobileE164 } from './rules/sms-length.js';
import { type ContactChannel, workerContactPreferences } from './schema.js';

export type ContactPreferences = { channel: ContactChannel; smsOptedOut: boolean; sharePosition: boolean };
const DEFAULT: ContactPreferences = { channel: 'both', smsOptedOut: false, sharePosition: false };

/** A worker's contact preferences (defaults when never set). */
export async function readContactPreferences({
  db,
  organisationId,
  workerId,
}: {
  db: Db;
  organisationId: string;
  workerId: string;
}): Promise<ContactPreferences> {
  const [row] = await db
    .select()
    .from(workerContactPreferences)
    .where(
      and(eq(workerContactPreferences.organisationId, organisationId), eq(workerContactPreferences.workerId, workerId)),
    );
  return row ? { channel: row.channel, smsOptedOut: !!row.smsOptOutAt, sharePosition: row.sharePosition } : DEFAULT;
}

/**
 * How to reach this worker now for something that cannot wait: the mobile (E.164) to text and/or the email to
 * write, following their preference and their STOP (rules/reach-worker.ts).
 */
export async function workerChannels({
  db,
  organisationId,
  workerId,
}: {
  db: Db;
  organisationId: string;
  workerId: string;
}): Promise<{ sms: string | null; email: string | null }> {
  const [worker] = await db
    .select({ email: workers.email, phone: workers.phone })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.organisationId, organisationId)));
  if (!worker) return { sms: null, email: null };
  const prefs = await readContactPreferences({ db, organisationId, workerId });
  const mobile = mobileE164(worker.phone);
  const reach = reachWorker({ email: worker.email, mobile, preference: prefs.channel, smsOptedOut: prefs.smsOptedOut });
  return { sms: reach.sms ? mobile : null, email: reach.email ? worker.email : null };
}

/**
 * The worker (their own) or an officer (on the worker's behalf, e.g. after a phone call) changes the preferred
 * channel, the SMS opt-out, or the position consent. Only the keys given change.
 */
export async function setContactPreferences({
  db,
  actor,
  workerId,
  patch,
}: {
  db: Db;
  actor: OrgActor;
  workerId: string;
  patch: Partial<ContactPreferences>;
}) {
  return db.transaction(async (tx) => {
    const [worker] = await tx
      .select({ id: workers.id })
      .from(workers)
      .where(and(eq(workers.id, workerId), eq(workers.organisationId, actor.organisationId)));
    if (!worker) throw notFound('Cette personne');
    const current = await readContactPreferences({ db: tx, organisationId: actor.organisationId, workerId });
    const next = { ...current, ...patch };
    const values = {
      channel: next.channel,
      smsOptOutAt: next.smsOptedOut ? sql`coalesce(${workerContactPreferences.smsOptOutAt}, now())` : null,
      sharePosition: next.sharePosition,
      updatedAt: new Date(),
    };
    await tx
      .insert(workerContactPreferences)
      .values({
        organisationId: actor.organisationId,
        workerId,
        channel: next.channel,
        smsOptOutAt: next.smsOptedOut ? new Date() : null,
        sharePosition: next.sharePosition,
      })
      .onConflictDoUpdate({
        target: [workerContactPreferences.organisationId, workerContactPreferences.workerId],
        set: values,
      });
    await recordAudit({
      db: tx,
      actor,
      action: 'worker.contact_preferences',
      recordType: 'worker',
      recordId: workerId,
      details: { before: current, after: next },
    });
    return next;
  });
}

/**
 * A STOP received by the gateway from this number: every worker with this mobile, in every organisation, gets
 * no more SMS. Returns how many records were opted out.
 */
export async function optOutSmsByNumber({ db, from }: { db: Db; from: string }) {
  const e164 = mobileE164(from.startsWith('+') || from.startsWith('0') ? from : `+${from}`);
  if (!e164) return { optedOut: 0 };
  const national = e164.startsWith('+33') ? `0${e164.slice(3)}` : e164;
  const rows = await db
    .select({ id: workers.id, organisationId: workers.organisationId })
    .from(workers)
    .where(sql`regexp_replace(coalesce(${workers.phone}, ''), '[^0-9+]', '', 'g') IN (${e164}, ${national})`);
  for (const w of rows) {
    await db
      .insert(workerContactPreferences)
      .values({ organisationId: w.organisationId, workerId: w.id, smsOptOutAt: new Date() })
      .onConflictDoUpdate({
        target: [workerContactPreferences.organisationId, workerContactPreferences.workerId],
        set: { smsOptOutAt: sql`coalesce(${workerContactPreferences.smsOptOutAt}, now())`, updatedAt: new Date() },
      });
  }
  return { optedOut: rows.length };
}
