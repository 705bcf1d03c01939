import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { billingApi, PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from '../../shared/billing';
import { call } from '../api';
import { EuroInput } from '../blocks/EuroInput';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { notifyDone } from './notify';

export const euroToCents = (v: string | number) => Math.round(Number(v) * 100);
export const today = () => new Date().toISOString().slice(0, 10);

/** A payment received on an invoice: amount, day and means (tax certificates deduct the third-party ones). */
export function PaymentForm({ invoiceId, onDone }: { invoiceId: string; onDone: () => void }) {
  const orgId = useOrgId();
  const form = useApiForm({
    initial: { amount: '' as string | number, paidOn: today(), method: 'virement' as PaymentMethod },
    submit: (v) =>
      call(billingApi.recordPayment, {
        params: { orgId, id: invoiceId },
        body: { amountCents: euroToCents(v.amount), paidOn: v.paidOn, method: v.method },
      }),
    onSuccess: () => {
      notifyDone('Paiement enregistré.');
      onDone();
    },
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <Group align="flex-start">
          <EuroInput label="Montant reçu" {...form.field('amount')} error={form.errorAt('amountCents')} w={200} />
          <TextInput type="date" label="Payé le" {...form.field('paidOn')} />
          <Select
            label="Moyen de paiement"
            data={PAYMENT_METHODS.map((value) => ({ value, label: PAYMENT_METHOD_LABELS[value] }))}
            {...form.field('method')}
            allowDeselect={false}
            w={240}
          />
        </Group>
        <Group>
          <Button type="submit" loading={form.busy}>
            Enregistrer le paiement
          </Button>
        </Group>
        <ErrorAlert error={form.alertError} />
      </Stack>
    </form>
  );
}
