import { and, eq } from 'drizzle-orm';
import { presentImmersion } from './record-immersion.js';
import { immersions } from './schema.js';
import { inSupportFile, notFoundUnless, type SupportFileBase } from './write-in-support-file.js';

export async function recordImmersionOutcome(o: SupportFileBase & { immersionId: string; outcome: string }) {
  return inSupportFile(o, 'support.immersion.outcome', async (tx) => {
    const [row] = await tx
      .update(immersions)
      .set({ outcome: o.outcome })
      .where(and(eq(immersions.id, o.immersionId), eq(immersions.workerId, o.workerId)))
      .returning();
    return presentImmersion(notFoundUnless(row, 'Cette immersion'));
  });
}
