import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import { notFound } from '../../http/errors.js';
import { clients, sites } from '../clients/queries.js';
import { countsForHoursCap } from './rules/hours-cap.js';
import { missions } from './schema.js';

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
