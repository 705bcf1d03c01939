import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { memberships, organisations, users } from '../accounts/queries.js';
import { addDays, frenchDate, parisToday } from '../calendar/paris-time.js';
import { queueEmail } from '../notifications/queue-email.js';
import { workerExits } from '../support/queries.js';
import { fullName } from './find-worker.js';
import { daysLeft, reachedThresholds } from './rules/pass-dates.js';
import { passAlerts, passes, workers } from './schema.js';

export type SendPassAlertsOptions = { db: Db; now?: Date; publicUrl?: string };

/**
 * The daily alert (PRODUCT.md "PASS IAE expiring in waves … alerts early"): 60 and 30 days before a PASS ends,
 * its worker's referent (or the AI's admins when there is none) gets one email per threshold. An extension
 * moves the end, which re-arms the alerts for the new end.
 */
export async function sendPassAlerts({ db, now = new Date(), publicUrl = '' }: SendPassAlertsOptions) {
  const today = parisToday(now);
  const horizon = addDays(today, 60);
  const candidates = await db
    .select({ pass: passes, worker: workers, orgName: organisations.name })
    .from(passes)
    .innerJoin(workers, eq(workers.id, passes.workerId))
    .innerJoin(organisations, eq(organisations.id, passes.organisationId))
    .where(
      and(
        sql`${passes.endDate} BETWEEN ${today} AND ${horizon}`,
        sql`${workers.anonymisedAt} IS NULL`,
        sql`NOT EXISTS (SELECT 1 FROM ${workerExits} e WHERE e.worker_id = "workers"."id")`,
        // Only the worker's latest PASS matters.
        sql`${passes.endDate} = (SELECT max(p2.end_date) FROM passes p2 WHERE p2.worker_id = "workers"."id")`,
      ),
    );
  let sent = 0;
  for (const { pass, worker, orgName } of candidates) {
    const reached = reachedThresholds(pass.endDate, today);
    if (reached.length === 0) continue;
    const already = await db
      .select({ t: passAlerts.thresholdDays })
      .from(passAlerts)
      .where(and(eq(passAlerts.passId, pass.id), eq(passAlerts.endDate, pass.endDate)));
    const done = new Set(already.map((a) => a.t));
    const due = reached.filter((t) => !done.has(t));
    if (due.length === 0) continue;
    await db.transaction(async (tx) => {
      for (const t of due) {
        await tx
          .insert(passAlerts)
          .values({ organisationId: pass.organisationId, passId: pass.id, thresholdDays: t, endDate: pass.endDate })
          .onConflictDoNothing();
      }
      const recipients = worker.referentUserId
        ? await tx.select({ email: users.email }).from(users).where(eq(users.id, worker.referentUserId))
        : await tx
            .select({ email: users.email })
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(memberships.organisationId, pass.organisationId), eq(memberships.role, 'org_admin')));
      const left = daysLeft(pass.endDate, today);
      for (const r of recipients) {
        await queueEmail({
          db: tx,
          to: r.email,
          organisationId: pass.organisationId,
          related: { type: 'worker', id: worker.id },
          subject: `PASS IAE de ${fullName(worker)} : fin le ${frenchDate(pass.endDate)} (dans ${left} jours)`,
          text: [
            'Bonjour,',
            '',
            `Le PASS IAE n° ${pass.number} de ${fullName(worker)} se termine le ${frenchDate(pass.endDate)}, dans ${left} jours.`,
            'Demandez une prolongation si la personne y a droit (RQTH, 50 ans et plus, difficultés particulières).',
            'Après cette date, aucune mission ne pourra lui être confiée.',
            '',
            `Fiche de la personne : ${publicUrl}/ai/${pass.organisationId}/salaries/${worker.id}`,
            '',
            orgName,
          ].join('\n'),
        });
        sent++;
      }
    });
  }
  return { emails: sent };
}
