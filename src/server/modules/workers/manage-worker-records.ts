import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, validationFailed } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findWorker } from './find-worker.js';
import { healthVisits, workerCertificates, workerUnavailabilities } from './schema.js';

/** Certificates, occupational health visits and one-off unavailabilities of a worker. */

type Base = { db: Db; actor: OrgActor; workerId: string };

export type CertificateInput = { kind: string; label: string; obtainedOn?: string | null; expiresOn?: string | null };

export async function addCertificate({ db, actor, workerId, input }: Base & { input: CertificateInput }) {
  if (input.obtainedOn && input.expiresOn && input.expiresOn < input.obtainedOn)
    throw validationFailed([{ path: 'expiresOn', message: 'L’expiration précède l’obtention.' }]);
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const [row] = await tx
      .insert(workerCertificates)
      .values({
        organisationId: actor.organisationId,
        workerId,
        kind: input.kind,
        label: input.label,
        obtainedOn: input.obtainedOn ?? null,
        expiresOn: input.expiresOn ?? null,
      })
      .returning();
    await recordAudit({ db: tx, actor, action: 'worker.certificate.add', recordType: 'worker', recordId: workerId });
    return { id: row.id, kind: row.kind, label: row.label, obtainedOn: row.obtainedOn, expiresOn: row.expiresOn };
  });
}

export async function removeCertificate({ db, actor, workerId, certificateId }: Base & { certificateId: string }) {
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const deleted = await tx
      .delete(workerCertificates)
      .where(and(eq(workerCertificates.id, certificateId), eq(workerCertificates.workerId, workerId)))
      .returning();
    if (deleted.length === 0) throw notFound('Ce certificat');
    await recordAudit({ db: tx, actor, action: 'worker.certificate.remove', recordType: 'worker', recordId: workerId });
  });
}

export type HealthVisitInput = { kind: string; dueOn: string; doneOn?: string | null };

export async function addHealthVisit({ db, actor, workerId, input }: Base & { input: HealthVisitInput }) {
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const [row] = await tx
      .insert(healthVisits)
      .values({
        organisationId: actor.organisationId,
        workerId,
        kind: input.kind,
        dueOn: input.dueOn,
        doneOn: input.doneOn ?? null,
      })
      .returning();
    await recordAudit({ db: tx, actor, action: 'worker.health_visit.add', recordType: 'worker', recordId: workerId });
    return row;
  });
}

export async function updateHealthVisit({
  db,
  actor,
  workerId,
  visitId,
  doneOn,
}: Base & { visitId: string; doneOn: string | null }) {
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const [row] = await tx
      .update(healthVisits)
      .set({ doneOn })
      .where(and(eq(healthVisits.id, visitId), eq(healthVisits.workerId, workerId)))
      .returning();
    if (!row) throw notFound('Cette visite');
    await recordAudit({
      db: tx,
      actor,
      action: 'worker.health_visit.update',
      recordType: 'worker',
      recordId: workerId,
    });
    return row;
  });
}

export const presentUnavailability = (u: typeof workerUnavailabilities.$inferSelect) => ({
  id: u.id,
  workerId: u.workerId,
  start: u.startAt.toISOString(),
  end: u.endAt.toISOString(),
  reason: u.reason,
});

/** Upcoming (and running) unavailabilities of a worker, soonest first. */
export async function listUnavailabilities({ db, actor, workerId, from }: Base & { from?: Date }) {
  await findWorker(db, actor, workerId);
  const rows = await db
    .select()
    .from(workerUnavailabilities)
    .where(and(eq(workerUnavailabilities.workerId, workerId), gte(workerUnavailabilities.endAt, from ?? new Date(0))))
    .orderBy(asc(workerUnavailabilities.startAt));
  return { items: rows.map(presentUnavailability), total: rows.length };
}

export type UnavailabilityInput = { start: string; end: string; reason?: string | null };

/**
 * Declares a one-off unavailability (by the worker from the phone page, or by the AI's staff);
 * planning refuses to assign shifts during it.
 */
export async function declareUnavailability({ db, actor, workerId, input }: Base & { input: UnavailabilityInput }) {
  const start = new Date(input.start);
  const end = new Date(input.end);
  if (!(end > start)) throw validationFailed([{ path: 'end', message: 'La fin doit suivre le début.' }]);
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const [row] = await tx
      .insert(workerUnavailabilities)
      .values({
        organisationId: actor.organisationId,
        workerId,
        startAt: start,
        endAt: end,
        reason: input.reason ?? null,
      })
      .returning();
    await recordAudit({
      db: tx,
      actor,
      action: 'worker.unavailability.declare',
      recordType: 'worker',
      recordId: workerId,
      details: { id: row.id },
    });
    return presentUnavailability(row);
  });
}

export async function removeUnavailability({
  db,
  actor,
  workerId,
  unavailabilityId,
}: Base & { unavailabilityId: string }) {
  return db.transaction(async (tx) => {
    await findWorker(tx, actor, workerId);
    const deleted = await tx
      .delete(workerUnavailabilities)
      .where(and(eq(workerUnavailabilities.id, unavailabilityId), eq(workerUnavailabilities.workerId, workerId)))
      .returning();
    if (deleted.length === 0) throw notFound('Cette indisponibilité');
    await recordAudit({
      db: tx,
      actor,
      action: 'worker.unavailability.remove',
      recordType: 'worker',
      recordId: workerId,
    });
  });
}
