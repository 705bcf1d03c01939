import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { conflict, notFound, validationFailed } from '../../http/errors.js';
import { clients, sites } from '../clients/schema.js';
import { findJob } from '../directory/rome.js';
import { workers } from '../workers/schema.js';
import { MAX_SHIFT_MINUTES, makeSlot, type Slot } from './rules/assignment.js';
import { countsForHoursCap } from './rules/hours-cap.js';
import { missions, shifts } from './schema.js';

export const romeLabel = (rome: string) => findJob(rome)?.label ?? rome;

/** A shift with its mission, client and site: what checks, ranking and views need. */
export type ShiftRecord = {
  id: string;
  organisationId: string;
  missionId: string;
  clientId: string;
  clientName: string;
  clientEmail: string | null;
  clientKind: string;
  clientCounts: boolean;
  /** The client's legal form is not recorded yet: its hours count for the 480 h cap until it is. */
  clientLegalFormUnknown: boolean;
  siteId: string;
  siteName: string;
  siteCommune: string | null;
  siteCommuneCode: string;
  siteLat: number | null;
  siteLon: number | null;
  rome: string;
  referentUserId: string | null;
  workerId: string | null;
  status: 'open' | 'assigned' | 'cancelled';
  startAt: Date;
  endAt: Date;
  missionStart: string;
  missionEnd: string;
};

const shiftColumns = {
  id: shifts.id,
  organisationId: shifts.organisationId,
  missionId: shifts.missionId,
  clientId: shifts.clientId,
  clientName: clients.name,
  clientEmail: clients.email,
  clientKind: clients.kind,
  legalForm: clients.legalForm,
  siteId: sites.id,
  siteName: sites.name,
  siteCommune: sites.communeName,
  siteCommuneCode: sites.communeCode,
  siteLat: sites.lat,
  siteLon: sites.lon,
  rome: missions.rome,
  referentUserId: missions.referentUserId,
  workerId: shifts.workerId,
  status: shifts.status,
  startAt: shifts.startAt,
  endAt: shifts.endAt,
  missionStart: missions.startDate,
  missionEnd: missions.endDate,
};

/** One shift of this organisation (404 otherwise); `lock` takes a row lock for the rest of the transaction. */
export async function findShift(db: Db, organisationId: string, shiftId: string, lock = false): Promise<ShiftRecord> {
  const query = db
    .select(shiftColumns)
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(and(eq(shifts.id, shiftId), eq(shifts.organisationId, organisationId)));
  const [row] = lock ? await query.for('update', { of: shifts }) : await query;
  if (!row) throw notFound('Ce créneau');
  const { legalForm, ...rest } = row;
  return { ...rest, clientCounts: countsForHoursCap(legalForm), clientLegalFormUnknown: legalForm === null };
}

export function slotOf(s: ShiftRecord, times?: { start: Date; end: Date }): Slot {
  return makeSlot({
    id: s.id,
    start: times?.start ?? s.startAt,
    end: times?.end ?? s.endAt,
    clientId: s.clientId,
    clientName: s.clientName,
    clientCounts: s.clientCounts,
    clientLegalFormUnknown: s.clientLegalFormUnknown,
    rome: s.rome,
    romeLabel: romeLabel(s.rome),
    siteLat: s.siteLat,
    siteLon: s.siteLon,
  });
}

/** One mission of this organisation, with its client and site (404 otherwise). */
export async function findMission(db: Db, organisationId: string, missionId: string) {
  const [row] = await db
    .select({
      id: missions.id,
      clientId: missions.clientId,
      clientName: clients.name,
      clientKind: clients.kind,
      legalForm: clients.legalForm,
      siteId: missions.siteId,
      siteLat: sites.lat,
      siteLon: sites.lon,
      rome: missions.rome,
      startDate: missions.startDate,
      endDate: missions.endDate,
      referentUserId: missions.referentUserId,
    })
    .from(missions)
    .innerJoin(clients, eq(clients.id, missions.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(and(eq(missions.id, missionId), eq(missions.organisationId, organisationId)));
  if (!row) throw notFound('Cette mission');
  return { ...row, clientCounts: countsForHoursCap(row.legalForm), clientLegalFormUnknown: row.legalForm === null };
}

/**
 * The worker's name, checking it belongs to this organisation (404 for an unknown or foreign worker).
 * `lock` holds the worker's row until the transaction ends, so that checks on one worker run one at a time.
 */
export async function findWorkerName(db: Db, organisationId: string, workerId: string, lock = false) {
  const query = db
    .select({ firstName: workers.firstName, lastName: workers.lastName, email: workers.email })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.organisationId, organisationId)));
  const [w] = lock ? await query.for('update') : await query;
  if (!w) throw notFound('Ce·tte salarié·e');
  return { name: `${w.firstName} ${w.lastName}`, firstName: w.firstName, email: w.email };
}

/** Bad times are refused before anything is read or written (API.md: a clear error, nothing changed). */
export function assertShiftTimes(start: Date, end: Date, path = 'end') {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    throw validationFailed([{ path: 'start', message: 'Date et heure invalides.' }]);
  }
  if (end.getTime() <= start.getTime()) {
    throw validationFailed(
      [{ path, message: 'La fin du créneau doit être après son début.' }],
      'Le créneau finit avant de commencer.',
    );
  }
  if (end.getTime() - start.getTime() > MAX_SHIFT_MINUTES * 60_000) {
    throw validationFailed(
      [{ path, message: 'Un créneau dure au plus 12 heures.' }],
      'Un créneau ne peut pas durer plus de 12 heures.',
    );
  }
}

/** The database's exclusion constraint (shifts_no_overlap) caught a race: same answer as the rule. */
export function isOverlapViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23P01' || e?.cause?.code === '23P01';
}

export function overlapConflict(workerName: string) {
  return conflict(
    'worker_overlap',
    `${workerName} a déjà un créneau qui chevauche celui-ci (il vient d’être affecté par quelqu’un d’autre) : choisissez une autre personne ou un autre horaire.`,
  );
}
