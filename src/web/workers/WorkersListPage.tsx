import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import { api, qs } from '../api';
import { useCan, useOrgId } from '../shell/session';
import { Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import type { WorkerSummary } from './model';
import { JobFilter } from './pickers';

export function passBadge(daysLeft: number | null, endDate: string | null) {
  if (endDate === null || daysLeft === null) return <Badge color="red.9">Pas de PASS</Badge>;
  if (daysLeft < 0) return <Badge color="red.9">PASS expiré le {formatDate(endDate)}</Badge>;
  if (daysLeft <= 30)
    return (
      <Badge color="red.9">
        Fin du PASS le {formatDate(endDate)} ({daysLeft} j)
      </Badge>
    );
  if (daysLeft <= 60)
    return (
      <Badge autoContrast color="yellow.4">
        Fin du PASS le {formatDate(endDate)} ({daysLeft} j)
      </Badge>
    );
  return <Text size="sm">{formatDate(endDate)}</Text>;
}

/** The workers of the AI, PASS ending soon first; filters kept in the URL. */
export function WorkersListPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(['q', 'job', 'pass', 'status', 'page'] as const);
  const page = Number(filters.page || 0);
  const limit = 50;
  const list = useQuery({
    queryKey: ['workers', orgId, filters],
    queryFn: () =>
      api<{ items: WorkerSummary[]; total: number }>(
        `/api/orgs/${orgId}/workers${qs({
          q: filters.q,
          job: filters.job,
          passEndingSoon: filters.pass === 'soon' ? 'true' : undefined,
          status: filters.status || 'active',
          limit,
          offset: page * limit,
        })}`,
      ),
  });
  return (
    <>
      <PageHeader
        title="Salarié·es"
        subtitle="Les PASS IAE qui se terminent bientôt apparaissent en premier."
        actions={
          can('worker.write') && (
            <Button component={Link} to="nouveau">
              Nouveau ou nouvelle salarié·e
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Rechercher"
          placeholder="Nom ou prénom"
          value={filters.q}
          onChange={(e) => setFilters({ q: e.currentTarget.value, page: null })}
          w={260}
        />
        <JobFilter value={filters.job} onChange={(job) => setFilters({ job, page: null })} />
        <SegmentedControl
          aria-label="PASS IAE"
          value={filters.pass || 'all'}
          onChange={(v) => setFilters({ pass: v === 'all' ? null : v, page: null })}
          data={[
            { value: 'all', label: 'Tous' },
            { value: 'soon', label: 'PASS finissant dans 60 jours' },
          ]}
        />
        <SegmentedControl
          aria-label="Statut"
          value={filters.status || 'active'}
          onChange={(v) => setFilters({ status: v === 'active' ? null : v, page: null })}
          data={[
            { value: 'active', label: 'En parcours' },
            { value: 'exited', label: 'Sorti·es' },
            { value: 'all', label: 'Tous' },
          ]}
        />
      </Group>
      <ErrorAlert error={list.error} title="Liste indisponible" />
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.items.length === 0 ? (
        <Empty>Aucun·e salarié·e ne correspond à ces filtres.</Empty>
      ) : (
        list.data && (
          <>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nom</Table.Th>
                  <Table.Th>Commune</Table.Th>
                  <Table.Th>Métiers</Table.Th>
                  <Table.Th>Fin du PASS IAE</Table.Th>
                  <Table.Th>Heures max / semaine</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Anchor component={Link} to={w.id}>
                        {w.lastName.toUpperCase()} {w.firstName}
                      </Anchor>
                      {w.exitDate && (
                        <Text size="xs" c="dimmed">
                          Sorti·e le {formatDate(w.exitDate)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{w.communeName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{w.jobs.map((j) => j.label).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>{passBadge(w.passDaysLeft, w.passEndDate)}</Table.Td>
                    <Table.Td>{w.maxHoursPerWeek ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between" mt="sm">
              <Text size="sm" c="dimmed">
                {list.data.total} salarié·e{list.data.total > 1 ? 's' : ''}
              </Text>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={page === 0}
                  onClick={() => setFilters({ page: String(page - 1) })}
                >
                  Précédents
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={(page + 1) * limit >= list.data.total}
                  onClick={() => setFilters({ page: String(page + 1) })}
                >
                  Suivants
                </Button>
              </Group>
            </Group>
          </>
        )
      )}
    </>
  );
}
