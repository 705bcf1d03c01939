import { and, eq } from 'drizzle-orm';
import { SETTABLE_NEED_STATUSES, type SettableNeedStatus } from '../../../shared/needs.js';
import type { Db } from '../../db/connect.js';
import type { OrgActor } from '../../http/actor.js';
import { notFound, ruleBroken } from '../../http/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { needs } from './schema.js';

export type { SettableNeedStatus };
/** The statuses a claiming AI moves its need through (quotes: quoted when a quote is sent, won/lost). */
export { SETTABLE_NEED_STATUSES };

export type SetNeedStatusOptions = { db: Db; actor: OrgActor; needId: string; status: SettableNeedStatus; now?: Date };

/** Only the AI that claimed the need moves it on; another AI gets 404. Call it inside your transaction. */
export async function setNeedStatus({ db, actor, needId, status, now = new Date() }: SetNeedStatusOptions) {
  const [need] = await db
    .select({ status: needs.status })
    .from(needs)
    .where(and(eq(needs.id, needId), eq(needs.claimedByOrganisationId, actor.organisationId)));
  if (!need) throw notFound('Ce besoin');
  if (!SETTABLE_NEED_STATUSES.includes(status as SettableNeedStatus))
    throw ruleBroken('need_status_invalid', 'Ce statut n’existe pas pour un besoin pris en charge.');
  if (need.status === status) return { status };
  await db.update(needs).set({ status, statusChangedAt: now }).where(eq(needs.id, needId));
  await recordAudit({
    db,
    actor,
    action: 'need.status',
    recordType: 'need',
    recordId: needId,
    details: { from: need.status, to: status },
  });
  return { status };
}

/** Links the need to the client the AI created from it (clients module), so the client portal shows it. */
export async function linkNeedToClient({
  db,
  actor,
  needId,
  clientId,
}: {
  db: Db;
  actor: OrgActor;
  needId: string;
  clientId: string;
}) {
  const updated = await db
    .update(needs)
    .set({ clientId })
    .where(and(eq(needs.id, needId), eq(needs.claimedByOrganisationId, actor.organisationId)))
    .returning({ id: needs.id });
  if (updated.length === 0) throw notFound('Ce besoin');
  await recordAudit({
    db,
    actor,
    action: 'need.link_client',
    recordType: 'need',
    recordId: needId,
    details: { clientId },
  });
}
