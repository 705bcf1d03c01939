import { Anchor, Badge, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format';
import {
  formatWait,
  NEED_STATUS_COLORS,
  NEED_STATUS_LABELS,
  type NetworkNeedItem,
  needsApi,
  ROUTE_LABELS,
} from '../../shared/needs';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { NO_CLIP } from './badge-styles';
import { jobsText, urgencyColumn } from './columns';

/** The statuses the console filters by (API.md's GET /needs?status=). */
const FILTER_STATUS = needsApi.networkNeeds.query.shape.status.unwrap().options;

const FILTERS = [
  { value: 'open', label: 'À traiter' },
  { value: 'overdue', label: 'En retard' },
  { value: 'unrouted', label: 'Non orientés' },
  { value: 'claimed', label: 'Pris en charge' },
  { value: 'in_diagnostic', label: 'En diagnostic' },
  { value: 'quoted', label: 'Devis envoyé' },
  { value: 'won', label: 'Gagnés' },
  { value: 'lost', label: 'Perdus' },
  { value: 'all', label: 'Tous' },
];

const routedText = (n: NetworkNeedItem) => n.routedTo.map((r) => `${r.name} — ${ROUTE_LABELS[r.status]}`).join(', ');

const columns: DataColumn<NetworkNeedItem>[] = [
  {
    key: 'etablissement',
    header: 'Établissement',
    sortBy: (n) => n.establishmentName,
    cell: (n) => (
      <div>
        <Anchor component={Link} to={n.id}>
          {n.establishmentName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {n.communeName} ({n.departement}) · {n.reference} · reçu le {formatDateTime(n.createdAt)}
        </Text>
        <Text size="xs">{jobsText(n.jobs)}</Text>
      </div>
    ),
  },
  urgencyColumn(),
  {
    key: 'statut',
    header: 'Statut',
    sortBy: (n) => NEED_STATUS_LABELS[n.status],
    csv: (n) => `${NEED_STATUS_LABELS[n.status]}${n.overdue ? ' (en retard)' : ''}`,
    cell: (n) => (
      <Stack gap={4} align="flex-start">
        <Badge color={NEED_STATUS_COLORS[n.status]} variant="dot" tt="none" styles={NO_CLIP}>
          {NEED_STATUS_LABELS[n.status]}
        </Badge>
        {n.overdue && (
          <Badge color="red" tt="none" styles={NO_CLIP}>
            En retard
          </Badge>
        )}
        {n.allDeclined && (
          <Text size="xs" fw={700} c="red.9">
            Tous ont décliné
          </Text>
        )}
      </Stack>
    ),
  },
  {
    key: 'attente',
    header: 'Attente',
    sortBy: (n) => n.waitedMinutes,
    csv: (n) => formatWait(n.waitedMinutes),
    cell: (n) => (
      <Text size="sm" fw={n.overdue ? 700 : 400} c={n.overdue ? 'red.9' : undefined}>
        {formatWait(n.waitedMinutes)}
      </Text>
    ),
  },
  {
    key: 'orientation',
    header: 'Orienté vers',
    csv: routedText,
    cell: (n) =>
      n.routedTo.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune structure
        </Text>
      ) : (
        <Stack gap={0}>
          {n.routedTo.map((r) => (
            <Text size="xs" key={r.organisationId}>
              {r.name} — {ROUTE_LABELS[r.status]}
            </Text>
          ))}
        </Stack>
      ),
  },
  {
    key: 'prise',
    header: 'Pris en charge par',
    sortBy: (n) => n.claimedBy?.name,
    cell: (n) => (n.claimedBy ? <Text size="sm">{n.claimedBy.name}</Text> : '—'),
  },
];

/** The network console: every need of the network with how long it has waited, overdue first. */
export function NetworkNeedsPage() {
  const { networkId } = useParams();
  const [filters, setFilters] = useUrlFilters(['status'] as const);
  const status = filters.status || 'all';
  const list = useQuery({
    queryKey: ['network-needs', networkId, status],
    queryFn: () =>
      call(needsApi.networkNeeds, {
        params: { networkId: networkId ?? '' },
        query: { status: status === 'all' ? undefined : FILTER_STATUS.find((s) => s === status), limit: 200 },
      }),
    refetchInterval: 60_000,
  });
  return (
    <>
      <PageHeader
        title="Besoins du réseau"
        subtitle="Les besoins en retard et non orientés d’abord : réorientez-les vers d’autres structures."
      />
      <ScrollArea type="auto" mb="md">
        <SegmentedControl
          aria-label="Filtrer par statut"
          value={status}
          onChange={(v) => setFilters({ status: v === 'all' ? null : v })}
          data={FILTERS}
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
          rowProps={(n) => ({ 'data-testid': `need-${n.reference}` })}
          caption="Besoins du réseau"
          empty="Aucun besoin avec ce statut."
          searchText={(n) =>
            `${n.establishmentName} ${n.communeName} ${n.departement} ${n.reference} ${jobsText(n.jobs)} ${n.routedTo.map((r) => r.name).join(' ')} ${n.claimedBy?.name ?? ''}`
          }
          csvName="besoins-reseau"
        />
      )}
    </>
  );
}
