import { Badge, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import { INBOX_COLORS, INBOX_LABELS, needsApi, type OrgNeedItem, URGENCY_LABELS } from '../../shared/needs';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader } from '../shell/ui';
import { jobsColumn } from './columns';

const columns: DataColumn<OrgNeedItem>[] = [
  { key: 'reference', header: 'Référence', sortBy: (n) => n.reference, cell: (n) => n.reference },
  jobsColumn(),
  {
    key: 'urgence',
    header: 'Urgence',
    sortBy: (n) => URGENCY_LABELS[n.urgency],
    cell: (n) => URGENCY_LABELS[n.urgency],
  },
  {
    key: 'depot',
    header: 'Déposé le',
    sortBy: (n) => n.createdAt,
    csv: (n) => formatDate(n.createdAt),
    cell: (n) => formatDate(n.createdAt),
  },
  {
    key: 'etat',
    header: 'Où en est-il ?',
    sortBy: (n) => INBOX_LABELS[n.status],
    cell: (n) => (
      <Badge color={INBOX_COLORS[n.status]} variant="outline" c="dark">
        {INBOX_LABELS[n.status]}
      </Badge>
    ),
  },
];

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
      ) : (
        <DataTable
          rows={list.data.items}
          columns={columns}
          rowKey={(n) => n.id}
          caption="Mes besoins"
          empty="Aucun besoin rattaché à votre établissement pour le moment."
        />
      )}
    </>
  );
}
