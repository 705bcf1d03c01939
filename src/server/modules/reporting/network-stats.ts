import { and, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { NetworkStats } from '../../../shared/reporting.js';
import type { Db } from '../../db/connect.js';
import type { NetworkActor } from '../../http/actor.js';
import { networkOrganisations } from '../accounts/queries.js';
import { addDays, parisInstant } from '../calendar/paris-time.js';
import { watchedBy } from '../needs/list-network-needs.js';
import { needs } from '../needs/queries.js';
import { workerExits } from '../support/queries.js';
import { median } from './rules/exit-rate.js';
import { deliveredSecondsByOrganisationMonth } from './worked-minutes.js';

export type NetworkStatsOptions = {
  db: Db;
  actor: NetworkActor;
  from: string;
  to: string;
  now?: Date;
  /** The delivered seconds per AI and month when the caller already has them (the network dashboard). */
  delivered?: { seconds: number }[];
};

/**
 * The network's figures over [from, to] (Paris dates, inclusive): needs submitted and claimed, the median time
 * to claim, the minutes its AIs delivered to medico-social clients (assigned shifts already ended), and the
 * workers its AIs' clients hired (exits dated in the period with hired_by_client_id).
 */
export async function networkStats({
  db,
  actor,
  from,
  to,
  now = new Date(),
  delivered: known,
}: NetworkStatsOptions): Promise<NetworkStats> {
  const start = parisInstant(from);
  const end = parisInstant(addDays(to, 1));
  const rows = await db
    .select({ createdAt: needs.createdAt, claimedAt: needs.claimedAt })
    .from(needs)
    .where(and(watchedBy(actor.networkId), gte(needs.createdAt, start), lt(needs.createdAt, end)));
  const claimed = rows.filter((r) => r.claimedAt !== null);
  const delivered =
    known ??
    (await deliveredSecondsByOrganisationMonth(
      db,
      (
        await db
          .select({ id: networkOrganisations.organisationId })
          .from(networkOrganisations)
          .where(eq(networkOrganisations.networkId, actor.networkId))
      ).map((m) => m.id),
      { from, to },
      now,
    ));
  const [hires] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workerExits)
    .where(
      and(
        inArray(
          workerExits.organisationId,
          db
            .select({ id: networkOrganisations.organisationId })
            .from(networkOrganisations)
            .where(eq(networkOrganisations.networkId, actor.networkId)),
        ),
        isNotNull(workerExits.hiredByClientId),
        gte(workerExits.exitDate, from),
        lte(workerExits.exitDate, to),
      ),
    );
  return {
    needs: rows.length,
    claimed: claimed.length,
    medianMinutesToClaim: median(
      claimed.map((r) => Math.round((r.claimedAt!.getTime() - r.createdAt.getTime()) / 60_000)),
    ),
    minutesDelivered: Math.round(delivered.reduce((sum, d) => sum + d.seconds, 0) / 60),
    hiresByClients: hires.n,
  };
}
