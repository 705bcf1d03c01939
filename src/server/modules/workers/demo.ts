import { eq } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import { addDays } from '../calendar/paris-time.js';
import { storeEffectivePassEnd } from './pass-end.js';
import { addMonths } from './rules/dates.js';
import { type Criterion, diagnosisValidUntil } from './rules/eligibility.js';
import {
  eligibilityDiagnoses,
  healthVisits,
  passExtensions,
  passes,
  passSuspensions,
  workerCertificates,
  workers,
} from './schema.js';

const CRITERIA_SETS: Criterion[][] = [
  ['rsa'],
  ['rsa', 'single_parent'],
  ['very_long_term_unemployed', 'senior_50'],
  ['ass'],
  ['low_qualification', 'long_term_unemployed'],
  ['young_26', 'zrr_qpv_resident'],
  ['aah', 'disabled_worker'],
  ['french_below_a1', 'refugee', 'homeless'],
  ['mobility_problem', 'low_qualification'],
];
const EVIDENCE = [
  'Attestation CAF (RSA) du mois précédent l’embauche',
  'Relevé de situation France Travail',
  'Notification MDPH (RQTH)',
  'Attestation d’hébergement du CHRS',
  'Titre de séjour (réfugié) et attestation OFPRA',
];
const PRESCRIBERS = [
  'France Travail Créteil',
  'Mission locale des Bords de Marne',
  'CCAS de Créteil',
  'SPIP du Val-de-Marne',
];

/**
 * The workers' part of the story: every worker of the two full AIs has an eligibility diagnosis with evidence,
 * certificates and health visits (a few overdue), and some PASS IAE have been suspended or extended; a handful
 * end within 60 days (the base seed already makes some) so that the "PASS ending soon" list is not empty.
 */
export async function seedWorkersDemo(world: DemoWorld): Promise<void> {
  const { db, rng, today } = world;
  for (const org of world.orgs.slice(0, 2)) {
    for (const [i, w] of org.workers.entries()) {
      const [pass] = await db.select().from(passes).where(eq(passes.workerId, w.id));
      const author = rng.chance(0.6) ? 'prescriber' : 'ai';
      const madeOn = addDays(pass.startDate, -rng.int(5, 40));
      await db.insert(eligibilityDiagnoses).values({
        id: rng.uuid(),
        organisationId: org.id,
        workerId: w.id,
        author,
        prescriberName: author === 'prescriber' ? rng.pick(PRESCRIBERS) : null,
        madeOn,
        validUntil: diagnosisValidUntil(author, madeOn),
        criteria: rng.pick(CRITERIA_SETS),
        evidence: rng.pick(EVIDENCE),
        createdBy: org.users.support ?? org.users.admin,
      });
      if (rng.chance(0.35)) {
        await db.insert(workerCertificates).values({
          id: rng.uuid(),
          organisationId: org.id,
          workerId: w.id,
          kind: 'driving_licence',
          label: 'Permis B',
          obtainedOn: addDays(today, -rng.int(400, 5000)),
        });
      }
      if (w.jobs.some((j) => j.startsWith('G16')) || rng.chance(0.2)) {
        const obtained = addDays(today, -rng.int(100, 1000));
        await db.insert(workerCertificates).values({
          id: rng.uuid(),
          organisationId: org.id,
          workerId: w.id,
          kind: 'food_hygiene',
          label: 'Hygiène alimentaire (HACCP)',
          obtainedOn: obtained,
        });
      }
      const hired = pass.startDate;
      await db.insert(healthVisits).values({
        id: rng.uuid(),
        organisationId: org.id,
        workerId: w.id,
        kind: 'Visite d’information et de prévention',
        dueOn: addMonths(hired, 3),
        doneOn: i % 9 === 4 ? null : addDays(addMonths(hired, 3), -rng.int(1, 30)),
      });
      // A few suspensions (sick leave) and extensions (RQTH, 50+), each moving the stored effective end.
      if (i % 17 === 5) {
        const start = addDays(pass.startDate, rng.int(30, 90));
        await db.insert(passSuspensions).values({
          id: rng.uuid(),
          organisationId: org.id,
          passId: pass.id,
          startDate: start,
          endDate: addDays(start, rng.int(14, 60)),
          reason: 'contract_suspended',
          explanation: 'Arrêt maladie',
        });
        await storeEffectivePassEnd(db, org.id, pass.id);
      } else if (i % 23 === 7) {
        await db.insert(passExtensions).values({
          id: rng.uuid(),
          organisationId: org.id,
          passId: pass.id,
          reason: rng.pick(['rqth', 'senior_50'] as const),
          months: 12,
          requestedOn: addDays(pass.endDate, -45),
          evidence: 'Demande de prolongation validée sur Les emplois de l’inclusion',
          status: 'granted',
          decidedOn: addDays(pass.endDate, -30),
          decidedBy: 'France Travail',
        });
        await storeEffectivePassEnd(db, org.id, pass.id);
      }
    }
    // A few more PASS ending soon, between 10 and 55 days from today (never the demo worker's).
    for (const w of org.workers.slice(3, 7)) {
      const end = addDays(today, rng.int(10, 55));
      const [pass] = await db.select().from(passes).where(eq(passes.workerId, w.id));
      await db.delete(passSuspensions).where(eq(passSuspensions.passId, pass.id));
      await db.delete(passExtensions).where(eq(passExtensions.passId, pass.id));
      await db
        .update(passes)
        .set({ startDate: addDays(end, -729), endDate: end, grantedEndDate: null })
        .where(eq(passes.id, pass.id));
      await db
        .update(workers)
        .set({ hiredOn: addDays(end, -729) })
        .where(eq(workers.id, w.id));
      w.passEnd = end;
    }
    // A PASS ending soon whose prolongation (RQTH) awaits the authorised prescriber's decision: it does not
    // count yet (les-emplois ProlongationRequest PENDING), and the worker record offers to record the decision.
    const waiting = org.workers[3];
    if (waiting) {
      const [pass] = await db.select().from(passes).where(eq(passes.workerId, waiting.id));
      await db.insert(passExtensions).values({
        id: rng.uuid(),
        organisationId: org.id,
        passId: pass.id,
        reason: 'rqth',
        months: 12,
        requestedOn: addDays(today, -5),
        evidence: 'Notification MDPH ; bilan de parcours joint',
        status: 'pending',
      });
    }
  }
}
