import { romeLabel } from './rome-jobs.js';
import type { rates } from './schema.js';

export const presentRate = (r: typeof rates.$inferSelect) => ({
  id: r.id,
  rome: r.rome,
  romeLabel: r.rome ? romeLabel(r.rome) : null,
  clientKind: r.clientKind,
  hourlyRateCents: r.hourlyRateCents,
  nightSurchargePct: r.nightSurchargePct,
  sundaySurchargePct: r.sundaySurchargePct,
  holidaySurchargePct: r.holidaySurchargePct,
  travelFeeCents: r.travelFeeCents,
  minimumBilledMinutes: r.minimumBilledMinutes,
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
});
