import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatCents, formatDate } from '../../shared/format';
import { individualsApi, URSSAF_REQUEST_STATE_COLORS } from '../../shared/individuals';
import { call } from '../api';
import { EuroInput } from '../blocks/EuroInput';
import { useApiForm } from '../blocks/useApiForm';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ErrorAlert } from '../shell/ui';
import { notifyDone } from './notify';
import { euroToCents, today } from './PaymentForm';
import { UrssafResendButton } from './UrssafActions';

/** On an invoice: the URSSAF share and its status, the CESU applied and the form to apply more. */
export function InvoiceIndividualPanel({
  invoiceId,
  outstandingCents,
  onChange,
}: {
  invoiceId: string;
  outstandingCents: number;
  onChange: () => void;
}) {
  const orgId = useOrgId();
  const can = useCan();
  const portal = useMembership().role === 'client_user';
  const qc = useQueryClient();
  const key = ['invoice-individual', orgId, invoiceId];
  const q = useQuery({
    queryKey: key,
    queryFn: () => call(individualsApi.invoice, { params: { orgId, id: invoiceId } }),
  });
  const allocate = useApiForm({
    initial: { batchId: null as string | null, amount: '' as string | number },
    validate: (v) => ({ batchId: v.batchId ? undefined : 'Choisissez un lot de CESU' }),
    submit: (v) =>
      call(individualsApi.allocateCesu, {
        params: { orgId, id: v.batchId ?? '' },
        body: { invoiceId, amountCents: euroToCents(v.amount), allocatedOn: today() },
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      onChange();
      notifyDone('CESU affectés à la facture.');
    },
    resetOnSuccess: true,
  });
  const refresh = useMutation({
    mutationFn: () => call(individualsApi.refreshUrssaf, { params: { orgId } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: key });
      onChange();
    },
  });
  if (q.isPending || !q.data) return null;
  const d = q.data;
  const r = d.urssafRequest;
  const showCesu = !portal && (d.cesuAllocations.length > 0 || (d.cesuBatches.length > 0 && outstandingCents > 0));
  if (!r && !showCesu && d.cesuAllocations.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
      {r && (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              Avance immédiate (URSSAF)
            </Title>
            <Badge color={URSSAF_REQUEST_STATE_COLORS[r.state]}>{r.statusLabel}</Badge>
          </Group>
          <Text>
            Part payée par l’URSSAF : <b>{formatCents(r.urssafShareCents)}</b>
          </Text>
          <Text>
            {portal ? 'Reste à votre charge (50 %)' : 'Reste à la charge du client (50 %)'} :{' '}
            <b>{formatCents(r.clientShareCents)}</b>
          </Text>
          {r.transferCents != null && r.transferOn && (
            <Text size="sm">
              Virement de l’URSSAF : {formatCents(r.transferCents)} le {formatDate(r.transferOn)}
            </Text>
          )}
          {(r.rejectReason || r.errorReason) && (
            <Text size="sm" c="red.9" role="alert">
              {r.rejectReason ?? r.errorReason}
              {r.rejectComment ? ` — « ${r.rejectComment} »` : ''}
            </Text>
          )}
          {!portal && <UrssafResendButton request={r} />}
          {!portal && can('payment.write') && (r.state === 'sent' || r.state === 'to_send') && (
            <Button mt="sm" variant="light" onClick={() => refresh.mutate()} loading={refresh.isPending}>
              Mettre à jour les statuts
            </Button>
          )}
        </Card>
      )}
      {(showCesu || d.cesuAllocations.length > 0) && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            CESU préfinancés
          </Title>
          {d.cesuAllocations.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucun CESU affecté à cette facture.
            </Text>
          ) : (
            d.cesuAllocations.map((a) => (
              <Text key={a.id} size="sm">
                {formatDate(a.allocatedOn)} — {formatCents(a.amountCents)} en CESU {a.issuer} (n° {a.numbers})
              </Text>
            ))
          )}
          {!portal && can('payment.write') && d.cesuBatches.length > 0 && outstandingCents > 0 && (
            <form onSubmit={allocate.onSubmit} noValidate>
              <ErrorAlert error={allocate.alertError} title="CESU non affectés" />
              <Stack gap="xs" mt="sm">
                <Select
                  label="Lot de CESU"
                  required
                  data={d.cesuBatches.map((b) => ({
                    value: b.id,
                    label: `${b.issuer} reçus le ${formatDate(b.receivedOn)} — reste ${formatCents(b.leftCents)}`,
                  }))}
                  value={allocate.values.batchId}
                  error={allocate.errorAt('batchId')}
                  onChange={(v) => {
                    allocate.set('batchId', v);
                    const b = d.cesuBatches.find((x) => x.id === v);
                    if (b) allocate.set('amount', Math.min(b.leftCents, outstandingCents) / 100);
                  }}
                />
                <EuroInput
                  label="Montant affecté (€)"
                  suffix=""
                  required
                  min={0.01}
                  {...allocate.field('amount')}
                  error={allocate.errorAt('amountCents')}
                />
                <Button type="submit" loading={allocate.busy} disabled={!allocate.values.batchId}>
                  Affecter les CESU
                </Button>
              </Stack>
            </form>
          )}
        </Card>
      )}
    </SimpleGrid>
  );
}
