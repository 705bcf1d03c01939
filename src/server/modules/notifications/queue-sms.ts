import type { Db } from '../../db/connect.js';
import type { SmsEncoding } from './rules/sms-length.js';
import { outboxSms } from './schema.js';

export type QueueSmsOptions = {
  db: Db;
  organisationId: string;
  workerId?: string | null;
  /** E.164 (see rules/sms-length.ts mobileE164). */
  to: string;
  /** A text from rules/sms-texts.ts: already fitted, with its encoding and segments. */
  sms: { text: string; encoding: SmsEncoding; segments: number };
  /** The same key twice for an organisation queues one SMS only (e.g. 'proposal:<id>'). */
  dedupeKey?: string;
  related?: { type: string; id: string };
};

/** Call inside the transaction of the change that causes the SMS. Returns null when already queued (same key). */
export async function queueSms(o: QueueSmsOptions): Promise<string | null> {
  const rows = await o.db
    .insert(outboxSms)
    .values({
      organisationId: o.organisationId,
      workerId: o.workerId ?? null,
      to: o.to,
      text: o.sms.text,
      encoding: o.sms.encoding,
      segments: o.sms.segments,
      dedupeKey: o.dedupeKey ?? null,
      relatedType: o.related?.type ?? null,
      relatedId: o.related?.id ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: outboxSms.id });
  return rows[0]?.id ?? null;
}
