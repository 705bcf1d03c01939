import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { DemoWorld } from '../../demo/world.js';
import type { OrgActor } from '../../http/actor.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { setOrganisationSetting } from '../settings/set-organisation-setting.js';
import { workers } from '../workers/schema.js';
import { askNetwork } from './ask-network.js';
import { cancelShift } from './cancel-shift.js';
import { createAbsence } from './create-absence.js';
import { createShift } from './create-shift.js';
import { proposeShift } from './propose-shift.js';
import { missions, shifts } from './schema.js';

/**
 * The planning's part of the story: someone at the demo care home falls sick tomorrow (their shifts are open,
 * the officer has an email), Awa Diallo has a shift proposed on her phone, and a few AIs share workers.
 */
export async function seedPlanningDemo(world: DemoWorld): Promise<void> {
  const { db } = world;
  const ai1 = world.orgs[0];
  const officer: OrgActor = {
    userId: ai1.users.placement ?? ai1.users.admin!,
    organisationId: ai1.id,
    role: 'placement_officer',
    clientId: null,
    workerId: null,
  };
  const tomorrow = addDays(world.today, 1);

  // Regional pooling: a few AIs consent.
  const consenting = world.orgs.filter((_, i) => [0, 1, 2, 4].includes(i)).map((o) => o.id);
  for (const organisationId of consenting) {
    await setOrganisationSetting({ db, organisationId, key: 'poolingConsent', value: true });
  }

  // An absence tomorrow at the demo care home (not Awa: her page tells another story).
  const [sick] = await db
    .select({ workerId: shifts.workerId })
    .from(shifts)
    .where(
      and(
        eq(shifts.organisationId, ai1.id),
        eq(shifts.clientId, world.demoClientId),
        eq(shifts.status, 'assigned'),
        ne(shifts.workerId, world.demoWorkerId),
        gt(shifts.startAt, parisInstant(tomorrow)),
        sql`${shifts.startAt} < ${parisInstant(addDays(tomorrow, 1)).toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(shifts.startAt))
    .limit(1);
  if (sick?.workerId) {
    await createAbsence({
      db,
      actor: officer,
      input: {
        workerId: sick.workerId,
        start: parisInstant(tomorrow),
        end: parisInstant(addDays(tomorrow, 2)),
        reason: 'Arrêt maladie (enfant malade)',
      },
    });
  }

  // Awa wants more hours: a Saturday afternoon at her care home is proposed to her.
  await db
    .update(workers)
    .set({ maxMinutesPerWeek: 42 * 60 })
    .where(eq(workers.id, world.demoWorkerId));
  const [mission] = await db
    .select({ id: missions.id })
    .from(missions)
    .where(and(eq(missions.clientId, world.demoClientId), eq(missions.rome, 'J1301')))
    .limit(1);
  if (mission) {
    // A Saturday or Sunday afternoon in the coming two weeks that she may legally take.
    const tries: string[] = [];
    for (let d = addDays(world.today, 1); tries.length < 6; d = addDays(d, 1)) {
      const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
      if (wd === 6 || wd === 0) tries.push(d);
    }
    for (const day of tries) {
      const { shift } = await createShift({
        db,
        actor: officer,
        input: { missionId: mission.id, start: parisInstant(day, '15:00'), end: parisInstant(day, '19:00') },
      });
      const proposed = await proposeShift({
        db,
        actor: officer,
        shiftId: shift.id,
        workerIds: [world.demoWorkerId],
        publicUrl: world.publicUrl,
      }).catch((err: Error) => err);
      if (!(proposed instanceof Error)) break;
      await cancelShift({ db, actor: officer, shiftId: shift.id, reason: 'Renfort finalement inutile' });
    }
  }

  // ai-2 has no one for one of its open shifts: it asked the network.
  const ai2 = world.orgs[1];
  if (ai2?.users.placement) {
    const [open] = await db
      .select({ id: shifts.id })
      .from(shifts)
      .where(
        and(eq(shifts.organisationId, ai2.id), eq(shifts.status, 'open'), gt(shifts.startAt, parisInstant(tomorrow))),
      )
      .orderBy(asc(shifts.startAt))
      .limit(1);
    if (open) {
      await askNetwork({
        db,
        actor: {
          userId: ai2.users.placement,
          organisationId: ai2.id,
          role: 'placement_officer',
          clientId: null,
          workerId: null,
        },
        shiftId: open.id,
      });
    }
  }
}
