import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { recordAudit } from '../audit/record-audit.js';
import { jobsOf } from './get-need.js';
import { emailRoutedAi } from './notify-need.js';
import { needRoutes, needs } from './schema.js';

/**
 * Flags the routed needs nobody claimed by their deadline (the network console lists them first) and reminds,
 * once, each AI that has not answered. Safe to run on several servers at once: the conditional UPDATEs make
 * each need flagged and each AI reminded exactly once.
 */
export async function flagOverdueNeeds({ db, now = new Date(), publicUrl }: { db: Db; now?: Date; publicUrl: string }) {
  return db.transaction(async (tx) => {
    const flagged = await tx
      .update(needs)
      .set({ overdueAt: now })
      .where(and(eq(needs.status, 'routed'), lte(needs.deadlineAt, now), isNull(needs.overdueAt)))
      .returning();
    let reminders = 0;
    const jobs = await jobsOf(
      tx,
      flagged.map((n) => n.id),
    );
    for (const need of flagged) {
      const routes = await tx
        .update(needRoutes)
        .set({ remindedAt: now })
        .where(
          and(
            eq(needRoutes.needId, need.id),
            inArray(needRoutes.status, ['routed', 'viewed']),
            isNull(needRoutes.remindedAt),
          ),
        )
        .returning({ organisationId: needRoutes.organisationId });
      for (const r of routes) {
        await emailRoutedAi(tx, {
          need: { ...need, jobs: jobs.get(need.id) ?? [] },
          organisationId: r.organisationId,
          publicUrl,
          reminder: true,
        });
        reminders++;
      }
      await recordAudit({
        db: tx,
        actor: { networkId: need.networkId },
        action: 'need.overdue',
        recordType: 'need',
        recordId: need.id,
        details: { reminded: routes.map((r) => r.organisationId) },
      });
    }
    return { flagged: flagged.length, reminders };
  });
}
