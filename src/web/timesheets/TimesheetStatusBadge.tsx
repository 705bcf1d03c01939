import { Badge } from '@mantine/core';
import { TIMESHEET_STATUS, timesheetStatusLabel } from '../../shared/timesheets';
import { useMembership } from '../shell/session';

/** " — complémentaire" for a supplementary timesheet (its own validation and invoice). */
export const supplementLabel = (sequence: number) =>
  sequence > 1 ? ` — complémentaire${sequence > 2 ? ` n° ${sequence - 1}` : ''}` : '';

/** A timesheet's status as the reader names it (a client: « En cours » for a draft), « Facturé » once closed. */
export function StatusBadge({ status, closed }: { status: string; closed?: boolean }) {
  const forClient = useMembership().role === 'client_user';
  return (
    <Badge color={closed ? 'dark' : TIMESHEET_STATUS[status]?.color} variant="outline">
      {closed ? 'Facturé' : timesheetStatusLabel(status, forClient)}
    </Badge>
  );
}
