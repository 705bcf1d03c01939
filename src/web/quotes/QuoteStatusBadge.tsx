import { Badge } from '@mantine/core';
import { QUOTE_STATUS_COLORS, QUOTE_STATUS_LABELS } from '../../shared/quotes';

/** A quote's status as a coloured badge (list and detail). */
export const QuoteStatusBadge = ({ status }: { status: string }) => (
  <Badge color={QUOTE_STATUS_COLORS[status]} variant="outline">
    {QUOTE_STATUS_LABELS[status] ?? status}
  </Badge>
);
