import { Group, Stack, TextInput } from '@mantine/core';
import { billingApi } from '../../shared/billing';
import { formatCents } from '../../shared/format';
import { call } from '../api';
import { EuroInput } from '../blocks/EuroInput';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ConfirmButton, ErrorAlert } from '../shell/ui';
import { notifyDone } from './notify';
import { euroToCents } from './PaymentForm';

/** A credit note on an invoice (an issued invoice never changes), confirmed first: it can never be undone. */
export function CreditNoteForm({
  invoice,
  onDone,
}: {
  invoice: { id: string; number: string; buyerName: string };
  onDone: () => void;
}) {
  const orgId = useOrgId();
  const form = useApiForm({
    initial: { amount: '' as string | number, reason: '' },
    submit: (v) =>
      call(billingApi.issueCreditNote, {
        params: { orgId, id: invoice.id },
        body: { amountCents: euroToCents(v.amount), reason: v.reason },
      }),
    onSuccess: () => {
      notifyDone('Avoir émis.');
      onDone();
    },
    resetOnSuccess: true,
  });
  return (
    // Sent from the confirmation dialog only (form.onSubmit there): a credit note can never be undone.
    <Stack gap="xs">
      <Group align="flex-start">
        <EuroInput
          label="Montant de l’avoir (TTC)"
          {...form.field('amount')}
          error={form.errorAt('amountCents')}
          w={200}
        />
        <TextInput label="Motif" {...form.field('reason')} w={320} maw="100%" />
      </Group>
      <Group>
        <ConfirmButton
          consequence={`Un avoir de ${formatCents(euroToCents(form.values.amount))} sera émis sur la facture ${invoice.number} pour ${invoice.buyerName}. Il sera numéroté et ne pourra plus être modifié ni supprimé.`}
          confirmLabel="Émettre l’avoir"
          onConfirm={form.onSubmit}
        >
          Émettre l’avoir
        </ConfirmButton>
      </Group>
      <ErrorAlert error={form.alertError} />
    </Stack>
  );
}
