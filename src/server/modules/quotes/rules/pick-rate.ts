/** What a rate row says, as far as choosing it goes. */
export type RateCandidate = {
  rome: string | null;
  clientKind: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
};

/**
 * The rate that applies to a job, a client kind and a day: among the rates effective that day
 * (effectiveFrom ≤ on ≤ effectiveTo), the most specific (job and kind > job only > kind only > default),
 * then the most recent. Old invoices keep old prices because a new rate closes the previous one
 * instead of changing it.
 */
export function pickRate<R extends RateCandidate>(
  rates: readonly R[],
  { rome, clientKind, on }: { rome: string; clientKind: string; on: string },
): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const r of rates) {
    if (r.effectiveFrom > on || (r.effectiveTo !== null && r.effectiveTo < on)) continue;
    if (r.rome !== null && r.rome !== rome) continue;
    if (r.clientKind !== null && r.clientKind !== clientKind) continue;
    const score = (r.rome ? 2 : 0) + (r.clientKind ? 1 : 0);
    if (score > bestScore || (score === bestScore && best && r.effectiveFrom > best.effectiveFrom)) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
