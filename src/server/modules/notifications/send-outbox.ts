import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/connect.js';

export type SendOutboxOptions = {
  db: Db;
  /** SMTP URL (smtp://user:pass@host:port); without it, emails are captured for the dev mailbox. */
  smtpUrl?: string;
  from?: string;
  batch?: number;
};

const MAX_ATTEMPTS = 5;

/**
 * Delivers pending emails. Rows are claimed with SKIP LOCKED so that several app servers can run
 * the sender at once without sending an email twice.
 */
export async function sendOutbox({
  db,
  smtpUrl,
  from = 'Passerelle <ne-pas-repondre@passerelle.test>',
  batch = 20,
}: SendOutboxOptions) {
  if (!smtpUrl) {
    await db.execute(sql`UPDATE outbox_emails SET status = 'captured' WHERE status = 'pending'`);
    return { sent: 0, failed: 0 };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const { rows } = (await tx.execute(sql`
      SELECT id, "to", subject, text, html, attempts FROM outbox_emails
      WHERE status = 'pending' ORDER BY created_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`)) as unknown as {
      rows: { id: string; to: string; subject: string; text: string; html: string | null; attempts: number }[];
    };
    for (const email of rows) {
      try {
        await transport.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html ?? undefined,
        });
        await tx.execute(
          sql`UPDATE outbox_emails SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ${email.id}`,
        );
        sent++;
      } catch (err) {
        const status = email.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await tx.execute(
          sql`UPDATE outbox_emails SET status = ${status}, attempts = attempts + 1, last_error = ${String((err as Error).message).slice(0, 500)} WHERE id = ${email.id}`,
        );
        failed++;
      }
    }
  });
  transport.close();
  return { sent, failed };
}
