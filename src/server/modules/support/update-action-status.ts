import { and, eq } from 'drizzle-orm';
import { presentAction } from './add-action.js';
import { type ACTION_STATUSES, supportActions } from './schema.js';
import { inSupportFile, notFoundUnless, type SupportFileBase } from './write-in-support-file.js';

export async function updateActionStatus(
  o: SupportFileBase & { actionId: string; status: (typeof ACTION_STATUSES)[number] },
) {
  return inSupportFile(o, 'support.action.update', async (tx) => {
    const [row] = await tx
      .update(supportActions)
      .set({ status: o.status })
      .where(and(eq(supportActions.id, o.actionId), eq(supportActions.workerId, o.workerId)))
      .returning();
    return presentAction(notFoundUnless(row, 'Cette action'));
  });
}
