import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { frenchDate } from '../calendar/paris-time.js';
import { queueEmail } from '../notifications/queue-email.js';
import { LEGAL } from '../settings/legal-figures.js';
import type { OrganisationSettings } from '../settings/organisation-settings.js';
import { addDueHealthVisit } from '../workers/add-due-health-visit.js';
import { addMonths } from './rules/hours-cap.js';
import type { WorkingTimeLimits } from './rules/working-time.js';

/** The kind of the health visit due at the first placement (R5132-26-7), as the worker record shows it. */
export const INFORMATION_VISIT_KIND = 'Visite d’information et de prévention';
/** Matches the kind however it was typed (apostrophe, case). */
export const INFORMATION_VISIT_MATCH = 'visite d%information%';

/** The organisation's working-time choices within the law (settings module). */
export function limitsOf(s: OrganisationSettings): WorkingTimeLimits {
  return {
    dailyMaxMinutes: s.dailyWorkMaxMinutes,
    complementaryShare:
      s.complementaryHoursShare === 'third' ? LEGAL.complementaryHoursShareByAgreement : LEGAL.complementaryHoursShare,
  };
}

/**
 * What the first placement needs to know about a worker's information visit, as columns of a select over
 * `workers` (the caller's read of the placement, so that this costs no round trip of its own): whether a visit of
 * that kind is recorded, and whom to tell — the worker's support referent, else every support officer of the
 * organisation. Plain SQL: in a one-table select, Drizzle would print the subqueries' columns without their table.
 */
export function informationVisitColumns(organisationId: string) {
  const active = sql`m.organisation_id = ${organisationId} AND u.disabled_at IS NULL`;
  return {
    visitRecorded: sql<boolean>`EXISTS (SELECT 1 FROM health_visits v WHERE v.worker_id = workers.id
      AND v.kind ILIKE ${INFORMATION_VISIT_MATCH})`,
    visitTell: sql<string[]>`coalesce(
      (SELECT json_build_array(u.email) FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE ${active} AND u.id = workers.referent_user_id LIMIT 1),
      (SELECT json_agg(DISTINCT u.email) FROM users u JOIN memberships m ON m.user_id = u.id
        WHERE ${active} AND m.role = 'support_officer'),
      '[]'::json)`,
  };
}

/**
 * At a worker's first placement, the medical information visit becomes due within the month after
 * (R5132-26-7): it is recorded on the worker's record (its health visits) and the support officer is told.
 * A night shift needs it done before (checkAssignment refuses otherwise). Call inside the assignment's
 * transaction with the worker's `informationVisitColumns`; does nothing when a visit of that kind is recorded.
 */
export async function ensureInformationVisit(
  db: Db,
  o: { organisationId: string; workerId: string; placementDate: string },
  w: { visitRecorded: boolean; visitTell: string[]; firstName: string; lastName: string },
): Promise<{ dueOn: string } | null> {
  if (w.visitRecorded) return null;
  const dueOn = addMonths(o.placementDate, LEGAL.informationVisitMonths);
  await addDueHealthVisit(db, {
    organisationId: o.organisationId,
    workerId: o.workerId,
    kind: INFORMATION_VISIT_KIND,
    dueOn,
  });
  for (const to of w.visitTell) {
    await queueEmail({
      db,
      to,
      organisationId: o.organisationId,
      subject: `Visite d’information et de prévention à organiser : ${w.firstName} ${w.lastName}`,
      text: `Bonjour,\n\n${w.firstName} ${w.lastName} est mis·e à disposition pour la première fois le ${frenchDate(o.placementDate)}.\nSa visite d’information et de prévention (médecine du travail) doit avoir lieu au plus tard le ${frenchDate(dueOn)} (art. R5132-26-7 du Code du travail). Elle est nécessaire avant tout travail de nuit.\n\nEnregistrez la date de la visite sur sa fiche dans Passerelle.`,
      related: { type: 'worker', id: o.workerId },
    });
  }
  return { dueOn };
}
