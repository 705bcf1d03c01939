import { Anchor, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  billingApi,
  INVOICE_PAYMENT_FILTER_LABELS,
  INVOICE_PAYMENT_FILTERS,
  type InvoiceRow,
  paymentState,
} from '../../shared/billing';
import { formatCents, formatDate } from '../../shared/format';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useMembership, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { monthLabel, monthOptions } from '../timesheets/months';
import { MyTaxCertificates } from './MyTaxCertificates';
import { PaymentBadge } from './PaymentBadge';
import { UrssafRequestsPanel } from './UrssafRequestsPanel';

const columns = (portal: boolean): DataColumn<InvoiceRow>[] => [
  {
    key: 'numero',
    header: 'Numéro',
    sortBy: (i) => i.number,
    cell: (i) => (
      <Anchor component={Link} to={i.id}>
        {i.number}
      </Anchor>
    ),
  },
  ...(portal
    ? []
    : [
        {
          key: 'client',
          header: 'Client',
          sortBy: (i: InvoiceRow) => i.clientName,
          cell: (i: InvoiceRow) => i.clientName,
        },
      ]),
  {
    key: 'mois',
    header: 'Mois',
    sortBy: (i) => i.month,
    csv: (i) => monthLabel(i.month),
    cell: (i) => monthLabel(i.month),
  },
  {
    key: 'emission',
    header: 'Émise le',
    sortBy: (i) => i.issuedOn,
    csv: (i) => formatDate(i.issuedOn),
    cell: (i) => formatDate(i.issuedOn),
  },
  {
    key: 'echeance',
    header: 'Échéance',
    sortBy: (i) => (i.kind === 'invoice' ? i.dueOn : null),
    csv: (i) => (i.kind === 'invoice' ? formatDate(i.dueOn) : ''),
    cell: (i) => (i.kind === 'invoice' ? formatDate(i.dueOn) : '—'),
  },
  {
    key: 'montant',
    header: 'Montant',
    align: 'right',
    sortBy: (i) => i.totalCents,
    csv: (i) => formatCents(i.totalCents),
    cell: (i) => formatCents(i.totalCents),
  },
  {
    key: 'reste',
    header: 'Reste dû',
    align: 'right',
    sortBy: (i) => (i.kind === 'invoice' ? i.outstandingCents : null),
    csv: (i) => (i.kind === 'invoice' ? formatCents(i.outstandingCents) : ''),
    cell: (i) => (i.kind === 'invoice' ? formatCents(i.outstandingCents) : '—'),
  },
  { key: 'etat', header: 'État', sortBy: (i) => paymentState(i).label, cell: (i) => <PaymentBadge i={i} /> },
];

/** Invoices and credit notes, filters in the URL; in the portal, the client's own. */
export function InvoicesPage() {
  const orgId = useOrgId();
  const can = useCan();
  const portal = useMembership().role === 'client_user';
  const [f, setF] = useUrlFilters(['month', 'status'] as const);
  const list = useQuery({
    queryKey: ['invoices', orgId, f.month, f.status],
    queryFn: () =>
      call(billingApi.invoices, {
        params: { orgId },
        query: {
          month: f.month || undefined,
          status: INVOICE_PAYMENT_FILTERS.find((x) => x === f.status),
          limit: 200,
        },
      }),
  });
  const due = (list.data?.items ?? []).reduce((s, i) => s + Math.max(0, i.outstandingCents), 0);
  return (
    <>
      <PageHeader
        title={portal ? 'Mes factures' : 'Factures'}
        subtitle={
          list.data
            ? `${list.data.total} document${list.data.total > 1 ? 's' : ''} · reste à encaisser ${formatCents(due)}`
            : undefined
        }
      />
      <Group mb="md">
        <Select
          label="Mois facturé"
          placeholder="Tous"
          clearable
          data={monthOptions()}
          value={f.month || null}
          onChange={(x) => setF({ month: x })}
          w={220}
        />
        <Select
          label="Règlement"
          placeholder="Tous"
          clearable
          data={INVOICE_PAYMENT_FILTERS.map((value) => ({ value, label: INVOICE_PAYMENT_FILTER_LABELS[value] }))}
          value={f.status || null}
          onChange={(x) => setF({ status: x })}
          w={200}
        />
      </Group>
      {portal ? (
        <MyTaxCertificates />
      ) : (
        can('export.read') && (
          <Text size="sm" mb="md">
            Attestations fiscales des particuliers :{' '}
            <Anchor component={Link} to="../exports" relative="path">
              les générer et les télécharger dans Exports
            </Anchor>
            .
          </Text>
        )
      )}
      {!portal && can('payment.write') && <UrssafRequestsPanel />}
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <DataTable
          rows={list.data?.items ?? []}
          columns={columns(portal)}
          rowKey={(i) => i.id}
          caption={portal ? 'Mes factures' : 'Factures et avoirs'}
          empty="Aucune facture."
          csvName="factures"
        />
      )}
    </>
  );
}
