import { parisToday } from '../calendar/paris-time.js';
import type { quoteLines, quotes } from './schema.js';

/** A draft or sent quote past its validity date shows as expired (nothing is written for that). */
export function effectiveStatus(
  q: { status: (typeof quotes.$inferSelect)['status']; validUntil: string },
  today = parisToday(),
) {
  return (q.status === 'draft' || q.status === 'sent') && q.validUntil < today ? 'expired' : q.status;
}

export function presentQuote(
  q: typeof quotes.$inferSelect,
  extra: { clientName: string; placementContractId?: string | null },
) {
  return {
    id: q.id,
    number: q.number,
    revision: q.revision,
    previousId: q.previousId,
    status: effectiveStatus(q),
    clientId: q.clientId,
    clientName: extra.clientName,
    needId: q.needId,
    validUntil: q.validUntil,
    tenderReference: q.tenderReference,
    totalCents: q.totalCents,
    siteId: q.siteId,
    startDate: q.startDate,
    endDate: q.endDate,
    tasks: q.tasks,
    protectiveEquipment: q.protectiveEquipment,
    equipmentSuppliedBy: q.equipmentSuppliedBy,
    equivalentPayCents: q.equivalentPayCents,
    notes: q.notes,
    sentAt: q.sentAt?.toISOString() ?? null,
    acceptedAt: q.acceptedAt?.toISOString() ?? null,
    acceptedBy: q.acceptedBy,
    acceptedIp: q.acceptedIp,
    refusedAt: q.refusedAt?.toISOString() ?? null,
    refusedBy: q.refusedBy,
    refusalReason: q.refusalReason,
    placementContractId: extra.placementContractId ?? null,
    createdAt: q.createdAt.toISOString(),
  };
}

export const presentLine = (l: typeof quoteLines.$inferSelect) => ({
  id: l.id,
  position: l.position,
  rome: l.rome,
  label: l.label,
  minutes: l.minutes,
  hourlyRateCents: l.hourlyRateCents,
  totalCents: l.totalCents,
});
