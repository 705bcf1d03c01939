import { and, eq } from 'drizzle-orm';
import { parisToday } from '../calendar/paris-time.js';
import { pathwaySteps, pathways, type STEP_STATUSES } from './schema.js';
import { inSupportFile, notFoundUnless, type SupportFileBase } from './write-in-support-file.js';

export async function updatePathwayStep(
  o: SupportFileBase & {
    pathwayId: string;
    stepId: string;
    status: (typeof STEP_STATUSES)[number];
    doneOn?: string | null;
  },
) {
  return inSupportFile(o, 'support.pathway.step', async (tx) => {
    const [p] = await tx
      .select({ id: pathways.id })
      .from(pathways)
      .where(and(eq(pathways.id, o.pathwayId), eq(pathways.workerId, o.workerId)));
    notFoundUnless(p, 'Ce parcours');
    const [row] = await tx
      .update(pathwaySteps)
      .set({ status: o.status, doneOn: o.status === 'done' ? (o.doneOn ?? parisToday()) : null })
      .where(and(eq(pathwaySteps.id, o.stepId), eq(pathwaySteps.pathwayId, o.pathwayId)))
      .returning();
    const s = notFoundUnless(row, 'Cette étape');
    return { id: s.id, position: s.position, kind: s.kind, label: s.label, status: s.status, doneOn: s.doneOn };
  });
}
