import { and, eq } from 'drizzle-orm';
import { validationFailed } from '../../http/errors.js';
import { parisToday } from '../calendar/paris-time.js';
import { type BarrierInput, presentBarrier } from './add-barrier.js';
import { barriers } from './schema.js';
import { inSupportFile, notFoundUnless, type SupportFileBase } from './write-in-support-file.js';

export async function updateBarrier(o: SupportFileBase & { barrierId: string; input: Partial<BarrierInput> }) {
  return inSupportFile(o, 'support.barrier.update', async (tx) => {
    const [current] = await tx
      .select()
      .from(barriers)
      .where(and(eq(barriers.id, o.barrierId), eq(barriers.workerId, o.workerId)));
    notFoundUnless(current, 'Ce frein');
    const status = o.input.status ?? current.status;
    const liftedOn = status === 'lifted' ? (o.input.liftedOn ?? current.liftedOn ?? parisToday()) : null;
    if (liftedOn && liftedOn < (o.input.identifiedOn ?? current.identifiedOn))
      throw validationFailed([{ path: 'liftedOn', message: 'Un frein est levé après avoir été repéré.' }]);
    const [row] = await tx
      .update(barriers)
      .set({
        intensity: o.input.intensity ?? current.intensity,
        details: o.input.details === undefined ? current.details : o.input.details,
        identifiedOn: o.input.identifiedOn ?? current.identifiedOn,
        category: o.input.category ?? current.category,
        status,
        liftedOn,
        updatedAt: new Date(),
      })
      .where(eq(barriers.id, o.barrierId))
      .returning();
    return presentBarrier(row, o.actor);
  });
}
