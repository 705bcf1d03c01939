import { Badge } from '@mantine/core';
import { type InvoiceRow, paymentState } from '../../shared/billing';

/** An invoice's payment state (or « Avoir »), outlined in a dark shade. */
export function PaymentBadge({ i }: { i: Pick<InvoiceRow, 'kind' | 'outstandingCents' | 'overdue' | 'paidCents'> }) {
  const s = paymentState(i);
  return (
    <Badge variant="outline" color={s.color}>
      {s.label}
    </Badge>
  );
}
