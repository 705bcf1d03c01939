import { Badge } from '@mantine/core';
import { TIMESHEET_STATUS } from '../../shared/timesheets';

/** " — complémentaire" for a supplementary timesheet (its own validation and invoice). */
export const supplementLabel = (sequence: number) =>
  sequence > 1 ? ` — complémentaire${sequence > 2 ? ` n° ${sequence - 1}` : ''}` : '';

/** A timesheet's status, or « Facturé » once its month is closed. */
export const StatusBadge = ({ status, closed }: { status: string; closed?: boolean }) => (
  <Badge color={closed ? 'dark' : TIMESHEET_STATUS[status]?.color} variant="outline">
    {closed ? 'Facturé' : (TIMESHEET_STATUS[status]?.label ?? status)}
  </Badge>
);
