import { and, eq } from 'drizzle-orm';
import { presentTraining } from './record-training.js';
import { type TRAINING_STATUSES, trainings } from './schema.js';
import { inSupportFile, notFoundUnless, type SupportFileBase } from './write-in-support-file.js';

export async function updateTrainingStatus(
  o: SupportFileBase & { trainingId: string; status: (typeof TRAINING_STATUSES)[number] },
) {
  return inSupportFile(o, 'support.training.update', async (tx) => {
    const [row] = await tx
      .update(trainings)
      .set({ status: o.status })
      .where(and(eq(trainings.id, o.trainingId), eq(trainings.workerId, o.workerId)))
      .returning();
    return presentTraining(notFoundUnless(row, 'Cette formation'));
  });
}
