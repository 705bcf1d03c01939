import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { frenchTime, parisDate } from '../calendar/paris-time.js';
import { clients, sites } from '../clients/queries.js';
import { readContactPreferences } from '../notifications/contact-preferences.js';
import { missions, shifts } from '../planning/queries.js';
import { ownWorkerId } from '../planning/worker-page.js';
import { readOrganisationSettings } from '../settings/organisation-settings.js';
import { correctEntry } from './correct-entry.js';
import { shiftClockEvents, timesheetEntries, timesheets } from './schema.js';
import { syncTimesheets } from './sync-timesheets.js';

/** « J'arrive » opens an hour before the start; « Je pars » closes four hours after the planned end. */
export const ARRIVE_EARLY_MS = 60 * 60_000;
export const LEAVE_LATE_MS = 4 * 3_600_000;

export type ClockPosition = { lat: number; lng: number; accuracyM?: number | null };

/**
 * What the worker's phone shows for clock-in: whether the organisation turned it on (and asks for the position),
 * whether the worker allows the position, and today's shifts (and any other that can be clocked now: a night shift
 * starting after midnight, one ended before it) with what was clocked and what can be clocked now.
 */
export async function myClock({ db, actor, now = new Date() }: { db: Db; actor: OrgActor; now?: Date }) {
  const workerId = ownWorkerId(actor);
  const settings = await readOrganisationSettings({ db, organisationId: actor.organisationId });
  const prefs = await readContactPreferences({ db, organisationId: actor.organisationId, workerId });
  if (settings.phoneClockIn === 'off') {
    return { mode: settings.phoneClockIn, sharePosition: prefs.sharePosition, items: [] };
  }
  const rows = await db
    .select({
      id: shifts.id,
      startAt: shifts.startAt,
      endAt: shifts.endAt,
      siteName: sites.name,
      clientName: clients.name,
    })
    .from(shifts)
    .innerJoin(missions, eq(missions.id, shifts.missionId))
    .innerJoin(clients, eq(clients.id, shifts.clientId))
    .innerJoin(sites, eq(sites.id, missions.siteId))
    .where(
      and(
        eq(shifts.organisationId, actor.organisationId),
        eq(shifts.workerId, workerId),
        eq(shifts.status, 'assigned'),
        lte(shifts.startAt, new Date(now.getTime() + 24 * 3_600_000)),
        gte(shifts.endAt, new Date(now.getTime() - LEAVE_LATE_MS)),
      ),
    )
    .orderBy(asc(shifts.startAt));
  const today = parisDate(now);
  const items = [];
  for (const r of rows) {
    const opensAt = r.startAt.getTime() - ARRIVE_EARLY_MS;
    const closesAt = r.endAt.getTime() + LEAVE_LATE_MS;
    // Today's shifts, and any other whose window is open now: at 23:40 the one starting at 00:10 (arriving early
    // is allowed an hour ahead), at 00:30 the one that ended at 23:30 (leaving is allowed four hours after).
    const clockableNow = now.getTime() >= opensAt && now.getTime() <= closesAt;
    if (parisDate(r.startAt) !== today && parisDate(r.endAt) !== today && !clockableNow) continue;
    const events = await db
      .select({ kind: shiftClockEvents.kind, at: shiftClockEvents.at })
      .from(shiftClockEvents)
      .where(and(eq(shiftClockEvents.shiftId, r.id), eq(shiftClockEvents.workerId, workerId)));
    const arrivedAt = events.find((e) => e.kind === 'arrive')?.at ?? null;
    const leftAt = events.find((e) => e.kind === 'leave')?.at ?? null;
    items.push({
      shiftId: r.id,
      start: r.startAt.toISOString(),
      end: r.endAt.toISOString(),
      place: r.siteName === 'Domicile' ? r.clientName : r.siteName,
      arrivedAt: arrivedAt?.toISOString() ?? null,
      leftAt: leftAt?.toISOString() ?? null,
      canArrive: !arrivedAt && now.getTime() >= opensAt && now < r.endAt,
      canLeave: !!arrivedAt && !leftAt && now.getTime() <= closesAt,
    });
  }
  return { mode: settings.phoneClockIn, sharePosition: prefs.sharePosition, items };
}

/**
 * « J'arrive » / « Je pars » on one of my shifts whose window is open: records the real time (and the position only
 * when the organisation asks for it and I allowed it). The times become the actual times of the shift's timesheet entry:
 * at once when the entry exists (a correction, in the history), otherwise when it is created — « Je pars » makes
 * the shift enter the timesheet without waiting for its planned end. The client validates them as usual.
 */
export async function clockShift({
  db,
  actor,
  shiftId,
  kind,
  position,
  now = new Date(),
}: {
  db: Db;
  actor: OrgActor;
  shiftId: string;
  kind: 'arrive' | 'leave';
  position?: ClockPosition | null;
  now?: Date;
}) {
  const workerId = ownWorkerId(actor);
  const settings = await readOrganisationSettings({ db, organisationId: actor.organisationId });
  if (settings.phoneClockIn === 'off') {
    throw conflict('clock_in_off', 'Votre association n’utilise pas le pointage sur le téléphone.');
  }
  const prefs = await readContactPreferences({ db, organisationId: actor.organisationId, workerId });
  const keepPosition = settings.phoneClockIn === 'with_position' && prefs.sharePosition && position ? position : null;
  // Minutes, as on a timesheet: the arrival rounded down, the departure up (never against the worker).
  const at = new Date((kind === 'arrive' ? Math.floor : Math.ceil)(now.getTime() / 60_000) * 60_000);
  await db.transaction(async (tx) => {
    const [shift] = await tx
      .select({ id: shifts.id, startAt: shifts.startAt, endAt: shifts.endAt })
      .from(shifts)
      .where(
        and(
          eq(shifts.id, shiftId),
          eq(shifts.organisationId, actor.organisationId),
          eq(shifts.workerId, workerId),
          eq(shifts.status, 'assigned'),
        ),
      )
      .for('update');
    if (!shift) throw notFound('Ce travail');
    const events = await tx
      .select({ kind: shiftClockEvents.kind, at: shiftClockEvents.at })
      .from(shiftClockEvents)
      .where(and(eq(shiftClockEvents.shiftId, shiftId), eq(shiftClockEvents.workerId, workerId)));
    const arrived = events.find((e) => e.kind === 'arrive');
    if (events.some((e) => e.kind === kind)) {
      throw conflict(
        'already_clocked',
        kind === 'arrive' ? 'Vous avez déjà dit que vous êtes arrivé·e.' : 'Vous avez déjà dit que vous partez.',
      );
    }
    if (kind === 'arrive') {
      if (now.getTime() < shift.startAt.getTime() - ARRIVE_EARLY_MS) {
        throw conflict(
          'too_early',
          `C’est trop tôt. Revenez à partir de ${frenchTime(new Date(shift.startAt.getTime() - ARRIVE_EARLY_MS))}.`,
        );
      }
      if (now >= shift.endAt) throw conflict('too_late', 'Ce travail est fini. Appelez l’association.');
    } else {
      if (!arrived) throw conflict('not_arrived', 'Dites d’abord « J’arrive ».');
      if (now.getTime() > shift.endAt.getTime() + LEAVE_LATE_MS) {
        throw conflict('too_late', 'C’est trop tard pour pointer. Corrigez vos heures dans « Mes heures ».');
      }
      if (at <= arrived.at) at.setTime(arrived.at.getTime() + 60_000);
    }
    await tx.insert(shiftClockEvents).values({
      organisationId: actor.organisationId,
      shiftId,
      workerId,
      kind,
      at,
      lat: keepPosition?.lat ?? null,
      lng: keepPosition?.lng ?? null,
      accuracyM: keepPosition?.accuracyM != null ? Math.round(keepPosition.accuracyM) : null,
    });
    await recordAudit({
      db: tx,
      actor,
      action: kind === 'arrive' ? 'shift.clock_in' : 'shift.clock_out',
      recordType: 'shift',
      recordId: shiftId,
      details: { at: at.toISOString(), position: !!keepPosition },
    });
    // « Je pars »: the shift happened; it enters the client's open timesheet with the clocked times.
    if (kind === 'leave') {
      await syncTimesheets({
        db: tx,
        organisationId: actor.organisationId,
        month: parisDate(shift.startAt).slice(0, 7),
        now,
      });
    }
  });
  // An entry made before this clocking (e.g. the arrival clocked after the end): the time is a correction.
  const [entry] = await db
    .select({
      id: timesheetEntries.id,
      actualStart: timesheetEntries.actualStart,
      actualEnd: timesheetEntries.actualEnd,
      status: timesheets.status,
      closedAt: timesheets.closedAt,
    })
    .from(timesheetEntries)
    .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
    .where(and(eq(timesheetEntries.shiftId, shiftId), eq(timesheetEntries.workerId, workerId)));
  const field = kind === 'arrive' ? 'actualStart' : 'actualEnd';
  if (entry && entry.status !== 'validated' && !entry.closedAt && entry[field].getTime() !== at.getTime()) {
    await correctEntry({
      db,
      actor,
      entryId: entry.id,
      input: {
        [field]: at.toISOString(),
        reason: `Pointé sur le téléphone : ${kind === 'arrive' ? 'arrivée' : 'départ'} à ${frenchTime(at)}`,
      },
    });
  }
  return { kind, at: at.toISOString(), position: !!keepPosition };
}
