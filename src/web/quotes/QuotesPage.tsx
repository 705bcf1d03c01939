import { Anchor, Button, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatCents, formatDate } from '../../shared/format';
import { QUOTE_STATUS_LABELS, QUOTE_STATUSES, type Quote, quotesApi } from '../../shared/quotes';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { QuoteStatusBadge as StatusBadge } from './QuoteStatusBadge';

const STATUS_OPTIONS = ['draft', 'sent', 'accepted', 'refused', 'expired', 'superseded'].map((s) => ({
  value: s,
  label: QUOTE_STATUS_LABELS[s],
}));

const numberOf = (q: Quote) => `${q.number}${q.revision > 1 ? ` (version ${q.revision})` : ''}`;

const columns = (portal: boolean): DataColumn<Quote>[] => [
  {
    key: 'numero',
    header: 'Numéro',
    sortBy: (q) => q.number,
    csv: numberOf,
    cell: (q) => (
      <Anchor component={Link} to={q.id}>
        {numberOf(q)}
      </Anchor>
    ),
  },
  ...(portal
    ? []
    : [{ key: 'client', header: 'Client', sortBy: (q: Quote) => q.clientName, cell: (q: Quote) => q.clientName }]),
  {
    key: 'statut',
    header: 'Statut',
    sortBy: (q) => QUOTE_STATUS_LABELS[q.status],
    cell: (q) => <StatusBadge status={q.status} />,
  },
  {
    key: 'validite',
    header: 'Valable jusqu’au',
    sortBy: (q) => q.validUntil,
    csv: (q) => formatDate(q.validUntil),
    cell: (q) => formatDate(q.validUntil),
  },
  {
    key: 'montant',
    header: 'Montant',
    align: 'right',
    sortBy: (q) => q.totalCents,
    csv: (q) => formatCents(q.totalCents),
    cell: (q) => formatCents(q.totalCents),
  },
];

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
      ) : (
        <DataTable
          rows={list.data?.items ?? []}
          columns={columns(portal)}
          rowKey={(q) => q.id}
          caption={portal ? 'Mes devis' : 'Devis'}
          empty="Aucun devis."
          searchText={(q) => `${q.number} ${q.clientName}`}
          csvName="devis"
        />
      )}
    </>
  );
}
