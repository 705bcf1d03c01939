import { Anchor, Button, Select, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatCents, formatDate } from '../../shared/format';
import { QUOTE_STATUS_LABELS, QUOTE_STATUSES, quotesApi } from '../../shared/quotes';
import { call } from '../api';
import { StackTable } from '../shell/StackTable';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { QuoteStatusBadge as StatusBadge } from './QuoteStatusBadge';

const STATUS_OPTIONS = ['draft', 'sent', 'accepted', 'refused', 'expired', 'superseded'].map((s) => ({
  value: s,
  label: QUOTE_STATUS_LABELS[s],
}));

/** Quotes, newest first, filtered by status in the URL. In the portal: the client's own. */
export function QuotesPage() {
  const orgId = useOrgId();
  const can = useCan();
  const m = useMembership();
  const portal = m.role === 'client_user';
  const [f, setF] = useUrlFilters(['status'] as const);
  const list = useQuery({
    queryKey: ['quotes', orgId, f.status],
    queryFn: () =>
      call(quotesApi.list, {
        params: { orgId },
        query: { status: QUOTE_STATUSES.find((s) => s === f.status), limit: 200 },
      }),
  });
  return (
    <>
      <PageHeader
        title={portal ? 'Mes devis' : 'Devis'}
        subtitle={portal ? 'Les propositions de l’association : lisez-les, acceptez-les ou refusez-les.' : undefined}
        actions={
          can('quote.write') && (
            <Button component={Link} to="nouveau">
              Nouveau devis
            </Button>
          )
        }
      />
      <Select
        label="Statut"
        placeholder="Tous (versions à jour)"
        clearable
        data={STATUS_OPTIONS}
        value={f.status || null}
        onChange={(x) => setF({ status: x })}
        w={240}
        mb="md"
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : list.data?.items.length === 0 ? (
        <Empty>Aucun devis.</Empty>
      ) : (
        <StackTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Numéro</Table.Th>
              {!portal && <Table.Th>Client</Table.Th>}
              <Table.Th>Statut</Table.Th>
              <Table.Th>Valable jusqu’au</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Montant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>
                  <Anchor component={Link} to={q.id}>
                    {q.number}
                    {q.revision > 1 ? ` (version ${q.revision})` : ''}
                  </Anchor>
                </Table.Td>
                {!portal && <Table.Td>{q.clientName}</Table.Td>}
                <Table.Td>
                  <StatusBadge status={q.status} />
                </Table.Td>
                <Table.Td>{formatDate(q.validUntil)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatCents(q.totalCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackTable>
      )}
    </>
  );
}
