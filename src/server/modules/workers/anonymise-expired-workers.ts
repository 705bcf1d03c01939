import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { organisations } from '../accounts/queries.js';
import { removeWorkerMemberships } from '../accounts/remove-worker-memberships.js';
import { recordAudit } from '../audit/record-audit.js';
import { parisToday } from '../calendar/paris-time.js';
import { withDefaults } from '../settings/organisation-settings.js';
import { blankSupportFile } from '../support/blank-support-file.js';
import { workerExits } from '../support/queries.js';
import { addMonths } from './rules/dates.js';
import { eligibilityDiagnoses, passExtensions, passes, workerCertificates, workers } from './schema.js';

export type AnonymiseExpiredWorkersOptions = { db: Db; now?: Date; organisationId?: string };

/**
 * RGPD retention (PRODUCT.md "records are anonymised after the legal retention period (a setting)"): the identity
 * of a worker whose exit is older than the organisation's retentionYears (default 5) is blanked; what statistics
 * need stays (commune, birth year, jobs, hours, contracts, PASS dates, exit category).
 */
export async function anonymiseExpiredWorkers({
  db,
  now = new Date(),
  organisationId,
}: AnonymiseExpiredWorkersOptions) {
  const today = parisToday(now);
  const orgs = await db
    .select({ id: organisations.id, settings: organisations.settings })
    .from(organisations)
    .where(organisationId ? eq(organisations.id, organisationId) : undefined);
  let count = 0;
  for (const org of orgs) {
    const { retentionYears } = withDefaults(org.settings);
    const before = addMonths(today, -12 * retentionYears);
    const due = await db
      .select({ id: workers.id, birthDate: workers.birthDate })
      .from(workers)
      .innerJoin(workerExits, eq(workerExits.workerId, workers.id))
      .where(and(eq(workers.organisationId, org.id), isNull(workers.anonymisedAt), lt(workerExits.exitDate, before)));
    for (const w of due) {
      await db.transaction(async (tx) => {
        await tx
          .update(workers)
          .set({
            firstName: 'Personne',
            lastName: `anonymisée ${w.id.slice(0, 6)}`,
            birthDate: `${w.birthDate.slice(0, 4)}-01-01`,
            email: null,
            phone: null,
            addressLine: null,
            postalCode: null,
            weeklyAvailability: {},
            anonymisedAt: now,
          })
          .where(eq(workers.id, w.id));
        await tx
          .update(eligibilityDiagnoses)
          .set({ evidence: null, prescriberName: null })
          .where(eq(eligibilityDiagnoses.workerId, w.id));
        await tx
          .update(passExtensions)
          .set({ evidence: null })
          .where(sql`${passExtensions.passId} IN (SELECT id FROM ${passes} WHERE worker_id = ${w.id})`);
        await tx.delete(workerCertificates).where(eq(workerCertificates.workerId, w.id));
        await blankSupportFile(tx, w.id);
        await removeWorkerMemberships(tx, w.id);
        await recordAudit({
          db: tx,
          actor: { organisationId: org.id },
          action: 'worker.anonymise',
          recordType: 'worker',
          recordId: w.id,
          details: { retentionYears },
        });
      });
      count++;
    }
  }
  return { anonymised: count };
}
