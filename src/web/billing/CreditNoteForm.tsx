import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { billingApi } from '../../shared/billing';
import { formatCents } from '../../shared/format';
import { call } from '../api';
import { useApiForm } from '../blocks/useApiForm';
import { useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
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
  const [asking, setAsking] = useState(false);
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
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAsking(true);
        }}
        noValidate
      >
        <Stack gap="xs">
          <Group align="flex-start">
            <NumberInput
              label="Montant de l’avoir (TTC)"
              decimalSeparator=","
              decimalScale={2}
              min={0}
              suffix=" €"
              {...form.field('amount')}
              error={form.errorAt('amountCents')}
              w={200}
            />
            <TextInput label="Motif" {...form.field('reason')} w={320} maw="100%" />
          </Group>
          <Group>
            <Button type="submit" loading={form.busy}>
              Émettre l’avoir
            </Button>
          </Group>
          <ErrorAlert error={form.alertError} />
        </Stack>
      </form>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Confirmer" centered>
        <Stack>
          <Text>
            Un avoir de {formatCents(euroToCents(form.values.amount))} sera émis sur la facture {invoice.number} pour{' '}
            {invoice.buyerName}. Il sera numéroté et ne pourra plus être modifié ni supprimé.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Annuler
            </Button>
            <Button
              loading={form.busy}
              onClick={async () => {
                await form.onSubmit();
                setAsking(false);
              }}
            >
              Émettre l’avoir
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
