import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connect.js';
import { rowsOfPrepared } from '../../db/prepared.js';
import { notFound } from '../../http/errors.js';
import { clients, sites } from '../clients/queries.js';
import { romeLabel } from '../directory/rome.js';
import { workers } from '../workers/queries.js';
import { makeSlot, type Slot } from './rules/assignment.js';
import { countsForHoursCap } from './rules/hours-cap.js';
import { missions, shifts } from './schema.js';

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

/** Columns as a plain SQL select list named like Drizzle's result (a date as its text, as Drizzle reads it). */
const selectList = (columns: Record<string, PgColumn>) =>
  sql.join(
    Object.entries(columns).map(
      ([as, c]) => sql`${c}${c.columnType === 'PgDateString' ? sql`::text` : sql``} AS ${sql.identifier(as)}`,
    ),
    sql`, `,
  );

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

/**
 * The shift and the worker about to take it, both row-locked in one statement (the assignment's first round trip
 * instead of two). Null when either is not found: the caller then takes the one-by-one path, whose checks give
 * the right error (404 for the shift, 409 for a cancelled one, 404 for the worker) in their usual order.
 */
export async function lockShiftAndWorker(db: Db, organisationId: string, shiftId: string, workerId: string) {
  // Plain SQL over findShift's columns, planned once per session (db/prepared.ts): planning this five-table join
  // cost more than running it, at every assignment.
  const [row] = await rowsOfPrepared<
    Omit<ShiftRecord, 'clientCounts' | 'clientLegalFormUnknown'> & {
      legalForm: string | null;
      uncoveredWorkerId: string | null;
      workerFirstName: string;
      workerLastName: string;
      workerEmail: string | null;
    }
  >(
    db,
    sql`SELECT ${selectList({
      ...shiftColumns,
      uncoveredWorkerId: shifts.uncoveredWorkerId,
      workerFirstName: workers.firstName,
      workerLastName: workers.lastName,
      workerEmail: workers.email,
    })}
      FROM ${shifts}
      JOIN ${missions} ON ${missions.id} = ${shifts.missionId}
      JOIN ${clients} ON ${clients.id} = ${shifts.clientId}
      JOIN ${sites} ON ${sites.id} = ${missions.siteId}
      JOIN ${workers} ON ${workers.id} = ${workerId} AND ${workers.organisationId} = ${organisationId}
      WHERE ${shifts.id} = ${shiftId} AND ${shifts.organisationId} = ${organisationId}
      FOR UPDATE OF ${sql.identifier('shifts')}, ${sql.identifier('workers')}`,
  );
  if (!row) return null;
  const { legalForm, uncoveredWorkerId, workerFirstName, workerLastName, workerEmail, ...rest } = row;
  const shift: ShiftRecord = {
    ...rest,
    startAt: new Date(rest.startAt),
    endAt: new Date(rest.endAt),
    clientCounts: countsForHoursCap(legalForm),
    clientLegalFormUnknown: legalForm === null,
  };
  return {
    shift,
    uncoveredWorkerId,
    worker: { name: `${workerFirstName} ${workerLastName}`, firstName: workerFirstName, email: workerEmail },
  };
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
