import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { conflict, ruleBroken } from '../../http/errors.js';
import { networkOrganisations, organisations } from '../accounts/queries.js';
import { recordAudit } from '../audit/record-audit.js';
import { romeLabel } from '../directory/rome.js';
import { queueEmail } from '../notifications/queue-email.js';
import { findShift } from './find-shift.js';
import { officerEmails, shiftWhen } from './notify.js';
import { networksOf } from './pooling-network.js';
import { poolingRequests } from './schema.js';

/** Asks the consenting AIs of the network for a worker: they see the job, the commune and the times only. */
export async function askNetwork({ db, actor, shiftId }: { db: Db; actor: OrgActor; shiftId: string }) {
  return db.transaction(async (tx) => {
    const shift = await findShift(tx, actor.organisationId, shiftId, true);
    if (shift.status !== 'open')
      throw conflict('shift_not_open', 'Seul un créneau à pourvoir peut être proposé au réseau.');
    const [networkId] = await networksOf(tx, actor.organisationId);
    if (!networkId)
      throw ruleBroken(
        'no_network',
        'Votre structure ne fait partie d’aucun réseau : la mutualisation est impossible.',
      );
    const [existing] = await tx
      .select()
      .from(poolingRequests)
      .where(and(eq(poolingRequests.shiftId, shift.id), eq(poolingRequests.status, 'open')));
    if (existing) return { id: existing.id, status: existing.status, notified: 0 };
    const [request] = await tx
      .insert(poolingRequests)
      .values({
        organisationId: actor.organisationId,
        networkId,
        shiftId: shift.id,
        rome: shift.rome,
        communeCode: shift.siteCommuneCode,
        startAt: shift.startAt,
        endAt: shift.endAt,
        createdBy: actor.userId,
      })
      .returning();
    const partners = await tx
      .select({ id: organisations.id })
      .from(networkOrganisations)
      .innerJoin(organisations, eq(organisations.id, networkOrganisations.organisationId))
      .where(
        and(
          eq(networkOrganisations.networkId, networkId),
          ne(organisations.id, actor.organisationId),
          sql`coalesce((${organisations.settings} ->> 'poolingConsent')::boolean, false)`,
        ),
      );
    for (const p of partners) {
      for (const email of await officerEmails(tx, p.id, [])) {
        await queueEmail({
          db: tx,
          to: email,
          subject: `Mutualisation : une AI du réseau cherche un·e ${romeLabel(shift.rome)}`,
          text: `Une structure du réseau cherche un·e ${romeLabel(shift.rome)} ${shiftWhen(shift.startAt, shift.endAt)} à ${shift.siteCommune ?? shift.siteCommuneCode}.\n\nOuvrez Passerelle (Planning › Mutualisation) pour proposer une personne de votre équipe.`,
          organisationId: p.id,
          related: { type: 'pooling_request', id: request.id },
        });
      }
    }
    await recordAudit({ db: tx, actor, action: 'pooling.ask', recordType: 'shift', recordId: shift.id });
    return { id: request.id, status: request.status, notified: partners.length };
  });
}
