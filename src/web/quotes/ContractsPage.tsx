import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import { quotesApi } from '../../shared/quotes';
import { call } from '../api';
import { StackTable } from '../shell/StackTable';
import { useMembership, useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader } from '../shell/ui';

/** Contracts and amendments; in the portal, the client's own, the unsigned first. */
export function ContractsPage() {
  const orgId = useOrgId();
  const portal = useMembership().role === 'client_user';
  const list = useQuery({
    queryKey: ['placement-contracts', orgId],
    queryFn: () => call(quotesApi.contracts, { params: { orgId }, query: { limit: 200 } }),
  });
  const items = [...(list.data?.items ?? [])].sort((a, b) => Number(!!a.signedAt) - Number(!!b.signedAt));
  return (
    <>
      <PageHeader
        title={portal ? 'Mes contrats' : 'Contrats de mise à disposition'}
        subtitle="Un contrat par devis accepté ; un avenant quand les personnes mises à disposition changent."
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>Aucun contrat.</Empty>
      ) : (
        <StackTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Numéro</Table.Th>
              {!portal && <Table.Th>Client</Table.Th>}
              <Table.Th>Salarié·es</Table.Th>
              <Table.Th>Fin</Table.Th>
              <Table.Th>Signature</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={c.id}>
                    {c.number}
                  </Anchor>
                  {c.amendsId && (
                    <Badge ml="xs" size="sm" variant="outline" color="blue.9">
                      Avenant
                    </Badge>
                  )}
                </Table.Td>
                {!portal && <Table.Td>{c.clientName}</Table.Td>}
                <Table.Td>{c.workerNames.join(', ') || '—'}</Table.Td>
                <Table.Td>{formatDate(c.endDate)}</Table.Td>
                <Table.Td>
                  {c.signedAt ? (
                    <Text size="sm">Signé le {formatDate(c.signedAt)}</Text>
                  ) : (
                    <Badge color="red.9" variant="outline">
                      À signer
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}
