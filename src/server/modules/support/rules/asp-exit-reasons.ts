import { ASP_EXIT_REASONS, type AspExitReason } from '../../../../shared/asp-exit-reasons.js';
import type { ExitCategory } from '../schema.js';

// The list lives in src/shared (the web app's exit form shows it); this file holds the rule.
export { ASP_EXIT_REASON_CODES, ASP_EXIT_REASONS, type AspExitReason } from '../../../../shared/asp-exit-reasons.js';

/** A reason given with a category must belong to it (the export would contradict itself otherwise). */
export function aspReasonProblem(category: ExitCategory, reason: AspExitReason | null | undefined): string | null {
  if (!reason) return null;
  const r = ASP_EXIT_REASONS[reason];
  return r.category === category
    ? null
    : `Le motif « ${r.label} » relève d’une autre catégorie de sortie que celle choisie : corrigez l’une ou l’autre.`;
}
