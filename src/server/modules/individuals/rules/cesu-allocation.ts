/**
 * How much of a batch of prepaid CESU titles may go to an invoice: never more than what is left of the batch,
 * nor more than the invoice's amount still due (a title is worth its face value; the AI does not give change on
 * a CESU, so what exceeds the due stays on the batch for the next invoice). Pure, table-tested.
 */
export type CesuVerdict = { ok: true } | { ok: false; code: 'cesu_exceeds_batch' | 'payment_exceeds_due'; max: number };

export function cesuAllocationVerdict(o: {
  amountCents: number;
  batchLeftCents: number;
  dueCents: number;
}): CesuVerdict {
  if (o.amountCents > o.batchLeftCents) return { ok: false, code: 'cesu_exceeds_batch', max: o.batchLeftCents };
  if (o.amountCents > o.dueCents) return { ok: false, code: 'payment_exceeds_due', max: o.dueCents };
  return { ok: true };
}
