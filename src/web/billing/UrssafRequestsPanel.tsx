import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { individualsApi, type UrssafRequestRow } from '../../shared/individuals';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useOrgId } from '../shell/session';
import { notifyDone } from './notify';
import { UrssafResendButton } from './UrssafActions';

type Row = UrssafRequestRow;
const reason = (r: Row) =>
  `${r.statusLabel} : ${r.rejectReason ?? r.errorReason}${r.rejectComment ? ` — « ${r.rejectComment} »` : ''}`;

const columns: DataColumn<Row>[] = [
  {
    key: 'facture',
    header: 'Facture',
    sortBy: (r) => r.invoiceNumber,
    cell: (r) => (
      <Anchor component={Link} to={r.invoiceId}>
        {r.invoiceNumber}
      </Anchor>
    ),
  },
  { key: 'client', header: 'Client', sortBy: (r) => r.clientName, cell: (r) => r.clientName },
  {
    key: 'motif',
    header: 'Motif',
    csv: reason,
    cell: (r) => (
      <Text size="sm" c="red.9">
        {reason(r)}
      </Text>
    ),
  },
  { key: 'action', header: 'Action', cell: (r) => <UrssafResendButton request={r} /> },
];

/** For the accountant, on the invoices page: URSSAF payment requests to watch, refusals with their reason. */
export function UrssafRequestsPanel() {
  const orgId = useOrgId();
  const qc = useQueryClient();
  const key = ['urssaf-requests', orgId];
  const q = useQuery({
    queryKey: key,
    queryFn: () =>
      call(individualsApi.urssafRequests, {
        params: { orgId },
        query: { state: ['to_send', 'sent', 'refused', 'error'] },
      }),
  });
  const refresh = useMutation({
    mutationFn: () => call(individualsApi.refreshUrssaf, { params: { orgId } }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: key });
      qc.invalidateQueries({ queryKey: ['invoices', orgId] });
      if (r.error) notifications.show({ color: 'red', message: r.error });
      else
        notifyDone(
          `${r.checked} demande${r.checked > 1 ? 's' : ''} vérifiée${r.checked > 1 ? 's' : ''}, ${r.paid} payée${r.paid > 1 ? 's' : ''}.`,
        );
    },
  });
  if (!q.data || q.data.items.length === 0) return null;
  const problems = q.data.items.filter((r) => r.state === 'refused' || r.state === 'error');
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Avance immédiate : demandes de paiement à l’URSSAF
        </Title>
        <Button variant="light" onClick={() => refresh.mutate()} loading={refresh.isPending}>
          Mettre à jour les statuts
        </Button>
      </Group>
      <Text size="sm" mb="xs">
        {q.data.items.length - problems.length} en cours · {problems.length} refusée{problems.length > 1 ? 's' : ''}
      </Text>
      <DataTable
        rows={problems}
        columns={columns}
        rowKey={(r) => r.id}
        caption="Demandes de paiement refusées par l’URSSAF"
        empty="Aucun refus."
        urlPrefix="urssaf-"
        striped={false}
        highlightOnHover={false}
      />
    </Card>
  );
}
