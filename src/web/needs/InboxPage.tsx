import { Anchor, Badge, Group, ScrollArea, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { INBOX_COLORS, INBOX_LABELS, INBOX_STATUSES, needsApi, URGENCY_LABELS } from '../../shared/needs';
import { call } from '../api';
import { Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import { NO_CLIP } from './badge-styles';
import { useNeedSummary } from './badges';

const FILTERS = INBOX_STATUSES;

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
      ) : list.data.items.length === 0 ? (
        <Empty>{status === 'new' ? 'Aucun nouveau besoin pour le moment.' : 'Aucun besoin avec ce statut.'}</Empty>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Établissement</Table.Th>
                <Table.Th>Métiers</Table.Th>
                <Table.Th>Urgence</Table.Th>
                <Table.Th>Reçu le</Table.Th>
                <Table.Th>Délai</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Anchor component={Link} to={n.id} fw={n.viewedAt ? 400 : 700}>
                      {n.establishmentName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {n.communeName}
                      {n.distanceKm !== null ? ` · ${n.distanceKm.toLocaleString('fr-FR')} km` : ''} · {n.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{n.jobs.map((j) => `${j.headcount} × ${j.label}`).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={n.urgency === 'urgent' ? 'red' : 'gray'} variant="light" tt="none" styles={NO_CLIP}>
                      {URGENCY_LABELS[n.urgency]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(n.createdAt)}</Table.Td>
                  <Table.Td>
                    {n.status === 'new' && n.deadlineAt ? (
                      <Group gap={4}>
                        <Text size="sm">{formatDateTime(n.deadlineAt)}</Text>
                        {n.overdue && (
                          <Badge color="red" size="sm" tt="none" styles={NO_CLIP}>
                            Dépassé
                          </Badge>
                        )}
                      </Group>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={INBOX_COLORS[n.status]} variant="dot" tt="none" styles={NO_CLIP}>
                      {INBOX_LABELS[n.status]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
