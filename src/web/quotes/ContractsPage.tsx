import { Anchor, Badge, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import { type Contract, quotesApi } from '../../shared/quotes';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useMembership, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';

const workersOf = (c: Contract) => c.workerNames.join(', ') || '—';

const columns = (portal: boolean): DataColumn<Contract>[] => [
  {
    key: 'numero',
    header: 'Numéro',
    sortBy: (c) => c.number,
    csv: (c) => `${c.number}${c.amendsId ? ' (avenant)' : ''}`,
    cell: (c) => (
      <>
        <Anchor component={Link} to={c.id}>
          {c.number}
        </Anchor>
        {c.amendsId && (
          <Badge ml="xs" size="sm" variant="outline" color="blue.9">
            Avenant
          </Badge>
        )}
      </>
    ),
  },
  ...(portal
    ? []
    : [
        {
          key: 'client',
          header: 'Client',
          sortBy: (c: Contract) => c.clientName,
          cell: (c: Contract) => c.clientName,
        },
      ]),
  { key: 'salaries', header: 'Salarié·es', sortBy: workersOf, cell: workersOf },
  {
    key: 'fin',
    header: 'Fin',
    sortBy: (c) => c.endDate,
    csv: (c) => formatDate(c.endDate),
    cell: (c) => formatDate(c.endDate),
  },
  {
    key: 'signature',
    header: 'Signature',
    sortBy: (c) => c.signedAt ?? '',
    csv: (c) => (c.signedAt ? `Signé le ${formatDate(c.signedAt)}` : 'À signer'),
    cell: (c) =>
      c.signedAt ? (
        <Text size="sm">Signé le {formatDate(c.signedAt)}</Text>
      ) : (
        <Badge color="red.9" variant="outline">
          À signer
        </Badge>
      ),
  },
];

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
      ) : (
        <DataTable
          rows={items}
          columns={columns(portal)}
          rowKey={(c) => c.id}
          caption={portal ? 'Mes contrats' : 'Contrats de mise à disposition'}
          empty="Aucun contrat."
          searchText={(c) => `${c.number} ${c.clientName} ${c.workerNames.join(' ')}`}
          csvName="contrats"
        />
      )}
    </>
  );
}
