import { Anchor, Badge, Group, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format';
import {
  formatWait,
  NEED_STATUS_COLORS,
  NEED_STATUS_LABELS,
  needsApi,
  ROUTE_LABELS,
  URGENCY_LABELS,
} from '../../shared/needs';
import { call } from '../api';
import { Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { NO_CLIP } from './badge-styles';

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
      ) : list.data.items.length === 0 ? (
        <Empty>Aucun besoin avec ce statut.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Établissement</Table.Th>
                <Table.Th>Urgence</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>Attente</Table.Th>
                <Table.Th>Orienté vers</Table.Th>
                <Table.Th>Pris en charge par</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((n) => (
                <Table.Tr key={n.id} data-testid={`need-${n.reference}`}>
                  <Table.Td>
                    <Anchor component={Link} to={n.id}>
                      {n.establishmentName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {n.communeName} ({n.departement}) · {n.reference} · reçu le {formatDateTime(n.createdAt)}
                    </Text>
                    <Text size="xs">{n.jobs.map((j) => `${j.headcount} × ${j.label}`).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={n.urgency === 'urgent' ? 'red' : 'gray'} variant="light" tt="none" styles={NO_CLIP}>
                      {URGENCY_LABELS[n.urgency]}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
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
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={n.overdue ? 700 : 400} c={n.overdue ? 'red.9' : undefined}>
                      {formatWait(n.waitedMinutes)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {n.routedTo.length === 0 ? (
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
                    )}
                  </Table.Td>
                  <Table.Td>{n.claimedBy ? <Text size="sm">{n.claimedBy.name}</Text> : <Group>—</Group>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
