import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { SmsGatewayError, type SmsSender } from './sms-sender.js';

const MAX_ATTEMPTS = 5;

/**
 * Delivers pending SMS, like sendOutbox does emails: rows are claimed with SKIP LOCKED (several app servers never
 * send one twice), a failure is retried on the next runs up to 5 attempts, a permanent refusal (4xx) stops at
 * once. Without a sender (no SMS_URL) pending SMS are captured for the dev outbox.
 */
export async function sendSmsOutbox({ db, sender, batch = 20 }: { db: Db; sender?: SmsSender; batch?: number }) {
  if (!sender) {
    await db.execute(sql`UPDATE outbox_sms SET status = 'captured' WHERE status = 'pending'`);
    return { sent: 0, failed: 0 };
  }
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`
      SELECT id, "to", text, encoding, attempts FROM outbox_sms
      WHERE status = 'pending' ORDER BY created_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`)) as unknown as {
      rows: { id: string; to: string; text: string; encoding: string; attempts: number }[];
    };
    for (const sms of rows) {
      try {
        const { messageId } = await sender.send({
          to: sms.to,
          text: sms.text,
          unicode: sms.encoding === 'ucs2',
          reference: sms.id,
        });
        await tx.execute(
          sql`UPDATE outbox_sms SET status = 'sent', sent_at = now(), attempts = attempts + 1, provider_message_id = ${messageId || null}, last_error = NULL WHERE id = ${sms.id}`,
        );
        sent++;
      } catch (err) {
        const permanent = err instanceof SmsGatewayError && err.permanent;
        const status = permanent || sms.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await tx.execute(
          sql`UPDATE outbox_sms SET status = ${status}, attempts = attempts + 1, last_error = ${String((err as Error).message).slice(0, 500)} WHERE id = ${sms.id}`,
        );
        failed++;
      }
    }
  });
  return { sent, failed };
}
