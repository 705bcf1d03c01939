import { and, eq } from 'drizzle-orm';
import { type ACTION_STATUSES, barriers, supportActions } from './schema.js';
import { inSupportFile, notFoundUnless, type SupportFileBase } from './write-in-support-file.js';

export type ActionInput = {
  label: string;
  partner?: string | null;
  barrierId?: string | null;
  dueOn?: string | null;
  status?: (typeof ACTION_STATUSES)[number];
};

export const presentAction = (a: typeof supportActions.$inferSelect) => ({
  id: a.id,
  barrierId: a.barrierId,
  label: a.label,
  partner: a.partner,
  dueOn: a.dueOn,
  status: a.status,
});

export async function addAction(o: SupportFileBase & { input: ActionInput }) {
  return inSupportFile(o, 'support.action.add', async (tx) => {
    if (o.input.barrierId) {
      const [b] = await tx
        .select({ id: barriers.id })
        .from(barriers)
        .where(and(eq(barriers.id, o.input.barrierId), eq(barriers.workerId, o.workerId)));
      notFoundUnless(b, 'Ce frein');
    }
    const [row] = await tx
      .insert(supportActions)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        label: o.input.label,
        partner: o.input.partner ?? null,
        barrierId: o.input.barrierId ?? null,
        dueOn: o.input.dueOn ?? null,
        status: o.input.status ?? 'planned',
      })
      .returning();
    return presentAction(row);
  });
}
