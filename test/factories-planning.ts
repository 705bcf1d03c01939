import type { Db } from '../src/server/db/connect.js';
import { parisInstant } from '../src/server/modules/calendar/paris-time.js';
import { makeClient, makeMission, makeOrg, makeShift, makeUser, makeWorker } from './factories.js';

/** A Paris wall-clock instant as ISO (what the API takes): at('2026-12-07', '08:00'). */
export const at = (date: string, time: string) => parisInstant(date, time).toISOString();

/** One AI with a placement officer, a care home with a mission (K2204), and `workers` workers able to do it. */
export async function makePlanningWorld(
  db: Db,
  o: {
    workers?: number;
    clientKind?: 'care_home' | 'company' | 'individual';
    forProfit?: boolean;
    networkId?: string;
  } = {},
) {
  const org = await makeOrg(db, { networkId: o.networkId });
  const officer = await makeUser(db, { role: 'placement_officer', organisationId: org.id });
  const client = await makeClient(db, {
    organisationId: org.id,
    kind: o.clientKind ?? 'care_home',
    forProfit: o.forProfit ?? false,
    email: `ehpad-${org.id.slice(0, 6)}@client.test`,
  });
  const mission = await makeMission(db, { organisationId: org.id, client });
  const workers = [];
  for (let i = 0; i < (o.workers ?? 3); i++) {
    workers.push(
      await makeWorker(db, { organisationId: org.id, firstName: ['Awa', 'Karim', 'Léa', 'Yacine', 'Inès'][i % 5] }),
    );
  }
  return { org, officer, client, mission, workers };
}

/** A shift of the world's mission, assigned or open, between two Paris times of one day. */
export async function makeWorldShift(
  db: Db,
  w: Awaited<ReturnType<typeof makePlanningWorld>>,
  o: { date: string; from: string; to: string; workerId?: string | null },
) {
  return makeShift(db, {
    organisationId: w.org.id,
    missionId: w.mission.id,
    clientId: w.client.id,
    workerId: o.workerId ?? null,
    start: at(o.date, o.from),
    end: at(o.to <= o.from ? nextDay(o.date) : o.date, o.to),
  });
}

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
