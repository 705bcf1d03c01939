import { Anchor, Badge, Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import { type WorkerSummary, workersApi } from '../../shared/workers';
import { call } from '../api';
import { type DataColumn, DataTable } from '../blocks/DataTable';
import { useCan, useOrgId } from '../shell/session';
import { ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
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

const WORKER_COLUMNS: DataColumn<WorkerSummary>[] = [
  {
    key: 'nom',
    header: 'Nom',
    cell: (w) => (
      <>
        <Anchor component={Link} to={w.id}>
          {w.lastName.toUpperCase()} {w.firstName}
        </Anchor>
        {w.exitDate && (
          <Text size="xs" c="dimmed">
            Sorti·e le {formatDate(w.exitDate)}
          </Text>
        )}
      </>
    ),
    csv: (w) => `${w.lastName.toUpperCase()} ${w.firstName}`,
  },
  { key: 'commune', header: 'Commune', cell: (w) => w.communeName, csv: (w) => w.communeName },
  {
    key: 'metiers',
    header: 'Métiers',
    cell: (w) => <Text size="sm">{w.jobs.map((j) => j.label).join(', ')}</Text>,
    csv: (w) => w.jobs.map((j) => j.label).join(', '),
  },
  {
    key: 'pass',
    header: 'Fin du PASS IAE',
    cell: (w) => passBadge(w.passDaysLeft, w.passEndDate),
    csv: (w) => w.passEndDate,
  },
  {
    key: 'heures',
    header: 'Heures max / semaine',
    cell: (w) => w.maxHoursPerWeek ?? '—',
    csv: (w) => w.maxHoursPerWeek,
  },
];

/** The workers of the AI, PASS ending soon first; filters kept in the URL. */
export function WorkersListPage() {
  const orgId = useOrgId();
  const can = useCan();
  const [filters, setFilters] = useUrlFilters(['q', 'job', 'pass', 'status', 'page'] as const);
  const page = Math.max(1, Number(filters.page) || 1);
  const limit = 50;
  const list = useQuery({
    queryKey: ['workers', orgId, filters],
    queryFn: () =>
      call(workersApi.list, {
        params: { orgId },
        query: {
          q: filters.q,
          job: filters.job,
          passEndingSoon: filters.pass === 'soon' ? 'true' : undefined,
          status: (filters.status || 'active') as 'active' | 'exited' | 'all',
          limit,
          offset: (page - 1) * limit,
        },
      }),
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
      ) : (
        list.data && (
          <DataTable
            rows={list.data.items}
            rowKey={(w) => w.id}
            caption={`${list.data.total} salarié·e${list.data.total > 1 ? 's' : ''}`}
            showCaption
            empty="Aucun·e salarié·e ne correspond à ces filtres."
            pageSize={limit}
            total={list.data.total}
            csvName="salaries"
            columns={WORKER_COLUMNS}
          />
        )
      )}
    </>
  );
}
