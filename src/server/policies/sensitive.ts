import { AppError } from '../http/errors.js';
import type { Role } from '../modules/accounts/schema.js';

/**
 * Sensitive data (RGPD art. 9: health, justice; and what the law of the IAE keeps private) is not a matter of
 * role but of a right given to a person by name: `memberships.sensitive_access`, held by support officers by
 * default and granted by the org admin to anyone else of the staff (a director who also follows people).
 *
 * Sensitive here: the details of barriers, the notes of support interviews, the eligibility criteria of a
 * worker (AAH, disability, refugee, homeless…) with their evidence, and the worker data export that gathers
 * them. Without the right, the records still open: those fields are present but hidden (`restricted: true`), so
 * that the team sees that something exists and whom to ask. Every read of them is logged (audit).
 */

/** The roles that may hold the right (the staff of an AI); also a constraint of the memberships table. */
export const SENSITIVE_ACCESS_ROLES = [
  'org_admin',
  'placement_officer',
  'support_officer',
  'accountant',
] as const satisfies readonly Role[];

/** Who holds the right when a membership is created without saying. */
export const sensitiveAccessByDefault = (role: Role) => role === 'support_officer';

/** The sentence shown in place of a hidden field. */
export const SENSITIVE_HIDDEN_TEXT = 'Information réservée aux personnes habilitées';

export function maySeeSensitive(actor: { role: Role | string; sensitiveAccess?: boolean }): boolean {
  return actor.sensitiveAccess === true && (SENSITIVE_ACCESS_ROLES as readonly string[]).includes(actor.role);
}

/** 403 for an operation that is nothing but sensitive data (the export of a worker's data). */
export function assertSensitiveAccess(actor: { role: Role | string; sensitiveAccess?: boolean }) {
  if (!maySeeSensitive(actor)) {
    throw new AppError(
      403,
      'sensitive_access_required',
      'Ces données sont sensibles : elles sont réservées aux personnes habilitées par la direction (accès aux données sensibles).',
    );
  }
}
