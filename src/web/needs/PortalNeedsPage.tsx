import { Badge, Button, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import { INBOX_COLORS, INBOX_LABELS, needsApi, URGENCY_LABELS } from '../../shared/needs';
import { call } from '../api';
import { StackTable } from '../shell/StackTable';
import { useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader } from '../shell/ui';

/** The client's own needs, as its AI linked them to it: where each one stands. */
export function PortalNeedsPage() {
  const orgId = useOrgId();
  const list = useQuery({
    queryKey: ['portal-needs', orgId],
    queryFn: () => call(needsApi.inbox, { params: { orgId }, query: { limit: 200 } }),
  });
  return (
    <>
      <PageHeader
        title="Mes besoins"
        subtitle="Les besoins que vous avez exprimés et que votre structure suit."
        actions={
          <Button component={Link} to="/besoin">
            Exprimer un nouveau besoin
          </Button>
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} title="Liste indisponible" />
      ) : list.data.items.length === 0 ? (
        <Empty>Aucun besoin rattaché à votre établissement pour le moment.</Empty>
      ) : (
        // Stacked under their headers on a phone: nothing wider than a 360 px screen.
        <StackTable striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Référence</Table.Th>
              <Table.Th>Métiers</Table.Th>
              <Table.Th>Urgence</Table.Th>
              <Table.Th>Déposé le</Table.Th>
              <Table.Th>Où en est-il ?</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>{n.reference}</Table.Td>
                <Table.Td>
                  <Text size="sm">{n.jobs.map((j) => `${j.headcount} × ${j.label}`).join(', ')}</Text>
                </Table.Td>
                <Table.Td>{URGENCY_LABELS[n.urgency] ?? n.urgency}</Table.Td>
                <Table.Td>{formatDate(n.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge color={INBOX_COLORS[n.status] ?? 'gray'} variant="outline" c="dark">
                    {INBOX_LABELS[n.status] ?? n.status}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}
