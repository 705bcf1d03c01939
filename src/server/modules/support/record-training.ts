import { validationFailed } from '../../http/errors.js';
import { type TRAINING_STATUSES, trainings } from './schema.js';
import { inSupportFile, type SupportFileBase } from './write-in-support-file.js';

export type TrainingInput = {
  title: string;
  provider?: string | null;
  startDate: string;
  endDate?: string | null;
  status?: (typeof TRAINING_STATUSES)[number];
};

export const presentTraining = (t: typeof trainings.$inferSelect) => ({
  id: t.id,
  title: t.title,
  provider: t.provider,
  startDate: t.startDate,
  endDate: t.endDate,
  status: t.status,
});

export async function recordTraining(o: SupportFileBase & { input: TrainingInput }) {
  if (o.input.endDate && o.input.endDate < o.input.startDate)
    throw validationFailed([{ path: 'endDate', message: 'La fin de la formation précède son début.' }]);
  return inSupportFile(o, 'support.training.record', async (tx) => {
    const [row] = await tx
      .insert(trainings)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        title: o.input.title,
        provider: o.input.provider ?? null,
        startDate: o.input.startDate,
        endDate: o.input.endDate ?? null,
        status: o.input.status ?? 'planned',
      })
      .returning();
    return presentTraining(row);
  });
}
