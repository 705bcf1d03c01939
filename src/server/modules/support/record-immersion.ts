import { validationFailed } from '../../http/errors.js';
import { immersions } from './schema.js';
import { inSupportFile, type SupportFileBase } from './write-in-support-file.js';

export type ImmersionInput = {
  host: string;
  startDate: string;
  endDate: string;
  objective: string;
  outcome?: string | null;
};

export const presentImmersion = (i: typeof immersions.$inferSelect) => ({
  id: i.id,
  host: i.host,
  startDate: i.startDate,
  endDate: i.endDate,
  objective: i.objective,
  outcome: i.outcome,
});

/** PMSMP: at most one month per host (Code du travail D5135-2). */
export async function recordImmersion(o: SupportFileBase & { input: ImmersionInput }) {
  if (o.input.endDate < o.input.startDate)
    throw validationFailed([{ path: 'endDate', message: 'La fin de l’immersion précède son début.' }]);
  return inSupportFile(o, 'support.immersion.record', async (tx) => {
    const [row] = await tx
      .insert(immersions)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        ...o.input,
        outcome: o.input.outcome ?? null,
      })
      .returning();
    return presentImmersion(row);
  });
}
