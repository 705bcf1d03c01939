import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { memberships } from '../accounts/queries.js';
import { closeMonth } from './close-month.js';
import { monthCloses } from './schema.js';

export type ResumeResult = { organisationId: string; month: string; status: 'running' | 'done' | 'error' }[];

/**
 * A month close killed midway (crash, deploy, kill -9) stays `running` with part of its invoices issued. At
 * start the server finishes such closes by itself, through closeMonth's own re-run: the plan frozen at the first
 * run is followed, each client invoiced once, numbers without gap (see close-month.ts). The remaining invoices
 * are dated the day they are really issued, so numbers and dates stay in the same order. A close whose
 * finishing fails (e.g. timesheets found since that are not validated) stays `running` for the accountant to
 * see, as after any failed close; it is logged, and the next start tries again.
 */
export async function resumeInterruptedCloses({
  db,
  log = () => {},
}: {
  db: Db;
  log?: (message: string) => void;
}): Promise<ResumeResult> {
  const running = await db
    .select()
    .from(monthCloses)
    .where(eq(monthCloses.status, 'running'))
    .orderBy(asc(monthCloses.startedAt));
  const results: ResumeResult = [];
  for (const close of running) {
    // The audit trail names the person who started the close (else a member of the organisation); the role only
    // matters to forcing, which a resume never does.
    const userId = close.startedBy ?? (await anyMember(db, close.organisationId));
    try {
      if (!userId) throw new Error('no member to act for');
      const result = await closeMonth({
        db,
        actor: { organisationId: close.organisationId, role: 'accountant', userId },
        month: close.month,
      });
      results.push({ organisationId: close.organisationId, month: close.month, status: result.status });
      log(`Interrupted close of ${close.month} (organisation ${close.organisationId}) resumed: ${result.status}.`);
    } catch (err) {
      results.push({ organisationId: close.organisationId, month: close.month, status: 'error' });
      const code = (err as { code?: unknown }).code;
      log(
        `Interrupted close of ${close.month} (organisation ${close.organisationId}) could not be finished${typeof code === 'string' ? ` (${code})` : ''}: it stays running.`,
      );
    }
  }
  return results;
}

async function anyMember(db: Db, organisationId: string) {
  const [m] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.organisationId, organisationId))
    .limit(1);
  return m?.userId;
}
