import { Anchor, Badge, Group, ScrollArea, SegmentedControl, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { INBOX_COLORS, INBOX_LABELS, INBOX_STATUSES, needsApi, type OrgNeedItem } from '../../shared/needs';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { NO_CLIP } from './badge-styles';
import { useNeedSummary } from './badges';
import { jobsColumn, jobsText, urgencyColumn } from './columns';

const FILTERS = INBOX_STATUSES;

/** The deadline to claim matters only while the need is new. */
const deadlineOf = (n: OrgNeedItem) => (n.status === 'new' ? n.deadlineAt : null);

const columns: DataColumn<OrgNeedItem>[] = [
  {
    key: 'etablissement',
    header: 'Établissement',
    sortBy: (n) => n.establishmentName,
    cell: (n) => (
      <div>
        <Anchor component={Link} to={n.id} fw={n.viewedAt ? 400 : 700}>
          {n.establishmentName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {n.communeName}
          {n.distanceKm !== null ? ` · ${n.distanceKm.toLocaleString('fr-FR')} km` : ''} · {n.reference}
        </Text>
      </div>
    ),
  },
  jobsColumn(),
  urgencyColumn(),
  {
    key: 'recu',
    header: 'Reçu le',
    sortBy: (n) => n.createdAt,
    csv: (n) => formatDateTime(n.createdAt),
    cell: (n) => formatDateTime(n.createdAt),
  },
  {
    key: 'delai',
    header: 'Délai',
    sortBy: deadlineOf,
    csv: (n) => {
      const deadline = deadlineOf(n);
      return deadline ? `${formatDateTime(deadline)}${n.overdue ? ' (dépassé)' : ''}` : '';
    },
    cell: (n) => {
      const deadline = deadlineOf(n);
      return deadline ? (
        <Group gap={4}>
          <Text size="sm">{formatDateTime(deadline)}</Text>
          {n.overdue && (
            <Badge color="red" size="sm" tt="none" styles={NO_CLIP}>
              Dépassé
            </Badge>
          )}
        </Group>
      ) : (
        '—'
      );
    },
  },
  {
    key: 'statut',
    header: 'Statut',
    sortBy: (n) => INBOX_LABELS[n.status],
    cell: (n) => (
      <Badge color={INBOX_COLORS[n.status]} variant="dot" tt="none" styles={NO_CLIP}>
        {INBOX_LABELS[n.status]}
      </Badge>
    ),
  },
];

/** The AI's inbox of needs routed to it: new ones first. */
export function InboxPage() {
  const { orgId } = useParams();
  const [filters, setFilters] = useUrlFilters(['status'] as const);
  const status = filters.status || 'new';
  const summary = useNeedSummary();
  const list = useQuery({
    queryKey: ['needs', orgId, status],
    queryFn: () =>
      call(needsApi.inbox, {
        params: { orgId: orgId ?? '' },
        query: { status: status === 'all' ? undefined : INBOX_STATUSES.find((s) => s === status), limit: 200 },
      }),
  });
  const count = (s: string) => summary.data?.[s] ?? 0;
  return (
    <>
      <PageHeader title="Besoins" subtitle="Les besoins des établissements orientés vers votre structure." />
      <ScrollArea type="auto" mb="md">
        <SegmentedControl
          aria-label="Filtrer par statut"
          value={status}
          onChange={(v) => setFilters({ status: v === 'new' ? null : v })}
          data={[
            ...FILTERS.map((s) => ({ value: s, label: `${INBOX_LABELS[s]}${count(s) ? ` (${count(s)})` : ''}` })),
            { value: 'all', label: 'Tous' },
          ]}
        />
      </ScrollArea>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} title="Liste indisponible" />
      ) : (
        <DataTable
          rows={list.data.items}
          columns={columns}
          rowKey={(n) => n.id}
          caption="Besoins orientés vers votre structure"
          empty={status === 'new' ? 'Aucun nouveau besoin pour le moment.' : 'Aucun besoin avec ce statut.'}
          searchText={(n) => `${n.establishmentName} ${n.communeName} ${n.reference} ${jobsText(n.jobs)}`}
          csvName="besoins"
        />
      )}
    </>
  );
}
