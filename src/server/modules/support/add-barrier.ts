import type { OrgActor } from '../../http/actor.js';
import { maySeeSensitive } from '../../policies/sensitive.js';
import { parisToday } from '../calendar/paris-time.js';
import { type BARRIER_STATUSES, type BarrierCategory, barriers } from './schema.js';
import { inSupportFile, type SupportFileBase } from './write-in-support-file.js';

export type BarrierInput = {
  category: BarrierCategory;
  intensity: number;
  status?: (typeof BARRIER_STATUSES)[number];
  details?: string | null;
  identifiedOn?: string;
  liftedOn?: string | null;
};

/** The details are sensitive: a writer without the right changes a barrier without reading them. */
export const presentBarrier = (b: typeof barriers.$inferSelect, actor: OrgActor) => ({
  id: b.id,
  category: b.category,
  intensity: b.intensity,
  status: b.status,
  details: maySeeSensitive(actor) ? b.details : null,
  restricted: !maySeeSensitive(actor),
  identifiedOn: b.identifiedOn,
  liftedOn: b.liftedOn,
});

export async function addBarrier(o: SupportFileBase & { input: BarrierInput }) {
  const status = o.input.status ?? 'identified';
  const liftedOn = status === 'lifted' ? (o.input.liftedOn ?? parisToday()) : null;
  return inSupportFile(o, 'support.barrier.add', async (tx) => {
    const [row] = await tx
      .insert(barriers)
      .values({
        organisationId: o.actor.organisationId,
        workerId: o.workerId,
        category: o.input.category,
        intensity: o.input.intensity,
        status,
        details: o.input.details ?? null,
        identifiedOn: o.input.identifiedOn ?? parisToday(),
        liftedOn,
      })
      .returning();
    return presentBarrier(row, o.actor);
  });
}
