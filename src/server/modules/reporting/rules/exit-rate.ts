import type { ExitCategory } from '../../support/queries.js';

/** Exits of a period per ASP category, counting only persons who worked ≥ 150 h (support/exit-statistics.ts). */
export type ExitsByCategory = Record<ExitCategory, number>;

/**
 * The dynamic exit rate of the DGEFP (IAE performance indicator, dialogue de gestion):
 * (durable + transition + positive) / (all exits − withdrawals). Withdrawals ("retraits": retirement, long
 * illness, move, death…) are neutral and leave both sides. Exits of persons under 150 h worked are not in
 * `exits` at all (PRODUCT.md: an AI exit counts only after 150 h). Null when no exit counts.
 * Rounded to the thousandth.
 */
export function dynamicExitRate(exits: ExitsByCategory): number | null {
  const dynamic = exits.durable + exits.transition + exits.positive;
  const denominator = dynamic + exits.other;
  if (denominator <= 0) return null;
  return Math.round((dynamic / denominator) * 1000) / 1000;
}

/** Median of a list of numbers (rounded), null for an empty list: times to claim, to fill, to answer. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? Math.round(s[mid]) : Math.round((s[mid - 1] + s[mid]) / 2);
}
