import type { Db } from '../../db/connect.js';
import { outboxEmails } from './schema.js';

export type QueueEmailOptions = {
  db: Db;
  to: string;
  subject: string;
  /** Plain text, the version every mail client shows; keep sentences short (UX.md). */
  text: string;
  html?: string;
  organisationId?: string | null;
  networkId?: string | null;
  related?: { type: string; id: string };
};

/** Call inside the transaction of the change that causes the email. */
export async function queueEmail(o: QueueEmailOptions) {
  const [row] = await o.db
    .insert(outboxEmails)
    .values({
      to: o.to,
      subject: o.subject,
      text: o.text,
      html: o.html ?? null,
      organisationId: o.organisationId ?? null,
      networkId: o.networkId ?? null,
      relatedType: o.related?.type ?? null,
      relatedId: o.related?.id ?? null,
    })
    .returning({ id: outboxEmails.id });
  return row.id;
}
